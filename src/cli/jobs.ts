import { readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { UsageError, type Shard } from '../api.js';
import { REPORTS_DIR } from '../load/data-files.js';

/**
 * Reports each process must have to build before `kim build` starts worker processes by itself.
 *
 * A worker is not free: it starts Node and the CLI, then loads and validates the whole data folder again
 * before it renders its first report; with the benchmark's data (scripts/generate-large.mjs, 2 000 staff,
 * 6 000 assignments) that is about 3.5 s of CPU time per worker without kim's parse cache, the CPU time of
 * some hundred reports (about 30 ms each). And one kim process already keeps part of a second core busy
 * (V8 compiles and collects garbage on background threads), so a second process saves less than half the
 * time. Measured on 2 cores, 200 reports took 34.6 ms each with `--jobs 2` against 27.6 ms with
 * `--jobs 1`. 250 is a judgement from these CPU figures (a worker's start at most about half its work),
 * not a measured break-even: see docs/performance.md, and re-measure with `npm run bench`.
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
