/**
 * The build extracts the confusables of Latin letters into a small file (scripts/build-name-data.mjs);
 * run from the sources without it, kim must still read "Ɩnes" as "Ines", or the privacy check would miss
 * a name typed with a look-alike letter. (Vitest loads each test file's modules afresh, so the table is
 * first read here, with the file missing.)
 */
import { expect, test, vi } from 'vitest';
import { fold } from '../../src/german/name-matching.js';

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const readFileSync = ((path: unknown, ...rest: unknown[]) => {
    if (String(path).endsWith('confusables-latin.json')) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
    return (fs.readFileSync as (...a: unknown[]) => unknown)(path, ...rest);
  }) as typeof fs.readFileSync;
  return { ...fs, default: { ...fs, readFileSync }, readFileSync };
});

test('without the extracted table, a Latin look-alike is still read as its letter (from the whole table)', () => {
  expect(fold('Ɩnes Miǀǀer').text).toBe('ines miller'); // Latin iota and the click letter ǀ, look-alikes of I and l
});
