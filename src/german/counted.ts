import { countWord } from './numbers.js';
import type { Genus } from './types.js';

/** A countable noun: "Person"/"Personen", feminine. */
export interface CountableNoun {
  singular: string;
  plural: string;
  genus: Genus;
}

/** People, counted: "neun Personen" (fact slots), "… mit fünf Personen besetzt". */
export const PERSON: CountableNoun = { singular: 'Person', plural: 'Personen', genus: 'feminine' };

/**
 * A count of things with its noun, in the nominative, numbers up to twelve as words: "eine Person",
 * "zwei Personen", "13 Personen", and "keine Personen" for none (plural "keine" is the same for every
 * genus, so the phrase stays right whatever the noun).
 */
export function countedNoun(n: number, noun: CountableNoun): string {
  if (n === 0) return `keine ${noun.plural}`;
  return `${countWord(n, noun.genus)} ${n === 1 ? noun.singular : noun.plural}`;
}
