import { placeKey, readCacheEntry, writeCacheEntry } from '../disk-cache.js';
import type { Trace } from '../trace.js';
import { KIM_VERSION } from '../version.js';
import { PARSER_REVISION, parseCacheKey } from './parse-cache.js';

/**
 * The parse-cache key (a SHA-256 of the bytes) each file of a data folder had when kim last read it,
 * beside the bytes it had then: one disk-cache entry per data folder (kind `keys`). A file whose bytes
 * equal the recorded ones in full takes its key from here instead of hashing them, so a run on unchanged
 * data computes no SHA-256 and the bundle never loads node:crypto for it (docs/performance.md, fifth
 * round). A changed file is hashed as before, and an entry that is missing, unreadable or of another
 * shape counts as empty.
 */
const KIND = 'keys';

interface Entry {
  dataDir: string;
  /** kim's version and the parser's revision, which every key depends on (parseCacheKey). */
  parser: string;
  /** Relative path → the bytes as a latin1 string (one character per byte, so equal strings are equal bytes) and their key. */
  files: Record<string, { bytes: string; key: string }>;
}

export interface ContentKeys {
  /** The parse-cache key of these bytes of `relative`. */
  keyOf(relative: string, bytes: Uint8Array): string;
  /** Records the keys of this run when any differs from what the entry held. */
  save(): Promise<void>;
}

export async function openContentKeys(cacheDir: string, dataDir: string, trace?: Trace): Promise<ContentKeys> {
  const address = placeKey(KIND, PARSER_REVISION, dataDir);
  const entry = await readCacheEntry<unknown>(cacheDir, KIND, address, { trace, subject: 'Schlüssel der Datendateien' });
  // Keys made by another kim or for another parser's entries are never used, nor another folder's.
  const parser = `${KIM_VERSION} ${PARSER_REVISION}`;
  const known = isEntry(entry) && entry.dataDir === dataDir && entry.parser === parser ? entry.files : {};
  const seen: Entry['files'] = {};
  return {
    keyOf(relative, bytes) {
      const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
      const before = Object.hasOwn(known, relative) ? known[relative] : undefined;
      const key = before?.bytes === text ? before.key : parseCacheKey(bytes);
      seen[relative] = { bytes: text, key };
      return key;
    },
    async save() {
      const same = (a: Entry['files'], b: Entry['files']) => Object.keys(a).length === Object.keys(b).length && Object.entries(a).every(([file, k]) => b[file]?.key === k.key);
      if (!same(seen, known)) await writeCacheEntry(cacheDir, KIND, address, { dataDir, parser, files: seen } satisfies Entry);
    },
  };
}

function isEntry(value: unknown): value is Entry {
  const e = value as Entry | null;
  return (
    typeof e === 'object' &&
    e !== null &&
    typeof e.dataDir === 'string' &&
    typeof e.parser === 'string' &&
    typeof e.files === 'object' &&
    e.files !== null &&
    Object.values(e.files).every((f) => typeof f === 'object' && f !== null && typeof f.bytes === 'string' && typeof f.key === 'string' && /^[0-9a-f]{64}$/.test(f.key))
  );
}
