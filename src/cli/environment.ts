import { cacheDir } from '../disk-cache.js';
import type { Environment } from '../environment.js';
import { makeTrace, traceNamespaces } from '../trace.js';

/**
 * Everything the CLI takes from its process, read once when it starts (run.ts) and passed down as typed
 * values: to the terminal (colour, GitHub annotations, the folder paths are shown relative to) and, as
 * `library`, to the library (disk cache, SOURCE_DATE_EPOCH, KIM_DEBUG's trace, what a worker process is
 * given). Nothing below src/cli reads `process.env` or `process.cwd()` (test/structure/environment.test.ts).
 */
export interface CliEnvironment {
  library: Environment;
  /** The current folder when kim started: paths are shown relative to it. */
  cwd: string;
  /** `KIM_DEBUG` is set: an internal error is shown with its stack trace. */
  debug: boolean;
  /**
   * SOURCE_DATE_EPOCH is set to something that is not a date: what is wrong with it (German). Only a
   * command that makes PDFs refuses to run with it (exit 2); `kim validate` does not need it.
   */
  sourceDateProblem?: string | undefined;
  /** Under GitHub Actions (`GITHUB_ACTIONS=true`) diagnostics are also printed as `::error` annotations. */
  githubActions: boolean;
  /** The variables chalk's colour detection reads (see terminal.ts colorLevel). */
  color: { FORCE_COLOR?: string | undefined; NO_COLOR?: string | undefined; TERM?: string | undefined };
  /** Fault injection for the tests: the command named here fails with a bug of kim's (exit 3). */
  faultBug?: string | undefined;
}

export function readEnvironment(vars: NodeJS.ProcessEnv, cwd: string): CliEnvironment {
  const trace = makeTrace(traceNamespaces(vars['KIM_DEBUG']), (line) => process.stderr.write(line));
  const cache = cacheDir(vars);
  if (cache === undefined) trace('cache', `Disk-Cache ausgeschaltet (KIM_CACHE=${vars['KIM_CACHE']}): jede Datendatei wird neu gelesen, jedes Template neu übersetzt`);
  const date = parseSourceDateEpoch(vars['SOURCE_DATE_EPOCH']);
  return {
    library: {
      sourceDate: date instanceof Date ? date : undefined,
      cacheDir: cache,
      trace,
      childVariables: childVariables(vars),
      faults: { workerExit: vars['KIM_FAULT_WORKER_EXIT'] },
    },
    cwd,
    debug: (vars['KIM_DEBUG'] ?? '') !== '',
    sourceDateProblem: typeof date === 'string' ? date : undefined,
    githubActions: vars['GITHUB_ACTIONS'] === 'true',
    color: { FORCE_COLOR: vars['FORCE_COLOR'], NO_COLOR: vars['NO_COLOR'], TERM: vars['TERM'] },
    faultBug: vars['KIM_FAULT_BUG'],
  };
}

/** 9999-12-31T23:59:59Z: a PDF date has four digits for the year. */
const LAST_SECOND = 253_402_300_799;

/**
 * `SOURCE_DATE_EPOCH`: none when unset or empty (then the report's Stand); a value that is not a whole
 * number of seconds gives what is wrong with it (the convention: a malformed value should fail the
 * build), not silently the Stand: whoever set it expects that date.
 */
export function parseSourceDateEpoch(value: string | undefined): Date | string | undefined {
  if (value === undefined || value === '') return undefined;
  const seconds = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!(seconds <= LAST_SECOND)) {
    return `SOURCE_DATE_EPOCH ist "${value}". Erwartet wird eine ganze Zahl von Sekunden seit dem 01.01.1970 (z. B. 1700000000), höchstens bis zum Jahr 9999, oder die Variable nicht gesetzt (dann gilt der Datenstand der Vorlage).`;
  }
  return new Date(seconds * 1000);
}

/**
 * The variables a worker process needs to render as this process does, and nothing else (no tokens or
 * passwords of the caller's environment): the time zone and locale (same dates, same bytes), Node's own
 * options and coverage folder (how the caller runs Node), and on Windows SYSTEMROOT, without which Node's
 * crypto cannot start. PATH is not secret and some tools look for it.
 */
const CHILD_VARIABLES = /^(TZ|LANG|LANGUAGE|LC_[A-Z]+|NODE_OPTIONS|NODE_V8_COVERAGE|SYSTEMROOT|SystemRoot|PATH|Path)$/;

export function childVariables(vars: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(vars).filter((e): e is [string, string] => CHILD_VARIABLES.test(e[0]) && e[1] !== undefined));
}
