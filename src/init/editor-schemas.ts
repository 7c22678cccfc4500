/**
 * The JSON Schemas a data repository keeps for the editor. `kim init` copies kim's schemas into
 * `schemas/` beside `data/`, and the first line of every data file points there
 * (`# yaml-language-server: $schema=../schemas/staff.schema.json`): the editor knows every field before
 * `npm install` has run, and without a node_modules folder at all.
 *
 * The copies are kim's, not the clerk's: `kim validate` rewrites any that differ from the kim that runs
 * (after an update of kim) and names them, so the change is committed with the update. Rewriting rather
 * than warning, because a stale schema is wrong at once in the editor (it flags valid data or misses new
 * fields), the fix is always the same copy, and nobody edits these files by hand.
 */
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { writeFileAtomic } from '../files/atomic-write.js';
import { packageRoot } from '../paths.js';
import { editorSchema } from './editor-schema.js';

/** Folder of the editor's schemas, relative to the repository root (the data folder's parent). */
export const EDITOR_SCHEMA_DIR = 'schemas';

const PACKAGE_SCHEMAS = join(packageRoot, 'schemas');

/** kim's schema files (`report.schema.json` …), sorted. */
export async function packageSchemaNames(): Promise<string[]> {
  return (await readdir(PACKAGE_SCHEMAS)).filter((f) => f.endsWith('.schema.json')).sort();
}

/** The text of the editor's copy of kim's schema `name` (see editor-schema.ts). */
export async function editorSchemaText(name: string): Promise<string> {
  const schema = JSON.parse(await readFile(join(PACKAGE_SCHEMAS, name), 'utf8')) as Record<string, unknown>;
  return `${JSON.stringify(editorSchema(schema), null, 2)}\n`;
}

/**
 * Brings the repository's `schemas/` (beside the data folder `dataDir`) up to this kim's schemas.
 * Returns the files it rewrote or added (absolute). A repository without that folder (made before kim
 * kept the schemas there, or one that does not want them) is left alone, and so is kim's own checkout.
 */
export async function refreshEditorSchemas(dataDir: string): Promise<string[]> {
  const dir = resolve(dataDir, '..', EDITOR_SCHEMA_DIR);
  // kim's own checkout has data/ beside its schemas/: those are the sources, never copies.
  if (!(await stat(dir).catch(() => undefined))?.isDirectory()) return [];
  if ((await realpath(dir)) === (await realpath(PACKAGE_SCHEMAS))) return [];
  const updated: string[] = [];
  for (const name of await packageSchemaNames()) {
    const target = join(dir, name);
    const current = await editorSchemaText(name);
    if ((await readFile(target, 'utf8').catch(() => undefined)) === current) continue;
    await writeFileAtomic(target, current);
    updated.push(target);
  }
  return updated;
}
