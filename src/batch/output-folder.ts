/**
 * The output folder holds exactly the outputs of the reports a build is asked for, so that whatever CI
 * uploads from it is current: the outputs of a report that no longer exists (deleted, renamed, or now
 * in another --shard part), of a report that fails, and of a report about to be rebuilt are removed.
 *
 * kim deletes only what it wrote. A report's outputs are kim's when the manifest folder `.kim/` has an
 * entry (`<id>.json`) or a claim (`<id>.claim`) for the report: the claim is made before kim writes the
 * report's first output and removed after its last output is deleted, so it also covers the moment
 * between dropping an entry and writing the next one (a build killed there). A `changelog.md` or
 * `notizen.pdf` that kim never wrote has neither and stays, whatever its name.
 *
 * Only names kim gives outputs are touched (`<id>.md`, `<id>.diagramm.svg` (the staffing chart beside the
 * Markdown), `<id>.pdf`, `<id>.docx`, `<id>.oparl.json` (emit/output-formats.ts) with an id as the
 * schemas allow it, and `.kim/<id>.json`/`.claim`), never names read from a manifest entry: that file
 * lies in the output folder and is no more trusted than the data. A report's entry is always removed
 * before its files, so no entry ever names a file that is gone.
 */
import { access, open, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { OutputError } from '../errors.js';
import { makeFolder } from '../files/make-folder.js';
import { OUTPUT_FORMAT_NAMES, oparlFileName, outputFileName } from '../emit/output-formats.js';
import { chartFileName } from '../render/render-report.js';
import { writeFailureReason } from '../files/atomic-write.js';
import { dropEntry, entryPath, MANIFEST_DIR } from './manifest.js';

/** An id as the schemas allow it: lower-case letters, digits and hyphens (no dots). */
const ID = /^[a-z0-9][a-z0-9-]*$/;

/** Every output of a report: each format's file (a new format is covered), the chart's SVG right after the Markdown that shows it, the OParl Paper last. */
export const outputNames = (id: string): string[] => [...OUTPUT_FORMAT_NAMES.flatMap((f) => (f === 'md' ? [outputFileName(id, f), chartFileName(id)] : [outputFileName(id, f)])), oparlFileName(id)];

const claimPath = (outDir: string, id: string): string => join(outDir, MANIFEST_DIR, `${id}.claim`);

const exists = (path: string): Promise<boolean> => access(path).then(
  () => true,
  () => false,
);

/** Whether kim wrote (or is writing) this report's outputs here: it has an entry or a claim. */
export async function ownsOutputs(outDir: string, id: string): Promise<boolean> {
  return (await exists(entryPath(outDir, id))) || (await exists(claimPath(outDir, id)));
}

/**
 * Marks the report's outputs as kim's before the first of them (`firstOutput`) is written (an empty
 * file: nothing to be half-written). A claim that is already there is kept. When it cannot be made,
 * the output cannot be written either, and the error names that file: the clerk knows it, not `.kim/`.
 */
export async function claimOutputs(outDir: string, id: string, firstOutput: string): Promise<void> {
  try {
    await makeFolder(join(outDir, MANIFEST_DIR));
    await (await open(claimPath(outDir, id), 'a')).close();
  } catch (cause) {
    throw new OutputError(`Die Datei ${join(outDir, firstOutput)} konnte nicht geschrieben werden: ${writeFailureReason(cause)}.`);
  }
}

/**
 * Deletes a report's outputs of every format (whatever this build's --format), if they are kim's:
 * entry first (an OutputError when it cannot be removed; then the files stay), then the files, then the
 * claim (kept with `keepClaim`, when the report is about to be written again). Returns the absolute
 * paths actually deleted; an output kim did not write is left alone.
 */
export async function removeOutputs(outDir: string, id: string, options: { keepClaim?: boolean } = {}): Promise<string[]> {
  if (!(await ownsOutputs(outDir, id))) return [];
  await dropEntry(outDir, id);
  const removed: string[] = [];
  for (const name of outputNames(id)) {
    const path = join(outDir, name);
    // Without `force`, rm fails on a missing file: only what existed is reported. Best effort otherwise
    // (a file held open on Windows stays; the claim then stays too, so a later build removes it).
    if (await rm(path).then(() => true, () => false)) removed.push(path);
  }
  const left = await Promise.all(outputNames(id).map((name) => exists(join(outDir, name))));
  if (!options.keepClaim && !left.includes(true)) await rm(claimPath(outDir, id), { force: true }).catch(() => undefined);
  return removed;
}

/**
 * Removes the entries and outputs of every report not in `keep`; returns the absolute paths of the
 * output files deleted. Only reports with an entry or a claim are looked at: a file in the folder
 * that kim did not write is never deleted. A missing output folder has nothing to remove.
 */
export async function removeOthers(outDir: string, keep: ReadonlySet<string>): Promise<string[]> {
  const ids = new Set<string>();
  for (const name of await readdir(join(outDir, MANIFEST_DIR)).catch(() => [] as string[])) {
    const id = /^(.+)\.(json|claim)$/.exec(name)?.[1];
    if (id !== undefined && ID.test(id)) ids.add(id);
  }
  const removed: string[] = [];
  for (const id of [...ids].sort()) {
    if (keep.has(id)) continue;
    removed.push(...(await removeOutputs(outDir, id)));
  }
  return removed;
}
