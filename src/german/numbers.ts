import type { Genus } from './types.js';

export type Case = 'nom' | 'acc' | 'dat';

/** `3.5` → `3,5`, `12` → `12`, `1000` → `1.000`: German decimal comma and thousands point. */
export function formatDecimal(value: number): string {
  return germanNumber(value, 2);
}

/** `55000` → `55.000 €`: amount, space, euro sign (DIN 5008). Cents only when there are any. */
export function formatAmount(value: number): string {
  // Only an amount with cents has a fraction at all; one of a single digit gets its second: 1.234,5 → 1.234,50.
  return `${germanNumber(value, 2).replace(/,(\d)$/, ',$10')} €`;
}

/**
 * What `new Intl.NumberFormat('de-DE', { maximumFractionDigits })` gives, without Intl: creating the
 * first number format loads ICU's locale data, which costs some 20 ms of every cold start. Like ICU, it
 * rounds the number's shortest decimal form (`1.005` → `1,01`) half away from zero, drops trailing
 * zeros, and groups the integer digits by three with a point; a negative number that rounds to zero
 * keeps its minus ("-0"). A test compares it with Intl over a large range of values.
 */
function germanNumber(value: number, maximumFractionDigits: number): string {
  if (Number.isNaN(value)) return 'NaN';
  const sign = value < 0 || Object.is(value, -0) ? '-' : '';
  if (!Number.isFinite(value)) return `${sign}∞`;
  let [integer, fraction] = decimalDigits(Math.abs(value));
  if (fraction.length > maximumFractionDigits) {
    const roundUp = fraction.charCodeAt(maximumFractionDigits) >= 0x35; // "5"
    fraction = fraction.slice(0, maximumFractionDigits);
    if (roundUp) [integer, fraction] = incrementLastDigit(integer, fraction);
  }
  fraction = fraction.replace(/0+$/, '');
  const grouped = integer.replace(/\B(?=(\d{3})+$)/g, '.');
  return `${sign}${grouped}${fraction ? `,${fraction}` : ''}`;
}

/** The digits before and after the decimal point of the shortest decimal form of a non-negative number. */
function decimalDigits(value: number): [string, string] {
  const [mantissa, exponentPart] = String(value).split('e');
  const exponent = exponentPart === undefined ? 0 : Number(exponentPart);
  const [whole, part = ''] = mantissa!.split('.');
  const digits = whole! + part;
  const point = whole!.length + exponent; // position of the decimal point in `digits`
  if (point <= 0) return ['0', '0'.repeat(-point) + digits];
  if (point >= digits.length) return [digits + '0'.repeat(point - digits.length), ''];
  return [digits.slice(0, point), digits.slice(point)];
}

/** Adds one unit in the last place of integer.fraction, carrying over. */
function incrementLastDigit(integer: string, fraction: string): [string, string] {
  const all = (integer + fraction).split('');
  let i = all.length - 1;
  while (i >= 0 && all[i] === '9') all[i--] = '0';
  if (i >= 0) all[i] = String(Number(all[i]) + 1);
  else all.unshift('1');
  const cut = all.length - fraction.length;
  // No leading zero to strip: the integer part is "0" or has none, and it keeps its length or gains a "1" in front.
  return [all.slice(0, cut).join(''), all.slice(cut).join('')];
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
