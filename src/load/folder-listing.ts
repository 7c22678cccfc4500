/**
 * Which files of a data folder kim reads, and a located warning for each file it leaves out (the one
 * place that decides it: validation, build, hashing and watch all ask here). A YAML file counts
 * whatever its extension's spelling (`.yaml`, `.yml`, `.YAML` …): a report saved as `x.yml` was
 * ignored in silence before, and the previous Vorlage rendered in its place.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { compareText } from '../compare.js';
import { error, warning, type Diagnostic } from '../diagnostics.js';
import { didYouMean } from '../german/index.js';
import { DATA_FILE_KINDS, DATA_FILES, helperFileReason, isDataFile, REPORTS_DIR, stemOf, YAML_EXTENSION, type DataFileKind } from './data-files.js';

export interface DataFileChoice {
  /** The file read for each kind (its real name, e.g. `staff.yml`); absent: missing or ambiguous. */
  files: Partial<Record<DataFileKind, string>>;
  diagnostics: Diagnostic[];
}

/** Finds the shared data files among the names in the data folder (`readdir`). */
export function chooseDataFiles(names: readonly string[]): DataFileChoice {
  const files: DataFileChoice['files'] = {};
  const diagnostics: Diagnostic[] = [];
  const sorted = [...names].sort(compareText);
  for (const kind of DATA_FILE_KINDS) {
    const found = sorted.filter((n) => isDataFile(n, kind));
    if (found.length === 1) files[kind] = found[0]!;
    else if (found.length === 0) diagnostics.push(error(DATA_FILES[kind], 0, 0, '', `Die Datei ${DATA_FILES[kind]} fehlt im Datenordner; sie ist erforderlich.`));
    else diagnostics.push(...twoFiles(found, 'dieselben Daten'));
  }
  const known = Object.values(DATA_FILES) as string[];
  for (const name of sorted) {
    const reason = helperFileReason(name);
    if (reason !== undefined) {
      if (/\.ya?ml/i.test(name)) diagnostics.push(skipped(name, reason));
    } else if (YAML_EXTENSION.test(name) && !DATA_FILE_KINDS.some((k) => isDataFile(name, k)) && !name.startsWith('.')) {
      // A YAML file that kim does not read is most likely a misspelt name: say so rather than ignore it.
      diagnostics.push(warning(name, 0, 0, '', `kim liest diese Datei nicht.${didYouMean(name, known, 'plain')}`));
    }
  }
  return { files, diagnostics };
}

export interface ReportListing {
  /** The report files to read, relative to the data folder (`reports/<name>.yaml`), sorted. */
  files: string[];
  /** Report files that are not read because another file has the same name: they fail. */
  ambiguous: string[];
  diagnostics: Diagnostic[];
}

/**
 * The report files in `reports/`: every YAML file (any spelling of the extension), a warning for each
 * other file that is not a hidden one (`.gitkeep`), a warning naming the helper files of editors and
 * macOS, and an error for two files of one name (`x.yaml` and `x.yml`): which one is meant only the
 * clerk knows, so neither is read. A missing folder lists nothing.
 */
export async function listReportFiles(dataDir: string): Promise<ReportListing> {
  const entries = await readdir(join(dataDir, REPORTS_DIR), { withFileTypes: true }).catch(() => []);
  const names = entries.map((e) => e.name).sort(compareText);
  const folders = new Set(entries.filter((e) => e.isDirectory()).map((e) => e.name));
  const diagnostics: Diagnostic[] = [];
  const byStem = new Map<string, string[]>();
  for (const name of names) {
    const file = `${REPORTS_DIR}/${name}`;
    const reason = helperFileReason(name);
    if (reason !== undefined) diagnostics.push(skipped(file, reason));
    // A folder named like a report file (`x.yaml/`) is read, and its reader says it is a folder: an error.
    else if (folders.has(name) && !YAML_EXTENSION.test(name)) diagnostics.push(warning(file, 0, 0, '', `Übersprungen: Das ist ein Ordner; kim liest nur die YAML-Dateien direkt in ${REPORTS_DIR}/ (eine Datei je Vorlage).`));
    else if (name.startsWith('.')) continue; // .gitkeep, .DS_Store: hidden files are not meant as data
    else if (!YAML_EXTENSION.test(name)) diagnostics.push(warning(file, 0, 0, '', `Übersprungen: kim liest in ${REPORTS_DIR}/ nur YAML-Dateien (Endung .yaml oder .yml), eine je Vorlage.`));
    else byStem.set(stemOf(name).toLowerCase(), [...(byStem.get(stemOf(name).toLowerCase()) ?? []), file]);
  }
  const files: string[] = [];
  const ambiguous: string[] = [];
  for (const group of byStem.values()) {
    if (group.length === 1) files.push(group[0]!);
    else {
      ambiguous.push(...group);
      diagnostics.push(...twoFiles(group, 'dieselbe Vorlage'));
    }
  }
  return { files: files.sort(compareText), ambiguous: ambiguous.sort(compareText), diagnostics };
}

/** An error in each of several files that hold the same thing, naming the others. */
function twoFiles(files: string[], what: string): Diagnostic[] {
  return files.map((file) => {
    const others = files.filter((f) => f !== file).join(' und ');
    return error(file, 0, 0, '', `Neben ${file} gibt es ${others} für ${what}; kim liest keine davon. Löschen Sie die überzählige oder benennen Sie sie um.`);
  });
}

function skipped(file: string, reason: string): Diagnostic {
  return warning(file, 0, 0, '', `Übersprungen: Das ist ${reason}; kim liest sie nicht.`);
}
