/**
 * Issue 20, where words may break in running text: "Asche-|berg", "Lü-|dinghausen" – a place, a body, an
 * employer or a group of the data is never hyphenated (the layout gets their words from the renderer,
 * PdfMetadata.properNames); and no word carries only two letters over ("folgen-|de"). Pure data, an
 * injected measure and the real patterns.
 */
import { marked } from 'marked';
import { describe, expect, test } from 'vitest';
import { buildBlocks, type Block } from '../../src/emit/pdf/layout/blocks.js';
import { loadHyphenator } from '../../src/emit/pdf/layout/hyphenation.js';
import type { FontMetrics } from '../../src/emit/pdf/layout/metrics.js';
import { CONTENT_WIDTH, STYLES } from '../../src/emit/pdf/layout/styles.js';
import { properNames } from '../../src/emit/pdf-metadata.js';

/** Every character as wide as every other: a line holds a known number of them. */
const metrics: FontMetrics = { width: (_font, text) => Array.from(text).length * 0.5, drawable: (_font, text) => text };
const perLine = Math.floor(CONTENT_WIDTH / (0.5 * STYLES.paragraph.size));
const hyphenate = loadHyphenator();

const lines = (text: string, names?: string[]) =>
  buildBlocks(marked.lexer(`# Sachverhalt\n\n${text}`, { gfm: true }), { metrics, hyphenate, properNames: names })
    .filter((b): b is Extract<Block, { kind: 'text' }> => b.kind === 'text')
    .slice(1)
    .flatMap((b) => b.lines.map((l) => l.segments.map((s) => (s.breakHyphen ? '-' : s.text)).join('')));

/**
 * A sentence whose first line has room for six characters of `word`: more than the hyphenation zone
 * (2.5 em) would stay empty if the word went over whole, so the word is hyphenated there if it may be.
 */
const straddling = (word: string) => {
  const lead = 'x'.repeat(perLine - 7);
  return `${lead} ${word} und weitere Worte danach.`;
};

describe('proper names of the data are not hyphenated', () => {
  test('without the names "Lüdinghausen" and "Ascheberg" are hyphenated at the line end, as the patterns allow', () => {
    expect(lines(straddling('Lüdinghausen'))[0]).toMatch(/ Lü-$/);
    expect(lines(straddling('Ascheberg'))[0]).toMatch(/ Asche-$/);
  });

  test('with them, the name goes to the next line whole, also in the genitive', () => {
    const names = ['Ascheberg', 'Lüdinghausen'];
    for (const word of ['Lüdinghausen', 'Lüdinghausens', 'Ascheberg']) {
      const [first, second] = lines(straddling(word), names);
      expect(first, word).toMatch(/x$/);
      expect(second, word).toMatch(new RegExp(`^${word} `));
    }
  });

  test('other words are still hyphenated, and a compound name still breaks at its own hyphen', () => {
    expect(lines(straddling('Kooperationsvereinbarungen'), ['Lüdinghausen'])[0]).toMatch(/-$/);
    const [first, second] = lines(straddling('KIM-Lenkungsgruppe'), ['Lenkungsgruppe']);
    expect(first).toMatch(/ KIM-$/);
    expect(second).toMatch(/^Lenkungsgruppe /);
  });
});

describe('the proper names of a data set', () => {
  test('the capitalised words of the Kreis, its municipalities, employers, steering group and kick-off participants', () => {
    const names = properNames({
      organisation: {
        body: { name: 'Kreis Coesfeld', genitive: 'des Kreises Coesfeld', dative: 'dem Kreis Coesfeld' },
        municipalities: [{ name: 'Ascheberg' }, { name: 'Lüdinghausen' }],
        employers: [{ name: 'Caritasverband für den Kreis Coesfeld e. V.', at: 'beim Caritasverband', of: 'des Caritasverbandes' }],
      },
      programme: { steeringGroup: { name: 'Lenkungsgruppe', genitive: 'der Lenkungsgruppe' } },
      meetings: { kickOffs: [{ participants: ['Jobcenter Coesfeld', 'Ausländerbehörde'] }] },
    } as never);
    expect(names).toEqual(
      ['Ascheberg', 'Ausländerbehörde', 'Caritasverband', 'Caritasverbandes', 'Coesfeld', 'Jobcenter', 'Kreis', 'Kreises', 'Lenkungsgruppe', 'Lüdinghausen'].sort(),
    );
  });
});

// Issue 20: "haben sich folgen-" | "de personelle Veränderungen": a last syllable of two letters alone at
// a line start. The patterns allow "fol-gen-de"; the layout keeps at least three letters for the next line.
describe('no word carries only two letters over to the next line', () => {
  test('"folgende" breaks as "fol-" | "gende" or not at all, never "folgen-" | "de"', () => {
    for (let shift = 0; shift < 6; shift++) {
      const text = `${'x'.repeat(perLine - 7 - shift)} ${'folgende'} personelle Veränderungen im Modul zwei.`;
      const [first, second] = lines(text);
      expect(`${first}|${second}`).not.toMatch(/folgen-\|de /);
    }
    // Where "fol-" fits and "folgen-" would too, the word breaks after "fol-".
    expect(lines(`${'x'.repeat(perLine - 8)} folgende personelle Veränderungen.`)[0]).toMatch(/ fol-$/);
  });

  test('a three-letter tail may still go over ("Kommu-" | "nen")', () => {
    expect(lines(`${'x'.repeat(perLine - 8)} Kommunen und weitere Worte.`)[0]).toMatch(/ Kommu-$/);
  });
});
