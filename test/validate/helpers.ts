/**
 * Shared by the validation and robustness suites: a fresh copy of the example data per case, small edits
 * on it, and the built CLI (the schemas are compiled into dist/ at build time, so even library tests need it).
 */
import { execFileSync, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '../../src/diagnostics.js';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const EXAMPLE_DATA = join(ROOT, 'data');
export const CLI = join(ROOT, 'dist', 'src', 'cli', 'main.js');

const scratch: string[] = [];

/** A private copy of data/ in a new temp folder; returns the copied data folder. */
export function copyData(): string {
  const base = mkdtempSync(join(tmpdir(), 'kim-test-'));
  scratch.push(base);
  const dir = join(base, 'data');
  cpSync(EXAMPLE_DATA, dir, { recursive: true });
  return dir;
}

/** An empty temp folder (for outputs, templates …). */
export function tempDir(): string {
  const base = mkdtempSync(join(tmpdir(), 'kim-test-'));
  scratch.push(base);
  return base;
}

export function removeScratch(): void {
  for (const dir of scratch.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** Replaces the first occurrence of `from` in a data file; fails loudly when the example data changed under the test. */
export function replaceIn(dataDir: string, file: string, from: string, to: string): void {
  const path = join(dataDir, file);
  const text = readFileSync(path, 'utf8');
  if (!text.includes(from)) throw new Error(`test setup: "${from}" not found in ${file}; has the example data changed?`);
  writeFileSync(path, text.replace(from, () => to));
}

export function writeIn(dataDir: string, file: string, content: string | Uint8Array): void {
  const path = join(dataDir, file);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
}

/** 1-based line and column of the first occurrence of `needle` (plus `shift` characters) in a data file. */
export function positionOf(dataDir: string, file: string, needle: string, shift = 0): { line: number; col: number } {
  const text = readFileSync(join(dataDir, file), 'utf8').replace(/^\uFEFF/, '');
  const index = text.indexOf(needle);
  if (index < 0) throw new Error(`test setup: "${needle}" not found in ${file}`);
  const before = text.slice(0, index + shift);
  const line = before.split('\n').length;
  const col = index + shift - (before.lastIndexOf('\n') + 1) + 1;
  return { line, col };
}

export const describeDiagnostics = (ds: readonly Diagnostic[]): string =>
  ds.map((d) => `${d.severity} ${d.file}:${d.line}:${d.col} [${d.path}] ${d.message}`).join('\n') || '(keine Meldungen)';

/** A stack frame as Node prints it; must never reach the clerk. */
export const STACK_TRACE = /at .*\.js:\d+/;

/** Newest modification time of the files the build reads. */
function newestSource(): number {
  let newest = 0;
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(ts|json)$/.test(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  walk(join(ROOT, 'src'));
  walk(join(ROOT, 'schemas'));
  return newest;
}

function isBuilt(): boolean {
  const validators = join(ROOT, 'dist', 'schemas', 'validators.js');
  return existsSync(CLI) && existsSync(validators) && Math.min(statSync(CLI).mtimeMs, statSync(validators).mtimeMs) >= newestSource();
}

/**
 * Builds dist/ when it is missing or older than the sources (about 2 s). Several test files may ask at
 * once, so a lock folder lets one build while the others wait. When the tree does not compile (someone
 * else's work in progress) but an older build exists, the tests run against that build.
 */
export async function ensureBuilt(): Promise<void> {
  if (isBuilt()) return;
  const lock = join(ROOT, 'dist', '.test-build-lock');
  mkdirSync(join(ROOT, 'dist'), { recursive: true });
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (isBuilt()) return;
      const age = existsSync(lock) ? Date.now() - statSync(lock).mtimeMs : 0;
      if (age > 60_000) rmSync(lock, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error('test setup: timed out waiting for another test file to build dist/');
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  try {
    if (!isBuilt()) execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: 'pipe' });
  } catch (cause) {
    if (!existsSync(CLI) || !existsSync(join(ROOT, 'dist', 'schemas', 'validators.js'))) throw cause;
    // eslint-disable-next-line no-console
    console.warn(`test setup: build failed, using the existing dist/: ${String((cause as { stderr?: Buffer }).stderr ?? cause).slice(0, 500)}`);
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI without colour and outside GitHub Actions unless `env` says otherwise. */
export function runCli(args: string[], env: Record<string, string> = {}, cwd = ROOT): CliResult {
  const { GITHUB_ACTIONS: _ignored, ...base } = process.env;
  const result: SpawnSyncReturns<string> = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...base, NO_COLOR: '1', FORCE_COLOR: '0', ...env },
    timeout: 20_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
