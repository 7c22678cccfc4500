import { UsageError } from './errors.js';
import type { Trace } from './trace.js';

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
  /** `KIM_DEBUG`'s trace lines (see trace.ts); none: silent. */
  trace?: Trace | undefined;
}

/** No cache, no SOURCE_DATE_EPOCH: what the library uses when a caller gives no environment. */
export const NO_ENVIRONMENT: Environment = {};

/** 9999-12-31T23:59:59Z: a PDF date has four digits for the year. */
const LAST_SECOND = 253_402_300_799;

/**
 * The PDF's dates from `SOURCE_DATE_EPOCH`: none when it is unset or empty (then the report's Stand). A
 * value that is not a whole number of seconds is an error (the convention: a malformed value should fail
 * the build), not silently the Stand: whoever set it expects that date.
 */
export function sourceDate(env: Pick<Environment, 'sourceDateEpoch'>): Date | undefined {
  const value = env.sourceDateEpoch;
  if (value === undefined || value === '') return undefined;
  const seconds = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!(seconds <= LAST_SECOND)) {
    throw new UsageError(
      `SOURCE_DATE_EPOCH ist "${value}". Erwartet wird eine ganze Zahl von Sekunden seit dem 01.01.1970 (z. B. 1700000000), höchstens bis zum Jahr 9999, oder die Variable nicht gesetzt (dann gilt der Datenstand der Vorlage).`,
    );
  }
  return new Date(seconds * 1000);
}
