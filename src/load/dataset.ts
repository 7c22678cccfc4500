import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { isAbsolute, join, relative as relativePath, sep } from 'node:path';
import { error, warning, type Diagnostic } from '../diagnostics.js';
import { UsageError } from '../errors.js';
import { DATA_FILE_KINDS, REPORTS_DIR, type DataFileKind } from './data-files.js';
import { chooseDataFiles, listReportFiles } from './folder-listing.js';
import type { SourceFile } from './source-file.js';
import { readCached, writeCached } from './parse-cache.js';
import { openContentKeys } from './content-keys.js';
import type { Trace } from '../trace.js';

/** The parsed files of a data folder, before validation; a missing or unparsable file is absent. */
export interface LoadedSources {
  dataDir: string;
  files: Partial<Record<DataFileKind, SourceFile>>;
  reports: SourceFile[];
  diagnostics: Diagnostic[];
  /**
   * Report files left out of this validation because they failed on their own (kim build validates
   * again without them): still there, so no other report may take them for absent.
   */
  excludedReports?: SourceFile[];
  /** With the disk cache on: each file read (relative path) → a hash of its bytes (the parse cache's key). */
  contentKeys?: Map<string, string>;
}

/** Reads and parses every data file of the folder; collects all problems instead of stopping at the first. */
export async function loadSources(dataDir: string, options: { cacheDir?: string | undefined; trace?: Trace | undefined } = {}): Promise<LoadedSources> {
  await assertFolder(dataDir);
  const diagnostics: Diagnostic[] = [];
  const files: LoadedSources['files'] = {};

  const root = await realpath(dataDir);
  const cache = options.cacheDir;
  const contentKeys = new Map<string, string>();
  const keys = cache ? await openContentKeys(cache, dataDir, options.trace) : undefined;
  const readOne = async (relative: string): Promise<SourceFile | undefined> => {
    const bytes = await readInside(root, dataDir, relative).catch((cause: unknown) => {
      diagnostics.push(error(relative, 0, 0, '', unreadable(relative, cause)));
      return undefined;
    });
    if (!bytes) return undefined;
    const key = keys ? keys.keyOf(relative, bytes) : '';
    if (cache) contentKeys.set(relative, key);
    const cached = cache ? await readCached(cache, key, relative, options.trace) : undefined;
    if (cached) return cached;
    // The YAML library is loaded only when some file is not in the cache.
    const { parseYamlFile } = await import('./yaml-file.js');
    const parsed = parseYamlFile(relative, bytes);
    if (parsed.ok) {
      if (cache) await writeCached(cache, key, parsed.source);
      return parsed.source;
    }
    diagnostics.push(...parsed.diagnostics);
    // Readable despite its errors: validated too, so every problem shows in one run (never rendered).
    return parsed.source;
  };

  const topLevel = await readdir(dataDir);
  const chosen = chooseDataFiles(topLevel);
  diagnostics.push(...chosen.diagnostics);
  await Promise.all(
    DATA_FILE_KINDS.map(async (kind) => {
      const name = chosen.files[kind];
      if (name === undefined) return;
      const source = await readOne(name);
      if (source) files[kind] = source;
    }),
  );

  const reports: SourceFile[] = [];
  const reportsIsFolder = topLevel.includes(REPORTS_DIR) && (await stat(join(dataDir, REPORTS_DIR)).catch(() => undefined))?.isDirectory();
  if (topLevel.includes(REPORTS_DIR) && !reportsIsFolder) {
    diagnostics.push(error(REPORTS_DIR, 0, 0, '', `${REPORTS_DIR} ist kein Ordner; erwartet wird ein Ordner mit einer YAML-Datei je Vorlage.`));
  } else if (topLevel.includes(REPORTS_DIR)) {
    const listing = await listReportFiles(dataDir);
    diagnostics.push(...listing.diagnostics);
    for (const file of listing.files) {
      const source = await readOne(file);
      if (source) reports.push(source);
    }
  } else {
    diagnostics.push(warning(REPORTS_DIR, 0, 0, '', `Der Ordner ${REPORTS_DIR}/ fehlt; es gibt also keine Vorlagen.`));
  }
  await keys?.save();
  return { dataDir, files, reports, diagnostics, ...(cache ? { contentKeys } : {}) };
}

class OutsideDataFolder extends Error {}
class NotARegularFile extends Error {
  constructor(readonly kind: string) {
    super(kind);
  }
}

/**
 * Reads a data file, refusing one that is a symbolic link out of the data folder: data comes from pull
 * requests, and a `staff.yaml` linked to /proc/self/environ would otherwise print secrets in CI messages.
 * Only regular files are read: reading a named pipe (FIFO) waits for a writer forever, a device may never end.
 */
async function readInside(root: string, dataDir: string, relative: string): Promise<Uint8Array> {
  const path = join(dataDir, relative);
  const real = await realpath(path);
  const rel = relativePath(root, real);
  if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) throw new OutsideDataFolder();
  const info = await stat(real);
  if (!info.isFile()) throw new NotARegularFile(fileKind(info));
  return readFile(real);
}

/** What a path is when it is not a regular file, in German. */
export function fileKind(info: import('node:fs').Stats): string {
  if (info.isDirectory()) return 'ein Ordner';
  if (info.isFIFO()) return 'eine benannte Pipe (FIFO)';
  if (info.isSocket()) return 'ein Socket';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'eine Gerätedatei';
  return 'eine besondere Datei';
}

/** A German sentence for a file kim could not read; never the raw errno text. */
function unreadable(relative: string, cause: unknown): string {
  if (cause instanceof OutsideDataFolder) return `${relative} ist ein Verweis (symbolischer Link) aus dem Datenordner hinaus; kim liest nur Dateien im Datenordner.`;
  if (cause instanceof NotARegularFile && cause.kind === 'ein Ordner') return `${relative} ist ein Ordner; erwartet wird eine YAML-Datei.`;
  if (cause instanceof NotARegularFile) return `${relative} ist ${cause.kind}, keine gewöhnliche Datei; erwartet wird eine YAML-Datei.`;
  const code = (cause as { code?: string } | undefined)?.code;
  if (code === 'EISDIR') return `${relative} ist ein Ordner; erwartet wird eine YAML-Datei.`;
  if (code === 'ENOENT' || code === 'ELOOP') return `${relative} ist ein Verweis (symbolischer Link) auf eine Datei, die es nicht gibt.`;
  if (code === 'EACCES' || code === 'EPERM') return `${relative} kann nicht gelesen werden: keine Leseberechtigung.`;
  return `${relative} kann nicht gelesen werden (${code ?? 'unbekannter Fehler'}).`;
}

export async function assertFolder(dataDir: string): Promise<void> {
  const info = await stat(dataDir).catch(() => undefined);
  if (!info?.isDirectory()) throw new UsageError(`Der Datenordner ${dataDir} existiert nicht oder ist kein Ordner.`);
}
