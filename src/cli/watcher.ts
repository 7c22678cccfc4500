import { readdirSync, watch, type FSWatcher } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { TEMP_FILE } from '../files/atomic-write.js';
import { helperFileReason } from '../load/data-files.js';

export interface TreeWatcher {
  close(): void;
}

/**
 * Watches a folder and its subfolders for any change of a file in them, reporting the path relative to
 * `root`; changes of editors' lock, swap and backup files and of temporary files of atomic writes are
 * not changes of the data and are not reported. One non-recursive watch per folder, not `fs.watch(root, { recursive: true })`: on Linux
 * before Node 22 the recursive watch is emulated with a watch per *file*, which goes blind to a file
 * once it is replaced by a rename (an atomic save by vim, `sed -i`, `git pull`): the watch still sits on
 * the old, deleted file. A folder's own watch sees a file renamed into it on every platform and Node.
 * Hidden folders (`.git`) and `node_modules` are not watched. Folders made or removed later are picked
 * up or dropped at the next event.
 */
export function watchTree(root: string, onChange: (path: string) => void): TreeWatcher {
  const watchers = new Map<string, FSWatcher>();
  let closed = false;

  const drop = (dir: string): void => {
    watchers.get(dir)?.close();
    watchers.delete(dir);
  };

  /** Adds a watch for every folder below `root` that has none, and drops those of folders that are gone. */
  const sync = (): void => {
    if (closed) return;
    const present = new Set(folders(root));
    for (const dir of [...watchers.keys()]) if (!present.has(dir)) drop(dir);
    for (const dir of present) {
      if (watchers.has(dir)) continue;
      try {
        const w = watch(dir, (event, name) => {
          const path = relative(root, join(dir, String(name ?? '')));
          // A rename may be a folder coming or going: look again before reporting.
          if (event === 'rename') sync();
          if (!notData(basename(path))) onChange(path);
        });
        // A watched folder that is deleted ends its watch with an error on some platforms: just drop it.
        w.on('error', () => drop(dir));
        watchers.set(dir, w);
      } catch {
        // Gone between listing and watching, or not readable: nothing to watch there.
      }
    }
  };

  sync();
  return {
    close(): void {
      closed = true;
      for (const dir of [...watchers.keys()]) drop(dir);
    },
  };
}

/** The folder and every folder below it, except hidden ones and node_modules. */
function folders(root: string): string[] {
  const out: string[] = [];
  const visit = (dir: string): void => {
    out.push(dir);
    let entries: import('node:fs').Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) if (e.isDirectory() && !e.name.startsWith('.') && e.name !== 'node_modules') visit(join(dir, e.name));
  };
  visit(root);
  return out;
}

/** An editor's lock, swap or backup file, or a temporary file of an atomic write (kim's own or another's). */
const notData = (name: string): boolean => helperFileReason(name) !== undefined || TEMP_FILE.test(name) || name.endsWith('.tmp');
