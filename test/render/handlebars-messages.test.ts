/**
 * The table of Handlebars' messages (schemas/template-messages.yaml): each example still makes
 * Handlebars give the message its entry translates (a Handlebars update that rewords one fails here,
 * not in front of a clerk), and what reaches the clerk is the table's German.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { afterAll, describe, expect, test } from 'vitest';
import { DataError } from '../../src/errors.js';
import { createTemplateEngine } from '../../src/render/engine.js';
import { fillIn, messageTable, translate } from '../../src/render/handlebars-messages.js';
import { findTemplates } from '../../src/render/template-registry.js';
import { removeTempDirs, tempDir } from '../support/temp.js';

afterAll(removeTempDirs);

/** Handlebars' own message for a template, compiled and run as kim does (strict, known helpers only). */
function handlebarsMessage(template: string): string {
  const env = Handlebars.create();
  try {
    const run = env.compile(template, { strict: true, knownHelpersOnly: true, knownHelpers: { title: false } });
    run({ title: 'T', items: [] });
  } catch (e) {
    return (e as Error).message.replace(/ - \d+:\d+$/, '');
  }
  throw new Error(`no error for ${template}`);
}

const examples = messageTable().filter((e) => e.example !== undefined);

test('most entries carry an example', () => {
  expect(examples.length).toBeGreaterThanOrEqual(messageTable().length - 3);
});

describe.each(examples.map((e) => ({ ...e, shown: e.handlebars })))('$shown', (entry) => {
  test('its example makes Handlebars say what the entry translates, into German', () => {
    const message = handlebarsMessage(entry.example!);
    const found = translate(message);
    expect(found?.entry.handlebars, message).toBe(entry.handlebars);
    const text = fillIn(found!.entry.kim, found!.values);
    expect(text).not.toMatch(/Expecting|Parse error|got '|doesn't|not defined|requires|Must pass|\$\{/);
  });
});

test('placeholders are filled in from the message', () => {
  const found = translate('if doesn\'t match each');
  expect(fillIn(found!.entry.kim, found!.values)).toBe('Syntaxfehler im Vorlagenmuster: Der Block {{#if}} wird mit {{/each}} geschlossen; erwartet wurde {{/if}}.');
});

test('the engine shows the table\'s text at the place', async () => {
  const dir = tempDir('kim-messages-');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'x.md.hbs'), 'A\n{{#if}}x{{/if}}\n');
  const e = await createTemplateEngine(await findTemplates(dir))
    .render('x', { title: 'T' })
    .then(
      () => undefined,
      (x: unknown) => x,
    );
  expect(e).toBeInstanceOf(DataError);
  expect((e as DataError).diagnostics[0]).toMatchObject({ line: 2, message: '{{#if}} braucht genau einen Wert, z. B. {{#if title}}.' });
});
