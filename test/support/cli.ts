import { spawnSync } from 'node:child_process';
import { existsSync, statSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { packageRoot } from '../../src/paths.js';

export const CLI = join(packageRoot, 'dist', 'src', 'cli', 'main.js');

/** Newest modification time below a folder, to decide whether dist/ is older than the sources. */
function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

/** Builds the CLI when dist/ is missing or older than src/ or schemas/, so end-to-end tests run the current code. */
export function ensureBuilt(): void {
  const built = existsSync(CLI) ? statSync(CLI).mtimeMs : 0;
  if (built > Math.max(newest(join(packageRoot, 'src')), newest(join(packageRoot, 'schemas')))) return;
  execFileSync(process.execPath, [join(packageRoot, 'scripts', 'build.mjs')], { stdio: 'inherit' });
}

/**
 * Runs the built CLI like a user at a terminal-less shell would (no colour, no stdin, not under GitHub
 * Actions unless `env` says so) and returns its exit code and output.
 */
export function runKim(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}) {
  const { GITHUB_ACTIONS: _ignored, ...base } = process.env;
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: options.cwd ?? packageRoot,
    env: { ...base, NO_COLOR: '1', FORCE_COLOR: '0', ...options.env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
