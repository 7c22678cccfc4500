import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { error, warning, type Diagnostic } from '../diagnostics.js';
import { UsageError } from '../errors.js';
import { DATA_FILE_KINDS, DATA_FILES, REPORTS_DIR, type DataFileKind } from './data-files.js';
import { parseYamlFile, type SourceFile } from './yaml-file.js';
import { suggest } from '../validate/did-you-mean.js';

/** The parsed files of a data folder, before validation; a missing or unparsable file is absent. */
export interface LoadedSources {
  dataDir: string;
  files: Partial<Record<DataFileKind, SourceFile>>;
  reports: SourceFile[];
  diagnostics: Diagnostic[];
}

/** Reads and parses every data file of the folder; collects all problems instead of stopping at the first. */
export async function loadSources(dataDir: string): Promise<LoadedSources> {
  await assertFolder(dataDir);
  const diagnostics: Diagnostic[] = [];
  const files: LoadedSources['files'] = {};

  const readOne = async (relative: string): Promise<SourceFile | undefined> => {
    const bytes = await readFile(join(dataDir, relative));
    const parsed = parseYamlFile(relative, bytes);
    if (parsed.ok) return parsed.source;
    diagnostics.push(...parsed.diagnostics);
    return undefined;
  };

  const topLevel = await readdir(dataDir);
  await Promise.all(
    DATA_FILE_KINDS.map(async (kind) => {
      const name = DATA_FILES[kind];
      if (!topLevel.includes(name)) {
        diagnostics.push(error(name, 0, 0, '', `Die Datei ${name} fehlt im Datenordner; sie ist erforderlich.`));
        return;
      }
      const source = await readOne(name);
      if (source) files[kind] = source;
    }),
  );
  diagnostics.push(...strayFiles(topLevel));

  const reports: SourceFile[] = [];
  if (topLevel.includes(REPORTS_DIR)) {
    const names = (await readdir(join(dataDir, REPORTS_DIR))).filter((n) => n.endsWith('.yaml')).sort();
    for (const name of names) {
      const source = await readOne(`${REPORTS_DIR}/${name}`);
      if (source) reports.push(source);
    }
  } else {
    diagnostics.push(warning(REPORTS_DIR, 0, 0, '', `Der Ordner ${REPORTS_DIR}/ fehlt; es gibt also keine Vorlagen.`));
  }
  return { dataDir, files, reports, diagnostics };
}

async function assertFolder(dataDir: string): Promise<void> {
  const info = await stat(dataDir).catch(() => undefined);
  if (!info?.isDirectory()) throw new UsageError(`Der Datenordner ${dataDir} existiert nicht oder ist kein Ordner.`);
}

/** A YAML file that kim does not read is most likely a misspelt name: say so rather than ignore it. */
function strayFiles(names: string[]): Diagnostic[] {
  const known = Object.values(DATA_FILES) as string[];
  return names
    .filter((n) => (n.endsWith('.yaml') || n.endsWith('.yml')) && !known.includes(n))
    .map((n) => {
      const hint = suggest(n, known);
      return warning(n, 0, 0, '', `kim liest diese Datei nicht.${hint ? ` Meinten Sie ${hint}?` : ''}`);
    });
}
