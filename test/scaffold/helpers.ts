import { join } from 'node:path';
import { expect } from 'vitest';
import { runKim, tempDir } from '../workflow/helpers.js';

export { cleanUp, runKim } from '../workflow/helpers.js';

/** A data repository fresh from `kim init` (its kim: this checkout), in a new temporary folder. */
export function scaffoldedRepo(prefix: string): string {
  const repo = join(tempDir(prefix), 'daten');
  const init = runKim(['init', repo, '--quiet']);
  expect(init.code, init.stderr).toBe(0);
  return repo;
}
