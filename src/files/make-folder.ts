import { mkdir, stat } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * `mkdir -p`, without Node's `recursive: true`: that loops forever (and spins a core) where mkdir fails
 * with ENOENT although the parent exists, as under /proc (`--out /proc/x`, `KIM_CACHE_DIR=/proc/x`).
 * Here each level is tried once; a folder that cannot be made fails with the system's error.
 */
export async function makeFolder(dir: string): Promise<void> {
  try {
    await mkdir(dir);
    return;
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' && (await isFolder(dir))) return;
    if (code !== 'ENOENT' || dirname(dir) === dir) throw cause;
  }
  await makeFolder(dirname(dir));
  try {
    await mkdir(dir);
  } catch (cause) {
    // Made by someone else meanwhile (two kim runs into one folder) is fine.
    const code = (cause as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' && (await isFolder(dir))) return;
    // ENOENT with the parent there: a file system that takes no new folders (/proc) – not allowed here.
    throw code === 'ENOENT' ? Object.assign(new Error(`mkdir ${dir}`), { code: 'EPERM' }) : cause;
  }
}

const isFolder = (path: string): Promise<boolean> => stat(path).then((s) => s.isDirectory(), () => false);
