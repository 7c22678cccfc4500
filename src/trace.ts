/**
 * `KIM_DEBUG=build,cache,pool` (or `*`): one line on stderr per event, prefixed `kim:<namespace>`, saying
 * why a report was rebuilt or skipped, which disk cache was hit, whether worker processes start (as
 * marp-cli's `dbg('marp-cli:config')`). The variable is read once by the CLI (cli/environment.ts) and the
 * resulting `Trace` is passed down in the Environment; below the CLI nothing reads it. Trace lines are
 * for whoever debugs a build: German like every message, and ids and file names only, never a person.
 */
export const TRACE_NAMESPACES = ['build', 'cache', 'pool'] as const;
export type TraceNamespace = (typeof TRACE_NAMESPACES)[number];

/** Writes one trace line when its namespace is switched on; does nothing otherwise. */
export type Trace = (namespace: TraceNamespace, message: string) => void;

/** Without KIM_DEBUG: silent. */
export const NO_TRACE: Trace = () => undefined;

/** The namespaces a `KIM_DEBUG` value switches on: a comma- or space-separated list, `*` for all, `kim:build` also accepted. */
export function traceNamespaces(value: string | undefined): Set<TraceNamespace> {
  const words = (value ?? '').split(/[\s,]+/).map((w) => w.replace(/^kim:/, '')).filter((w) => w !== '');
  if (words.includes('*')) return new Set(TRACE_NAMESPACES);
  return new Set(TRACE_NAMESPACES.filter((ns) => words.includes(ns)));
}

/** A Trace writing the switched-on namespaces to `write` (the CLI's stderr); NO_TRACE when none is on. */
export function makeTrace(namespaces: ReadonlySet<TraceNamespace>, write: (line: string) => void): Trace {
  if (namespaces.size === 0) return NO_TRACE;
  return (namespace, message) => {
    if (namespaces.has(namespace)) write(`kim:${namespace} ${message}\n`);
  };
}
