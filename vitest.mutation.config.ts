import { defineConfig } from 'vitest/config';
import { folderNamed } from './scripts/mutation-folders.mjs';

/**
 * The tests StrykerJS runs against each mutant (`npm run mutation`, stryker.config.mjs): the ones that
 * import kim's sources in-process. Tests that spawn the built CLI (dist/) never see a mutant of src/, so
 * they would only cost time; the build (global setup) is not needed either.
 */
const ALL_TESTS = [
  'test/german/**/*.test.ts',
  'test/report/**/*.test.ts',
  'test/pdf/**/*.test.ts',
  'test/render/**/*.test.ts',
  'test/model/**/*.test.ts',
  'test/validate/**/*.test.ts',
  'test/faults/**/*.test.ts',
];

/**
 * KIM_MUTATION_TESTS='test/german/**,test/report/**' narrows the tests while working on one folder (a run
 * is much faster without the PDF tests). Fewer tests kill fewer mutants, so a narrowed score is a lower
 * bound. `npm run mutation` runs each folder against its own tests (scripts/mutation-folders.mjs), for the same
 * reason; without a folder or a narrowing, all in-process tests run.
 */
const narrowed = process.env.KIM_MUTATION_TESTS?.split(',')
  .map((glob) => glob.trim())
  .filter(Boolean);
/** scripts/mutation.mjs names the folder it mutates; that folder's tests are in scripts/mutation-folders.mjs. */
const folderTests = folderNamed(process.env.KIM_MUTATION_FOLDER ?? '')?.tests;

export default defineConfig({
  test: {
    env: { KIM_CACHE: 'off' },
    testTimeout: 60_000,
    include: narrowed && narrowed.length > 0 ? narrowed : (folderTests ?? ALL_TESTS),
    exclude: [
      'test/report/cli.test.ts',
      'test/report/fact-slots-cli.test.ts',
      'test/report/landkreis-rabenau.test.ts',
      'test/pdf/chart.test.ts',
      'test/pdf/hyphenated-words.test.ts',
      'test/pdf/tagged-text.test.ts',
      'test/validate/all-errors.test.ts',
      'test/validate/cli.test.ts',
      'test/validate/code-climate.test.ts',
      'test/validate/drawable-characters.test.ts',
      'test/validate/dropped-data.test.ts',
      'test/validate/hostile-images.test.ts',
      'test/validate/rule-types.test.ts',
      'test/faults/cli.test.ts',
      'test/faults/kill.test.ts',
    ],
  },
});
