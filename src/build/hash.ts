import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';

export const sha256 = (bytes: string | Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** sha256 of a file's bytes, or "fehlt" when it cannot be read (so a missing file also changes the key). */
export async function hashFile(path: string): Promise<string> {
  try {
    return sha256(await readFile(path));
  } catch {
    return 'fehlt';
  }
}

/** The cache key: sha256 over the inputs in a fixed order. */
export function keyOf(inputs: Record<string, string>): string {
  return sha256(JSON.stringify(Object.entries(inputs).sort(([a], [b]) => (a < b ? -1 : 1))));
}
