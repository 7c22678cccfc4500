import { cacheDir } from '../disk-cache.js';
import type { Environment } from '../environment.js';
import { makeTrace, traceNamespaces } from '../trace.js';

/**
 * Everything the CLI takes from environment variables, read once when it starts (run.ts) and passed
 * down: to the terminal (colour, GitHub annotations) and, as `library`, to the library (disk cache,
 * SOURCE_DATE_EPOCH, KIM_DEBUG's trace). Nothing below the CLI reads `process.env`.
 */
export interface CliEnvironment {
  library: Environment;
  /** Under GitHub Actions (`GITHUB_ACTIONS=true`) diagnostics are also printed as `::error` annotations. */
  githubActions: boolean;
  /** The variables chalk's colour detection reads (see terminal.ts colorLevel). */
  color: { FORCE_COLOR?: string | undefined; NO_COLOR?: string | undefined; TERM?: string | undefined };
}

export function readEnvironment(vars: NodeJS.ProcessEnv): CliEnvironment {
  const trace = makeTrace(traceNamespaces(vars['KIM_DEBUG']), (line) => process.stderr.write(line));
  const cache = cacheDir(vars);
  if (cache === undefined) trace('cache', `Disk-Cache ausgeschaltet (KIM_CACHE=${vars['KIM_CACHE']}): jede Datendatei wird neu gelesen, jedes Template neu übersetzt`);
  return {
    library: { sourceDateEpoch: vars['SOURCE_DATE_EPOCH'], cacheDir: cache, trace },
    githubActions: vars['GITHUB_ACTIONS'] === 'true',
    color: { FORCE_COLOR: vars['FORCE_COLOR'], NO_COLOR: vars['NO_COLOR'], TERM: vars['TERM'] },
  };
}
