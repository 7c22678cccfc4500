/** The texts of a data folder's YAML files, and the format they are in, without validating anything. */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { DATA_FILE_KINDS, DATA_FILES, REPORTS_DIR } from '../load/data-files.js';
import { chooseDataFiles, listReportFiles } from '../load/folder-listing.js';
import { detectFormat, type DetectedFormat } from './format.js';

export interface FolderTexts {
  /** Data file → text; shared files under their usual name (organisation.yaml …), reports as reports/<name>. */
  texts: Map<string, string>;
  /** The usual name → the file's real name where they differ (`staff.yml`). */
  realNames: Map<string, string>;
}

/** The texts of the files kim reads, chosen as the loader chooses them (src/load/folder-listing.ts). */
export async function readFolderTexts(dataDir: string): Promise<FolderTexts> {
  const texts = new Map<string, string>();
  const realNames = new Map<string, string>();
  const chosen = chooseDataFiles(await readdir(dataDir));
  for (const kind of DATA_FILE_KINDS) {
    const real = chosen.files[kind];
    if (real === undefined) continue;
    texts.set(DATA_FILES[kind], await readFile(join(dataDir, real), 'utf8'));
    if (real !== DATA_FILES[kind]) realNames.set(DATA_FILES[kind], real);
  }
  for (const file of (await listReportFiles(dataDir)).files) texts.set(file, await readFile(join(dataDir, file), 'utf8'));
  return { texts, realNames };
}

/** A file's data, or undefined when it does not parse (validation words that). */
const valueOf = (text: string | undefined): unknown => {
  if (text === undefined) return undefined;
  try {
    return parse(text, { version: '1.2' }) as unknown;
  } catch {
    return undefined;
  }
};

export function formatOfTexts(files: ReadonlyMap<string, string>): DetectedFormat {
  return detectFormat({
    organisation: valueOf(files.get(DATA_FILES.organisation)),
    programme: valueOf(files.get(DATA_FILES.programme)),
    reports: [...files].filter(([f]) => f.startsWith(`${REPORTS_DIR}/`)).map(([file, text]) => ({ file, value: valueOf(text) })),
  });
}
