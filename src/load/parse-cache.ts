import { cacheKey as key, readCacheEntry, writeCacheEntry, type CacheTrace } from '../disk-cache.js';
import type { Position, SourceFile } from './source-file.js';

/**
 * Parsed data files in kim's disk cache: parsing YAML with positions is the largest cost of a cold start
 * (and grows with the file), and the clerk runs kim again and again on files that mostly did not
 * change. Only successful parses are cached: every failure is parsed afresh, so diagnostics never come
 * from the cache. Bump PARSER_REVISION whenever parseYamlFile (yaml-file.ts) returns something else for
 * the same bytes.
 */
export const PARSER_REVISION = 6;
const KIND = 'parsed';

/**
 * Positions are stored as one string each ("pointer\tline\tcol" lines) and turned into maps only when
 * something asks for a position, which is when there is an error to report: a large file has hundreds
 * of thousands of them, and building the maps would cost more than everything else in a valid run.
 */
type Entry = { value: unknown; values: string; keys: string; numbers: [string, string][] };

export const parseCacheKey = (bytes: Uint8Array): string => key(KIND, PARSER_REVISION, bytes);

export async function readCached(dir: string, cacheKey: string, file: string, trace?: CacheTrace['trace']): Promise<SourceFile | undefined> {
  const entry = await readCacheEntry<Entry>(dir, KIND, cacheKey, { trace, subject: `Datendatei ${file}` });
  if (!entry || typeof entry.values !== 'string' || typeof entry.keys !== 'string' || !Array.isArray(entry.numbers)) return undefined;
  let values: Map<string, Position> | undefined;
  let keys: Map<string, Position> | undefined;
  const source = { file, value: entry.value, numberTexts: new Map(entry.numbers) } as SourceFile;
  Object.defineProperties(source, {
    valuePositions: { enumerable: true, get: () => (values ??= toMap(entry.values)) },
    keyPositions: { enumerable: true, get: () => (keys ??= toMap(entry.keys)) },
  });
  return source;
}

export function writeCached(dir: string, cacheKey: string, source: SourceFile): Promise<void> {
  const entry: Entry = { value: source.value, values: fromMap(source.valuePositions), keys: fromMap(source.keyPositions), numbers: [...(source.numberTexts ?? [])] };
  return writeCacheEntry(dir, KIND, cacheKey, entry);
}

function toMap(rows: string): Map<string, Position> {
  const map = new Map<string, Position>();
  for (const row of rows.split('\n')) {
    if (!row) continue;
    const [pointer, line, col] = row.split('\t');
    map.set(decodePointer(pointer!), { line: Number(line), col: Number(col) });
  }
  return map;
}

const fromMap = (map: Map<string, Position>): string => [...map].map(([p, { line, col }]) => `${encodePointer(p)}\t${line}\t${col}`).join('\n');

/** A YAML key may contain tabs or line breaks; escape them (and the escape character) for the row format. */
const encodePointer = (p: string): string => p.replace(/%/g, '%25').replace(/\t/g, '%09').replace(/\n/g, '%0A');
const decodePointer = (p: string): string => p.replace(/%0A/g, '\n').replace(/%09/g, '\t').replace(/%25/g, '%');
