/**
 * Issue 23: forms of src/german that no test pinned down (mutation testing changed them unnoticed):
 * months written out, articles and endings in every case and genus, amounts in words up to twelve, the
 * municipality in a list, the hint for two look-alike characters, the tie between two suggestions.
 */
import { describe, expect, test } from 'vitest';
import {
  beiDative,
  capitalize,
  dativePlural,
  definite,
  filledOfPlanned,
  formatDate,
  formatDateShort,
  formatQuantity,
  formatQuantityInFull,
  inDative,
  municipalityPhrase,
  onDate,
  possessiveStem,
  romanNumeral,
  sinceDate,
  strongEnding,
} from '../../src/german/index.js';
import { didYouMean, suggest } from '../../src/german/did-you-mean.js';

describe('dates that name only the month', () => {
  test('every month by its German name, never an invented day', () => {
    const months = Array.from({ length: 12 }, (_, i) => formatDate(`2021-${String(i + 1).padStart(2, '0')}`));
    expect(months).toEqual([
      'Januar 2021', 'Februar 2021', 'März 2021', 'April 2021', 'Mai 2021', 'Juni 2021',
      'Juli 2021', 'August 2021', 'September 2021', 'Oktober 2021', 'November 2021', 'Dezember 2021',
    ]);
    expect(formatDateShort('2021-09')).toBe('September 2021');
  });

  test('"am"/"im" and "seit dem"/"seit" by what the date says', () => {
    expect(onDate('2022-03-16')).toBe('am 16.03.2022');
    expect(onDate('2021-09')).toBe('im September 2021');
    expect(sinceDate('2021-10-15')).toBe('seit dem 15.10.2021');
    expect(sinceDate('2021-10-15', true)).toBe('seit dem 15.10.21');
    expect(sinceDate('2021-09')).toBe('seit September 2021');
    expect(sinceDate('2021-09', true)).toBe('seit September 2021');
  });
});

describe('articles and endings', () => {
  test('the definite article and the strong ending in every case and genus', () => {
    const genera = ['feminine', 'masculine', 'neuter'] as const;
    const cases = ['nom', 'acc', 'dat'] as const;
    expect(cases.map((c) => genera.map((g) => definite(g, c)))).toEqual([
      ['die', 'der', 'das'],
      ['die', 'den', 'das'],
      ['der', 'dem', 'dem'],
    ]);
    // "folgende Kommune", "folgenden Stadtteil", "folgendes Quartier"; "keiner Kommune", "keinem Stadtteil".
    expect(cases.map((c) => genera.map((g) => `folgend${strongEnding(g, c)}`))).toEqual([
      ['folgende', 'folgender', 'folgendes'],
      ['folgende', 'folgenden', 'folgendes'],
      ['folgender', 'folgendem', 'folgendem'],
    ]);
  });

  test('"in der"/"im", "ihr"/"sein", and a capital to start a sentence', () => {
    expect(genusWords(inDative)).toEqual(['in der', 'im', 'im']);
    expect(genusWords(possessiveStem)).toEqual(['ihr', 'sein', 'sein']);
    expect(capitalize('die zum 01.03.2022 eingestellte Koordinatorin')).toBe('Die zum 01.03.2022 eingestellte Koordinatorin');
    expect(capitalize('über')).toBe('Über');
    expect(capitalize('')).toBe('');
  });

  test('a municipality bare in a list, with its article after "für", "mit" and "in"', () => {
    const much = { type: 'Markt', name: 'Much', genus: 'masculine' as const };
    expect(municipalityPhrase(much, 'bare')).toBe('Markt Much');
    expect(municipalityPhrase({ type: 'Stadt', name: 'Hennef' }, 'bare')).toBe('Stadt Hennef');
    expect(municipalityPhrase(much, 'dat')).toBe('dem Markt Much');
  });
});

const genusWords = (word: (genus: 'feminine' | 'masculine' | 'neuter') => string) => (['feminine', 'masculine', 'neuter'] as const).map(word);

describe('amounts of posts', () => {
  const stellen = { singular: 'Stelle', plural: 'Stellen' };
  test('whole posts in words up to twelve, digits from 13', () => {
    expect(formatQuantity(12, stellen)).toBe('zwölf Stellen');
    expect(formatQuantity(13, stellen)).toBe('13 Stellen');
    expect(formatQuantityInFull(12, { ...stellen, abbreviation: 'St.' })).toBe('12 Stellen');
    expect(formatQuantityInFull(1, { singular: 'Vollzeitäquivalent', plural: 'Vollzeitäquivalente', genus: 'neuter' })).toBe('ein Vollzeitäquivalent');
  });
  test('a single post filled by its article: "die Stelle", "der Posten", "das Vollzeitäquivalent"', () => {
    expect(filledOfPlanned(1, 1, { singular: 'Posten', plural: 'Posten', genus: 'masculine' })).toBe('der Posten');
    expect(filledOfPlanned(1, 1, { singular: 'Vollzeitäquivalent', plural: 'Vollzeitäquivalente', genus: 'neuter' })).toBe('das Vollzeitäquivalent');
  });
});

test('Roman numerals with a plain C', () => {
  expect([100, 300, 160].map(romanNumeral)).toEqual(['C', 'CCC', 'CLX']);
});

describe('hints for misspelt words', () => {
  test('two characters that only look alike are named in the plural', () => {
    expect(didYouMean('st\u0430rt\u0435n', ['starten'])).toBe(
      ' Meinten Sie "starten"? Geschrieben ist "st<U+0430>rt<U+0435>n", mit Zeichen, die man leicht übersieht oder verwechselt.',
    );
  });
  test('of two candidates equally close, the first is suggested', () => {
    expect(suggest('modul-3', ['modul-1', 'modul-2'])).toBe('modul-1');
    expect(suggest('modul-3', ['modul-2', 'modul-1'])).toBe('modul-2');
  });
});

test('the dative plural adds "-n" unless the plural ends in "-n" or "-s": "den Stadtteilen", "den Kommunen", "den Büros"', () => {
  expect(['Stadtteile', 'Ortsteile', 'Quartiere', 'Kommunen', 'Büros'].map(dativePlural)).toEqual(['Stadtteilen', 'Ortsteilen', 'Quartieren', 'Kommunen', 'Büros']);
});

test('"bei" with the dative article, contracted as German contracts it: "bei der Stadt", "beim Markt", "beim Amt"', () => {
  expect([beiDative('feminine'), beiDative('masculine'), beiDative('neuter')]).toEqual(['bei der', 'beim', 'beim']);
});
