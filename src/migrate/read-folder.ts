/** The texts of a data folder's YAML files, and the format they are in, without validating anything. */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { DATA_FILES, REPORTS_DIR } from '../load/data-files.js';
import { detectFormat, type DetectedFormat } from './format.js';

/** Relative path (forward slashes) → text, for every data file that exists. */
export async function readFolderTexts(dataDir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const read = async (rel: string): Promise<void> => {
    try {
      files.set(rel, await readFile(join(dataDir, rel), 'utf8'));
    } catch (cause) {
      if ((cause as NodeJS.ErrnoException).code !== 'ENOENT') throw cause;
    }
  };
  for (const name of Object.values(DATA_FILES)) await read(name);
  let reports: string[] = [];
  try {
    reports = (await readdir(join(dataDir, REPORTS_DIR))).filter((n) => /\.ya?ml$/.test(n)).sort();
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code !== 'ENOENT') throw cause;
  }
  for (const name of reports) await read(`${REPORTS_DIR}/${name}`);
  return files;
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
