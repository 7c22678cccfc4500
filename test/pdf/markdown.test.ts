import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import * as marked from 'marked';
import { describe, expect, test } from 'vitest';
import { createLexer } from '../../src/emit/pdf/layout/markdown.js';
import { packageRoot } from '../../src/paths.js';

const lex = createLexer(marked);
/** marked's own lexer, as the PDF stage used it before the guards. */
const reference = (md: string) => marked.lexer(md, { gfm: true });
const same = (md: string) => expect(JSON.stringify(lex(md))).toBe(JSON.stringify(reference(md)));

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.(md|hbs)$/.test(name) && !name.includes('node_modules'))
    .map((name) => join(dir, name));
}

describe('the guarded lexer gives marked\'s tokens', () => {
  test('for every Markdown file and template of the repository', () => {
    const files = [...markdownFiles(join(packageRoot, 'test')), ...markdownFiles(join(packageRoot, 'templates')), ...markdownFiles(join(packageRoot, 'scaffold')), ...markdownFiles(join(packageRoot, 'docs')), join(packageRoot, 'README.md')];
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) same(readFileSync(file, 'utf8'));
  });

  test('for Markdown-like text with every construct the guards look at', () => {
    const piece = fc.constantFrom(
      '#', '## ', '> ', '>', '- ', '* ', '+ ', '1. ', '1) ', '---', '***', '___', '===', '```', '~~~', '    ', '\t', '<div>', '</div>', '<!-- x -->',
      '<br>', '[a]: http://x.y', '[a]', '[a](b)', '| a | b |', '| --- | ---: |', '|', ':', '**', '*', '_', '__', '`', '\\*', '\\', 'http://example.org',
      'https://x.de/a', 'www.kim.de', 'ftp://f.de', 'mailto:a@b.de', 'xmpp:a@b.de', 'name@example.org', '@', 'Wort', 'Sachstand', 'ä', '1', '.', ' ', '  ', '\n', '\n\n', '\n   ',
      // Strong emphasis, which the lexer recognises itself in its simplest form.
      '**Vorlage**', '**Anlage:**', '**öffentlichen Sitzungsteil**', 'Wort**', '**Wort', '***', ',', ';', '(', ')', '„', '“', '"', "'", '!', '?', '–', '-',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }).map((parts) => parts.join('')), (md) => {
        same(md);
      }),
      { numRuns: 20_000 },
    );
  });
});
