import { describe, expect, test } from 'vitest';
import {
  adjectivalPlural,
  amountFigure,
  countedNouns,
  filledOfPlanned,
  ratePerPost,
  countWord,
  definiteNouns,
  formatAmount,
  formatDate,
  formatDateShort,
  formatDecimal,
  joinList,
  numberWord,
  formatQuantity,
  municipalityPhrase,
  nounParts,
  ordinal,
  personalPronoun,
  relativePronoun,
  romanNumeral,
} from '../../src/german/index.js';
import type { Gender, RoleForms } from '../../src/model/types.js';
import { caseManager, koordination, staff } from './role-forms.js';

describe('dates', () => {
  test('long and short German dates, without time zone effects', () => {
    expect(formatDate('2022-03-16')).toBe('16.03.2022');
    expect(formatDate('2021-01-01')).toBe('01.01.2021');
    expect(formatDateShort('2021-10-15')).toBe('15.10.21');
    expect(formatDateShort('2000-12-31')).toBe('31.12.00');
  });
});

describe('numbers', () => {
  test('amounts with thousands point and a space before the euro sign', () => {
    expect(formatAmount(55000)).toBe('55.000 €');
    expect(formatAmount(57000)).toBe('57.000 €');
    expect(formatAmount(192500)).toBe('192.500 €');
    expect(formatAmount(1234.5)).toBe('1.234,50 €');
    expect(formatAmount(0)).toBe('0 €');
  });
  test('decimals with a comma', () => {
    expect(formatDecimal(3.5)).toBe('3,5');
    expect(formatDecimal(12)).toBe('12');
    expect(formatDecimal(0.75)).toBe('0,75');
    expect(formatDecimal(1000)).toBe('1.000');
  });
  test('counts up to twelve as words, agreeing with the noun', () => {
    expect(countWord(1, 'feminine')).toBe('eine');
    expect(countWord(1, 'masculine')).toBe('ein');
    expect(countWord(1, 'neuter')).toBe('ein');
    expect(countWord(2, 'feminine')).toBe('zwei');
    expect(countWord(12, 'masculine')).toBe('zwölf');
    expect(countWord(13, 'feminine')).toBe('13');
  });
  test('"weitere" with the right ending', () => {
    expect(countWord(1, 'feminine', { further: true })).toBe('eine weitere');
    expect(countWord(1, 'masculine', { further: true })).toBe('ein weiterer');
    expect(countWord(1, 'neuter', { further: true })).toBe('ein weiteres');
    expect(countWord(2, 'feminine', { further: true })).toBe('zwei weitere');
    expect(countWord(9, 'feminine', { further: true })).toBe('neun weitere');
    expect(countWord(13, 'feminine', { further: true })).toBe('13 weitere');
  });
  test('case: accusative and dative', () => {
    expect(countWord(1, 'masculine', { case: 'acc' })).toBe('einen');
    expect(countWord(1, 'feminine', { case: 'dat' })).toBe('einer');
    expect(countWord(1, 'masculine', { further: true, case: 'dat' })).toBe('einem weiteren');
    expect(countWord(3, 'feminine', { further: true, case: 'dat' })).toBe('drei weiteren');
  });
  test('number words and ordinals', () => {
    expect(numberWord(1)).toBe('eins');
    expect(numberWord(12)).toBe('zwölf');
    expect(numberWord(13)).toBe('13');
    expect(ordinal(2, 'en')).toBe('zweiten');
    expect(ordinal(1, 'e')).toBe('erste');
    expect(ordinal(3, 'en')).toBe('dritten');
    expect(ordinal(7, 'en')).toBe('siebten');
    expect(ordinal(12, 'en')).toBe('zwölften');
    expect(ordinal(13, 'en')).toBe('13.');
  });
});

describe('lists', () => {
  test('"A, B und C"', () => {
    expect(joinList([])).toBe('');
    expect(joinList(['A'])).toBe('A');
    expect(joinList(['A', 'B'])).toBe('A und B');
    expect(joinList(['Stadt Königswinter', 'Stadt Bad Honnef', 'Stadt Hennef'])).toBe('Stadt Königswinter, Stadt Bad Honnef und Stadt Hennef');
    expect(joinList(['A', 'B', 'C'], 'oder')).toBe('A, B oder C');
  });
});

describe('gendered role forms', () => {
  const text = (forms: RoleForms, genders: Gender[], further = false) => countedNouns(nounParts(forms, genders), { further });
  test('one person by gender, neutral form for d (lower-case adjective)', () => {
    expect(text(caseManager, ['w'])).toBe('eine Case Managerin');
    expect(text(caseManager, ['m'])).toBe('ein Case Manager');
    expect(text(caseManager, ['d'])).toBe('eine Case-Management-Fachkraft');
    expect(text(staff, ['d'])).toBe('eine mitarbeitende Person');
  });
  test('single-gender groups by their plural, mixed groups by a neutral plural', () => {
    expect(text(caseManager, ['w', 'w'])).toBe('zwei Case Managerinnen');
    expect(text(caseManager, ['m', 'm', 'm'])).toBe('drei Case Manager');
    expect(text(staff, ['w', 'm'])).toBe('zwei Mitarbeitende');
    expect(text(staff, ['w', 'd'], true)).toBe('zwei weitere Mitarbeitende');
  });
  test('a pair form is used only where each gender counts more than one', () => {
    expect(text(caseManager, ['w', 'w', 'm', 'm', 'w'], true)).toBe('fünf weitere Case Managerinnen und Case Manager');
    expect(text(koordination, ['w', 'm'])).toBe('eine Koordinatorin und ein Koordinator');
    expect(text(koordination, ['w', 'm'], true)).toBe('eine weitere Koordinatorin und ein weiterer Koordinator');
    expect(text(koordination, ['w', 'w', 'm'])).toBe('zwei Koordinatorinnen und ein Koordinator');
    expect(text(caseManager, ['w', 'w', 'd'])).toBe('zwei Case Managerinnen und eine Case-Management-Fachkraft');
  });
  test('several people of gender d by the neutral plural, not by the pair of women and men', () => {
    const withNeutral: RoleForms = { ...caseManager, plural: { ...caseManager.plural, d: 'Case-Management-Fachkräfte' } };
    expect(text(withNeutral, ['d', 'd'], true)).toBe('zwei weitere Case-Management-Fachkräfte');
    expect(text(withNeutral, ['w', 'd', 'd'], true)).toBe('eine weitere Case Managerin und zwei weitere Case-Management-Fachkräfte');
    expect(text(withNeutral, ['w', 'w', 'm', 'm'])).toBe('vier Case Managerinnen und Case Manager');
    expect(definiteNouns(nounParts(withNeutral, ['d', 'd']))).toBe('die beiden Case-Management-Fachkräfte');
    // A neutral mixed plural fits everyone; no plural.d needed.
    expect(text(staff, ['d', 'd'])).toBe('zwei Mitarbeitende');
  });
  test('definite article, relative and personal pronoun agree', () => {
    expect(definiteNouns(nounParts(caseManager, ['w']))).toBe('die Case Managerin');
    expect(definiteNouns(nounParts(caseManager, ['m']))).toBe('der Case Manager');
    expect(definiteNouns(nounParts(koordination, ['w', 'm']))).toBe('die Koordinatorin und der Koordinator');
    // Two known people are "die beiden", as a clerk says it; a participle noun declines after the article.
    expect(definiteNouns(nounParts(caseManager, ['w', 'w']))).toBe('die beiden Case Managerinnen');
    expect(definiteNouns(nounParts(caseManager, ['w', 'w', 'w']))).toBe('die drei Case Managerinnen');
    expect(definiteNouns(nounParts(staff, ['w', 'm']))).toBe('die beiden Mitarbeitenden');
    expect(definiteNouns(nounParts(staff, ['w', 'm', 'm']))).toBe('die drei Mitarbeitenden');
    expect(relativePronoun(nounParts(caseManager, ['m']))).toBe('der');
    expect(relativePronoun(nounParts(caseManager, ['m', 'm']))).toBe('die');
    expect(personalPronoun(nounParts(staff, ['m']))).toBe('er');
    expect(personalPronoun(nounParts(staff, ['w']))).toBe('sie');
    expect(personalPronoun(nounParts(staff, ['d']))).toBe('sie');
    expect(personalPronoun(nounParts(staff, ['m', 'm']))).toBe('sie');
    // Issue 23: one person of gender d named by a neuter noun ("das Teammitglied") is "es", not "sie".
    const member: RoleForms = { ...staff, d: 'Teammitglied', neutralGenus: 'neuter' };
    expect(personalPronoun(nounParts(member, ['d']))).toBe('es');
    expect(relativePronoun(nounParts(member, ['d']))).toBe('das');
    expect(definiteNouns(nounParts(member, ['d']))).toBe('das Teammitglied');
  });
});

describe('municipalities, module numbers and quantities', () => {
  test('articles by the kind of municipality', () => {
    expect(municipalityPhrase({ type: 'Gemeinde', name: 'Windeck' }, 'acc')).toBe('die Gemeinde Windeck');
    expect(municipalityPhrase({ type: 'Stadt', name: 'Troisdorf' }, 'dat')).toBe('der Stadt Troisdorf');
    expect(municipalityPhrase({ type: 'Stadt', name: 'Troisdorf' }, 'in')).toBe('in der Stadt Troisdorf');
    expect(municipalityPhrase({ type: 'Markt', name: 'Much', genus: 'masculine' }, 'acc')).toBe('den Markt Much');
    expect(municipalityPhrase({ type: 'Markt', name: 'Much', genus: 'masculine' }, 'in')).toBe('im Markt Much');
    expect(municipalityPhrase({ type: 'Amt', name: 'Süderbrarup', genus: 'neuter' }, 'dat')).toBe('dem Amt Süderbrarup');
  });
  test('Roman numerals', () => {
    expect([1, 2, 3, 4, 9, 14, 40, 1994].map(romanNumeral)).toEqual(['I', 'II', 'III', 'IV', 'IX', 'XIV', 'XL', 'MCMXCIV']);
    expect(() => romanNumeral(0)).toThrow();
    // Every numeral of the table, up to the largest Roman number; beyond it a German message, no "MMMM".
    expect([555, 2444, 90, 3999].map(romanNumeral)).toEqual(['DLV', 'MMCDXLIV', 'XC', 'MMMCMXCIX']);
    expect(() => romanNumeral(4000)).toThrow('Keine römische Zahl für 4000');
  });
  test('posts with their unit: singular for exactly one, a decimal in the plural, whole posts up to twelve in words', () => {
    const stellen = { singular: 'Stelle', plural: 'Stellen' };
    expect(formatQuantity(0.5, stellen)).toBe('0,5 Stellen');
    expect(formatQuantity(1, stellen)).toBe('eine Stelle');
    expect(formatQuantity(1, stellen, 'dat')).toBe('einer Stelle');
    expect(formatQuantity(1, { ...stellen, genus: 'neuter' as const, singular: 'Vollzeitäquivalent' })).toBe('ein Vollzeitäquivalent');
    expect(formatQuantity(4, stellen)).toBe('vier Stellen');
    expect(formatQuantity(18, stellen)).toBe('18 Stellen');
    expect(formatQuantity(1, { ...stellen, abbreviation: 'VZÄ' })).toBe('1 VZÄ');
    expect(formatQuantity(3.5, stellen)).toBe('3,5 Stellen');
    expect(formatQuantity(0, stellen)).toBe('0 Stellen');
    expect(formatQuantity(0.5, { ...stellen, abbreviation: 'VZÄ' })).toBe('0,5 VZÄ');
  });
  test('half a post after a preposition, where the unit is a word: "mit einer halben Stelle"', () => {
    const stellen = { singular: 'Stelle', plural: 'Stellen', genus: 'feminine' as const };
    expect(formatQuantity(0.5, stellen, 'dat')).toBe('einer halben Stelle');
    expect(formatQuantity(0.5, stellen, 'acc')).toBe('eine halbe Stelle');
    expect(formatQuantity(0.5, { singular: 'Vollzeitäquivalent', plural: 'Vollzeitäquivalente', genus: 'neuter' }, 'acc')).toBe('ein halbes Vollzeitäquivalent');
    expect(formatQuantity(0.5, { singular: 'Posten', plural: 'Posten', genus: 'masculine' }, 'dat')).toBe('einem halben Posten');
    expect(amountFigure(0.5, stellen, 'dat')).toBe('einer halben');
    // The subject of a sentence stays a figure, as the Kreis's own Vorlage writes it: "0,5 Stellen sind besetzt".
    expect(formatQuantity(0.5, stellen)).toBe('0,5 Stellen');
    // An abbreviation stays numeric; other fractions too.
    expect(formatQuantity(0.5, { ...stellen, abbreviation: 'VZÄ' }, 'dat')).toBe('0,5 VZÄ');
    expect(formatQuantity(0.75, stellen, 'dat')).toBe('0,75 Stellen');
    expect(formatQuantity(1.5, stellen, 'dat')).toBe('1,5 Stellen');
  });
  test('a participle noun declines after "der beiden"; other plurals stay', () => {
    expect(adjectivalPlural('Mitarbeitende')).toBe('Mitarbeitenden');
    expect(adjectivalPlural('Case Managerinnen')).toBe('Case Managerinnen');
    expect(adjectivalPlural('Case-Management-Fachkräfte')).toBe('Case-Management-Fachkräfte');
  });
  test('filled of planned posts: "drei von vier Stellen", and never "4 von 4"', () => {
    const stellen = { singular: 'Stelle', plural: 'Stellen', genus: 'feminine' as const };
    const vza = { singular: 'Vollzeitäquivalent', plural: 'Vollzeitäquivalente', abbreviation: 'VZÄ', genus: 'neuter' as const };
    expect(filledOfPlanned(3, 4, stellen)).toBe('drei von vier Stellen');
    expect(filledOfPlanned(1, 2, stellen)).toBe('eine von zwei Stellen');
    expect(filledOfPlanned(4, 4, stellen)).toBe('alle vier Stellen');
    expect(filledOfPlanned(2, 2, stellen)).toBe('beide Stellen');
    expect(filledOfPlanned(1, 1, stellen)).toBe('die Stelle');
    expect(filledOfPlanned(1.5, 1.5, stellen)).toBe('alle 1,5 Stellen');
    expect(filledOfPlanned(1.5, 3.5, vza)).toBe('1,5 von 3,5 VZÄ');
    expect(filledOfPlanned(2, 2, vza)).toBe('alle 2 VZÄ');
  });
  test('the rate per post with one distributive: "je Stelle" without "jeweils"', () => {
    const stellen = { singular: 'Stelle', plural: 'Stellen' };
    expect(ratePerPost('57.000 €', stellen, true)).toBe('57.000 € je Stelle');
    expect(ratePerPost('55.000 €', { ...stellen, abbreviation: 'VZÄ' }, true)).toBe('jeweils 55.000 €/VZÄ');
    expect(ratePerPost('55.000 €', { ...stellen, abbreviation: 'VZÄ' }, false)).toBe('55.000 €/VZÄ');
  });
  test('a list whose items have an "und" of their own ends with "sowie"', () => {
    expect(joinList(['die Case Managerin der Stadt Troisdorf', 'neun Case Managerinnen und Case Manager'])).toBe(
      'die Case Managerin der Stadt Troisdorf sowie neun Case Managerinnen und Case Manager',
    );
  });
});
