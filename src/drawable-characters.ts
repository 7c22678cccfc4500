/**
 * Which characters the PDF's font can draw, and the one judgement over a text that `kim report`
 * (src/emit/pdf/renderer.ts) and `kim validate` (src/validate/rules/drawable-characters.ts) both make.
 * The table is made at build time from the shipped fonts (scripts/build-pdf-assets.mjs writes
 * dist/pdf-assets/drawable-characters.json), so validation reads a small JSON file and never loads
 * fontkit or pdfkit.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from './paths.js';

export const DRAWABLE_TABLE = join(packageRoot, 'dist', 'pdf-assets', 'drawable-characters.json');

/** The built table: sorted, disjoint ranges [first, last] of the code points every face has a glyph for. */
let ranges: readonly (readonly [number, number])[] | undefined;

/** Whether every face of the PDF's font (regular, bold) has a glyph for the code point, per the built table. */
export function drawableByTable(cp: number): boolean {
  ranges ??= (JSON.parse(readFileSync(DRAWABLE_TABLE, 'utf8')) as { ranges: [number, number][] }).ranges;
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [first, last] = ranges[mid]!;
    if (cp < first) hi = mid - 1;
    else if (cp > last) lo = mid + 1;
    else return true;
  }
  return false;
}

/**
 * The characters of a text the PDF cannot draw (each once, in order; blanks aside, the layout breaks
 * lines there). Running text is regular, headings and **emphasis** bold, so a character either face
 * lacks would come out as "?". `canDraw` is the renderer's own fonts when it has them loaded.
 */
export function undrawableCharacters(text: string, canDraw: (cp: number) => boolean = drawableByTable): string[] {
  const found = new Set<string>();
  for (const char of text) {
    if (found.has(char) || /\s/u.test(char)) continue;
    if (!canDraw(char.codePointAt(0)!)) found.add(char);
  }
  return [...found];
}

/** At most this many characters are named per place; a pasted CJK text would otherwise give a wall of them. */
const LIMIT = 8;

/** The German message for characters of one place the PDF cannot draw; `why` adds the caller's reason. */
export function undrawableMessage(chars: readonly string[], why = ''): string {
  const named = chars.slice(0, LIMIT).map((c) => `"${c}" (U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`);
  const more = chars.length > LIMIT ? ` und ${chars.length - LIMIT} weitere` : '';
  const what = chars.length === 1 ? `Das Zeichen ${named[0]} kann` : `Die Zeichen ${named.join(', ')}${more} können`;
  return `${what} im PDF nicht dargestellt werden: Die Schrift Source Sans 3 hat ${chars.length === 1 ? 'es' : 'sie'} nicht, im PDF stünde "?".${why} Erwartet werden Buchstaben der lateinischen, griechischen oder kyrillischen Schrift, Ziffern und übliche Satzzeichen; bitte umschreiben oder weglassen.`;
}
