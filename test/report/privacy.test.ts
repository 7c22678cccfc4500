import { cp, mkdtemp, readdir, readFile, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { writeReport } from '../../src/api.js';
import { DataError } from '../../src/errors.js';
import { EXAMPLE_DIR, renderWith, CURRENT } from '../support/example.js';

async function copyExample() {
  const root = await mkdtemp(join(tmpdir(), 'kim-privacy-'));
  await cp(EXAMPLE_DIR, join(root, 'data'), { recursive: true });
  return root;
}

async function rejection(promise: Promise<unknown>): Promise<DataError> {
  const e = await promise.then(() => undefined, (x: unknown) => x);
  expect(e).toBeInstanceOf(DataError);
  return e as DataError;
}

describe('privacy: no staff name in a public Vorlage', () => {
  test('a name typed into the report text fails, located in the report file, and nothing is written', async () => {
    const root = await copyExample();
    const file = join(root, 'data', 'reports', `${CURRENT}.yaml`);
    const yaml = await readFile(file, 'utf8');
    await writeFile(file, yaml.replace('Zu den Aufgaben der Case Managerinnen', 'Frau Halvorsen berichtet: Zu den Aufgaben der Case Managerinnen'));
    const error = await rejection(writeReport({ dataDir: join(root, 'data'), outDir: join(root, 'out'), formats: ['md'] }));
    expect(error.diagnostics[0]).toMatchObject({ file: `reports/${CURRENT}.yaml`, path: 'text.modules.modul-2.work' });
    expect(error.diagnostics[0]!.line).toBeGreaterThan(1);
    expect(error.diagnostics[0]!.message).toContain('"Halvorsen"');
    await expect(readdir(join(root, 'out'))).rejects.toThrow(); // out/ was never created
  });

  test('a full name in a template override is located at the template line', async () => {
    const root = await copyExample();
    await mkdir(join(root, 'templates', 'partials'), { recursive: true });
    await writeFile(join(root, 'templates', 'partials', 'closing.hbs'), 'Zur Sitzung.\n\ngez. Andrea Wiesenthal\n');
    const error = await rejection(writeReport({ dataDir: join(root, 'data'), templatesDir: join(root, 'templates'), outDir: join(root, 'out'), formats: ['md'] }));
    expect(error.diagnostics[0]).toMatchObject({ file: join(root, 'templates', 'partials', 'closing.hbs'), line: 3, col: 6 });
  });

  test('a name that arrives through a data field is caught in the output', async () => {
    const e = await renderWith((d) => {
      d.programme.roles.find((r) => r.id === 'cm-koordination')!.qualifier = 'unter Leitung von Dąbrowska';
    }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(DataError);
    expect((e as DataError).diagnostics[0]!.message).toContain('"Dąbrowska"');
  });

  test('a non-public Vorlage may name staff', async () => {
    const text = await renderWith((d) => {
      const r = d.reports.find((x) => x.id === CURRENT)!;
      r.public = false;
      r.text!.modules!['modul-2']!.work = 'Ansprechpartnerin ist Frau Halvorsen.';
    });
    expect(text).toContain('Frau Halvorsen');
  });

  test('the shipped example passes', async () => {
    await expect(renderWith()).resolves.toContain('Case Managerinnen');
  });
});
