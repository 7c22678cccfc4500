/**
 * Template mistakes that used to leave a blank in the Vorlage or end in an English stack-overflow
 * message: each is refused in German, at the line of the template to change, with the chain of
 * partials that led there. Overrides in a temporary templates/ folder, rendered with the example model.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics.js';
import { createTemplateEngine } from '../../src/render/engine.js';
import { findTemplates } from '../../src/render/template-registry.js';
import { removeTempDirs, tempDir } from '../support/temp.js';
import { onlyDiagnostic, templateFolder, type TemplateCase } from '../support/template-folder.js';

afterAll(removeTempDirs);

async function renderFails(files: Record<string, string>, model: object = { title: 'T', items: [{ a: 1 }] }): Promise<{ d: Diagnostic; dir: string }> {
  const dir = templateFolder(files);
  const d = await onlyDiagnostic(createTemplateEngine(await findTemplates(dir)).render('x', model));
  expect(d.message).not.toMatch(/Maximum call stack|could not be found|not defined|undefined/);
  return { d, dir };
}

const CASES: TemplateCase[] = [
  {
    name: '{{lookup this "titel"}} (a misspelt field) fails like {{titel}}',
    files: { 'x.md.hbs': 'Titel:\n{{lookup this "titel"}}\n' },
    file: 'x.md.hbs',
    line: 2,
    col: 1,
    message: 'Das Feld "titel" gibt es an dieser Stelle des Berichtsmodells nicht. Meinten Sie "title"?',
  },
  {
    name: '{{lookup items 3}} beyond the end of a list',
    files: { 'x.md.hbs': '{{#with (lookup items 3)}}{{a}}{{/with}}\n' },
    file: 'x.md.hbs',
    line: 1,
    col: 9,
    message: 'Das Feld "3" gibt es an dieser Stelle des Berichtsmodells nicht.',
  },
  {
    name: '{{#if titel}} (a misspelt field given to a block helper) fails instead of printing nothing',
    files: { 'x.md.hbs': 'Kopf\n{{#if titel}}{{title}}{{/if}}\n' },
    file: 'x.md.hbs',
    line: 2,
    col: 7,
    message: 'Das Feld "titel" gibt es an dieser Stelle des Berichtsmodells nicht. Meinten Sie "title"?',
  },
  {
    name: '{{#each itmes}} (a misspelt list) fails instead of leaving the list out',
    files: { 'x.md.hbs': '{{#each itmes}}\n- {{a}}\n{{/each}}\n' },
    file: 'x.md.hbs',
    line: 1,
    col: 9,
    message: 'Das Feld "itmes" gibt es an dieser Stelle des Berichtsmodells nicht. Meinten Sie "items"?',
  },
  {
    name: 'a misspelt field inside an {{#each}} block, given to a helper',
    files: { 'x.md.hbs': '{{#each items}}{{#unless b}}x{{/unless}}{{/each}}\n' },
    file: 'x.md.hbs',
    line: 1,
    col: 26,
    message: 'Das Feld "b" gibt es an dieser Stelle des Berichtsmodells nicht.',
  },
  {
    name: 'lookup cannot reach a prototype property',
    files: { 'x.md.hbs': '{{lookup title "constructor"}}\n' },
    file: 'x.md.hbs',
    line: 1,
    col: 1,
    message: 'Das Feld "constructor" gibt es an dieser Stelle des Berichtsmodells nicht.',
  },
  {
    name: 'a partial that includes itself',
    files: { 'x.md.hbs': 'Kopf\n{{> closing}}\n', 'partials/closing.hbs': 'Zur Sitzung.\n\n{{> closing}}\n' },
    file: 'partials/closing.hbs',
    line: 3,
    col: 1,
    message: 'Das Teilmuster "closing" ruft sich selbst auf, ohne Ende: x.md.hbs → closing.hbs → closing.hbs → …',
  },
  {
    name: 'two partials that include each other',
    files: { 'x.md.hbs': '{{> a}}\n', 'partials/a.hbs': 'A {{> b}}\n', 'partials/b.hbs': 'B\n  {{> a}}\n' },
    file: 'partials/b.hbs',
    line: 2,
    col: 3,
    message: 'Die Teilmuster "a" und "b" rufen sich gegenseitig auf, ohne Ende: x.md.hbs → a.hbs → b.hbs → a.hbs → …',
  },
  {
    name: 'a dynamic partial {{> (lookup . "name")}}',
    files: { 'x.md.hbs': 'Kopf\n\n{{> (lookup . "which")}}\n', 'partials/closing.hbs': 'Ende\n' },
    file: 'x.md.hbs',
    line: 3,
    col: 1,
    message: 'Ein Teilmuster mit berechnetem Namen ({{> (…)}}) ist nicht erlaubt',
  },
  {
    name: 'a dynamic partial in a partial',
    files: { 'x.md.hbs': '{{> header}}\n', 'partials/header.hbs': 'A\n{{#if title}}{{> (title)}}{{/if}}\n' },
    file: 'partials/header.hbs',
    line: 2,
    col: 14,
    message: 'Ein Teilmuster mit berechnetem Namen',
  },
  {
    name: 'a missing field inside a partial names the chain',
    files: { 'x.md.hbs': '{{> header}}\n', 'partials/header.hbs': 'Kopf\n{{> inner}}\n', 'partials/inner.hbs': '{{titel}}\n' },
    file: 'partials/inner.hbs',
    line: 1,
    col: 3,
    message: 'Das Feld "titel" gibt es an dieser Stelle des Berichtsmodells nicht. Meinten Sie "title"? (eingebunden über x.md.hbs → header.hbs → inner.hbs)',
  },
];

describe.each(CASES)('$name', (c) => {
  test('German, at the template line, with the chain', async () => {
    const { d, dir } = await renderFails(c.files, { title: 'T', which: 'closing', items: [{ a: 1 }] });
    expect(d.message).toContain(c.message);
    expect(d).toMatchObject({ severity: 'error', file: join(dir, c.file), line: c.line, col: c.col });
  });
});

describe('still allowed', () => {
  test('a partial that includes itself under a condition that ends (a nested list)', async () => {
    const dir = tempDir('kim-tpl-');
    mkdirSync(join(dir, 'partials'), { recursive: true });
    writeFileSync(join(dir, 'x.md.hbs'), '{{> tree node}}\n');
    writeFileSync(join(dir, 'partials', 'tree.hbs'), '{{name}}{{#if child}} > {{> tree child}}{{/if}}');
    const engine = createTemplateEngine(await findTemplates(dir));
    expect(await engine.render('x', { node: { name: 'a', child: { name: 'b', child: { name: 'c', child: null } } } })).toBe('a > b > c');
  });
  test('lookup of a field that exists, and of a list item', async () => {
    const dir = tempDir('kim-tpl-');
    writeFileSync(join(dir, 'x.md.hbs'), '{{lookup this "title"}} {{#with (lookup items 0)}}{{a}}{{/with}}\n');
    const engine = createTemplateEngine(await findTemplates(dir));
    expect(await engine.render('x', { title: 'T', items: [{ a: 1 }] })).toBe('T 1\n');
  });
});
