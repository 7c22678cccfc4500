import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { DataError } from '../../src/errors.js';
import { createTemplateEngine } from '../../src/render/engine.js';
import { findTemplates } from '../../src/render/template-registry.js';

async function engineWith(files: Record<string, string>) {
  const dir = await mkdtemp(join(tmpdir(), 'kim-tpl-'));
  for (const [name, content] of Object.entries(files)) {
    await mkdir(join(dir, name, '..'), { recursive: true });
    await writeFile(join(dir, name), content);
  }
  return { engine: createTemplateEngine(await findTemplates(dir)), dir };
}

async function failure(promise: Promise<unknown>) {
  const e = await promise.then(
    () => undefined,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(DataError);
  return (e as DataError).diagnostics[0]!;
}

describe('template engine', () => {
  test('a missing field is an error at its line and column, with a hint', async () => {
    const { engine, dir } = await engineWith({ 'x.md.hbs': 'Titel: {{title}}\n\nStand: {{stnd}}\n' });
    const d = await failure(engine.render('x', { title: 'T', stand: '2022-03-01' }));
    expect(d).toMatchObject({ file: join(dir, 'x.md.hbs'), line: 3, col: 10 });
    expect(d.message).toContain('Das Feld "stnd" gibt es');
    expect(d.message).toContain('Meinten Sie "stand"?');
  });

  test('an unknown helper is refused with the list of helpers', async () => {
    const { engine } = await engineWith({ 'x.md.hbs': 'A\n{{dtae stand}}\n' });
    const d = await failure(engine.render('x', { stand: '2022-03-01' }));
    expect(d.line).toBe(2);
    expect(d.message).toContain('Unbekannter Helfer "dtae"');
    expect(d.message).toContain('Meinten Sie "date"?');
  });

  test('a syntax error names the line', async () => {
    const { engine } = await engineWith({ 'x.md.hbs': 'A\n{{#if title}}\nB\n' });
    const d = await failure(engine.render('x', { title: 'T' }));
    expect(d.message).toContain('Syntaxfehler');
    // The block left open, where the clerk decides where it ends.
    expect(d.line).toBe(2);
  });

  test('an error inside a partial is reported in the partial', async () => {
    const { engine, dir } = await engineWith({ 'x.md.hbs': '{{> header}}\n', 'partials/header.hbs': 'Kopf {{nope}}\n' });
    const d = await failure(engine.render('x', {}));
    expect(d.file).toBe(join(dir, 'partials', 'header.hbs'));
    expect(d.line).toBe(1);
  });

  test('a helper given the wrong kind of value fails at its line', async () => {
    const { engine } = await engineWith({ 'x.md.hbs': 'A\n\nStand: {{date title}}\n' });
    const d = await failure(engine.render('x', { title: 'T' }));
    expect(d).toMatchObject({ line: 3, col: 8 });
    expect(d.message).toContain('date erwartet ein Datum (JJJJ-MM-TT), bekam "T"');
  });

  test('an unknown partial is refused before rendering, at its line', async () => {
    const { engine } = await engineWith({ 'x.md.hbs': 'A\n{{> kopff}}\n' });
    const d = await failure(engine.render('x', {}));
    expect(d).toMatchObject({ line: 2, col: 1 });
    expect(d.message).toContain('Das Teilmuster "kopff" gibt es nicht');
  });

  test('an override replaces the built-in template of the same name', async () => {
    const { engine } = await engineWith({ 'sachstand.md.hbs': 'Eigene Fassung: {{title}}\n' });
    expect(await engine.render('sachstand', { title: 'T' })).toBe('Eigene Fassung: T\n');
  });

  test('templates cannot reach prototypes', async () => {
    const { engine } = await engineWith({ 'x.md.hbs': '[{{title.constructor}}][{{title.__proto__}}]\n' });
    const out = await engine.render('x', { title: 'T' }).catch((e: unknown) => e);
    if (typeof out === 'string') expect(out).toBe('[][]\n');
    else expect(out).toBeInstanceOf(DataError);
  });

  test('helpers format German values', async () => {
    const { engine } = await engineWith({
      'x.md.hbs': '{{date d}} {{dateShort d}} {{amount a}} {{decimal f}} {{countWord n "feminine" "weitere"}} {{ordinal 2 "en"}} {{list xs}} {{numerus n "war" "waren"}}\n',
    });
    expect(await engine.render('x', { d: '2022-03-16', a: 55000, f: 3.5, n: 2, xs: ['A', 'B', 'C'] })).toBe(
      '16.03.2022 16.03.22 55.000 € 3,5 zwei weitere zweiten A, B und C waren\n',
    );
  });
});
