/**
 * The privacy check folds names and Vorlagen without Unicode property patterns for the letters of European
 * names (name-matching.ts: V8 builds each `\p{…}` pattern in about a millisecond of a cold run). Those
 * shortcuts must answer exactly as the patterns do, or a staff name spelt with such a letter could slip
 * into a public Vorlage unnoticed; and the small confusables table must be the big one's part.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, test } from 'vitest';
import { fold, isFormatChar, isLetterOrNumber, LATIN_CONFUSABLES_FILE, wordsOf, withoutMarks } from '../../src/german/name-matching.js';

const upTo = (end: number): string[] => Array.from({ length: end }, (_, c) => String.fromCharCode(c));

describe('the shortcuts for Latin letters answer as Unicode does', () => {
  test('letter or digit, for every character up to U+0250 and a few beyond', () => {
    const chars = [...upTo(0x260), 'Ω', 'ж', '٣', '中', '𝐀', '\u{1F600}', '\uD800'];
    const wrong = chars.filter((ch) => isLetterOrNumber(ch) !== /[\p{L}\p{N}]/u.test(ch));
    expect(wrong.map((ch) => ch.codePointAt(0)!.toString(16))).toEqual([]);
  });

  test('invisible format characters (soft hyphen, zero-width, direction marks)', () => {
    const chars = [...upTo(0x260), '\u200B', '\u200D', '\u2060', '\u202E', '\uFEFF'];
    expect(chars.filter((ch) => isFormatChar(ch) !== /\p{Cf}/u.test(ch)).map((ch) => ch.codePointAt(0)!.toString(16))).toEqual([]);
  });

  test('marks removed after decomposition, in Latin and other scripts', () => {
    for (const text of ['Dąbrowska', 'Łukasz Ćwik', 'Nguyễn Thị', 'Ölçer', 'x\u0361y a\u036F', 'Ἀθηνᾶ', 'Йогурт', 'क़ि']) {
      const nfd = text.normalize('NFD');
      expect(withoutMarks(nfd), text).toBe(nfd.replace(/\p{M}/gu, ''));
    }
  });

  test('the words of a folded text are the runs of letters and digits', () => {
    // Folded, and with letters that folding leaves alone (outside Latin, beyond the 16-bit range).
    const text = `${fold('Frau Dąbrowska-Yılmaz (Teilzeit, 0,5), Ωmega 2022: „Zuständig“ – 3½ Tage').text} 𝐀lpha 中文 x\uD800y`;
    const expected = new Set<string>();
    for (const w of text.match(/[\p{L}\p{N}]+/gu) ?? []) {
      expected.add(w);
      for (const e of ['s', 'es', 'n']) if (w.length > e.length && w.endsWith(e)) expected.add(w.slice(0, -e.length));
    }
    expect(wordsOf(text)).toEqual(expected);
  });

  test('the small confusables table is exactly the big table below U+0250', () => {
    const table = createRequire(import.meta.url)('unhomoglyph/data.json') as Record<string, string>;
    const latin = Object.fromEntries(Object.entries(table).filter(([ch]) => ch.length === 1 && ch.charCodeAt(0) < 0x250));
    expect(Object.keys(latin).length).toBeGreaterThan(100);
    expect(JSON.parse(readFileSync(LATIN_CONFUSABLES_FILE, 'utf8'))).toEqual(latin);
  });
});
