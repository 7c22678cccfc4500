/**
 * An output or cache folder where mkdir fails with ENOENT although the parent exists (/proc): Node's
 * `mkdir(…, { recursive: true })` loops forever there, so kim hung, spinning a core. Now a German error.
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../src/files/atomic-write.js';
import { OutputError } from '../../src/errors.js';
import { writeCacheEntry, readCacheEntry } from '../../src/disk-cache.js';

describe.runIf(existsSync('/proc/self'))('a folder that cannot be made under /proc', () => {
  it('an output file there fails with a German reason instead of hanging', async () => {
    const e = await writeFileAtomic('/proc/kim-gibt-es-nicht/vorlage.md', 'x').then(() => undefined, (x: unknown) => x);
    expect(e).toBeInstanceOf(OutputError);
    expect((e as OutputError).message).toBe('Die Datei /proc/kim-gibt-es-nicht/vorlage.md konnte nicht geschrieben werden: keine Schreibberechtigung für den Ausgabeordner.');
  });

  it('a cache folder there is given up (work without cache) instead of hanging', async () => {
    await writeCacheEntry('/proc/kim-cache-gibt-es-nicht', 'yaml', 'schluessel', { a: 1 });
    expect(await readCacheEntry('/proc/kim-cache-gibt-es-nicht', 'yaml', 'schluessel')).toBeUndefined();
  });
});
