import { availableParallelism } from 'node:os';
import { UsageError } from '../api.js';

/** Default of --jobs: the cores this process may use, at most 8 (more gained nothing measurable). */
export const defaultJobs = (): number => Math.min(availableParallelism(), 8);

/** Parses --jobs; a wrong value is a usage error. */
export function parseJobs(text: string): number {
  const n = Number(text.trim());
  if (!/^\d+$/.test(text.trim()) || n < 1 || n > 64) throw new UsageError(`Ungültiger Wert für --jobs: "${text}". Erwartet wird eine ganze Zahl von 1 bis 64, z. B. --jobs 2.`);
  return n;
}
