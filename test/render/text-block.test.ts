import { describe, expect, test } from 'vitest';
import { sanitizeTextBlock } from '../../src/render/text-block.js';

/** The clerk's text blocks: paragraphs, bold and lists stay; anything else prints as written. */
describe('text blocks: the safe Markdown subset', () => {
  test('lines of a paragraph are joined; an empty line starts a new one', () => {
    expect(sanitizeTextBlock('Erste Zeile\nzweite Zeile.\n\n\nNeuer Absatz.')).toBe('Erste Zeile zweite Zeile.\n\nNeuer Absatz.');
  });
  test('bold stays bold, a lone asterisk or underscore is text', () => {
    expect(sanitizeTextBlock('**412** Beratungen, 5 * 3 und a_b')).toBe('**412** Beratungen, 5 \\* 3 und a\\_b');
  });
  test('bullet and numbered lists, their numbers counting on from the first', () => {
    expect(sanitizeTextBlock('Beschluss:\n\n1. Erstens\n1. Zweitens\n\n- a\n* b\n– c')).toBe('Beschluss:\n\n1. Erstens\n2. Zweitens\n\n- a\n- b\n- c');
    expect(sanitizeTextBlock('3) Drittens\n4) Viertens')).toBe('3. Drittens\n4. Viertens');
  });
  test('a line without a marker continues the list item; one level of nesting by indentation', () => {
    expect(sanitizeTextBlock('- Punkt eins\n  geht weiter\n  - Unterpunkt\n- Punkt zwei')).toBe('- Punkt eins geht weiter\n  - Unterpunkt\n- Punkt zwei');
  });
  test('headings, quotes, rules, code, HTML, links, tables and entities print literally', () => {
    const out = sanitizeTextBlock('# Titel\n\n> Zitat\n\n---\n\n    code\n\n<b>fett</b> [x](http://a) | a | b | &amp; `c`');
    const [heading, quote, rule, code, inline] = out.split('\n\n');
    expect([heading, quote, code, inline]).toEqual(['\\# Titel', '\\> Zitat', 'code', '\\<b\\>fett\\</b\\> \\[x\\](http://a) \\| a \\| b \\| \\&amp; \\`c\\`']);
    expect(rule).toMatch(/^\\/); // escaped: not a horizontal rule
  });
  test('a lone CR is a line break, never a heading', () => {
    expect(sanitizeTextBlock('Schluss.\r# Gehackt')).toBe('Schluss. # Gehackt');
  });
});
