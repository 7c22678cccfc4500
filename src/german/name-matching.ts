/**
 * Finding a person's name in a text however it is spelt: `DAVID OKONKWO`, `okonkwo`, the genitive
 * `Okonkwos`, `Okon\u00ADkwo` with a soft hyphen, `O’Neill` for `O'Neill`, `Mueller` for `Müller`,
 * `**Okon**kwo` in Markdown, `Okоnkwo` with a Cyrillic "о" (a homoglyph: Unicode's confusables, TR39).
 * Both sides are folded the same way (one character at a time, so every folded character remembers
 * where it came from, for the message), then matched as whole words.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { packageRoot } from '../paths.js';

/** A folded text and, per folded character, the index of the original character it came from. */
export interface Folded {
  text: string;
  origin: number[];
}

/** Letters outside Unicode's decompositions that people transliterate anyway. */
const EXTRA: Record<string, string> = { ł: 'l', ø: 'o', đ: 'd', ð: 'd', þ: 'th', æ: 'ae', œ: 'oe', ı: 'i', ħ: 'h', ŧ: 't' };
const APOSTROPHES = new Set(['\u2019', '\u2018', '\u02BC', '\u00B4', '\u2032', '\u02B9', '\uFF07', '\u201B']);
const DASHES = new Set(['\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212', '\uFE58', '\uFE63', '\uFF0D']);
/** Markdown's inline markup and escapes: `**Okon**kwo` reads "Okonkwo" in the PDF. */
const MARKUP = new Set(['\\', '*', '_', '`', '~']);

const cache = new Map<string, string>();

/**
 * Unicode's classes for the first 592 code points (ASCII, Latin-1, Latin Extended-A and -B: the letters
 * of names typed in Europe), without a `\p{…}` pattern: V8 takes about a millisecond to build each such
 * pattern, and a cold `kim report` built half a dozen of them for text that has only these letters.
 * Exact (test/render/name-matching-classes.test.ts compares every code point with the patterns); every
 * other character still goes to the pattern.
 */
const LATIN_END = 0x250;
const LETTER = 1;
const NUMBER = 2;
const LATIN = new Uint8Array(LATIN_END);
for (let c = 0; c < LATIN_END; c++) {
  const letter = (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0xaa || c === 0xb5 || c === 0xba || (c >= 0xc0 && c !== 0xd7 && c !== 0xf7);
  const number = (c >= 0x30 && c <= 0x39) || c === 0xb2 || c === 0xb3 || c === 0xb9 || (c >= 0xbc && c <= 0xbe);
  LATIN[c] = letter ? LETTER : number ? NUMBER : 0;
}
/** `\p{L}` or `\p{N}` (a character of a word) for one character (code point). */
export function isLetterOrNumber(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return ch.length === 1 && c < LATIN_END ? LATIN[c] !== 0 : /[\p{L}\p{N}]/u.test(ch);
}
/** `\p{L}` for one UTF-16 unit (a lone surrogate is no letter, as for the pattern). */
function isLetterUnit(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return c < LATIN_END ? LATIN[c] === LETTER : /\p{L}/u.test(ch);
}
/** `\p{Cf}` (soft hyphen, zero-width and direction marks); below U+0250 only the soft hyphen is one. */
export const isFormatChar = (ch: string): boolean => (ch.length === 1 && ch.charCodeAt(0) < LATIN_END ? ch === '\u00AD' : /\p{Cf}/u.test(ch));
/** Removes `\p{M}` (after NFD); below U+0370 the marks are exactly U+0300–U+036F. */
export const withoutMarks = (text: string): string => (/^[\u0000-\u036f]*$/.test(text) ? text.replace(/[\u0300-\u036f]/g, '') : text.replace(/\p{M}/gu, ''));

/** One character (code point) folded: lower case, no marks, ä → ae, ß → ss, apostrophes and dashes unified, invisible → nothing. */
function foldChar(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code < 0x80) {
    if (code >= 0x41 && code <= 0x5a) return String.fromCharCode(code + 32);
    if (MARKUP.has(ch)) return '';
    if (ch === '\t' || ch === '\n' || ch === '\r' || ch === '\f' || ch === '\v') return ' ';
    return ch;
  }
  let folded = cache.get(ch);
  if (folded === undefined) {
    if (isFormatChar(ch)) folded = ''; // soft hyphen, zero-width characters, direction marks
    else if (APOSTROPHES.has(ch)) folded = "'";
    else if (DASHES.has(ch)) folded = '-';
    else if (/\s/u.test(ch)) folded = ' ';
    else {
      // Confusables before lower case: Greek "Κ" is "K", its lower case "κ" only looks like "ĸ".
      folded = [...ch.normalize('NFKC')].map(prototypeOf).join('');
      folded = folded.toLowerCase().replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss');
      folded = withoutMarks(folded.normalize('NFD'));
      folded = [...folded].map((c) => EXTRA[c] ?? c).join('');
      if (/[^\x00-\x7f]/.test(folded)) folded = [...folded].map(prototypeOf).join('');
    }
    cache.set(ch, folded);
  }
  return folded;
}

/**
 * A letter or digit that is not ASCII (nor ä, ö, ü, ß, which fold to German spellings) is replaced by
 * the character it is confusable with, per Unicode's confusables.txt (TR39's skeleton data, through the
 * `unhomoglyph` package): Cyrillic "о" and Greek "ο" read "o", Cherokee "Ꭺ" reads "A". The prototype is
 * folded like any other character afterwards; a letter with a mark (é) is not in the table and keeps
 * its own folding. TR39 writes capital I as "l"; kim leaves ASCII alone, so an upper-case look-alike of
 * I (Cyrillic "І", Greek "Ι") reads "I".
 */
function prototypeOf(ch: string): string {
  if (/^[\x00-\x7fÄÖÜäöüß]$/.test(ch) || !isLetterOrNumber(ch)) return ch;
  const prototype = ch.length === 1 && ch.charCodeAt(0) < LATIN_END ? latinConfusables()[ch] : confusables()[ch];
  if (prototype === 'l' && ch !== ch.toLowerCase()) return 'I';
  return prototype ?? ch;
}

/** The table is read when the first such character is met: most Vorlagen have none. */
let table: Record<string, string> | undefined;
const confusables = (): Record<string, string> => (table ??= createRequire(import.meta.url)('unhomoglyph/data.json') as Record<string, string>);

/**
 * The table's entries for characters below U+0250, taken out at build time (scripts/build-name-data.mjs):
 * a staff list with "Dąbrowska" or "Yılmaz" then reads 127 entries, not all 6 311 (about 6 ms of a cold
 * run). Without the build's file, the whole table.
 */
export const LATIN_CONFUSABLES_FILE = join(packageRoot, 'dist', 'name-data', 'confusables-latin.json');
let latinTable: Record<string, string> | undefined;
function latinConfusables(): Record<string, string> {
  if (!latinTable) {
    try {
      latinTable = JSON.parse(readFileSync(LATIN_CONFUSABLES_FILE, 'utf8')) as Record<string, string>;
    } catch {
      latinTable = confusables();
    }
  }
  return latinTable;
}

/**
 * In a word made of letters and digits, "0" and "1" stand for "O" and "l" (TR39 maps them so): "0konkw0",
 * "Mi11er". A number alone stays as it is, so dates and amounts never turn into letters.
 */
const DIGIT_LOOKALIKE: Record<string, string> = { '0': 'o', '1': 'l' };
const isWordChar = isLetterOrNumber;

/** Whether the run of letters and digits around `index` holds a letter; `end` is where the run stops. */
function runAround(text: string, index: number): { letter: boolean; end: number } {
  let start = index;
  while (start > 0 && isWordChar(text[start - 1]!)) start--;
  let end = index;
  while (end < text.length && isWordChar(text[end]!)) end++;
  let letter = false;
  for (let i = start; i < end && !letter; i++) letter = isLetterUnit(text[i]!);
  return { letter, end };
}

/** A combining diaeresis after a, o or u is the umlaut typed in two parts: fold it like ä, ö, ü (to "e"). */
const DIAERESIS = '\u0308';

/** Folds a text for matching names; runs of blanks become one space. `origin` only when asked for (a hit). */
export function fold(text: string, withOrigin = true): Folded {
  let run = { letter: false, end: -1 }; // the word a 0 or 1 stands in, looked at once per word
  const parts: string[] = [];
  const origin: number[] = [];
  let last = ''; // the last folded character, for blanks and a split umlaut
  for (let index = 0; index < text.length; ) {
    const code = text.charCodeAt(index);
    const size = code >= 0xd800 && code <= 0xdbff && index + 1 < text.length ? 2 : 1;
    const ch = size === 1 ? text[index]! : text.slice(index, index + 2);
    let f = ch === DIAERESIS && (last === 'a' || last === 'o' || last === 'u') ? 'e' : foldChar(ch);
    if (ch === '0' || ch === '1') {
      if (index >= run.end) run = runAround(text, index);
      if (run.letter) f = DIGIT_LOOKALIKE[ch]!;
    }
    if (f === ' ' && (last === ' ' || last === '')) f = '';
    if (f !== '') {
      parts.push(f);
      last = f.at(-1)!;
      if (withOrigin) for (let k = 0; k < f.length; k++) origin.push(index);
    }
    index += size;
  }
  return { text: parts.join(''), origin };
}

/** Markdown-only spellings a reader would still show as the name: numeric entities and &shy;. */
export function decodeEntities(text: string): string {
  return text
    .replace(/&#x([0-9a-f]{1,6});/gi, (m, hex: string) => safeChar(parseInt(hex, 16), m))
    .replace(/&#(\d{1,7});/g, (m, dec: string) => safeChar(Number(dec), m))
    .replace(/&shy;/gi, '\u00AD')
    .replace(/&nbsp;/gi, ' ');
}
const safeChar = (code: number, fallback: string): string => (code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : fallback);

/** German endings a surname takes in running text: Okonkwos, des Strauß', Webern; and the English 's. */
const ENDINGS = ['', 's', 'es', 'n'];

export interface NamePattern {
  /** The name as in staff.yaml, for the message. */
  name: string;
  /** Words (letter/digit runs) one of which the folded text must contain for a match to be possible. */
  anchors: string[];
  readonly pattern: RegExp;
}

/** The letter/digit runs of a text, as `/[\p{L}\p{N}]+/gu` matches them (by code point), without building that pattern. */
function runsOf(text: string): string[] {
  const runs: string[] = [];
  let start = -1;
  for (let i = 0; i < text.length; ) {
    const code = text.charCodeAt(i);
    // Past the end, charCodeAt is NaN, which is no low surrogate.
    const size = code >= 0xd800 && code <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
    const word = isLetterOrNumber(size === 1 ? text[i]! : text.slice(i, i + 2));
    if (word && start < 0) start = i;
    else if (!word && start >= 0) {
      runs.push(text.slice(start, i));
      start = -1;
    }
    i += size;
  }
  if (start >= 0) runs.push(text.slice(start));
  return runs;
}
const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The pattern for one name: whole words, the parts of a full name separated by blanks or nothing
 * (`DavidOkonkwo`), and a German ending on the last word. Null when the folded name is too short to
 * be told from ordinary words (fewer than three letters).
 */
export function namePattern(name: string): NamePattern | null {
  const folded = fold(name.normalize('NFC').trim()).text;
  const runs = runsOf(folded);
  if (runs.join('').length < 3) return null;
  const body = folded.split(' ').map(escapeRegExp).join(' ?');
  const ending = `(?:${ENDINGS.filter(Boolean).join('|')}|'s|')?`;
  const source = `(?<![\\p{L}\\p{N}])${body}${ending}(?![\\p{L}\\p{N}])`;
  const last = runs.at(-1)!;
  const joined = runsOf(folded.replace(/ /g, '')).at(-1)!; // the last run again for a name of one word
  // Made on first use: V8 takes about a millisecond to build a pattern with \p{…} classes, and the
  // anchors rule out almost every name before its pattern is needed (most of a cold run's privacy check).
  let pattern: RegExp | undefined;
  return {
    name,
    anchors: [...new Set([last, joined])],
    get pattern() {
      return (pattern ??= new RegExp(source, 'u'));
    },
  };
}

/**
 * Every letter/digit run of a folded text, and each run without a German ending: a name can only match
 * if one of its anchors (its last word) is among them. Checking a few thousand names against a Vorlage
 * is then a few thousand set lookups; the patterns run only for the names that pass.
 */
export function wordsOf(folded: string): Set<string> {
  const words = new Set<string>();
  for (const w of runsOf(folded)) {
    words.add(w);
    for (const e of ENDINGS) if (e && w.length > e.length && w.endsWith(e)) words.add(w.slice(0, -e.length));
  }
  return words;
}

/** The first match of a pattern in a folded text, mapped back to the original text. */
export function findIn(original: string, folded: Folded, pattern: RegExp): { index: number; text: string } | undefined {
  const m = pattern.exec(folded.text);
  if (!m) return undefined;
  const start = folded.origin[m.index]!;
  const lastOrigin = folded.origin[m.index + m[0].length - 1]!;
  const end = lastOrigin + (original.codePointAt(lastOrigin)! > 0xffff ? 2 : 1);
  return { index: start, text: original.slice(start, end) };
}
