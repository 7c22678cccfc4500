/**
 * The validation cache's key (src/validate/validation-cache.ts): a stored result may be reused only by the
 * same kim (its version and the id of its validation code, dist/schemas/validation.id) on the same bytes.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { loadSources } from '../../src/load/dataset.js';
import { packageRoot } from '../../src/paths.js';
import { validationCacheKey } from '../../src/validate/validation-cache.js';
import { removeTempDirs, tempDir } from '../support/temp.js';

afterAll(removeTempDirs);

async function sourcesOf(data: string) {
  return loadSources(data, { cacheDir: tempDir('kim-vkey-cache-') });
}

describe('the validation cache key', () => {
  test('changes with the id of kim’s validation code (a new schema or rule), with the bytes of a data file and with the templates', async () => {
    const data = join(tempDir('kim-vkey-'), 'data');
    cpSync(join(packageRoot, 'data'), data, { recursive: true });
    const before = await sourcesOf(data);
    const key = validationCacheKey(before, ['sachstand'], 'build-a');
    expect(key).toBeDefined();
    expect(validationCacheKey(await sourcesOf(data), ['sachstand'], 'build-a')).toBe(key);
    expect(validationCacheKey(before, ['sachstand'], 'build-b')).not.toBe(key);
    expect(validationCacheKey(before, ['sachstand', 'kurz'], 'build-a')).not.toBe(key);
    // A comment only: the value is the same, the bytes (and so the lines of every message) are not.
    const staff = join(data, 'staff.yaml');
    writeFileSync(staff, `# neu\n${readFileSync(staff, 'utf8')}`);
    expect(validationCacheKey(await sourcesOf(data), ['sachstand'], 'build-a')).not.toBe(key);
  });

  test('is none without an id of the validation code, or without the disk cache', async () => {
    const data = join(packageRoot, 'data');
    expect(validationCacheKey(await sourcesOf(data), ['sachstand'], null)).toBeUndefined();
    expect(validationCacheKey(await loadSources(data), ['sachstand'], 'build-a')).toBeUndefined();
  });
});
