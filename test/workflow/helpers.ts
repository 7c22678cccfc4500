import { spawn } from 'node:child_process';
import { cpSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { removeTempDirs, tempDir as makeTempDir } from '../support/temp.js';
import { packageRoot } from '../../src/paths.js';
import { CLI, runKim } from '../support/cli.js';
import { copyReport } from '../support/report-copies.js';

export { runKim };

export const tempDir = (prefix = 'kim-workflow-'): string => makeTempDir(prefix);
export { removeTempDirs as cleanUp };

/** A copy of the repository's example data (two reports) in a temporary folder, as `<dir>/data`. */
export function exampleRepo(): string {
  const dir = tempDir();
  cpSync(join(packageRoot, 'data'), join(dir, 'data'), { recursive: true });
  return dir;
}

/** Adds copies of a report under new ids (each for a session of its own), so there are enough reports to shard. */
export function addReportCopies(dir: string, from: string, ids: string[]): void {
  for (const id of ids) copyReport(join(dir, 'data'), from, id);
}

export const filesIn = (dir: string, suffix: string): string[] =>
  readdirSync(dir)
    .filter((f) => f.endsWith(suffix))
    .sort();

export const ESC = '\x1b[';

/** A running `kim` process whose output can be awaited line by line (for `kim watch`). */
export function startKim(args: string[], cwd: string) {
  const child = spawn(process.execPath, [CLI, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  const waiters: { test: () => boolean; resolve: () => void }[] = [];
  const check = () => {
    for (const w of [...waiters]) if (w.test()) waiters.splice(waiters.indexOf(w), 1) && w.resolve();
  };
  child.stdout.setEncoding('utf8').on('data', (d: string) => ((stdout += d), check()));
  child.stderr.setEncoding('utf8').on('data', (d: string) => ((stderr += d), check()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    child,
    exited,
    get stdout() {
      return stdout;
    },
    get stderr() {
      return stderr;
    },
    /** Resolves when `test` holds for the output so far; rejects after `ms`. */
    until(test: (out: { stdout: string; stderr: string }) => boolean, ms = 8000): Promise<void> {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`Zeitüberschreitung; stdout:\n${stdout}\nstderr:\n${stderr}`)), ms);
        const entry = { test: () => test({ stdout, stderr }), resolve: () => (clearTimeout(timer), resolve()) };
        if (entry.test()) entry.resolve();
        else waiters.push(entry);
      });
    },
  };
}
