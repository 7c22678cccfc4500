import { mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname, basename, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { OutputError } from '../errors.js';

/**
 * Writes a file so that readers only ever see the old or the new complete content: a temporary file in
 * the same folder (same file system, so rename is atomic), flushed to disk, then renamed over the target.
 */
export async function writeFileAtomic(target: string, content: string | Uint8Array): Promise<void> {
  const dir = dirname(target);
  // Unique per process and call, so two kim runs writing into one folder never share a temp file.
  const temp = join(dir, `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await mkdir(dir, { recursive: true });
    const handle = await open(temp, 'w');
    try {
      await handle.writeFile(content);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, target);
  } catch (cause) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw new OutputError(describeWriteFailure(target, cause));
  }
}

function describeWriteFailure(target: string, cause: unknown): string {
  const code = (cause as NodeJS.ErrnoException | undefined)?.code;
  const reason =
    code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
      ? 'keine Schreibberechtigung für den Ausgabeordner'
      : code === 'ENOSPC'
        ? 'kein Speicherplatz mehr auf dem Datenträger'
        : code === 'ENOTDIR' || code === 'EEXIST'
          ? 'der Ausgabepfad ist kein Ordner'
          : `Systemfehler ${code ?? String(cause)}`;
  return `Die Datei ${target} konnte nicht geschrieben werden: ${reason}.`;
}
