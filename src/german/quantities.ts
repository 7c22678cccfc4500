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
 * The figure of an amount as it stands before the unit word: "eine"/"einer" (by the unit's genus and the
 * case), "vier", "0,5", "18"; with an abbreviated unit always digits ("1 VZÄ", "3 VZÄ").
 */
export function amountFigure(n: number, unit: UnitWords, grammaticalCase: Case = 'nom'): string {
  return inWords(n, unit) ? countWord(n, unit.genus ?? 'feminine', { case: grammaticalCase }) : formatDecimal(n);
}

/**
 * "3,5 VZÄ", "0,5 Stellen", "eine Stelle", "mit einer Stelle" (dative), "zwölf Stellen": a number of posts
 * with its unit, abbreviated where the unit has an abbreviation.
 */
export function formatQuantity(n: number, unit: UnitWords, grammaticalCase: Case = 'nom'): string {
  const word = unit.abbreviation ?? (isSingularAmount(n) ? unit.singular : unit.plural);
  return `${amountFigure(n, unit, grammaticalCase)} ${word}`;
}

/** The unit written out even where it has an abbreviation: "3,5 Vollzeitäquivalente", "eine Stelle". */
export function formatQuantityInFull(n: number, unit: UnitWords, grammaticalCase: Case = 'nom'): string {
  return `${amountFigure(n, unit, grammaticalCase)} ${isSingularAmount(n) ? unit.singular : unit.plural}`;
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
