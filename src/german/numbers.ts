import type { Genus } from './types.js';

export type Case = 'nom' | 'acc' | 'dat';

const decimal = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 2, useGrouping: true });
const euro = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 2, minimumFractionDigits: 0, useGrouping: true });

/** `3.5` → `3,5`, `12` → `12`, `1000` → `1.000`: German decimal comma and thousands point. */
export function formatDecimal(value: number): string {
  return decimal.format(value);
}

/** `55000` → `55.000 €`: amount, space, euro sign (DIN 5008). Cents only when there are any. */
export function formatAmount(value: number): string {
  const hasCents = Math.round(value * 100) % 100 !== 0;
  const text = hasCents ? euro.format(value).replace(/,(\d)$/, ',$10') : euro.format(value);
  return `${text} €`;
}

const WORDS = ['null', 'eins', 'zwei', 'drei', 'vier', 'fünf', 'sechs', 'sieben', 'acht', 'neun', 'zehn', 'elf', 'zwölf'];

/** "ein" inflected for gender and case, as article and numeral are one word in German. */
const ONE: Record<Case, Record<Genus, string>> = {
  nom: { feminine: 'eine', masculine: 'ein', neuter: 'ein' },
  acc: { feminine: 'eine', masculine: 'einen', neuter: 'ein' },
  dat: { feminine: 'einer', masculine: 'einem', neuter: 'einem' },
};
/** "weitere" after "ein": mixed inflection (eine weitere, ein weiterer, ein weiteres). */
const FURTHER_AFTER_ONE: Record<Case, Record<Genus, string>> = {
  nom: { feminine: 'weitere', masculine: 'weiterer', neuter: 'weiteres' },
  acc: { feminine: 'weitere', masculine: 'weiteren', neuter: 'weiteres' },
  dat: { feminine: 'weiteren', masculine: 'weiteren', neuter: 'weiteren' },
};

/**
 * A count as it stands before a noun: numbers up to twelve as words, larger ones as digits.
 * `count(1, 'feminine')` → "eine"; `count(2, …, {further: true})` → "zwei weitere";
 * `count(1, 'masculine', {further: true, case: 'dat'})` → "einem weiteren".
 */
export function countWord(n: number, genus: Genus, options: { further?: boolean; case?: Case } = {}): string {
  const grammaticalCase = options.case ?? 'nom';
  if (n === 1) {
    const one = ONE[grammaticalCase][genus];
    return options.further ? `${one} ${FURTHER_AFTER_ONE[grammaticalCase][genus]}` : one;
  }
  const number = Number.isInteger(n) && n >= 0 && n <= 12 ? WORDS[n]! : formatDecimal(n);
  if (!options.further) return number;
  return `${number} ${grammaticalCase === 'dat' ? 'weiteren' : 'weitere'}`;
}

/** The number itself as a word ("neun"), e.g. for "Alle neun"; digits above twelve. */
export function numberWord(n: number): string {
  return Number.isInteger(n) && n >= 0 && n <= 12 ? WORDS[n]! : formatDecimal(n);
}

const ORDINAL_STEMS = ['nullt', 'erst', 'zweit', 'dritt', 'viert', 'fünft', 'sechst', 'siebt', 'acht', 'neunt', 'zehnt', 'elft', 'zwölft'];

/**
 * Ordinal with the ending the sentence needs: `ordinal(2, 'en')` → "zweiten" ("Beim zweiten Sitzungstermin"),
 * `ordinal(1, 'e')` → "erste". Above twelve: "13." (German writes ordinals as digits with a point).
 */
export function ordinal(n: number, ending: string): string {
  return Number.isInteger(n) && n >= 1 && n <= 12 ? `${ORDINAL_STEMS[n]}${ending}` : `${n}.`;
}
