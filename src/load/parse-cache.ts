import { cacheKey as key, readCacheEntry, writeCacheEntry } from '../disk-cache.js';
import type { Position, SourceFile } from './source-file.js';

/**
 * Parsed data files in kim's disk cache: parsing YAML with positions is the largest cost of a cold start
 * (and seconds for very large files), and the clerk runs kim again and again on files that mostly did not
 * change. Only successful parses are cached: every failure is parsed afresh, so diagnostics never come
 * from the cache. Bump PARSER_REVISION whenever yaml-file.ts returns something else for the same bytes.
 */
const PARSER_REVISION = 1;
const KIND = 'parsed';

type Entry = { value: unknown; values: [string, number, number][]; keys: [string, number, number][] };

export const parseCacheKey = (bytes: Uint8Array): string => key(KIND, PARSER_REVISION, bytes);

export async function readCached(dir: string, cacheKey: string, file: string): Promise<SourceFile | undefined> {
  const entry = await readCacheEntry<Entry>(dir, KIND, cacheKey);
  if (!entry || !Array.isArray(entry.values) || !Array.isArray(entry.keys)) return undefined;
  return { file, value: entry.value, valuePositions: toMap(entry.values), keyPositions: toMap(entry.keys) };
}

export function writeCached(dir: string, cacheKey: string, source: SourceFile): Promise<void> {
  const entry: Entry = { value: source.value, values: fromMap(source.valuePositions), keys: fromMap(source.keyPositions) };
  return writeCacheEntry(dir, KIND, cacheKey, entry);
}

const toMap = (rows: [string, number, number][]): Map<string, Position> => new Map(rows.map(([p, line, col]) => [p, { line, col }]));
const fromMap = (map: Map<string, Position>): [string, number, number][] => [...map].map(([p, { line, col }]) => [p, line, col]);
