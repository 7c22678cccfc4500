import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics.js';
import { DataError } from '../../src/errors.js';
import { tempDir } from './temp.js';

/** A temporary template override folder with the given files (path inside it → content); remove with removeTempDirs. */
export function templateFolder(files: Record<string, string>, prefix = 'kim-tpl-'): string {
  const dir = tempDir(prefix);
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

/** The one diagnostic of a render that must fail with a DataError. */
export async function onlyDiagnostic(rendering: Promise<unknown>): Promise<Diagnostic> {
  const e = await rendering.then(
    (out) => out,
    (x: unknown) => x,
  );
  expect(e, `rendered: ${String(e)}`).toBeInstanceOf(DataError);
  const ds = (e as DataError).diagnostics;
  expect(ds).toHaveLength(1);
  return ds[0]!;
}

/** A template that must fail: its files, and the file (relative to the override folder), position and message of the error. */
export interface TemplateCase {
  name: string;
  files: Record<string, string>;
  file: string;
  line: number;
  col: number;
  message: string;
}
