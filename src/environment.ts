import type { Trace } from './trace.js';

/**
 * What kim takes from its environment (variables, the current folder), read and checked once at the edge
 * (the CLI, cli/environment.ts) and passed down as one typed value: the library and the stages never read
 * `process.env` or `process.cwd()` themselves, so tests give them an environment instead of changing the
 * process's (test/structure/environment.test.ts keeps it so).
 */
export interface Environment {
  /**
   * The PDF's dates, from `SOURCE_DATE_EPOCH` (the reproducible-builds convention, checked by the CLI);
   * none: the report's Stand.
   */
  sourceDate?: Date | undefined;
  /** kim's disk cache of parsed data files and compiled templates (see disk-cache.ts); none: no cache. */
  cacheDir?: string | undefined;
  /** `KIM_DEBUG`'s trace lines (see trace.ts); none: silent. */
  trace?: Trace | undefined;
  /**
   * The variables a child process of kim (a worker of `kim build`) is started with: only what Node needs
   * to run it as this process runs (time zone, locale, Node's own options), chosen by the CLI; never the
   * caller's whole environment, which may hold tokens. None: an empty environment.
   */
  childVariables?: Readonly<Record<string, string>> | undefined;
  /** Faults the tests inject (cli/environment.ts reads them); none in normal use. */
  faults?: Faults | undefined;
}

/** Faults for the tests of what kim does when it breaks; each is off when absent. */
export interface Faults {
  /** A worker of `kim build` dies (exit 99) when sent this report id, or its first report with `*`. */
  workerExit?: string | undefined;
}

/** No cache, no SOURCE_DATE_EPOCH: what the library uses when a caller gives no environment. */
export const NO_ENVIRONMENT: Environment = {};
