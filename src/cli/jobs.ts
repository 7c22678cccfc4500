import { readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { UsageError, type Shard } from '../api.js';
import { REPORTS_DIR } from '../load/data-files.js';

/**
 * Reports each process must have to build before `kim build` starts worker processes by itself.
 *
 * A worker is not free: it starts Node and the CLI, then loads and validates the whole data folder again
 * before it renders its first report. Measured with the benchmark's data (scripts/generate-large.mjs,
 * 2 000 staff, 6 000 assignments; docs/performance.md), in CPU time of all processes: a worker costs
 * 1.1–1.7 s (up to 3.2 s in longer builds) with kim's parse cache filled, 2.4–5.4 s without, while a
 * report costs about 45 ms. Where the second core is free, the worker's half of the work pays for that
 * once it is larger than the start; where the cores are busy anyway (a shared CI runner, other work), the
 * pool only adds that CPU time: wall times measured on a machine loaded 9–18 on 2 cores went either way
 * at every size from 50 to 600 reports. So a worker is started only when its start is small beside its
 * share even without the parse cache: with 250 reports per process its share is ≥ 11 s of CPU time, its
 * start (≤ 3.2 s with the parse cache, ≤ 5.4 s without) well under half of that. Re-measure with `npm run bench` (the build rows) before moving it.
 */
export const REPORTS_PER_PROCESS = 250;

/** More processes gained nothing measurable. */
const MAX_JOBS = 8;

/**
 * The number of processes when --jobs is not given: one per core, but only as many as have
 * REPORTS_PER_PROCESS reports each, so a small or middling build runs in this one process and never pays
 * for a pool that cannot earn its start. An explicit --jobs is taken as given (see parseJobs).
 */
export function automaticJobs(cores: number, reports: number): number {
  return Math.max(1, Math.min(MAX_JOBS, cores, Math.floor(reports / REPORTS_PER_PROCESS)));
}

/** Default of --jobs for this data folder (its report files, of this shard) on this machine. */
export function defaultJobs(dataDir: string, shard?: Shard): number {
  let files = 0;
  try {
    // A count, not a check: names are read again (and validated) by the build itself.
    files = readdirSync(join(dataDir, REPORTS_DIR)).filter((n) => /\.ya?ml$/i.test(n) && !n.startsWith('.')).length;
  } catch {
    // No reports folder: the build says so.
  }
  return automaticJobs(availableParallelism(), shard ? Math.ceil(files / shard.count) : files);
}

/** Parses --jobs; a wrong value is a usage error. */
export function parseJobs(text: string): number {
  const n = Number(text.trim());
  if (!/^\d+$/.test(text.trim()) || n < 1 || n > 64) throw new UsageError(`Ungültiger Wert für --jobs: "${text}". Erwartet wird eine ganze Zahl von 1 bis 64, z. B. --jobs 2.`);
  return n;
}
