/**
 * A data value can never change the structure of the Vorlage: whatever a clerk (or an attacker) puts
 * into a field, the Markdown has the same blocks as with a harmless value, in each place a template
 * puts values (a paragraph of its own, inside a sentence, a table cell). Checked by lexing the output
 * with the same Markdown reader the PDF stage uses (marked, GFM).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { marked, type Token } from 'marked';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTemplateEngine, type TemplateEngine } from '../../src/render/engine.js';
import { escapeMarkdown } from '../../src/render/markdown-escape.js';
import { findTemplates } from '../../src/render/template-registry.js';
import { removeTempDirs, tempDir } from '../support/temp.js';

afterAll(removeTempDirs);

// The places a template puts a value: alone in a paragraph, at the start and in the middle of a
// sentence, in a table cell, and on the line right under a paragraph (where `---` makes a heading).
const TEMPLATE = 'Absatz davor.\n\n{{v}}\n\nText vorher {{v}} und nachher.\n\n| A | B |\n| --- | --- |\n| {{v}} | x |\n\nZeile\n{{v}}\nnoch eine Zeile\n\nAbsatz danach.\n';

let engine: TemplateEngine;
beforeAll(async () => {
  const dir = tempDir('kim-escape-');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'probe.md.hbs'), TEMPLATE);
  engine = createTemplateEngine(await findTemplates(dir));
});

/** Block structure of a Markdown text: token types, the size of tables, and hard line breaks in paragraphs. */
function blocks(markdown: string): string[] {
  const describe = (t: Token): string => {
    if (t.type === 'table') return `table(${t.header.length}x${t.rows.length})`;
    if (t.type === 'paragraph' && (t.tokens ?? []).some((i) => i.type === 'br')) return 'paragraph+br';
    return t.type;
  };
  return marked.lexer(markdown, { gfm: true }).filter((t) => t.type !== 'space').map(describe);
}

const render = (v: string): Promise<string> => engine.render('probe', { v });

// `new` marks the cases that changed the document before the escaping was extended.
const HOSTILE: { name: string; value: string; visible: string }[] = [
  { name: 'new: a lone CR before a heading marker', value: 'Schluss.\r# Gehackt', visible: 'Schluss. # Gehackt' },
  { name: 'new: a lone CR before a list item', value: 'Schluss.\r- Punkt', visible: 'Schluss. - Punkt' },
  { name: 'new: --- alone (rule, or a heading of the line above)', value: '---', visible: '---' },
  { name: '- - - alone', value: '- - -', visible: '- - -' },
  { name: '=== alone after a line', value: '===', visible: '===' },
  { name: 'new: four leading spaces (code block)', value: '    eingerückt', visible: 'eingerückt' },
  { name: 'new: a leading tab (code block)', value: '\teingerückt', visible: 'eingerückt' },
  { name: 'a line break then four spaces', value: 'a\r\n    b', visible: 'a     b' },
  { name: 'new: a Unicode line separator', value: 'a\u2028# b', visible: 'a # b' },
  { name: 'new: two trailing spaces (hard line break)', value: 'Ende  ', visible: 'Ende' },
  { name: 'a heading marker at the start', value: '# Titel', visible: '# Titel' },
  { name: 'an ordered-list marker at the start', value: '1. Punkt', visible: '1. Punkt' },
  { name: 'a quote marker', value: '> Zitat', visible: '> Zitat' },
  { name: 'a code fence', value: '```', visible: '```' },
  { name: 'HTML', value: '<div>x</div>', visible: '<div>x</div>' },
  { name: 'a table pipe', value: 'A | B', visible: 'A | B' },
  { name: 'an LF before a rule', value: 'Text\n---\nmehr', visible: 'Text --- mehr' },
];

describe('a data value never changes the document structure', () => {
  let harmless: string[];
  beforeAll(async () => {
    harmless = blocks(await render('harmlos'));
    expect(harmless).toEqual(['paragraph', 'paragraph', 'paragraph', 'table(2x1)', 'paragraph', 'paragraph']);
  });

  test.each(HOSTILE)('$name', async ({ value, visible }) => {
    const markdown = await render(value);
    expect(blocks(markdown), markdown).toEqual(harmless);
    // The reader shows the value as typed (without the line breaks and outer blanks).
    const text = marked.lexer(markdown, { gfm: true }).filter((t) => t.type === 'paragraph').map((t) => (t as { text: string }).text);
    expect(text.some((t) => unescape(t).includes(visible)), text.join('\n')).toBe(true);
  });
});

/** Undoes Markdown backslash escapes, as a reader displays the text. */
const unescape = (md: string): string => md.replace(/\\([!-/:-@[-`{-~])/g, '$1');

describe('control characters', () => {
  test('new: a NUL (and other C0/C1 controls) never reach the .md', () => {
    expect(escapeMarkdown('Kommunales\u0000Integrations\u0007management\u009b')).toBe('KommunalesIntegrationsmanagement');
  });
  test('new: a tab inside a value becomes a space', () => {
    expect(escapeMarkdown('A\tB')).toBe('A B');
  });
});

describe('ordinary text is left alone', () => {
  test.each([
    ['15.10.21', '15.10.21'],
    ['2-07 - Kommunales Integrationszentrum -KI-', '2-07 - Kommunales Integrationszentrum -KI-'],
    ['Rhein-Sieg-Kreis', 'Rhein-Sieg-Kreis'],
    ['-- Entwurf', '-- Entwurf'],
    ['SGB II/III', 'SGB II/III'],
  ])('%s', (value, expected) => {
    expect(escapeMarkdown(value)).toBe(expected);
  });
});
