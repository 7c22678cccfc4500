/**
 * The result of a validation without errors, in kim's disk cache (disk-cache.ts): `kim report` after
 * `kim validate` (or a second `kim report`) on unchanged files takes the warnings from there instead of
 * loading the compiled validators (half a megabyte) and running every rule again.
 *
 * A wrong hit would write a wrong Vorlage with success, so the key covers everything validation reads:
 * the bytes of every data and report file (their parse-cache keys, which hash the bytes), which file is
 * which, the names of the templates, kim's version and the identity of its validation code (the build's
 * `dist/schemas/validation.id`, a hash of the compiled validators and kim's compiled code). The key is
 * that text itself, stored in the entry and compared in full; the entry lies at an address made from the
 * data folder's path (placeKey), so a run on unchanged data hashes nothing (docs/performance.md). The files the
 * rules look at beyond those (a logo's path, an Anlage's size, the Word template's bytes) are recorded
 * with what the rules saw and looked at again before a hit. Only runs without any error are stored, and
 * a run whose loading found an error is never answered from the cache. Anything doubtful (no id, an
 * unreadable or malformed entry, a changed recorded file) means: validate as if there were no cache.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sortDiagnostics, type Diagnostic } from '../diagnostics.js';
import { placeKey, readCacheEntry, writeCacheEntry } from '../disk-cache.js';
import { DATA_FILE_KINDS } from '../load/data-files.js';
import type { LoadedSources } from '../load/dataset.js';
import { packageRoot } from '../paths.js';
import { KIM_VERSION } from '../version.js';
import type { Trace } from '../trace.js';
import { datasetOf } from './assemble-dataset.js';
import { checkDataPath, hashBytes, readDataFile, sizeOfDataFile, type RecordedRead } from './data-path.js';

export type { RecordedRead, RecordRead } from './data-path.js';
import type { Validation } from './index.js';

/** Bump when what is stored, or how a hit is rebuilt from it, changes. */
const REVISION = 2;
const KIND = 'validated';

interface Entry {
  /** The key of the validation stored here (validationCacheKey): a hit needs the very same. */
  key: string;
  /** The diagnostics validation added to the loader's: warnings only. */
  diagnostics: Diagnostic[];
  reads: RecordedRead[];
}

let validationId: string | null | undefined;
/** The identity of kim's validation code, written by the build (scripts/validation-id.mjs); null: none, no cache. */
function readValidationId(): string | null {
  if (validationId === undefined) {
    try {
      validationId = readFileSync(join(packageRoot, 'dist', 'schemas', 'validation.id'), 'utf8').trim() || null;
    } catch {
      validationId = null;
    }
  }
  return validationId;
}

/** The key of a validation of these sources (a text naming every input), or undefined when this run must not use the cache. */
export function validationCacheKey(sources: LoadedSources, templates: readonly string[], id: string | null = readValidationId()): string | undefined {
  const keys = sources.contentKeys;
  if (!id || !keys || sources.excludedReports || sources.diagnostics.some((d) => d.severity === 'error')) return undefined;
  const lines = [`kim ${KIM_VERSION} ${KIND} ${REVISION}`, `validation ${id}`, `templates ${JSON.stringify(templates)}`];
  for (const kind of DATA_FILE_KINDS) {
    const source = sources.files[kind];
    // A missing data file is an error the rules report; such a run is never cached.
    if (!source || !keys.has(source.file)) return undefined;
    lines.push(`${kind} ${JSON.stringify(source.file)} ${keys.get(source.file)}`);
  }
  for (const source of sources.reports) {
    if (!keys.has(source.file)) return undefined;
    lines.push(`report ${JSON.stringify(source.file)} ${keys.get(source.file)}`);
  }
  return lines.join('\n');
}

/** The validation a previous run stored for these sources, when every file it looked at is as it was. */
export async function cachedValidation(dir: string, key: string, sources: LoadedSources, trace?: Trace): Promise<Validation | undefined> {
  const entry = await readCacheEntry<unknown>(dir, KIND, addressOf(sources), { trace, subject: 'Prüfergebnis des Datenordners' });
  if (entry === undefined) return undefined;
  if (!isEntry(entry)) {
    trace?.('cache', 'Prüfergebnis im Disk-Cache unbrauchbar: die Daten werden geprüft');
    return undefined;
  }
  if (entry.key !== key) {
    trace?.('cache', 'Prüfergebnis im Disk-Cache gilt anderen Dateien: die Daten werden geprüft');
    return undefined;
  }
  const changed = entry.reads.find((r) => !unchanged(sources.dataDir, r));
  if (changed) {
    trace?.('cache', `Prüfergebnis im Disk-Cache veraltet (${changed.file} hat sich geändert): die Daten werden geprüft`);
    return undefined;
  }
  return { diagnostics: sortDiagnostics([...sources.diagnostics, ...entry.diagnostics]), dataset: datasetOf(sources), reportSources: sources.reports, outputOnly: new Set() };
}

/** Stores a validation that found no error (anything else is not stored). */
export async function storeValidation(dir: string, key: string, sources: LoadedSources, validation: Validation, reads: RecordedRead[]): Promise<void> {
  if (!validation.dataset || validation.diagnostics.some((d) => d.severity === 'error')) return;
  const loaderDiagnostics = new Set(sources.diagnostics);
  const entry: Entry = { key, diagnostics: validation.diagnostics.filter((d) => !loaderDiagnostics.has(d)), reads };
  await writeCacheEntry(dir, KIND, addressOf(sources), entry);
}

/** One entry per data folder: the last validation of it without errors. */
const addressOf = (sources: LoadedSources): string => placeKey(KIND, REVISION, sources.dataDir);

function unchanged(dataDir: string, r: RecordedRead): boolean {
  if (r.read === 'path') return checkDataPath(dataDir, r.file) === r.seen;
  if (r.read === 'size') return (sizeOfDataFile(dataDir, r.file) ?? null) === r.seen;
  const bytes = readDataFile(dataDir, r.file);
  return (bytes ? hashBytes(bytes) : null) === r.seen;
}

function isEntry(value: unknown): value is Entry {
  const e = value as Entry | null;
  return (
    typeof e === 'object' &&
    e !== null &&
    typeof e.key === 'string' &&
    Array.isArray(e.diagnostics) &&
    Array.isArray(e.reads) &&
    e.diagnostics.every((d) => typeof d === 'object' && d !== null && d.severity === 'warning' && typeof d.file === 'string' && typeof d.line === 'number' && typeof d.col === 'number' && typeof d.path === 'string' && typeof d.message === 'string') &&
    e.reads.every((r) => typeof r === 'object' && r !== null && typeof r.file === 'string' && (r.read === 'path' || r.read === 'size' || r.read === 'bytes'))
  );
}
