/**
 * The files outside the parsed data files that validation looks at (a logo, an Anlage, the Word
 * template), read the same way by the rules and by the validation cache when it checks that they did not
 * change; this module loads nothing of the validators, so a cache hit does not either.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { DataPathState } from './rule-context.js';

/**
 * A path from the data must name a file inside the data folder: no absolute paths, no `..` escapes,
 * and no symbolic link that points outside (checked on the real path).
 */
export function checkDataPath(dataDir: string, path: string): DataPathState {
  if (isAbsolute(path) || path.includes('\\') || path.includes('\0')) return 'outside';
  const root = resolve(dataDir);
  const target = resolve(root, path);
  if (!isInside(root, target)) return 'outside';
  if (!existsSync(target)) return 'missing';
  try {
    const real = realpathSync(target);
    if (!isInside(realpathSync(root), real)) return 'outside';
    const info = statSync(real);
    return info.isFile() ? 'ok' : info.isDirectory() ? 'folder' : 'special';
  } catch {
    return 'missing';
  }
}

function isInside(root: string, target: string): boolean {
  const rel = relative(root, target);
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
}

export function sizeOfDataFile(dataDir: string, path: string): number | undefined {
  try {
    return statSync(resolve(dataDir, path)).size;
  } catch {
    return undefined;
  }
}

export function readDataFile(dataDir: string, path: string): Uint8Array | undefined {
  try {
    return readFileSync(resolve(dataDir, path));
  } catch {
    return undefined;
  }
}

export const hashBytes = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** A file the rules looked at and what they saw (for the validation cache): its path state, its size (null: none), its bytes' hash (null: unreadable). */
export type RecordedRead = { read: 'path'; file: string; seen: string } | { read: 'size'; file: string; seen: number | null } | { read: 'bytes'; file: string; seen: string | null };
export type RecordRead = (read: RecordedRead) => void;
