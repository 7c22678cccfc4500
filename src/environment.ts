/**
 * What kim takes from its environment (variables), read once at the edge (the CLI, `readEnvironment`) and
 * passed down as one value: the library and the stages never read `process.env` themselves, so tests
 * give them an environment instead of changing the process's.
 */
export interface Environment {
  /**
   * `SOURCE_DATE_EPOCH` (the reproducible-builds convention): seconds since 1970 for the PDF's dates;
   * without it, the report's Stand.
   */
  sourceDateEpoch?: string | undefined;
  /** kim's disk cache of parsed data files and compiled templates (see disk-cache.ts); none: no cache. */
  cacheDir?: string | undefined;
}

/** No cache, no SOURCE_DATE_EPOCH: what the library uses when a caller gives no environment. */
export const NO_ENVIRONMENT: Environment = {};
