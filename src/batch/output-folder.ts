/**
 * The output folder holds exactly the outputs of the reports a build is asked for, so that whatever CI
 * uploads from it is current: the outputs of a report that no longer exists (deleted, renamed, or now
 * in another --shard part), of a report that fails, and of a report about to be rebuilt are removed.
 *
 * Only names kim gives outputs are touched (`<id>.md`, `<id>.pdf`, `<id>.oparl.json` with an id as the
 * schemas allow it, and `.kim/<id>.json`), never names read from a manifest entry: that file lies in the
 * output folder and is no more trusted than the data. A report's entry is always removed before its
 * files, so no entry ever names a file that is gone.
 */
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { dropEntry, MANIFEST_DIR } from './manifest.js';

/** `<id>.md`, `<id>.pdf`, `<id>.oparl.json`; ids are lower-case letters, digits and hyphens (no dots). */
const OUTPUT_NAME = /^([a-z0-9][a-z0-9-]*)\.(md|pdf|oparl\.json)$/;

export const outputNames = (id: string): string[] => [`${id}.md`, `${id}.pdf`, `${id}.oparl.json`];

/**
 * Deletes a report's outputs of every format (whatever this build's --format); returns the absolute
 * paths actually deleted. The caller has dropped the report's entry.
 */
export async function removeOutputs(outDir: string, id: string): Promise<string[]> {
  const removed: string[] = [];
  for (const name of outputNames(id)) {
    const path = join(outDir, name);
    // Without `force`, rm fails on a missing file: only what existed is reported. Best effort otherwise.
    if (await rm(path).then(() => true, () => false)) removed.push(path);
  }
  return removed;
}

/**
 * Removes the entries and outputs of every report not in `keep`; returns the absolute paths of the
 * output files deleted. A missing output folder has nothing to remove.
 */
export async function removeOthers(outDir: string, keep: ReadonlySet<string>): Promise<string[]> {
  const ids = new Set<string>();
  for (const name of await readdir(join(outDir, MANIFEST_DIR)).catch(() => [] as string[])) {
    const id = /^(.+)\.json$/.exec(name)?.[1];
    if (id !== undefined && OUTPUT_NAME.test(`${id}.md`)) ids.add(id);
  }
  for (const name of await readdir(outDir).catch(() => [] as string[])) {
    const id = OUTPUT_NAME.exec(name)?.[1];
    if (id !== undefined) ids.add(id);
  }
  const removed: string[] = [];
  for (const id of [...ids].sort()) {
    if (keep.has(id)) continue;
    await dropEntry(outDir, id);
    removed.push(...(await removeOutputs(outDir, id)));
  }
  return removed;
}
