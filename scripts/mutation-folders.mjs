// The folders `npm run mutation` scores (issue #23: each ≥ 90 %) and the tests each is run against.
//
// Why per folder: StrykerJS runs, for every mutant, the tests that executed its line. A line of the model
// is executed by nearly every report test (about 40 s of tests per mutant on two cores), so one run over
// all folders with all in-process tests takes many hours. Each folder is therefore mutated against the
// tests written for it. Fewer tests kill fewer mutants: a score here is a lower bound of what the whole
// suite detects, never more.
export const MUTATION_FOLDERS = [
  {
    name: 'german',
    folder: 'src/german',
    tests: ['test/german/**/*.test.ts', 'test/render/name-matching-classes.test.ts'],
  },
  {
    name: 'model',
    folder: 'src/model',
    tests: ['test/model/**/*.test.ts'],
  },
  {
    name: 'layout',
    folder: 'src/emit/pdf/layout',
    // The layout is pure (measure injected): its own tests, and two that lay out whole Vorlagen. Left
    // out: the tests of fonts, conformance and letterhead (the writer's, seconds each for every mutant).
    tests: [
      'test/pdf/linebreak.test.ts',
      'test/pdf/line-cache.test.ts',
      'test/pdf/markdown.test.ts',
      'test/pdf/page-foot.test.ts',
      'test/pdf/paginate.test.ts',
      'test/pdf/table.test.ts',
      'test/pdf/word-breaks.test.ts',
      'test/pdf/hyphenation.test.ts',
      'test/pdf/pagination.test.ts',
      'test/pdf/content.test.ts',
    ],
  },
];

export const folderNamed = (name) => MUTATION_FOLDERS.find((f) => f.name === name);
