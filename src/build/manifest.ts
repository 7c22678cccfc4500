import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../emit/atomic-write.js';

/** Name of the build manifest inside the output folder. */
export const MANIFEST_NAME = '.kim-manifest.json';

/** What one report was built from and what came out; the key decides whether the next build may skip it. */
export interface ManifestEntry {
  /** sha256 over `inputs`: equal key, equal output. */
  key: string;
  /** The parts of the key, kept so a person can see what changed. */
  inputs: Record<string, string>;
  /** Output file name (relative to the output folder) → sha256 of its bytes. */
  outputs: Record<string, string>;
}

export interface Manifest {
  /** Format of this file; a different number means "start afresh". */
  manifestVersion: 1;
  reports: Record<string, ManifestEntry>;
}

const empty = (): Manifest => ({ manifestVersion: 1, reports: {} });

/** Reads the manifest; a missing, unreadable or foreign file just means "nothing is known to be current". */
export async function readManifest(outDir: string): Promise<Manifest> {
  try {
    const parsed = JSON.parse(await readFile(join(outDir, MANIFEST_NAME), 'utf8')) as Partial<Manifest>;
    if (parsed.manifestVersion !== 1 || typeof parsed.reports !== 'object' || parsed.reports === null) return empty();
    return { manifestVersion: 1, reports: { ...parsed.reports } };
  } catch {
    return empty();
  }
}

/**
 * Writes the whole manifest atomically. Called after each report, once its files are in place: if the
 * build is killed, the manifest names only reports whose files were completely written.
 */
export async function writeManifest(outDir: string, manifest: Manifest): Promise<void> {
  const sorted: Manifest = { manifestVersion: 1, reports: Object.fromEntries(Object.entries(manifest.reports).sort(([a], [b]) => (a < b ? -1 : 1))) };
  await writeFileAtomic(join(outDir, MANIFEST_NAME), `${JSON.stringify(sorted, null, 2)}\n`);
}
