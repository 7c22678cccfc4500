import { countedNoun, PERSON } from './counted.js';
import { countWord, formatDecimal, numberWord, type Case } from './numbers.js';
import type { Genus } from './types.js';

/** A unit posts are counted in: "Vollzeitäquivalent(e)" abbreviated "VZÄ", or "Stelle(n)". */
export interface UnitWords {
  singular: string;
  plural: string;
  abbreviation?: string | undefined;
  /** Genus of the singular ("die Stelle", "das Vollzeitäquivalent"), for "eine Stelle", "mit einer Stelle". */
  genus?: Genus | undefined;
}

/**
 * Singular for exactly one ("1 VZÄ ist", "eine Stelle ist"), plural for every other amount: a decimal
 * takes the plural in German ("0,5 Stellen sind", "1,5 Stellen"), as the Kreise's own Vorlagen write it.
 */
export const isSingularAmount = (n: number): boolean => n === 1;

/** A whole amount up to twelve of a unit that is a word: said in words ("eine Stelle", "vier Stellen"). */
const inWords = (n: number, unit: UnitWords): boolean => !unit.abbreviation && Number.isInteger(n) && n >= 1 && n <= 12;

/**
 * Half a post said in words, "mit einer halben Stelle", "auf eine halbe Stelle": where the unit is a word and
 * the amount stands after a preposition (accusative or dative), as "mit einer Stelle" is said in words too.
 * The subject of a sentence stays a figure ("0,5 Stellen sind besetzt", the Kreis's own Vorlage), since "eine
 * halbe Stelle" would need a singular verb the templates choose by the figure; lists and tables keep figures.
 */
const halfInWords = (n: number, unit: UnitWords, grammaticalCase: Case): boolean => !unit.abbreviation && n === 0.5 && grammaticalCase !== 'nom';

/** The ending of "halb" after the indefinite article: "eine halbe", "einen halben", "ein halbes", "einer halben". */
const HALF_ENDING: Record<Exclude<Case, 'nom'>, Record<Genus, string>> = {
  acc: { feminine: 'e', masculine: 'en', neuter: 'es' },
  dat: { feminine: 'en', masculine: 'en', neuter: 'en' },
};

/**
 * The figure of an amount as it stands before the unit word: "eine"/"einer" (by the unit's genus and the
 * case), "vier", "0,5", "18", after a preposition "einer halben"; with an abbreviated unit always digits
 * ("1 VZÄ", "3 VZÄ", "0,5 VZÄ").
 */
export function amountFigure(n: number, unit: UnitWords, grammaticalCase: Case = 'nom'): string {
  const genus = unit.genus ?? 'feminine';
  if (halfInWords(n, unit, grammaticalCase)) return `${countWord(1, genus, { case: grammaticalCase })} halb${HALF_ENDING[grammaticalCase as 'acc' | 'dat'][genus]}`;
  return inWords(n, unit) ? countWord(n, genus, { case: grammaticalCase }) : formatDecimal(n);
}

/**
 * "3,5 VZÄ", "0,5 Stellen", "eine Stelle", "mit einer Stelle", "mit einer halben Stelle" (dative), "zwölf
 * Stellen": a number of posts with its unit, abbreviated where the unit has an abbreviation.
 */
export function formatQuantity(n: number, unit: UnitWords, grammaticalCase: Case = 'nom'): string {
  const singular = isSingularAmount(n) || halfInWords(n, unit, grammaticalCase);
  const word = unit.abbreviation ?? (singular ? unit.singular : unit.plural);
  return `${amountFigure(n, unit, grammaticalCase)} ${word}`;
}

/** The unit written out even where it has an abbreviation: "3,5 Vollzeitäquivalente", "eine Stelle". */
export function formatQuantityInFull(n: number, unit: UnitWords, grammaticalCase: Case = 'nom'): string {
  const singular = isSingularAmount(n) || halfInWords(n, unit, grammaticalCase);
  return `${amountFigure(n, unit, grammaticalCase)} ${singular ? unit.singular : unit.plural}`;
}

/**
 * How many of the planned posts are filled, as a reader says it: "drei von vier Stellen", "1,5 von 3,5
 * VZÄ"; all of them "alle vier Stellen", "beide Stellen", "alle 3,5 VZÄ", and a single one "die Stelle" —
 * never "4 von 4".
 */
export function filledOfPlanned(filled: number, planned: number, unit: UnitWords): string {
  if (filled !== planned) return `${amountFigure(filled, unit)} von ${formatQuantity(planned, unit)}`;
  if (planned === 1) return `${DEFINITE_NOM[unit.genus ?? 'feminine']} ${unit.singular}`;
  if (planned === 2 && !unit.abbreviation) return `beide ${unit.plural}`;
  const figure = inWords(planned, unit) ? numberWord(planned) : formatDecimal(planned);
  return `alle ${figure} ${unit.abbreviation ?? unit.plural}`;
}

const DEFINITE_NOM: Record<Genus, string> = { feminine: 'die', masculine: 'der', neuter: 'das' };

/**
 * The rate per post after "eine Förderung von": "57.000 € je Stelle", or with an abbreviated unit the
 * price notation "55.000 €/VZÄ", which the Kreis's own Vorlage precedes by "jeweils" for several posts
 * ("von jeweils 55.000 €/VZÄ"). Never two distributive words: "jeweils 57.000 € je Stelle".
 */
export function ratePerPost(amount: string, unit: UnitWords, severalPosts: boolean): string {
  if (!unit.abbreviation) return `${amount} je ${unit.singular}`;
  return `${severalPosts ? 'jeweils ' : ''}${amount}/${unit.abbreviation}`;
}

/**
 * How many people hold the filled posts, where a reader could take the one count for the other: "fünf
 * Personen" in "besetzt sind davon vier Stellen mit fünf Personen", after a sentence naming the five. Empty
 * where people and posts are the same number, for a single person (nothing to add up), and where the unit is
 * abbreviated: "3 VZÄ" (Vollzeitäquivalente) is visibly a measure of full-time shares, not of heads, and the
 * Rhein-Sieg-Kreis's own Vorlage writes "besetzt sind davon 3 VZÄ" after naming four people.
 */
export function peopleOnPosts(people: number, posts: number, unit: UnitWords): string {
  if (unit.abbreviation || people < 2 || Math.abs(people - posts) < 1e-9) return '';
  return countedNoun(people, PERSON);
}
