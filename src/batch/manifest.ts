import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFailureReason, writeFileAtomic } from '../files/atomic-write.js';
import { OutputError } from '../errors.js';

/**
 * The build manifest: one small file per report, `<out>/.kim/<id>.json`. One file per report (instead
 * of one file for all) makes recording a report O(1) instead of O(reports) — the single file was
 * rewritten twice per report, which made a build quadratic — and lets two builds (or a build's worker
 * processes) record reports side by side without one overwriting the other's entries.
 */
export const MANIFEST_DIR = '.kim';

/** The single manifest file of earlier kim builds; ignored and removed (its reports are built once more). */
export const LEGACY_MANIFEST = '.kim-manifest.json';

/** What one report was built from and what came out; the key decides whether the next build may skip it. */
export interface ManifestEntry {
  /** sha256 over `inputs`: equal key, equal output. */
  key: string;
  /** The parts of the key, kept so a person can see what changed (about 1 kB). */
  inputs: Record<string, string>;
  /** Output file name (relative to the output folder) → sha256 of its bytes. */
  outputs: Record<string, string>;
}

interface EntryFile extends ManifestEntry {
  /** Format of this file; a different number means "not known to be current". */
  manifestVersion: 2;
  id: string;
}

export const entryPath = (outDir: string, id: string): string => join(outDir, MANIFEST_DIR, `${id}.json`);

/** A report's entry; a missing, unreadable or foreign file just means "not known to be current". */
export async function readEntry(outDir: string, id: string): Promise<ManifestEntry | undefined> {
  try {
    const parsed = JSON.parse(await readFile(entryPath(outDir, id), 'utf8')) as Partial<EntryFile>;
    if (parsed.manifestVersion !== 2 || parsed.id !== id || typeof parsed.key !== 'string') return undefined;
    if (typeof parsed.outputs !== 'object' || parsed.outputs === null) return undefined;
    return { key: parsed.key, inputs: { ...parsed.inputs }, outputs: { ...parsed.outputs } };
  } catch {
    return undefined;
  }
}

/**
 * Records a report, atomically (old or new complete entry). Called once its files are all in place, so
 * an entry only ever names files that are on disk with the recorded bytes. Not fsynced: see
 * writeFileAtomic's `durable` and the end of buildAll.
 */
export async function writeEntry(outDir: string, id: string, entry: ManifestEntry): Promise<void> {
  const file: EntryFile = { manifestVersion: 2, id, key: entry.key, inputs: entry.inputs, outputs: entry.outputs };
  await writeFileAtomic(entryPath(outDir, id), `${JSON.stringify(file, null, 2)}\n`, { durable: false });
}

/**
 * Removes a report's entry (before its files are replaced or deleted). A missing entry is fine; any other
 * failure is an OutputError, and the caller must then leave the files alone.
 */
export async function dropEntry(outDir: string, id: string): Promise<void> {
  const path = entryPath(outDir, id);
  try {
    await rm(path, { force: true });
  } catch (cause) {
    // Below a regular file (ENOTDIR) there is no entry either; the write that follows says what is wrong.
    if ((cause as NodeJS.ErrnoException).code === 'ENOTDIR') return;
    throw new OutputError(`Die Datei ${path} konnte nicht gelöscht werden: ${writeFailureReason(cause)}.`);
  }
}

/** Removes the single manifest of older kim versions (it would otherwise vouch for files this kim replaces). */
export async function removeLegacyManifest(outDir: string): Promise<void> {
  await rm(join(outDir, LEGACY_MANIFEST), { force: true }).catch(() => undefined);
}
