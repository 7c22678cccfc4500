/**
 * A data repository's templates/ is code that kim runs: only kim's helpers and the documented built-ins
 * (if, unless, each, with, lookup) may run, no template reaches a prototype, and every template error is
 * a German message at file:line:col that a clerk can act on, never Handlebars' parser tokens.
 * Each case was rendered (or failed in English) before the sandbox.
 */
import { chmodSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics.js';
import { createTemplateEngine } from '../../src/render/engine.js';
import { findTemplates } from '../../src/render/template-registry.js';
import { removeTempDirs } from '../support/temp.js';
import { onlyDiagnostic, templateFolder, type TemplateCase } from '../support/template-folder.js';

afterAll(removeTempDirs);

const MODEL = { title: 'T', items: [{ a: 1 }], terms: { unit: 'fte' } };

const folder = (files: Record<string, string>): string => templateFolder(files, 'kim-sandbox-');

async function renderFails(dir: string, prepare: () => void = () => {}): Promise<Diagnostic> {
  const engine = createTemplateEngine(await findTemplates(dir));
  prepare();
  const d = await onlyDiagnostic(engine.render('x', MODEL));
  // What a clerk must never see: Handlebars' English, its parser tokens, a JavaScript error.
  expect(d.message).not.toMatch(/Expecting|Parse error|OPEN_|CLOSE|EOF|INVALID|doesn't match|Cannot read|undefined|not defined|stack size/);
  return d;
}

const SANDBOX: TemplateCase[] = [
  {
    name: '{{log}} cannot print into the build log (a fake CI annotation)',
    files: { 'x.md.hbs': 'Titel\n{{log "::error file=staff.yaml::gefälscht"}}\n' },
    file: 'x.md.hbs',
    line: 2,
    col: 1,
    message: 'Der Helfer "log" ist in Vorlagenmustern nicht erlaubt.',
  },
  {
    name: '{{#log}} as a block',
    files: { 'x.md.hbs': '{{#log "x"}}y{{/log}}\n' },
    file: 'x.md.hbs',
    line: 1,
    col: 1,
    message: 'Der Helfer "log" ist in Vorlagenmustern nicht erlaubt.',
  },
  {
    name: '{{helperMissing}} prints nothing instead of failing',
    files: { 'x.md.hbs': 'A {{helperMissing}}\n' },
    file: 'x.md.hbs',
    line: 1,
    col: 3,
    message: 'Der Helfer "helperMissing" ist in Vorlagenmustern nicht erlaubt.',
  },
  {
    name: '{{#blockHelperMissing}} called by name',
    files: { 'x.md.hbs': '\n{{#blockHelperMissing items}}{{a}}{{/blockHelperMissing}}\n' },
    file: 'x.md.hbs',
    line: 2,
    col: 1,
    message: 'Der Helfer "blockHelperMissing" ist in Vorlagenmustern nicht erlaubt.',
  },
  {
    name: 'a Mustache section {{#items}} (runs through blockHelperMissing) is not a block helper',
    files: { 'x.md.hbs': 'Liste:\n  {{#items}}{{a}}{{/items}}\n' },
    file: 'x.md.hbs',
    line: 2,
    col: 3,
    message: 'Der Block {{#items}} ist kein erlaubter Block: erlaubt sind {{#if}}, {{#unless}}, {{#each}} und {{#with}}, z. B. {{#each items}} für eine Liste.',
  },
  {
    name: 'an inverted section {{^items}}',
    files: { 'x.md.hbs': '{{^items}}leer{{/items}}\n' },
    file: 'x.md.hbs',
    line: 1,
    col: 1,
    message: 'Der Block {{^items}} ist kein erlaubter Block',
  },
  {
    name: 'a decorator {{#*inline}} defines template code outside templates/partials/',
    files: { 'x.md.hbs': '{{#*inline "closing"}}X{{/inline}}\n' },
    file: 'x.md.hbs',
    line: 1,
    col: 1,
    message: 'Dekoratoren',
  },
  {
    name: '{{#with constructor}} is a missing field, not a blank',
    files: { 'x.md.hbs': 'Ende {{#with constructor}}X{{/with}}\n' },
    file: 'x.md.hbs',
    line: 1,
    col: 14,
    message: 'Das Feld "constructor" gibt es im Berichtsmodell nicht',
  },
  {
    name: 'a prototype chain given to a helper is refused where it stands',
    files: { 'x.md.hbs': 'A\nB {{#if __proto__.constructor.constructor}}x{{/if}}\n' },
    file: 'x.md.hbs',
    line: 2,
    col: 9,
    message: 'Das Feld "__proto__" gibt es im Berichtsmodell nicht',
  },
  {
    name: 'a prototype property deep inside blocks',
    files: { 'x.md.hbs': '{{#each items}}\n{{#with this}}{{#if a}}{{a.toString}}{{/if}}{{/with}}\n{{/each}}\n' },
    file: 'x.md.hbs',
    line: 2,
    col: 26,
    message: 'Das Feld "toString" gibt es im Berichtsmodell nicht',
  },
  {
    name: 'a list method given to {{#if}} is a missing field, not a blank',
    files: { 'x.md.hbs': '{{#if items.map}}x{{/if}}\n' },
    file: 'x.md.hbs',
    line: 1,
    col: 13,
    message: 'Das Feld "map" gibt es an dieser Stelle des Berichtsmodells nicht.',
  },
  {
    name: 'an unknown @-variable prints nothing instead of failing',
    files: { 'x.md.hbs': '{{#each items}}{{@indx}}{{/each}}\n' },
    file: 'x.md.hbs',
    line: 1,
    col: 18,
    message: 'Die Variable "@indx" gibt es nicht. Meinten Sie "@index"?',
  },
  {
    name: 'list with a prototype property as the field to join',
    files: { 'x.md.hbs': '{{list items "constructor"}}\n' },
    file: 'x.md.hbs',
    line: 1,
    col: 1,
    message: 'Das Feld "constructor" gibt es an dieser Stelle des Berichtsmodells nicht.',
  },
];

const SYNTAX: TemplateCase[] = [
  {
    name: 'an unclosed {{#if}} names the block and its line',
    files: { 'x.md.hbs': 'Kopf\n\n  {{#if title}}\nText\n' },
    file: 'x.md.hbs',
    line: 3,
    col: 3,
    message: 'Syntaxfehler im Vorlagenmuster: Der Block {{#if}} aus Zeile 3 wird nicht geschlossen: es fehlt {{/if}}.',
  },
  {
    name: 'an inner block left open before the outer one closes',
    files: { 'x.md.hbs': '{{#each items}}\n{{#if a}}x\n{{/each}}\n' },
    file: 'x.md.hbs',
    line: 3,
    col: 1,
    message: 'Der Block {{#if}} aus Zeile 2 wird nicht geschlossen: vor {{/each}} fehlt {{/if}}.',
  },
  {
    name: 'a closing {{/if}} without a block',
    files: { 'x.md.hbs': 'A\nB {{/if}}\n' },
    file: 'x.md.hbs',
    line: 2,
    col: 3,
    message: '{{/if}} schließt keinen offenen Block.',
  },
  {
    name: 'an {{else}} outside a block',
    files: { 'x.md.hbs': 'A {{else}} B\n' },
    file: 'x.md.hbs',
    line: 1,
    col: 3,
    message: '{{else}} steht außerhalb eines Blocks',
  },
  {
    name: 'an unclosed {{ …',
    files: { 'x.md.hbs': 'Titel: {{title\nText\n' },
    file: 'x.md.hbs',
    line: 1,
    col: 8,
    message: 'Syntaxfehler im Vorlagenmuster: Das {{ wird nicht mit }} geschlossen.',
  },
  {
    name: 'a very deep nesting is reported as what it is, where it is',
    files: { 'x.md.hbs': `Kopf\n${'{{#if title}}'.repeat(3000)}x${'{{/if}}'.repeat(3000)}\n` },
    file: 'x.md.hbs',
    line: 2,
    col: 1 + 13 * 50,
    message: 'Die Blöcke sind zu tief verschachtelt: mehr als 50 Ebenen.',
  },
  {
    name: 'sub-expressions nested very deep (a stack overflow, exit 3, before)',
    files: { 'x.md.hbs': `A\n{{#if ${'(eq '.repeat(2000)}title${' 1)'.repeat(2000)}}}x{{/if}}\n` },
    file: 'x.md.hbs',
    line: 2,
    col: 1,
    message: 'Die Klammern (…) in diesem {{…}} sind zu tief verschachtelt: mehr als 50 Ebenen',
  },
  {
    name: 'an empty {{}}',
    files: { 'x.md.hbs': 'A\nB {{}}\n' },
    file: 'x.md.hbs',
    line: 2,
    col: 5,
    message: 'Syntaxfehler im Vorlagenmuster:',
  },
];

describe.each([...SANDBOX, ...SYNTAX])('$name', (c) => {
  test('refused in German at the place to change', async () => {
    const dir = folder(c.files);
    const d = await renderFails(dir);
    expect(d.message).toContain(c.message);
    expect(d).toMatchObject({ severity: 'error', file: join(dir, c.file), line: c.line, col: c.col });
  });
});

describe('an override that cannot be read', () => {
  test('a partial gone between listing and rendering is a located German error, not a crash', async () => {
    const dir = folder({ 'x.md.hbs': '{{> closing}}\n', 'partials/closing.hbs': 'Ende\n' });
    const d = await renderFails(dir, () => rmSync(join(dir, 'partials', 'closing.hbs')));
    expect(d).toMatchObject({ file: join(dir, 'partials', 'closing.hbs'), line: 0 });
    expect(d.message).toContain('kann nicht gelesen werden');
  });
  test.skipIf(process.getuid?.() === 0)('a partial without read permission', async () => {
    const dir = folder({ 'x.md.hbs': '{{> closing}}\n', 'partials/closing.hbs': 'Ende\n' });
    chmodSync(join(dir, 'partials', 'closing.hbs'), 0);
    const d = await renderFails(dir);
    expect(d.message).toContain('keine Leseberechtigung');
  });
});

describe('still allowed', () => {
  test('the documented built-ins, kim helpers, @index/@first/@root and lookup', async () => {
    const dir = folder({
      'x.md.hbs':
        '{{#each items}}{{@index}}{{#if @first}}F{{/if}}{{#unless @last}}-{{/unless}}{{#with this}}{{a}}{{/with}}{{@root.title}}{{/each}} {{lookup this "title"}} {{inWords 2}} {{#if (eq title "T")}}ja{{else}}nein{{/if}} {{list items "a"}}\n',
    });
    const engine = createTemplateEngine(await findTemplates(dir));
    expect(await engine.render('x', { title: 'T', items: [{ a: 'eins' }] })).toBe('0FeinsT T zwei ja eins\n');
  });
  test('a list, a text block and an amount still print', async () => {
    const dir = folder({ 'x.md.hbs': '{{items}}|{{title}}|{{items.length}}|{{amount 5}}\n' });
    const engine = createTemplateEngine(await findTemplates(dir));
    expect(await engine.render('x', { title: 'T', items: ['a', 'b'] })).toBe('a,b|T|2|5 €\n');
  });
});
