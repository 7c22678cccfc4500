/**
 * Override files that kim would not use are told, not ignored: the clerk put them there believing they
 * change the Vorlage. A name kim cannot use for a template file (case, suffix, a link, a folder) is an
 * error, so no Vorlage is written with the built-in file instead; a partial nothing includes and other
 * stray files are warnings. Each case passed in silence before.
 */
import { cpSync, mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { checkData } from '../../src/valid-data.js';
import { findTemplates } from '../../src/render/template-registry.js';
import { packageRoot } from '../../src/paths.js';
import { removeTempDirs, tempDir } from '../support/temp.js';
import { templateFolder } from '../support/template-folder.js';

afterAll(removeTempDirs);

const folder = (files: Record<string, string>): string => templateFolder(files, 'kim-overrides-');

interface Case {
  name: string;
  files: Record<string, string>;
  severity: 'error' | 'warning';
  file: string;
  message: string;
}

const CASES: Case[] = [
  {
    name: 'Closing.hbs for closing.hbs (case)',
    files: { 'partials/Closing.hbs': 'Ende\n' },
    severity: 'error',
    file: 'partials/Closing.hbs',
    message: 'kim verwendet diese Datei nicht: Teilmuster heißen <name>.hbs, nur mit Kleinbuchstaben, Ziffern und Bindestrichen. Meinten Sie closing.hbs?',
  },
  {
    name: 'a template without .md before .hbs',
    files: { 'sachstand.hbs': 'x\n' },
    severity: 'error',
    file: 'sachstand.hbs',
    message: 'Meinten Sie sachstand.md.hbs?',
  },
  {
    name: 'a partial beside the templates instead of in partials/',
    files: { 'closing.hbs': 'Ende\n' },
    severity: 'error',
    file: 'closing.hbs',
    message: 'Meinten Sie partials/closing.hbs?',
  },
  {
    name: 'a partial with the template suffix',
    files: { 'partials/closing.md.hbs': 'x\n' },
    severity: 'error',
    file: 'partials/closing.md.hbs',
    message: 'Meinten Sie closing.hbs?',
  },
  {
    name: 'a folder named like a partial',
    files: { 'partials/closing.hbs/x': 'x\n' },
    severity: 'error',
    file: 'partials/closing.hbs',
    message: 'ist ein Ordner',
  },
  {
    name: 'a partial that no template includes, with a name close to one that is',
    files: { 'partials/clsoing.hbs': 'Ende\n' },
    severity: 'warning',
    file: 'partials/clsoing.hbs',
    message: 'Kein Vorlagenmuster bindet dieses Teilmuster ein ({{> clsoing}}), kim verwendet es nicht. Meinten Sie closing.hbs?',
  },
  {
    name: 'a stray file with a name close to a template',
    files: { 'sachstand.md': 'x\n' },
    severity: 'warning',
    file: 'sachstand.md',
    message: 'Meinten Sie sachstand.md.hbs?',
  },
  {
    name: 'a sub-folder other than partials/',
    files: { 'partial/closing.hbs': 'x\n' },
    severity: 'warning',
    file: 'partial',
    message: 'Meinten Sie partials?',
  },
];

describe.each(CASES)('$name', (c) => {
  test(`${c.severity} at the file`, async () => {
    const dir = folder(c.files);
    const set = await findTemplates(dir);
    expect(set.diagnostics).toEqual([expect.objectContaining({ severity: c.severity, file: join(dir, c.file) })]);
    expect(set.diagnostics[0]!.message).toContain(c.message);
  });
});

describe('not told', () => {
  test('the README that kim init writes, hidden files, a new template and a partial it includes', async () => {
    const dir = folder({ 'README.md': '# x\n', '.gitkeep': '', 'brief.md.hbs': '{{> gruss}}\n', 'partials/gruss.hbs': 'Hallo\n', 'partials/closing.hbs': 'Ende\n' });
    expect((await findTemplates(dir)).diagnostics).toEqual([]);
  });
});

describe('refused', () => {
  test('a symbolic link as a partial (it could point anywhere)', async () => {
    const dir = folder({});
    const outside = folder({ 'closing.hbs': 'Ende\n' });
    mkdirSync(join(dir, 'partials'));
    symlinkSync(join(outside, 'closing.hbs'), join(dir, 'partials', 'closing.hbs'));
    const set = await findTemplates(dir);
    expect(set.diagnostics).toEqual([expect.objectContaining({ severity: 'error', file: join(dir, 'partials', 'closing.hbs') })]);
    expect(set.diagnostics[0]!.message).toContain('symbolische Verknüpfung');
    // The built-in closing is not used in its place either.
    expect(set.partials.get('closing')?.path).not.toBe(join(dir, 'partials', 'closing.hbs'));
  });
  test('a templates that is a file, not a folder', async () => {
    const dir = folder({ templates: 'x\n' });
    const set = await findTemplates(join(dir, 'templates'));
    expect(set.diagnostics).toEqual([expect.objectContaining({ severity: 'error', file: join(dir, 'templates'), line: 0 })]);
    expect(set.diagnostics[0]!.message).toContain('ist eine Datei, kein Ordner');
  });
});

test('every broken override file is reported in one run, before anything renders', async () => {
  const dir = folder({ 'sachstand.md.hbs': 'A\n{{#if title}}\n', 'partials/closing.hbs': 'Ende {{log "x"}}\n', 'partials/header.hbs': '{{#with constructor}}{{/with}}\n' });
  const set = await findTemplates(dir);
  expect(set.diagnostics.map((d) => [d.file, d.line, d.col])).toEqual([
    [join(dir, 'sachstand.md.hbs'), 2, 1],
    [join(dir, 'partials', 'closing.hbs'), 1, 6],
    [join(dir, 'partials', 'header.hbs'), 1, 9],
  ]);
});

test('kim validate shows them with the data diagnostics, and an error makes the data invalid', async () => {
  const data = tempDir('kim-overrides-data-');
  cpSync(join(packageRoot, 'data'), data, { recursive: true });
  const templates = folder({ 'partials/Closing.hbs': 'Ende\n' });
  const { validation } = await checkData({ dataDir: data, templatesDir: templates });
  expect(validation.diagnostics.filter((d) => d.file.startsWith(templates))).toEqual([expect.objectContaining({ severity: 'error', file: join(templates, 'partials', 'Closing.hbs') })]);
});
