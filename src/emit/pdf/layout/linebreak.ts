/**
 * Line breaking for ragged-right text with mixed fonts. Pure: measuring and hyphenation come in as
 * functions, so the algorithm does not depend on pdfkit.
 *
 * Text is turned into pieces: boxes (unbreakable text in one font), glue (an inter-word space, dropped
 * at a break) and break opportunities (after a soft hyphen: shows a hyphen at the break; after a hard
 * hyphen in a compound: shows nothing extra). Lines are filled greedily (first fit).
 */
import type { FontKey } from './styles.js';
import type { Run } from './inline.js';
import { keepTogether } from './no-break.js';

export const SOFT_HYPHEN = '\u00ad';

export type Piece =
  | { kind: 'box'; text: string; font: FontKey; width: number }
  | { kind: 'glue'; font: FontKey; width: number }
  | { kind: 'break'; hyphen: boolean; font: FontKey; width: number }
  | { kind: 'newline' };

export interface Segment {
  text: string;
  font: FontKey;
  /** True for the hyphen drawn at a soft-hyphen break (it is text U+00AD, shown as a hyphen). */
  breakHyphen?: boolean;
}

export interface Line {
  segments: Segment[];
  width: number;
  /**
   * What the line ends at: an inter-word space, a hard line break, a soft-hyphen break (the line shows a
   * hyphen), a break without a separator (after a compound's hyphen, inside an overlong word, between two
   * runs without a space), or the end of the text. Text extraction needs the first two: the space that
   * separates the words is not drawn, so the PDF has to carry it (ISO 32000-1, 14.8.2.5).
   */
  ending: 'space' | 'newline' | 'hyphen' | 'break' | 'end';
}

/** Width in pt of `text` in `font` at the current size. */
export type Measure = (font: FontKey, text: string) => number;

export function fontFor(base: FontKey, bold: boolean, italic: boolean): FontKey {
  const b = bold || base === 'bold' || base === 'boldItalic';
  const i = italic || base === 'italic' || base === 'boldItalic';
  return b && i ? 'boldItalic' : b ? 'bold' : i ? 'italic' : 'regular';
}

/**
 * Runs → pieces. `hyphenate` (optional) returns a word with soft hyphens inserted at allowed breaks.
 * Whitespace collapses like in HTML; a no-break space (U+00A0) is part of a box. `units`: the data's
 * unit words, kept on the line of their figure (no-break.ts) and not hyphenated there.
 */
export function buildPieces(
  runs: readonly Run[],
  baseFont: FontKey,
  measure: Measure,
  hyphenate?: (word: string) => string,
  units?: ReadonlySet<string>,
): Piece[] {
  const pieces: Piece[] = [];
  const lastKind = () => pieces[pieces.length - 1]?.kind;
  for (const run of runs) {
    if ('br' in run) {
      // A space before a hard break is meaningless; drop it.
      if (lastKind() === 'glue') pieces.pop();
      pieces.push({ kind: 'newline' });
      continue;
    }
    const font = fontFor(baseFont, run.bold, run.italic);
    const parts = run.text.split(/([ \t\r\n]+)/);
    for (const [k, part] of parts.entries()) {
      if (part === '') continue;
      if (/^[ \t\r\n]+$/.test(part)) {
        const prev = lastKind();
        if (prev !== undefined && prev !== 'glue' && prev !== 'newline') {
          // A space that must not break ("0,5 VZÄ", "Modul II") is a box: drawn and extracted as a space.
          const kind = keepTogether(parts[k - 1] ?? '', parts[k + 1] ?? '', units) ? 'box' : 'glue';
          pieces.push(kind === 'box' ? { kind, text: ' ', font, width: measure(font, ' ') } : { kind, font, width: measure(font, ' ') });
        }
        continue;
      }
      // A unit bound to its figure or to "je" ("55.000 € je Vollzeitstelle") is not hyphenated either:
      // "je Voll-" | "zeitstelle" parts the figure from its unit as surely as a line break before it.
      const bound = k >= 2 && keepTogether(parts[k - 2]!, part, units);
      pushWord(pieces, hyphenate && !bound ? hyphenate(part) : part, font, measure);
    }
  }
  while (lastKind() === 'glue') pieces.pop();
  return pieces;
}

function pushWord(pieces: Piece[], word: string, font: FontKey, measure: Measure): void {
  // Most words have nothing to break at: one box, without building the word again character by character.
  if (!BREAKS_IN_WORD.test(word)) {
    pieces.push({ kind: 'box', text: word, font, width: measure(font, word) });
    return;
  }
  let current = '';
  const flush = () => {
    if (current !== '') pieces.push({ kind: 'box', text: current, font, width: measure(font, current) });
    current = '';
  };
  const chars = Array.from(word);
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    if (ch === SOFT_HYPHEN) {
      // Only between two visible characters; a leading or trailing soft hyphen is dropped.
      if (current !== '' && i < chars.length - 1) {
        flush();
        pieces.push({ kind: 'break', hyphen: true, font, width: measure(font, '-') });
      }
      continue;
    }
    current += ch;
    // Compounds ("KIM-Prozess", "Case-Managements") may break after their hyphen.
    if ((ch === '-' || ch === '\u2010') && isLetter(chars[i - 1]) && isLetter(nextVisible(chars, i + 1))) {
      flush();
      pieces.push({ kind: 'break', hyphen: false, font, width: 0 });
    }
  }
  flush();
}

/** A soft hyphen or a hyphen: the only characters pushWord breaks a word at. */
const BREAKS_IN_WORD = /[\u00ad\u2010-]/;

function nextVisible(chars: readonly string[], from: number): string | undefined {
  for (let i = from; i < chars.length; i++) if (chars[i] !== SOFT_HYPHEN) return chars[i];
  return undefined;
}

function isLetter(ch: string | undefined): boolean {
  return ch !== undefined && /\p{L}/u.test(ch);
}

export interface BreakOptions {
  /**
   * Ragged-right hyphenation zone in pt: a word is hyphenated only if the line would otherwise end more
   * than this short of the full width. Keeps hyphens to where they help the rag.
   */
  hyphenZone?: number;
  /** At most this many consecutive lines end with a hyphenation. */
  maxConsecutiveHyphens?: number;
}

/**
 * Greedy first-fit line breaking into lines no wider than `maxWidth` (overlong words are split), with
 * two rules of a print shop on top:
 * - a compound breaks at its own hyphen before inside one of its parts ("KIM-" | "Koordinierung", never
 *   "KIM-Ko-" | "ordinierung" while "KIM-" fits), unless the part after it is too long for a line anyway;
 * - a paragraph's last line, or a line before a hard break, is never only the rest of a word broken on
 *   the line before ("Stel-" | "len."): that break is forbidden and the lines are filled again, unless
 *   the word cannot go anywhere else.
 */
export function breakLines(input: readonly Piece[], maxWidth: number, measure: Measure, options: BreakOptions = {}): Line[] {
  const pieces = splitOverlongBoxes(input, maxWidth, measure);
  const forbidden = new Set<number>();
  const first = fillLines(pieces, maxWidth, options, forbidden);
  let filled = first;
  // Each round forbids one more break ("Verwaltungs-stel-len": "stel-", then "tungs-"); a few rounds
  // settle every paragraph of a Vorlage, the bound only keeps a pathological text from looping.
  for (let round = 0; round < 8; round++) {
    const tail = wordTailLine(filled.lines);
    if (tail < 0) return filled.lines;
    forbidden.add(filled.ends[tail - 1]!);
    const next = fillLines(pieces, maxWidth, options, forbidden);
    // A word that cannot go anywhere else would now be cut without a hyphen: keep what we had.
    if (next.forced > first.forced) break;
    filled = next;
  }
  // Still a lone tail: the word has no better place; keep the first lines, whose breaks are the best.
  return wordTailLine(filled.lines) < 0 ? filled.lines : first.lines;
}

/**
 * The first line that is only the end of a word broken on the line before – after a hyphenation ("len.")
 * or a compound's hyphen ("Lenkungsgruppe." after "KIM-") – and ends the text or a hard line break; -1
 * if there is none.
 */
function wordTailLine(lines: readonly Line[]): number {
  for (let k = 1; k < lines.length; k++) {
    const line = lines[k]!;
    if (line.ending !== 'end' && line.ending !== 'newline') continue;
    const before = lines[k - 1]!;
    const brokenWord = before.ending === 'hyphen' || (before.ending === 'break' && /[-\u2010]$/.test(before.segments[before.segments.length - 1]?.text ?? ''));
    if (brokenWord && !/[ \u00a0]/.test(line.segments.map((s) => s.text).join(''))) return k;
  }
  return -1;
}

/**
 * The lines, for each the index of the piece it ends at (`pieces.length` for the last), and how many
 * lines had to be cut where nothing allows a break.
 */
function fillLines(pieces: readonly Piece[], maxWidth: number, options: BreakOptions, forbidden: ReadonlySet<number>): { lines: Line[]; ends: number[]; forced: number } {
  const zone = options.hyphenZone ?? 0;
  const maxHyphens = options.maxConsecutiveHyphens ?? Infinity;
  const lines: Line[] = [];
  const ends: number[] = [];
  let forced = 0; // lines cut where there is no break at all (between two boxes)
  let hyphensInRow = 0;
  let i = 0;
  const n = pieces.length;
  while (i < n) {
    while (i < n && (pieces[i]!.kind === 'glue' || pieces[i]!.kind === 'break')) i++;
    if (i >= n) break;
    let width = 0;
    let breakAt = -1; // the last place the line can end (glue or break piece)
    let glueAt = -1; // the last inter-word space, and the line width up to it
    let glueWidth = 0;
    let compoundAt = -1; // the last compound hyphen of the word since that space ("KIM-")
    let end = n; // exclusive end of the line's pieces
    let next = n; // where the next line starts
    let j = i;
    for (; j < n; j++) {
      const p = pieces[j]!;
      if (p.kind === 'newline') {
        end = j;
        next = j + 1;
        break;
      }
      if (p.kind === 'glue') {
        breakAt = j;
        glueAt = j;
        glueWidth = width;
        compoundAt = -1;
        width += p.width;
        continue;
      }
      if (p.kind === 'break') {
        if (!forbidden.has(j) && width + (p.hyphen ? p.width : 0) <= maxWidth) {
          breakAt = j;
          if (!p.hyphen) compoundAt = j;
        }
        continue;
      }
      if (width + p.width > maxWidth && j > i) {
        if (breakAt >= 0) {
          const bp = pieces[breakAt]!;
          const hyphenates = bp.kind === 'break' && bp.hyphen;
          const useSpace = hyphenates && glueAt >= 0 && (glueWidth >= maxWidth - zone || hyphensInRow >= maxHyphens);
          const atCompound = hyphenates && compoundAt >= 0 && partWidth(pieces, compoundAt + 1) <= maxWidth;
          end = atCompound ? compoundAt : useSpace ? glueAt : breakAt;
        } else {
          end = j;
          forced++;
        }
        next = end === j ? j : end + 1;
        break;
      }
      width += p.width;
    }
    const last = end < n ? pieces[end] : undefined;
    const hyphen = last?.kind === 'break' && last.hyphen ? last : undefined;
    hyphensInRow = hyphen ? hyphensInRow + 1 : 0;
    const ending = !last ? 'end' : last.kind === 'glue' ? 'space' : last.kind === 'newline' ? 'newline' : hyphen ? 'hyphen' : 'break';
    lines.push(makeLine(pieces, i, end, ending, hyphen));
    ends.push(end);
    i = next;
  }
  return { lines, ends, forced };
}

/** Width of a compound's part from `start` to its next hyphen or the word's end (soft hyphens aside). */
function partWidth(pieces: readonly Piece[], start: number): number {
  let width = 0;
  for (let k = start; k < pieces.length; k++) {
    const p = pieces[k]!;
    if (p.kind === 'box') width += p.width;
    else if (p.kind !== 'break' || !p.hyphen) break;
  }
  return width;
}

function makeLine(
  pieces: readonly Piece[],
  start: number,
  end: number,
  ending: Line['ending'],
  hyphen?: Extract<Piece, { kind: 'break' }>,
): Line {
  const segments: Segment[] = [];
  let width = 0;
  // Drop trailing glue.
  let last = end;
  while (last > start && pieces[last - 1]!.kind !== 'box') last--;
  for (let k = start; k < last; k++) {
    const p = pieces[k]!;
    if (p.kind === 'box' || p.kind === 'glue') {
      const text = p.kind === 'box' ? p.text : ' ';
      width += p.width;
      const prev = segments[segments.length - 1];
      if (prev && prev.font === p.font && !prev.breakHyphen) prev.text += text;
      else segments.push({ text, font: p.font });
    }
  }
  if (hyphen) {
    segments.push({ text: SOFT_HYPHEN, font: hyphen.font, breakHyphen: true });
    width += hyphen.width;
  }
  return { segments, width, ending };
}

function splitOverlongBoxes(pieces: readonly Piece[], maxWidth: number, measure: Measure): Piece[] {
  if (!pieces.some((p) => p.kind === 'box' && p.width > maxWidth)) return pieces as Piece[];
  const out: Piece[] = [];
  for (const p of pieces) {
    if (p.kind !== 'box' || p.width <= maxWidth) {
      out.push(p);
      continue;
    }
    let chunk = '';
    for (const ch of Array.from(p.text)) {
      if (chunk !== '' && measure(p.font, chunk + ch) > maxWidth) {
        out.push({ kind: 'box', text: chunk, font: p.font, width: measure(p.font, chunk) });
        out.push({ kind: 'break', hyphen: false, font: p.font, width: 0 });
        chunk = '';
      }
      chunk += ch;
    }
    if (chunk !== '') out.push({ kind: 'box', text: chunk, font: p.font, width: measure(p.font, chunk) });
  }
  return out;
}

/** Widest unbreakable box and the width of the text on one line: for table column widths. */
export function naturalWidths(pieces: readonly Piece[]): { min: number; max: number } {
  let min = 0;
  let max = 0;
  let line = 0;
  let word = 0;
  for (const p of pieces) {
    if (p.kind === 'newline') {
      max = Math.max(max, line);
      line = 0;
      word = 0;
      continue;
    }
    if (p.kind === 'box') {
      word += p.width;
      line += p.width;
      min = Math.max(min, word);
    } else {
      word = 0;
      if (p.kind === 'glue') line += p.width;
    }
  }
  return { min, max: Math.max(max, line) };
}
