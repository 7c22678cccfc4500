/**
 * Shared by the validation and robustness suites: a fresh copy of the example data per case, small edits
 * on it, and the built CLI (the schemas are compiled into dist/ at build time, so even library tests need it).
 */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '../../src/diagnostics.js';
import { runKim } from '../support/cli.js';
import { removeTempDirs, tempDir } from '../support/temp.js';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const EXAMPLE_DATA = join(ROOT, 'data');
export const CLI = join(ROOT, 'dist', 'src', 'cli', 'main.js');

export { tempDir, removeTempDirs as removeScratch };

/** A private copy of data/ in a new temp folder; returns the copied data folder. */
export function copyData(): string {
  const dir = join(tempDir(), 'data');
  cpSync(EXAMPLE_DATA, dir, { recursive: true });
  return dir;
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
  const { code, stdout, stderr } = runKim(args, { cwd, env });
  return { status: code, stdout, stderr };
}
