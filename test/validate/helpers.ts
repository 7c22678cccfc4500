/**
 * Shared by the validation and robustness suites: a fresh copy of the example data per case, small edits
 * on it, and the built CLI (the schemas are compiled into dist/ at build time, so even library tests need it).
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
