import { describe, expect, test } from 'vitest';
import { breakLines, buildPieces, SOFT_HYPHEN, type Measure } from '../../src/emit/pdf/layout/linebreak.js';
import type { Run } from '../../src/emit/pdf/layout/inline.js';

/** Every character 1 pt wide, bold ones too: widths are easy to reason about. */
const measure: Measure = (_font, text) => Array.from(text).length;
const run = (text: string, bold = false): Run => ({ text, bold, italic: false });
const lineTexts = (runs: Run[], width: number, hyphenate?: (w: string) => string, zone = 0) =>
  breakLines(buildPieces(runs, 'regular', measure, hyphenate), width, measure, { hyphenZone: zone, maxConsecutiveHyphens: 2 }).map((l) =>
    l.segments.map((s) => (s.breakHyphen ? '[-]' : s.text)).join(''),
  );

describe('line breaking', () => {
  test('fills lines greedily, never wider than the measure, spaces collapse and vanish at breaks', () => {
    const lines = lineTexts([run('aaa  bbb ccc\n ddd eee')], 8);
    expect(lines).toEqual(['aaa bbb', 'ccc ddd', 'eee']);
  });

  test('a space between a bold and a normal run survives', () => {
    const lines = breakLines(buildPieces([run('fett', true), run(' normal')], 'regular', measure), 100, measure);
    expect(lines[0]!.segments).toEqual([
      { text: 'fett', font: 'bold' },
      { text: ' normal', font: 'regular' },
    ]);
  });

  test('soft hyphens break words with a hyphen at the line end only; they never appear mid-line', () => {
    const hyphenate = (w: string) => (w === 'Implementierung' ? `Im${SOFT_HYPHEN}ple${SOFT_HYPHEN}men${SOFT_HYPHEN}tie${SOFT_HYPHEN}rung` : w);
    expect(lineTexts([run('die Implementierung')], 14, hyphenate)).toEqual(['die Implemen[-]', 'tierung']);
    expect(lineTexts([run('die Implementierung')], 40, hyphenate)).toEqual(['die Implementierung']);
  });

  test('compounds break after their hyphen, without adding one', () => {
    expect(lineTexts([run('im KIM-Prozess')], 10)).toEqual(['im KIM-', 'Prozess']);
  });

  test('hard line breaks end lines, a word wider than the line is split', () => {
    expect(lineTexts([run('eins'), { br: true }, run('zwei')], 50)).toEqual(['eins', 'zwei']);
    expect(lineTexts([run('abcdefghij')], 4)).toEqual(['abcd', 'efgh', 'ij']);
  });

  test('inside the hyphenation zone the line breaks at the space instead of hyphenating', () => {
    const hyphenate = (w: string) => (w === 'Sachstand' ? `Sach${SOFT_HYPHEN}stand` : w);
    // "aktueller" fills 9 of 15: 6 short. Zone 7: good enough, no hyphen; zone 5: hyphenate.
    expect(lineTexts([run('aktueller Sachstand ist')], 15, hyphenate, 7)).toEqual(['aktueller', 'Sachstand ist']);
    expect(lineTexts([run('aktueller Sachstand ist')], 15, hyphenate, 5)).toEqual(['aktueller Sach[-]', 'stand ist']);
  });
  // Landkreis Talheim 10.05.2022: "für das Modul" | "II zum 01.01.2022"; Rhein-Sieg-Kreis follow-up:
  // "davon 4,5 VZÄ Koordinierung und 0,5" | "VZÄ Verwaltungsassistenz". A figure and its unit, and a
  // module's name and its number, belong on one line (DIN 5008); the space is still drawn as a space.
  test('no break between a figure and its unit or currency, nor between a name and its number', () => {
    expect(lineTexts([run('und 0,5 VZÄ Verwaltung')], 10)).toEqual(['und', '0,5 VZÄ', 'Verwaltung']);
    expect(lineTexts([run('von 55.000 € je Stelle')], 11)).toEqual(['von', '55.000 € je', 'Stelle']);
    expect(lineTexts([run('jeweils 55.000 €/VZÄ wurden')], 14)).toEqual(['jeweils', '55.000 €/VZÄ', 'wurden']);
    expect(lineTexts([run('für das Modul II zum')], 14)).toEqual(['für das', 'Modul II zum']);
    expect(lineTexts([run('im (Baustein III) und')], 14)).toEqual(['im', '(Baustein III)', 'und']);
    expect(lineTexts([run('als Anlage 1 beigelegt')], 10)).toEqual(['als', 'Anlage 1', 'beigelegt']);
    // Ordinary words and dates still break where they fall.
    expect(lineTexts([run('Am 15.01.2022 wurde')], 10)).toEqual(['Am', '15.01.2022', 'wurde']);
    expect(lineTexts([run('von 6 auf 12 Stellen')], 10)).toEqual(['von 6 auf', '12 Stellen']);
    expect(lineTexts([run('das Modul II')], 9)[0]).toBe('das');
    // Only a name right before its number: "Stellen:" ends a phrase, the figure after it may start a line.
    expect(lineTexts([run('die Stellen: 3 von 4')], 12)).toEqual(['die Stellen:', '3 von 4']);
    expect(lineTexts([run('mit 12 Stellen')], 9)).toEqual(['mit 12', 'Stellen']);
  });
});

// Issue 20, seen in three Kreise: "4 von 4 | Stellen", "0,5 | Stelle", "57.000 € je | Stelle". A Kreis
// counts in its own unit word (programme.yaml terms.unit); the layout binds it to its figure and to "je".
describe('the data\'s unit words', () => {
  const units = new Set(['Stelle', 'Stellen']);
  const withUnits = (text: string, width: number, unitWords?: ReadonlySet<string>) =>
    breakLines(buildPieces([run(text)], 'regular', measure, undefined, unitWords), width, measure).map((l) => l.segments.map((s) => s.text).join(''));

  test('a unit word of the data stays on the line of its figure, and of "je"', () => {
    expect(withUnits('damit 4 von 4 Stellen besetzt', 13, units)).toEqual(['damit 4 von', '4 Stellen', 'besetzt']);
    expect(withUnits('mit 0,5 Stelle.', 12, units)).toEqual(['mit', '0,5 Stelle.']);
    expect(withUnits('57.000 € je Stelle', 12, units)).toEqual(['57.000 €', 'je Stelle']);
  });

  // Landkreis Talheim 10.05.2022: "55.000 € je Voll-" | "zeitstelle": the unit bound to "je" was hyphenated.
  test('a unit word bound to its figure or to "je" is not hyphenated; the words around it are', () => {
    const full = new Set(['Vollzeitstelle', 'Vollzeitstellen']);
    const hyphenate = (w: string) => w.replace('Vollzeitstelle', `Voll${SOFT_HYPHEN}zeit${SOFT_HYPHEN}stelle`).replace('wurde', `wur${SOFT_HYPHEN}de`);
    const lines = (text: string, width: number) =>
      breakLines(buildPieces([run(text)], 'regular', measure, hyphenate, full), width, measure, { hyphenZone: 0, maxConsecutiveHyphens: 2 }).map((l) =>
        l.segments.map((s) => (s.breakHyphen ? '[-]' : s.text)).join(''),
      );
    expect(lines('55.000 € je Vollzeitstelle wurde', 17)).toEqual(['55.000 €', 'je Vollzeitstelle', 'wurde']);
    expect(lines('mit 0,5 Vollzeitstellen', 19)).toEqual(['mit', '0,5 Vollzeitstellen']);
    // Not after a figure: an ordinary word, hyphenated where it falls.
    expect(lines('eine Vollzeitstelle wurde', 14)).toEqual(['eine Vollzeit[-]', 'stelle wurde']);
  });

  test('without the data\'s words, and for other words, lines break where they fall', () => {
    expect(withUnits('damit 4 von 4 Stellen besetzt', 13)).toEqual(['damit 4 von 4', 'Stellen', 'besetzt']);
    expect(withUnits('mit 4 Stellwerke', 13, units)).toEqual(['mit 4', 'Stellwerke']);
  });
});

// Issue 20: "KIM-Ko-|ordinierung" and "KIM-Len-|kungsgruppe" where "KIM-|Koordinierung" fits. A compound
// breaks at its own hyphen first; only a part too long for the line is hyphenated inside.
describe('compounds break at their own hyphen first', () => {
  const syllables: Record<string, string> = { Koordinierung: 'Ko-or-di-nie-rung', Lenkungsgruppe: 'Len-kungs-grup-pe', Managements: 'Ma-nage-ments' };
  const hyphenate = (w: string) => w.replace(/\p{L}+/gu, (part) => (syllables[part] ?? part).replace(/-/g, SOFT_HYPHEN));

  test('"KIM-" ends the line rather than a syllable of the part after it', () => {
    expect(lineTexts([run('in der KIM-Koordinierung eingestellt')], 16, hyphenate)).toEqual(['in der KIM-', 'Koordinierung', 'eingestellt']);
    expect(lineTexts([run('die KIM-Lenkungsgruppe tagt')], 14, hyphenate)).toEqual(['die KIM-', 'Lenkungsgruppe', 'tagt']);
  });

  test('a part too long for a line of its own hyphenates inside; a word without a compound hyphen as before', () => {
    // "Managements" (11) would not fit on the next line either: "Case-Ma-" | "nagements", not "Case-" | "Manage-" | "ments".
    expect(lineTexts([run('Case-Managements')], 9, hyphenate)).toEqual(['Case-Ma[-]', 'nagements']);
    expect(lineTexts([run('der Lenkungsgruppe zu')], 13, hyphenate)).toEqual(['der Lenkungs[-]', 'gruppe zu']);
  });
});

// Issue 20: "… in Bezug auf die Stel-" | "len." — a paragraph whose last line is only the end of a word.
describe('a paragraph never ends in the last part of a broken word alone', () => {
  const syllables: Record<string, string> = { Stellen: 'Stel-len', Verwaltungsstellen: 'Ver-wal-tungs-stel-len', Implementierung: 'Im-ple-men-tie-rung' };
  const hyphenate = (w: string) => w.replace(/\p{L}+/gu, (part) => (syllables[part] ?? part).replace(/-/g, SOFT_HYPHEN));

  test('the word goes to the last line whole instead', () => {
    // First fit would give "in Bezug auf die Stel-" | "len.".
    expect(lineTexts([run('in Bezug auf die Stellen.')], 22, hyphenate)).toEqual(['in Bezug auf die', 'Stellen.']);
    // Breaking one syllable earlier would still leave a part alone ("stellen."): the word goes over whole.
    expect(lineTexts([run('wie die Verwaltungsstellen.')], 22, hyphenate)).toEqual(['wie die', 'Verwaltungsstellen.']);
    // The same after a compound's hyphen: "KIM-" | "Lenkungsgruppe." is not a paragraph's last line.
    expect(lineTexts([run('geleitet von der KIM-Lenkungsgruppe.')], 24)).toEqual(['geleitet von der', 'KIM-Lenkungsgruppe.']);
    // Before a hard line break, too: "len." would stand alone there as well.
    expect(lineTexts([run('in Bezug auf die Stellen.'), { br: true }, run('Neue Zeile')], 22, hyphenate)).toEqual(['in Bezug auf die', 'Stellen.', 'Neue Zeile']);
  });

  test('a hyphenated word inside the paragraph stays as it is, and so does a word that cannot go elsewhere', () => {
    expect(lineTexts([run('in Bezug auf die Stellen der Kommunen')], 22, hyphenate)).toEqual(['in Bezug auf die Stel[-]', 'len der Kommunen']);
    expect(lineTexts([run('Implementierung')], 9, hyphenate)).toEqual(['Implemen[-]', 'tierung']);
  });
});
