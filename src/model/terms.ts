import { capitalize, dativePlural, definite, inDative, romanNumeral, strongEnding, type UnitWords } from '../german/index.js';
import type { Genus, MunicipalityWord, Programme, Terms, Unit } from './types.js';

/**
 * The programme's own words for its modules and posts, with what sentences need of them. Without
 * `terms` in programme.yaml a programme has "Modul 1, 2, 3" and counts in "Vollzeitäquivalente (VZÄ)",
 * the wording of the KIM funding guideline.
 */
export const DEFAULT_TERMS: Required<Terms> = {
  module: { singular: 'Modul', genus: 'neuter' },
  numbering: 'arabic',
  unit: { singular: 'Vollzeitäquivalent', plural: 'Vollzeitäquivalente', abbreviation: 'VZÄ', genus: 'neuter' },
};

export interface UnitModel {
  singular: string;
  plural: string;
  /** Empty when the unit has none ("Stellen"). */
  abbreviation: string;
  /** Article of the singular at the start of a sentence: "Das" (Vollzeitäquivalent), "Die" (Stelle). */
  article: string;
  /** For table headings: "VZÄ" or "Stellen". */
  short: string;
  /** "besetzt ist davon noch keine" (Stelle), "keines" (Vollzeitäquivalent), "keiner" (a masculine unit). */
  none: string;
  /** Genus of the singular, for "eine Stelle", "mit einer Stelle". */
  genus: Genus;
}

export interface TermsModel {
  moduleWord: { singular: string; genus: Genus };
  numbering: 'arabic' | 'roman';
  unit: UnitModel;
}

export function termsOf(programme: Pick<Programme, 'terms'>): TermsModel {
  const terms = { ...DEFAULT_TERMS, ...programme.terms };
  const unit: Unit = terms.unit;
  return {
    moduleWord: terms.module,
    numbering: terms.numbering,
    unit: {
      singular: unit.singular,
      plural: unit.plural,
      abbreviation: unit.abbreviation ?? '',
      article: capitalize(definite(unit.genus, 'nom')),
      short: unit.abbreviation ?? unit.plural,
      none: `kein${strongEnding(unit.genus, 'nom')}`,
      genus: unit.genus,
    },
  };
}

/**
 * What the Vorlage calls the units staff are assigned to (organisation.yaml municipalityWord): a Kreis's
 * "Kommunen", a Stadt's "Stadtteile". Each form as a sentence needs it, so no template inflects.
 */
export interface MunicipalityWordModel {
  /** "folgende Kommune", "folgenden Stadtteil" (after "für"). */
  followingAcc: string;
  /** "folgende Kommune", "folgender Stadtteil" ("Betreut wird …"). */
  followingNom: string;
  /** "folgende Kommunen", "folgende Stadtteile". */
  followingPlural: string;
  /** "keiner Kommune", "keinem Stadtteil" ("noch … zugeordnet"). */
  noneDat: string;
  /** "Kommunen", "Stadtteilen" (after "mit den"). */
  pluralDative: string;
  /** "den kreisangehörigen Kommunen": the partners of the cooperation agreements, dative with article. */
  partners: string;
}

export const DEFAULT_MUNICIPALITY_WORD: Required<MunicipalityWord> = {
  singular: 'Kommune',
  plural: 'Kommunen',
  genus: 'feminine',
  pluralDative: 'Kommunen',
  partners: 'den kreisangehörigen Kommunen',
};

export function municipalityWordOf(word: MunicipalityWord | undefined): MunicipalityWordModel {
  const { singular, plural, genus } = word ?? DEFAULT_MUNICIPALITY_WORD;
  const pluralDative = word ? (word.pluralDative ?? dativePlural(plural)) : DEFAULT_MUNICIPALITY_WORD.pluralDative;
  return {
    followingAcc: `folgend${strongEnding(genus, 'acc')} ${singular}`,
    followingNom: `folgend${strongEnding(genus, 'nom')} ${singular}`,
    followingPlural: `folgende ${plural}`,
    noneDat: `kein${strongEnding(genus, 'dat')} ${singular}`,
    pluralDative,
    partners: word ? (word.partners ?? `den ${pluralDative}`) : DEFAULT_MUNICIPALITY_WORD.partners,
  };
}

/** How a module is named in the Vorlage: "Modul 2", "das Modul 2" (after "für"), "im Modul 2"; "Baustein II", "den Baustein II". */
export function moduleLabels(terms: TermsModel, number: number): { numberText: string; label: string; labelAcc: string; labelIn: string } {
  const numberText = terms.numbering === 'roman' ? romanNumeral(number) : String(number);
  const label = `${terms.moduleWord.singular} ${numberText}`;
  return {
    numberText,
    label,
    labelAcc: `${definite(terms.moduleWord.genus, 'acc')} ${label}`,
    labelIn: `${inDative(terms.moduleWord.genus)} ${label}`,
  };
}

/** The unit as the German quantity formatter takes it ("3,5 VZÄ", "0,5 Stelle"). */
export function unitWords(terms: TermsModel): UnitWords {
  const { singular, plural, abbreviation, genus } = terms.unit;
  return { singular, plural, abbreviation: abbreviation || undefined, genus };
}
