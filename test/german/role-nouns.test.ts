/**
 * The nouns for the people of one role and the words that agree with them (src/german/roles.ts): what
 * the Sachstand says about who was hired, beyond the cases of test/german/german.test.ts.
 */
import { describe, expect, test } from 'vitest';
import { adjectivalPlural, countedNouns, definiteNouns, nounParts, personalPronoun, relativePronoun } from '../../src/german/index.js';
import type { Gender, RoleForms } from '../../src/model/types.js';
import { caseManager, koordination as koordinationFeminine, staff } from './role-forms.js';

const withNeutral: RoleForms = { ...caseManager, plural: { ...caseManager.plural, d: 'Case-Management-Fachkräfte' } };
/** Koordination whose neutral noun is neuter: "das Koordinationsmitglied". */
const koordination: RoleForms = { ...koordinationFeminine, d: 'Koordinationsmitglied', neutralGenus: 'neuter' };
/** A neutral mixed plural, not a pair form, with a plural for people of gender d. */
const team: RoleForms = { ...staff, d: 'Teammitglied', neutralGenus: 'neuter', plural: { ...staff.plural, d: 'Teammitglieder' } };
const text = (forms: RoleForms, genders: Gender[], inOrder = false) => countedNouns(nounParts(forms, genders, { inOrder }));

describe('the nouns for several people of one role', () => {
  test('several people of gender d by their own plural, also where the mixed plural is neutral', () => {
    expect(text(team, ['d', 'd'])).toBe('zwei Teammitglieder');
    expect(text(team, ['w', 'd'])).toBe('zwei Mitarbeitende');
  });

  test('several of gender d and no plural for them: the whole group by the mixed plural, never a missing word', () => {
    expect(text(caseManager, ['w', 'd', 'd'])).toBe('drei Case Managerinnen und Case Manager');
    expect(text(caseManager, ['d', 'd'])).toBe('zwei Case Managerinnen und Case Manager');
  });

  test('a pair form is split for people of gender d although no gender counts one', () => {
    expect(text(withNeutral, ['w', 'w', 'd', 'd'])).toBe('zwei Case Managerinnen und zwei Case-Management-Fachkräfte');
  });

  test('one person of gender d in a split group takes the article of the neutral noun', () => {
    expect(text(koordination, ['w', 'w', 'd'])).toBe('zwei Koordinatorinnen und ein Koordinationsmitglied');
    expect(definiteNouns(nounParts(koordination, ['m', 'm', 'd']))).toBe('die beiden Koordinatoren und das Koordinationsmitglied');
  });

  test('split parts in the order the people are listed, where asked', () => {
    expect(text(koordination, ['m', 'w'], true)).toBe('ein Koordinator und eine Koordinatorin');
    expect(text(koordination, ['m', 'w'])).toBe('eine Koordinatorin und ein Koordinator');
  });

  test('counted without "weitere" unless asked', () => {
    expect(countedNouns(nounParts(koordination, ['w']))).toBe('eine Koordinatorin');
    expect(countedNouns(nounParts(koordination, ['w']), { further: true })).toBe('eine weitere Koordinatorin');
  });
});

describe('pronouns for a group split into parts', () => {
  test('"die" and "sie" for a man and a woman, whichever comes first', () => {
    const parts = nounParts(koordination, ['m', 'w'], { inOrder: true });
    expect(relativePronoun(parts)).toBe('die');
    expect(personalPronoun(parts)).toBe('sie');
    expect(relativePronoun(nounParts(koordination, ['w', 'd']))).toBe('die');
    expect(personalPronoun(nounParts(koordination, ['w', 'd']))).toBe('sie');
  });
});

describe('a plural after "die beiden"', () => {
  test('a participle noun declines, a noun that only contains "ende" does not', () => {
    expect(adjectivalPlural('Mitarbeitende')).toBe('Mitarbeitenden');
    expect(adjectivalPlural('Jugendeinrichtungsleiter')).toBe('Jugendeinrichtungsleiter');
    expect(adjectivalPlural('Fachkräfte')).toBe('Fachkräfte');
  });
});
