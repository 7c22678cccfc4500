/**
 * The patterns a privacy check looks for, per staff member: the full name and every surname a text may
 * use alone. Shared by the check of a rendered Vorlage (render) and the check of the data (validate).
 */
import { namePattern, type NamePattern } from './name-matching.js';

/** Per staff member, the patterns of the full name and the surname; built once per staff list (rebuilt if a name changed). */
const patternCache = new WeakMap<readonly { name?: string | undefined }[], { names: (string | undefined)[]; list: NamePattern[][] }>();
export function patternsOf(staff: readonly { name?: string | undefined }[]): NamePattern[][] {
  const cached = patternCache.get(staff);
  if (cached && cached.names.length === staff.length && staff.every((p, i) => p.name === cached.names[i])) return cached.list;
  const list = staff.map((person) => (person.name ? namesToFind(person.name).flatMap((n) => namePattern(n) ?? []) : []));
  patternCache.set(staff, { names: staff.map((p) => p.name), list });
  return list;
}

/**
 * The full name and every surname a text may use alone. Staff lists are typed by hand, so the last word
 * is not always the surname: "Okonkwo, David" (surname first), "David Okonkwo (Elternzeit)", "Lea
 * Ferreira Santos", "Maria Schulz geb. Weber", "Anna Müller-Lüdenscheidt" (called "Frau Müller"). So a
 * remark in brackets is dropped, a name with a comma is turned round, and every word after the given
 * name is a surname, as is each part of a hyphenated one; abbreviations (Dr., geb.) and particles (van,
 * de: lower case in a capitalised name) are not words to find alone.
 */
function namesToFind(name: string): string[] {
  const full = writtenName(name);
  const words = full.split(' ');
  const capitalised = words.some(startsUpper);
  const proper = words.filter((w) => !w.endsWith('.') && !(capitalised && startsLower(w)));
  const surnames = proper.length > 1 ? proper.slice(1) : proper;
  const parts = surnames.flatMap((s) => s.split(/[-\u2010\u2011\u2013]/u)).filter((s) => s !== '');
  // A surname of one or two letters (Li, Ng, Wu) is too short to look for alone (namePattern), but
  // not after a form of address: "Frau Li", "Herrn Ng", "Dr. Wu".
  const short = [...surnames, ...parts].filter((s) => namePattern(s) === null);
  const addressed = short.flatMap((s) => ADDRESSES.map((a) => `${a} ${s}`));
  return [...new Set([full, ...surnames, ...parts, ...addressed])];
}

const ADDRESSES = ['Frau', 'Herr', 'Herrn', 'Dr.', 'Prof.'];

// `^\p{Lu}` and `^\p{Ll}`, answered without building the pattern for a word that starts in ASCII (most names):
// V8 takes about a millisecond for each pattern with a `\p{…}` class.
const startsUpper = (w: string): boolean => (w.charCodeAt(0) < 0x80 ? /^[A-Z]/.test(w) : /^\p{Lu}/u.test(w));
const startsLower = (w: string): boolean => (w.charCodeAt(0) < 0x80 ? /^[a-z]/.test(w) : /^\p{Ll}/u.test(w));

/** A name as typed in staff.yaml, as it is written in a sentence: "Okonkwo, David (Elternzeit)" → "David Okonkwo". */
export function writtenName(name: string): string {
  const clean = name.normalize('NFC').replace(/\([^)]*\)|\[[^\]]*\]/g, ' ').trim().replace(/\s+/g, ' ');
  const comma = clean.indexOf(',');
  return comma < 0 ? clean : `${clean.slice(comma + 1)} ${clean.slice(0, comma)}`.replace(/,/g, ' ').trim().replace(/\s+/g, ' ');
}

