/** Which file holds which part of the data; the one place that knows the data folder's layout. */
export const DATA_FILES = {
  organisation: 'organisation.yaml',
  programme: 'programme.yaml',
  staff: 'staff.yaml',
  assignments: 'assignments.yaml',
  meetings: 'meetings.yaml',
} as const;

export type DataFileKind = keyof typeof DATA_FILES;
export const DATA_FILE_KINDS = Object.keys(DATA_FILES) as DataFileKind[];

/** One YAML file per Vorlage lives here. */
export const REPORTS_DIR = 'reports';

/** The schema (schemas/<name>.schema.json) that checks a file of this kind. */
export type SchemaName = DataFileKind | 'report';

/** A YAML file by its extension, in any case: `.yaml`, `.yml`, `.YAML`, `.Yml` … */
export const YAML_EXTENSION = /\.ya?ml$/i;

/** The name without its YAML extension: `reports/2022-03-16-x.yml` → `2022-03-16-x`. */
export const stemOf = (name: string): string => name.slice(name.lastIndexOf('/') + 1).replace(YAML_EXTENSION, '');

/** Whether the file (relative to the data folder) is the data file of this kind, whatever its extension's spelling. */
export const isDataFile = (file: string, kind: DataFileKind): boolean => !file.includes('/') && YAML_EXTENSION.test(file) && stemOf(file).toLowerCase() === kind;

/**
 * Why a file beside the data is an editor's or an operating system's and not data, in German; undefined
 * for any other name. These files appear and vanish while the clerk works (a lock while a file is open,
 * a backup on save, macOS metadata on a network share or USB stick) and are never read.
 */
export function helperFileReason(name: string): string | undefined {
  if (name.startsWith('.#')) return 'eine Sperrdatei eines Editors (Emacs), solange die Datei dort geöffnet ist';
  if (name.startsWith('._')) return 'eine Begleitdatei von macOS (AppleDouble, Dateiinformationen auf Netzlaufwerken und USB-Sticks)';
  if (/^\..*\.sw[a-p]$/.test(name)) return 'eine Auslagerungsdatei von vim, solange die Datei dort geöffnet ist';
  if (/^#.*#$/.test(name)) return 'eine Sicherungsdatei eines Editors (Emacs)';
  if (name.endsWith('~')) return 'eine Sicherungskopie eines Editors';
  if (/^~\$/.test(name)) return 'eine Sperrdatei von Office, solange die Datei dort geöffnet ist';
  return undefined;
}
