/**
 * The programme's words (src/model/terms.ts): its module word, numbering and unit, and the Kreis's word for
 * what staff are assigned to. Each test reads the words a sentence of the Vorlage takes from them: "für den
 * Baustein II", "Die Stelle", "besetzt ist davon noch keine", "für folgenden Stadtteil", "keinem Stadtteil".
 */
import { describe, expect, test } from 'vitest';
import { DEFAULT_MUNICIPALITY_WORD, moduleLabels, municipalityWordOf, termsOf, unitWords } from '../../src/model/terms.js';

describe('module word, numbering and unit', () => {
  test('without terms: "Modul 1" in arabic numbers, counted in VZÄ (neuter: "Das", "keines")', () => {
    const terms = termsOf({});
    expect(terms.moduleWord).toEqual({ singular: 'Modul', genus: 'neuter' });
    expect(terms.numbering).toBe('arabic');
    expect(terms.unit).toEqual({ singular: 'Vollzeitäquivalent', plural: 'Vollzeitäquivalente', abbreviation: 'VZÄ', article: 'Das', short: 'VZÄ', none: 'keines', genus: 'neuter' });
    expect(moduleLabels(terms, 2)).toEqual({ numberText: '2', label: 'Modul 2', labelAcc: 'das Modul 2', labelIn: 'im Modul 2' });
  });

  test('a Kreis\'s own words: "Baustein II" in roman numbers, counted in Stellen without abbreviation', () => {
    const terms = termsOf({ terms: { module: { singular: 'Baustein', genus: 'masculine' }, numbering: 'roman', unit: { singular: 'Stelle', plural: 'Stellen', genus: 'feminine' } } });
    expect(moduleLabels(terms, 2)).toEqual({ numberText: 'II', label: 'Baustein II', labelAcc: 'den Baustein II', labelIn: 'im Baustein II' });
    expect(terms.unit).toEqual({ singular: 'Stelle', plural: 'Stellen', abbreviation: '', article: 'Die', short: 'Stellen', none: 'keine', genus: 'feminine' });
    // No abbreviation: quantities are written out ("drei Stellen"), not "3 ".
    expect(unitWords(terms)).toEqual({ singular: 'Stelle', plural: 'Stellen', abbreviation: undefined, genus: 'feminine' });
  });

  test('only the unit given: the module word and numbering stay kim\'s; a masculine unit is "keiner"', () => {
    const terms = termsOf({ terms: { unit: { singular: 'Personalanteil', plural: 'Personalanteile', abbreviation: 'PA', genus: 'masculine' } } });
    expect(moduleLabels(terms, 3).label).toBe('Modul 3');
    expect(terms.unit.none).toBe('keiner');
    expect(terms.unit.article).toBe('Der');
    expect(unitWords(terms).abbreviation).toBe('PA');
  });

  test('a feminine module word: "die Maßnahme 1", "in der Maßnahme 1"', () => {
    const terms = termsOf({ terms: { module: { singular: 'Maßnahme', genus: 'feminine' } } });
    expect(moduleLabels(terms, 1)).toEqual({ numberText: '1', label: 'Maßnahme 1', labelAcc: 'die Maßnahme 1', labelIn: 'in der Maßnahme 1' });
  });
});

describe('what staff are assigned to', () => {
  test('without municipalityWord: "Kommunen", the partners "den kreisangehörigen Kommunen"', () => {
    expect(municipalityWordOf(undefined)).toEqual({
      followingAcc: 'folgende Kommune',
      followingNom: 'folgende Kommune',
      followingPlural: 'folgende Kommunen',
      noneDat: 'keiner Kommune',
      pluralDative: 'Kommunen',
      partners: 'den kreisangehörigen Kommunen',
    });
    expect(DEFAULT_MUNICIPALITY_WORD.plural).toBe('Kommunen');
  });

  test('a Stadt\'s "Stadtteil" (masculine): each case as the sentence needs it, the dative plural ("den Stadtteilen") and partners from the plural', () => {
    expect(municipalityWordOf({ singular: 'Stadtteil', plural: 'Stadtteile', genus: 'masculine' })).toEqual({
      followingAcc: 'folgenden Stadtteil',
      followingNom: 'folgender Stadtteil',
      followingPlural: 'folgende Stadtteile',
      noneDat: 'keinem Stadtteil',
      pluralDative: 'Stadtteilen',
      partners: 'den Stadtteilen',
    });
  });

  test('a word with its own dative plural and partners keeps them', () => {
    const word = municipalityWordOf({ singular: 'Stadtteil', plural: 'Stadtteile', genus: 'masculine', pluralDative: 'Stadtteilen', partners: 'den Ortsbeiräten' });
    expect(word.pluralDative).toBe('Stadtteilen');
    expect(word.partners).toBe('den Ortsbeiräten');
    expect(municipalityWordOf({ singular: 'Stadtteil', plural: 'Stadtteile', genus: 'masculine', pluralDative: 'Stadtteilen' }).partners).toBe('den Stadtteilen');
  });

  test('a neuter word: "folgendes Quartier", "keinem Quartier"', () => {
    const word = municipalityWordOf({ singular: 'Quartier', plural: 'Quartiere', genus: 'neuter' });
    expect([word.followingAcc, word.followingNom, word.noneDat]).toEqual(['folgendes Quartier', 'folgendes Quartier', 'keinem Quartier']);
  });
});
