import { describe, expect, test } from 'vitest';
import {
  countWord,
  definiteArticle,
  formatAmount,
  formatDate,
  formatDateShort,
  formatDecimal,
  joinList,
  numberWord,
  ordinal,
  roleNoun,
} from '../../src/render/german/index.js';
import type { RoleForms } from '../../src/model/types.js';

const caseManager: RoleForms = {
  w: 'Case Managerin',
  m: 'Case Manager',
  d: 'Case-Management-Fachkraft',
  neutralGenus: 'feminine',
  plural: { w: 'Case Managerinnen', m: 'Case Manager', mixed: 'Case Managerinnen und Case Manager' },
};
const staff: RoleForms = {
  w: 'Mitarbeiterin',
  m: 'Mitarbeiter',
  d: 'Mitarbeitende Person',
  neutralGenus: 'feminine',
  plural: { w: 'Mitarbeiterinnen', m: 'Mitarbeiter', mixed: 'Mitarbeitende' },
};

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
  test('one person by gender, neutral form for d', () => {
    expect(roleNoun(caseManager, ['w'])).toEqual({ text: 'Case Managerin', genus: 'feminine', plural: false });
    expect(roleNoun(caseManager, ['m'])).toEqual({ text: 'Case Manager', genus: 'masculine', plural: false });
    expect(roleNoun(caseManager, ['d']).text).toBe('Case-Management-Fachkraft');
  });
  test('single-gender and mixed groups', () => {
    expect(roleNoun(caseManager, ['w', 'w']).text).toBe('Case Managerinnen');
    expect(roleNoun(caseManager, ['m', 'm', 'm']).text).toBe('Case Manager');
    expect(roleNoun(caseManager, ['w', 'm']).text).toBe('Case Managerinnen und Case Manager');
    expect(roleNoun(staff, ['w', 'm']).text).toBe('Mitarbeitende');
    expect(roleNoun(staff, ['w', 'd']).text).toBe('Mitarbeitende');
  });
  test('definite article and relative pronoun agree', () => {
    expect(definiteArticle(roleNoun(caseManager, ['w']))).toBe('die');
    expect(definiteArticle(roleNoun(caseManager, ['m']))).toBe('der');
    expect(definiteArticle(roleNoun(caseManager, ['m', 'm']))).toBe('die');
  });
});
