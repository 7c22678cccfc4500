import { open, readdir, rename, rm } from 'node:fs/promises';
import { dirname, basename, join } from 'node:path';
import { OutputError } from '../errors.js';
import { makeFolder } from './make-folder.js';

/**
 * Name of the temporary file for `target`: hidden, in the same folder, unique per process and call
 * (`.<name>.<pid>.<8 hex digits>.tmp`), so two kim runs writing into one folder never share a temp file
 * and a later run can tell whose it was (see `removeStaleTempFiles`).
 */
export const tempNameFor = (target: string, pid = process.pid): string => join(dirname(target), `.${basename(target)}.${pid}.${tempSuffix()}.tmp`);

/**
 * Eight random hex digits that keep two writes of one process apart (the pid keeps processes apart).
 * Math.random, not node:crypto: a name needs no secrecy, and every `kim report` writes its outputs, so
 * node:crypto would be loaded on every run only for this (about 2–5 ms of a cold start).
 */
export const tempSuffix = (): string => Math.floor(Math.random() * 0x1_0000_0000).toString(16).padStart(8, '0');

/** Matches the names `tempNameFor` makes; group 1 is the pid of the writer. */
export const TEMP_FILE = /^\..+\.(\d+)\.[0-9a-f]{8}\.tmp$/;

export interface WriteOptions {
  /**
   * fsync the temporary file before the rename (default true). The rename alone is atomic against a
   * killed process; fsync adds durability against power loss / a kernel crash (without it a renamed file
   * can come back empty after a crash on some file systems), at the price of a disk flush per file.
   * `kim report` and `kim watch` write one file and keep it; `kim build` writes thousands and passes false, because its
   * next run re-hashes every output against the manifest and rebuilds whatever a crash damaged (see
   * src/batch/build.ts).
   */
  durable?: boolean;
  /**
   * The platform whose file locking applies (default: this one). On Windows a file that another program
   * holds open (a PDF reader) cannot be replaced: the rename fails with EPERM, EACCES or EBUSY. Elsewhere
   * only EBUSY means "in use"; EPERM and EACCES are a missing permission. A parameter so tests can inject
   * a Windows failure on any machine.
   */
  platform?: NodeJS.Platform;
  /** Pauses (ms) before each new try of a rename over a file in use; default BUSY_RETRY_MS. */
  retryDelays?: readonly number[];
}

/**
 * How long kim waits for a file in use to be released: a virus scanner or the search indexer holds a
 * new file for a moment, a PDF reader for as long as the file is open. About 1.5 s in all.
 */
export const BUSY_RETRY_MS: readonly number[] = [50, 100, 200, 400, 800];

/**
 * The output could not be replaced because another program holds it open (Windows: a PDF reader). The
 * previous version of the file is still there, intact; the other outputs of a build are not affected,
 * so a build reports the report as failed and goes on (unlike other OutputErrors, which stop it).
 */
export class FileInUseError extends OutputError {
  constructor(readonly file: string) {
    const where = /\.pdf$/i.test(file) ? 'in einem PDF-Programm' : 'in einem anderen Programm (Editor, Vorschau)';
    super(`Die Datei ${file} konnte nicht ersetzt werden: ein anderes Programm hält sie geöffnet. Ist die Datei ${where} geöffnet? Dann schließen Sie sie dort und starten kim noch einmal; bis dahin bleibt die bisherige Fassung erhalten.`);
  }
}

/** Whether a failed rename means "the target is in use", on this platform. */
export const isInUse = (cause: unknown, platform: NodeJS.Platform): boolean => {
  const code = (cause as NodeJS.ErrnoException | undefined)?.code;
  return code === 'EBUSY' || (platform === 'win32' && (code === 'EPERM' || code === 'EACCES'));
};

/**
 * Writes a file so that readers only ever see the old or the new complete content: a temporary file in
 * the same folder (same file system, so rename is atomic), flushed to disk (unless `durable: false`),
 * then renamed over the target. On failure the temporary file is removed and an OutputError says in
 * German why (read-only, disk full …). A process killed mid-write (SIGKILL, power loss) can leave its
 * temporary file behind; the target is intact.
 */
export async function writeFileAtomic(target: string, content: string | Uint8Array, options: WriteOptions = {}): Promise<void> {
  const dir = dirname(target);
  const temp = tempNameFor(target);
  try {
    await makeFolder(dir);
    const handle = await open(temp, 'w');
    try {
      await handle.writeFile(content);
      if (options.durable !== false) await handle.sync();
    } finally {
      await handle.close();
    }
    await renameRetrying(temp, target, options);
  } catch (cause) {
    await rm(temp, { force: true }).catch(() => undefined);
    if (cause instanceof FileInUseError) throw cause;
    throw new OutputError(describeWriteFailure(target, cause));
  }
}

/** rename, tried again after each of `retryDelays` while the target is in use; then FileInUseError. */
async function renameRetrying(temp: string, target: string, options: WriteOptions): Promise<void> {
  const platform = options.platform ?? process.platform;
  const delays = options.retryDelays ?? BUSY_RETRY_MS;
  for (let attempt = 0; ; attempt++) {
    try {
      await rename(temp, target);
      return;
    } catch (cause) {
      if (!isInUse(cause, platform)) throw cause;
      if (attempt >= delays.length) throw new FileInUseError(target);
      await new Promise((resolve) => setTimeout(resolve, delays[attempt]));
    }
  }
}

/**
 * fsync of a folder: makes the renames in it durable (best effort: some file systems refuse it on a
 * folder; the data is still there, only not yet flushed).
 */
export async function syncFolder(dir: string): Promise<void> {
  const handle = await open(dir, 'r').catch(() => undefined);
  if (!handle) return;
  await handle.sync().catch(() => undefined);
  await handle.close().catch(() => undefined);
}

/**
 * Removes temporary files of `writeFileAtomic` in `dir` whose writer is no longer running (a kim killed
 * mid-write). Files of running processes (another kim writing into the same folder right now) are kept.
 * Best effort: a folder that does not exist or cannot be read is left alone. Returns the names removed.
 */
export async function removeStaleTempFiles(dir: string): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const removed: string[] = [];
  for (const name of names) {
    const pid = Number(TEMP_FILE.exec(name)?.[1] ?? NaN);
    if (!Number.isSafeInteger(pid) || pid === process.pid || processAlive(pid)) continue;
    if (await rm(join(dir, name), { force: true }).then(() => true, () => false)) removed.push(name);
  }
  return removed;
}

/** Whether a process with this id exists (signal 0 only checks; EPERM means it exists but is not ours). */
function processAlive(pid: number): boolean {
  if (pid <= 0) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (cause) {
    return (cause as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The German reason for a failed write, by errno code. */
export function writeFailureReason(cause: unknown): string {
  const code = (cause as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'keine Schreibberechtigung für den Ausgabeordner';
    case 'EROFS':
      return 'das Dateisystem ist schreibgeschützt (nur lesbar eingehängt)';
    case 'ENOSPC':
      return 'kein Speicherplatz mehr auf dem Datenträger';
    case 'EDQUOT':
      return 'das Speicherkontingent (Quota) ist erschöpft';
    case 'ENOTDIR':
    case 'EEXIST':
      return 'der Ausgabepfad ist kein Ordner';
    case 'EISDIR':
      return 'an ihrer Stelle liegt ein Ordner';
    case 'ENAMETOOLONG':
      return 'der Pfad ist zu lang';
    case 'EMFILE':
    case 'ENFILE':
      return 'zu viele offene Dateien';
    case 'EIO':
      return 'Ein-/Ausgabefehler des Datenträgers';
    case 'ENOENT':
      return 'der Ausgabeordner ist während des Schreibens verschwunden';
    default:
      return `Systemfehler ${code ?? (cause instanceof Error ? cause.message : String(cause))}`;
  }
}

function describeWriteFailure(target: string, cause: unknown): string {
  return `Die Datei ${target} konnte nicht geschrieben werden: ${writeFailureReason(cause)}.`;
}
