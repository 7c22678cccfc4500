import { createHash } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join, posix, win32 } from 'node:path';
import type { Trace } from './trace.js';
import { KIM_VERSION } from './version.js';
import { makeFolder } from './files/make-folder.js';
import { tempSuffix } from './files/atomic-write.js';

/**
 * kim's cache of derived files (parsed YAML, compiled templates), keyed by a hash of their source, like
 * eslint's or prettier's --cache: a cold start should not redo work for files that did not change.
 * A cache is never a source of truth: a missing, corrupt or unwritable cache just means "do the work".
 * `KIM_CACHE=off` disables it; `KIM_CACHE_DIR` moves it; by default it lies where the platform keeps
 * caches: `%LOCALAPPDATA%\kim\Cache` on Windows (not roamed between machines; cf. env-paths),
 * `~/Library/Caches/kim` on macOS, `$XDG_CACHE_HOME/kim` or `~/.cache/kim` elsewhere. The platform and
 * the home folder are parameters so tests can ask for another platform's folder.
 */
export function cacheDir(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform, home: string = homedir()): string | undefined {
  if (env['KIM_CACHE'] === 'off' || env['KIM_CACHE'] === '0') return undefined;
  if (env['KIM_CACHE_DIR']) return env['KIM_CACHE_DIR'];
  if (platform === 'win32') return win32.join(env['LOCALAPPDATA'] || win32.join(home, 'AppData', 'Local'), 'kim', 'Cache');
  if (platform === 'darwin') return posix.join(home, 'Library', 'Caches', 'kim');
  return posix.join(env['XDG_CACHE_HOME'] || posix.join(home, '.cache'), 'kim');
}

/** A key that changes with the content, kim's version and the revision of whatever derives the entry. */
export function cacheKey(kind: string, revision: number, content: string | Uint8Array): string {
  return createHash('sha256').update(`kim ${KIM_VERSION} ${kind} ${revision}\n`).update(content).digest('hex');
}

/**
 * A key for an entry looked up by where its inputs lie (a data folder's path), not by their content:
 * such an entry must hold what it was made from in full and be compared with it before use, so the key
 * only has to spread entries, not identify content. A cheap hash (two FNV-1a lanes) instead of SHA-256:
 * a run whose data are unchanged then hashes nothing, and the bundle never loads node:crypto for it
 * (docs/performance.md, fifth round). Two places with one key just take turns in the entry.
 */
export function placeKey(kind: string, revision: number, place: string): string {
  const text = `kim ${KIM_VERSION} ${kind} ${revision}\n${place}`;
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193);
    b ^= b >>> 13;
  }
  return `${(a >>> 0).toString(16).padStart(8, '0')}${(b >>> 0).toString(16).padStart(8, '0')}`;
}

const entryPath = (dir: string, kind: string, key: string): string => join(dir, kind, key.slice(0, 2), `${key}.json`);

/** For `KIM_DEBUG=cache` (trace.ts): the trace and what the entry is derived from ("Datendatei staff.yaml"). */
export interface CacheTrace {
  trace?: Trace | undefined;
  subject: string;
}

export async function readCacheEntry<T>(dir: string, kind: string, key: string, traced?: CacheTrace): Promise<T | undefined> {
  // The entry's kind and key only: the cache folder lies in a home folder, whose name may be a person's.
  const entry = `${kind}/${key.slice(0, 12)}`;
  try {
    const value = JSON.parse(await readFile(entryPath(dir, kind, key), 'utf8')) as T;
    traced?.trace?.('cache', `${traced.subject}: Treffer im Disk-Cache (${entry})`);
    return value;
  } catch {
    traced?.trace?.('cache', `${traced.subject}: nicht im Disk-Cache (${entry}), wird neu erzeugt`);
    return undefined;
  }
}

/** Written to a temporary name and renamed, so a reader sees a complete entry or none. */
export async function writeCacheEntry(dir: string, kind: string, key: string, entry: unknown): Promise<void> {
  const target = entryPath(dir, kind, key);
  const temp = `${target}.${process.pid}.${tempSuffix()}.tmp`;
  try {
    await makeFolder(join(target, '..'));
    await writeFile(temp, JSON.stringify(entry));
    await rename(temp, target);
  } catch {
    await rm(temp, { force: true }).catch(() => undefined); // read-only home, full disk: run without cache
  }
}
