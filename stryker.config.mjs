// Mutation testing (`npm run mutation`, not in CI: it takes long). StrykerJS changes kim's sources one
// small edit at a time ("mutant") and runs the in-process tests (vitest.mutation.config.ts) against each;
// a mutant no test notices is a wrong Vorlage the tests would let through. scripts/mutation.mjs runs this
// and prints the score per folder; mutation-survivors.md argues the survivors that are equivalent.
import { folderNamed } from './scripts/mutation-folders.mjs';

// scripts/mutation.mjs runs Stryker once per folder of scripts/mutation-folders.mjs and names it here;
// without a name (a plain `npx stryker run`) every folder is mutated and all in-process tests run.
const folder = folderNamed(process.env.KIM_MUTATION_FOLDER ?? '');
// A run over a few files of a folder (`npm run mutation -- src/german/numbers.ts`) keeps its results apart,
// so the folder's own report stays whole.
const results = `reports/mutation/${folder?.name ?? 'all'}${process.env.KIM_MUTATION_PARTIAL ? '.partial' : ''}`;

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: { configFile: 'vitest.mutation.config.ts', related: false },
  // Each mutant runs only the tests that execute its code.
  coverageAnalysis: 'perTest',
  // A static mutant changes code that runs once when a module loads (word tables, style tables, regular
  // expressions built at load): no test can be chosen for it, so Stryker runs all ~1000 in-process tests
  // per static mutant (about 80 s each; half of kim's 6 600 mutants are static: days of CPU). They are
  // left out and reported as "Ignored"; the score counts the mutants of code that runs per call. The
  // tables themselves are checked by the tests that read their words (test/german/, test/report/).
  ignoreStatic: true,
  mutate: [...(folder ? [`${folder.folder}/**/*.ts`] : ['src/german/**/*.ts', 'src/model/**/*.ts', 'src/emit/pdf/layout/**/*.ts']), '!src/**/types.ts'],
  // types.ts files and src/model/generated/ (from the JSON Schemas) hold types only. dist/ stays in the sandbox: in-process tests read the built PDF assets.
  // Anchored: a bare 'reports' would also drop every data folder's reports/.
  ignorePatterns: ['/out', '/reports', '/.stryker-tmp'],
  // Results of unchanged code and tests are reused between runs (the file is not committed).
  incremental: true,
  incrementalFile: `${results}.incremental.json`,
  reporters: ['clear-text', 'progress', 'json', 'html'],
  jsonReporter: { fileName: `${results}.json` },
  htmlReporter: { fileName: `${results}.html` },
  thresholds: { high: 90, low: 80, break: null },
  timeoutMS: 60_000,
  // The initial run of all in-process tests took over Stryker's default 5 minutes on the shared machine.
  dryRunTimeoutMinutes: 30,
  // Two test processes for two cores; KIM_MUTATION_CONCURRENCY=1 while another run shares the machine.
  concurrency: Number(process.env.KIM_MUTATION_CONCURRENCY) || 2,
  cleanTempDir: 'always',
  // Stryker rewrites tsconfig.json's project references with the `typescript` package's JavaScript API,
  // which TypeScript 7 (native) no longer has; kim has no references and vitest needs no tsconfig, so
  // Stryker is pointed at no file.
  tsconfigFile: 'tsconfig.stryker-none.json',
};
