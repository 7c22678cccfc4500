/**
 * The data folder's record of parse-cache keys (src/load/content-keys.ts): a file whose bytes are exactly
 * those recorded takes its key from the record (no SHA-256 on a run over unchanged data); any other file,
 * and any doubtful record, is hashed as before, so the parse cache never serves another file's data.
 */
import { cp, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, test } from 'vitest';
import { loadSources } from '../../src/load/dataset.js';
import { parseCacheKey } from '../../src/load/parse-cache.js';
import { EXAMPLE_DIR } from '../support/example.js';
import { removeTempDirs, tempDir } from '../support/temp.js';

afterAll(removeTempDirs);

let cacheDir: string;
let dataDir: string;
beforeEach(async () => {
  cacheDir = tempDir('kim-keys-cache-');
  dataDir = join(tempDir(), 'data');
  await cp(EXAMPLE_DIR, dataDir, { recursive: true });
});
const load = () => loadSources(dataDir, { cacheDir });
const staffKey = async () => parseCacheKey(await readFile(join(dataDir, 'staff.yaml')));
const OTHER_KEY = 'f'.repeat(64);

/** The folder's one record, rewritten by `change`. */
async function changeRecord(change: (record: { dataDir: string; parser: string; files: Record<string, { bytes: string; key: string }> }) => unknown): Promise<void> {
  const root = join(cacheDir, 'keys');
  const files = (await readdir(root, { recursive: true })).filter((f) => f.endsWith('.json'));
  expect(files).toHaveLength(1);
  const file = join(root, files[0]!);
  const record = JSON.parse(await readFile(file, 'utf8'));
  const changed = change(record);
  await writeFile(file, typeof changed === 'string' ? changed : JSON.stringify(record));
}

describe('the record of parse-cache keys', () => {
  test('an unchanged file takes its key from the record', async () => {
    expect((await load()).contentKeys?.get('staff.yaml')).toBe(await staffKey());
    // Prove the second load reads the record rather than hashing: the record names another key.
    await changeRecord((r) => {
      r.files['staff.yaml']!.key = OTHER_KEY;
    });
    expect((await load()).contentKeys?.get('staff.yaml')).toBe(OTHER_KEY);
  });

  test('a file changed without changing its size is hashed afresh, and its new data are read', async () => {
    await load();
    await changeRecord((r) => {
      r.files['staff.yaml']!.key = OTHER_KEY;
    });
    const path = join(dataDir, 'staff.yaml');
    const text = await readFile(path, 'utf8');
    expect(text).toContain('id: m1-leitung');
    await writeFile(path, text.replace('id: m1-leitung', 'id: m1-leitunG'));
    const again = await load();
    expect(again.contentKeys?.get('staff.yaml')).toBe(await staffKey());
    expect(JSON.stringify(again.files.staff!.value)).toContain('m1-leitunG');
  });

  test.each([
    ['not JSON', () => '{ kaputt'],
    ['a key that is not a SHA-256', (r: { files: Record<string, { key: string }> }) => void (r.files['staff.yaml']!.key = 'kurz')],
    ['the record of another folder', (r: { dataDir: string; files: Record<string, { key: string }> }) => void ((r.dataDir = '/anderswo/data'), (r.files['staff.yaml']!.key = OTHER_KEY))],
    ['the record of another kim or parser', (r: { parser: string; files: Record<string, { key: string }> }) => void ((r.parser = '0.0.1 1'), (r.files['staff.yaml']!.key = OTHER_KEY))],
  ])('a doubtful record (%s) is ignored: every file is hashed', async (_what, change) => {
    await load();
    await changeRecord(change as (record: never) => unknown);
    const again = await load();
    expect(again.contentKeys?.get('staff.yaml')).toBe(await staffKey());
    expect(again.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
});
