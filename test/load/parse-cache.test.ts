import { cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, test } from 'vitest';
import { loadSources } from '../../src/load/dataset.js';
import { parseCacheKey } from '../../src/load/parse-cache.js';
import { cacheDir as parseCacheDir } from '../../src/disk-cache.js';
import { EXAMPLE_DIR } from '../support/example.js';
import { removeTempDirs, tempDir } from '../support/temp.js';

afterAll(removeTempDirs);

let cacheDir: string;
let dataDir: string;
beforeEach(async () => {
  cacheDir = tempDir('kim-cache-');
  dataDir = join(tempDir(), 'data');
  await cp(EXAMPLE_DIR, dataDir, { recursive: true });
});
/** The cache is given, as the CLI gives it from KIM_CACHE/KIM_CACHE_DIR: nothing reads process.env. */
const load = (dir = dataDir, cache = cacheDir) => loadSources(dir, { cacheDir: cache });

async function entryFor(file: string): Promise<string> {
  const key = parseCacheKey(await readFile(join(dataDir, file)));
  return join(cacheDir, 'parsed', key.slice(0, 2), `${key}.json`);
}

describe('parse cache', () => {
  test('is off with KIM_CACHE=off and follows KIM_CACHE_DIR / XDG_CACHE_HOME otherwise', () => {
    expect(parseCacheDir({ KIM_CACHE: 'off' })).toBeUndefined();
    expect(parseCacheDir({ KIM_CACHE_DIR: '/x' })).toBe('/x');
    expect(parseCacheDir({ XDG_CACHE_HOME: '/c' })).toBe('/c/kim');
  });

  test('an unchanged file is read back from the cache with the same value and positions', async () => {
    const first = await load();
    const entry = JSON.parse(await readFile(await entryFor('staff.yaml'), 'utf8'));
    // Prove the second load uses the entry: change the cached value, not the file.
    entry.value.staff[0].id = 'aus-dem-cache';
    await writeFile(await entryFor('staff.yaml'), JSON.stringify(entry));
    const second = await load();
    expect((second.files.staff!.value as { staff: { id: string }[] }).staff[0]!.id).toBe('aus-dem-cache');
    expect(second.files.staff!.valuePositions).toEqual(first.files.staff!.valuePositions);
    expect(second.files.staff!.keyPositions).toEqual(first.files.staff!.keyPositions);
    expect(second.files.organisation!.value).toEqual(first.files.organisation!.value);
  });

  test('a changed file is parsed afresh', async () => {
    await load();
    const path = join(dataDir, 'staff.yaml');
    await writeFile(path, (await readFile(path, 'utf8')).replace('id: m1-leitung', 'id: m1-leitung-neu'));
    const again = await load();
    expect(JSON.stringify(again.files.staff!.value)).toContain('m1-leitung-neu');
  });

  test('a file with errors is never cached, so its diagnostics always come from the parser', async () => {
    await writeFile(join(dataDir, 'meetings.yaml'), 'sessions: [\n');
    const result = await load();
    expect(result.diagnostics.some((d) => d.file === 'meetings.yaml' && d.line > 0)).toBe(true);
    await expect(readFile(await entryFor('meetings.yaml'))).rejects.toThrow();
  });

  test('a corrupt cache entry is ignored', async () => {
    await load();
    await writeFile(await entryFor('staff.yaml'), '{ kaputt');
    const again = await load();
    expect(again.files.staff).toBeDefined();
    expect(again.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  test('an unwritable cache folder does not stop kim', async () => {
    const result = await load(dataDir, join(dataDir, 'staff.yaml', 'unter-einer-datei'));
    expect(result.files.staff).toBeDefined();
    expect(await readdir(cacheDir)).toEqual([]);
  });
});

describe('compiled-template cache', () => {
  /** The one cache entry whose compiled template contains `marker`, changed by `change`: shows whether a run reads it. */
  async function changeCachedTemplate(marker: string, change: (entry: { spec: string; partials: { name: string }[] }) => void): Promise<void> {
    const root = join(cacheDir, 'templates');
    const files = (await readdir(root, { recursive: true })).filter((f) => f.endsWith('.json')).map((f) => join(root, f));
    const hits: { file: string; entry: { spec: string; partials: { name: string }[] } }[] = [];
    for (const file of files) {
      const entry = JSON.parse(await readFile(file, 'utf8'));
      if (`${entry.spec}${JSON.stringify(entry.partials)}`.includes(marker)) hits.push({ file, entry });
    }
    expect(hits).toHaveLength(1);
    change(hits[0]!.entry);
    await writeFile(hits[0]!.file, JSON.stringify(hits[0]!.entry));
  }
  const engineFor = async (dir: string) => {
    const { createTemplateEngine } = await import('../../src/render/engine.js');
    const { findTemplates } = await import('../../src/render/template-registry.js');
    return createTemplateEngine(await findTemplates(dir), { cacheDir });
  };
  const renderError = async (dir: string): Promise<{ line: number; col: number; message: string }> => {
    const e = await (await engineFor(dir)).render('x', {}).catch((x: unknown) => x);
    return (e as { diagnostics: { line: number; col: number; message: string }[] }).diagnostics[0]!;
  };

  test('a second engine renders from the cache the same text, and a changed template is compiled afresh', async () => {
    const dir = tempDir('kim-tpl-');
    await writeFile(join(dir, 'x.md.hbs'), 'Teststand {{date stand}}\n');
    const model = { stand: '2022-03-01' };
    expect(await (await engineFor(dir)).render('x', model)).toBe('Teststand 01.03.2022\n');
    expect(await (await engineFor(dir)).render('x', model)).toBe('Teststand 01.03.2022\n');
    // Prove that a second engine uses the entry: change the cached compiled template, not the file.
    await changeCachedTemplate('Teststand ', (entry) => (entry.spec = entry.spec.replace('Teststand ', 'Aus dem Cache ')));
    expect(await (await engineFor(dir)).render('x', model)).toBe('Aus dem Cache 01.03.2022\n');
    await writeFile(join(dir, 'x.md.hbs'), 'Datenstand {{date stand}}\n');
    expect(await (await engineFor(dir)).render('x', model)).toBe('Datenstand 01.03.2022\n');
  });

  test('a field error of a template from the cache is located at its line', async () => {
    const dir = tempDir('kim-tpl-');
    await writeFile(join(dir, 'x.md.hbs'), 'A\n\n{{nope}}\n');
    expect(await renderError(dir)).toMatchObject({ line: 3, col: 3 });
    // The cached template names another field: the error of the second run comes from the cache.
    await changeCachedTemplate('"nope"', (entry) => (entry.spec = entry.spec.replace('"nope"', '"nein"')));
    const fromCache = await renderError(dir);
    expect(fromCache).toMatchObject({ line: 3, col: 3 });
    expect(fromCache.message).toContain('"nein"');
  });

  test('a partial that went missing since the template was cached is reported at the line that calls it', async () => {
    const dir = tempDir('kim-tpl-');
    await mkdir(join(dir, 'partials'));
    await writeFile(join(dir, 'x.md.hbs'), 'A\n{{> eigenes}}\n');
    await writeFile(join(dir, 'partials', 'eigenes.hbs'), 'Eigenes\n');
    expect(await (await engineFor(dir)).render('x', {})).toBe('A\nEigenes\n');
    await rm(join(dir, 'partials', 'eigenes.hbs'));
    // The cached entry lists the partials the template calls; name this one differently to see it is used.
    await changeCachedTemplate('eigenes', (entry) => (entry.partials[0]!.name = 'eigenes-laut-cache'));
    const fromCache = await renderError(dir);
    expect(fromCache).toMatchObject({ line: 2, col: 1 });
    expect(fromCache.message).toContain('Das Teilmuster "eigenes-laut-cache" gibt es nicht');
  });
});

describe('cached positions', () => {
  test('keys with tabs, line breaks and percent signs keep their positions through the cache', async () => {
    await writeFile(join(dataDir, 'meetings.yaml'), (await readFile(join(dataDir, 'meetings.yaml'), 'utf8')) + '"a\\tb%09\\nc": 1\n');
    const first = await load();
    const second = await load();
    const pointer = '/a\tb%09\nc';
    expect(first.files.meetings!.keyPositions.get(pointer)).toBeDefined();
    expect(second.files.meetings!.keyPositions.get(pointer)).toEqual(first.files.meetings!.keyPositions.get(pointer));
  });
});
