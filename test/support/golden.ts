import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { packageRoot } from '../../src/paths.js';

export const GOLDEN_DIR = join(packageRoot, 'test', 'report', 'golden');
/** `UPDATE_GOLDEN=1 npm test` rewrites the golden files after a deliberate change; the diff is then reviewed like code. */
export const UPDATING = process.env['UPDATE_GOLDEN'] === '1';

/**
 * Compares a rendered Vorlage with its checked-in golden file. When updating, the file is written and
 * nothing is compared (comparing the output with what was just written could never fail); a missing
 * golden file fails rather than passing silently.
 */
export function expectGolden(name: string, actual: string): void {
  const path = join(GOLDEN_DIR, name);
  if (UPDATING) {
    writeFileSync(path, actual);
    return;
  }
  expect(existsSync(path), `golden file ${name} is missing: run UPDATE_GOLDEN=1 npm test and review it`).toBe(true);
  expect(actual).toBe(readFileSync(path, 'utf8'));
}
