import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';

export const sha256 = (bytes: string | Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** sha256 of a file's bytes, or "fehlt" when it cannot be read (so a missing file also changes the key). */
export async function hashFile(path: string): Promise<string> {
  try {
    // Never read a named pipe or a device: it would block the build (the loader reports it).
    if (!(await stat(path)).isFile()) return 'fehlt';
    return sha256(await readFile(path));
  } catch {
    return 'fehlt';
  }
}

/** The cache key: sha256 over the inputs in a fixed order. */
export function keyOf(inputs: Record<string, string>): string {
  return sha256(JSON.stringify(Object.entries(inputs).sort(([a], [b]) => (a < b ? -1 : 1))));
}
