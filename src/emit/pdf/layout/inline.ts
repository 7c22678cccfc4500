/**
 * Inline Markdown (marked tokens) → styled runs. Markup disappears here; only text, its style and hard
 * line breaks remain, so the PDF's extracted text equals the Markdown text without markup.
 */
import type { Token } from 'marked';

export type Run = { text: string; bold: boolean; italic: boolean } | { br: true };

interface InlineState {
  bold: boolean;
  italic: boolean;
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  shy: '\u00ad',
  ndash: '\u2013',
  mdash: '\u2014',
  euro: '\u20ac',
  sect: '\u00a7',
};

/** marked leaves HTML entities in text tokens (its HTML renderer would pass them through). */
export function decodeEntities(text: string): string {
  // NFC: umlauts as single characters (the PDF's plain shaping draws one glyph per character).
  // Zero-width format characters and variation selectors carry nothing visible; the font has no glyphs
  // for them (one glyph per character, see writer/fonts.ts).
  text = text.normalize('NFC').replace(/[\u200b-\u200d\u2060\ufeff\ufe00-\ufe0f]/g, '');
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** Flattens inline tokens (text, strong, em, escape, codespan, link, del, br, html) into runs. */
export function inlineRuns(tokens: readonly Token[] | undefined, base: InlineState = { bold: false, italic: false }): Run[] {
  const runs: Run[] = [];
  walk(tokens ?? [], base, runs);
  return runs;
}

function walk(tokens: readonly Token[], state: InlineState, out: Run[]): void {
  for (const token of tokens) {
    switch (token.type) {
      case 'strong':
        walk(token.tokens ?? [], { ...state, bold: true }, out);
        break;
      case 'em':
        walk(token.tokens ?? [], { ...state, italic: true }, out);
        break;
      case 'br':
        out.push({ br: true });
        break;
      case 'escape':
        out.push({ text: decodeEntities(token.text), ...state });
        break;
      case 'html': {
        // Inline HTML: <br> is a line break, other tags are dropped, their text content stays.
        if (/^<br\s*\/?>$/i.test(token.text.trim())) out.push({ br: true });
        else if (!/^<\/?[a-z][^>]*>$/i.test(token.text.trim())) out.push({ text: decodeEntities(stripTags(token.text)), ...state });
        break;
      }
      case 'image':
        out.push({ text: decodeEntities(token.text), ...state });
        break;
      case 'codespan':
        out.push({ text: decodeEntities(token.text), ...state });
        break;
      case 'text':
        // Tight list items wrap their inline tokens in a block-level text token.
        if ('tokens' in token && Array.isArray(token.tokens) && token.tokens.length > 0) walk(token.tokens, state, out);
        else out.push({ text: decodeEntities(token.text), ...state });
        break;
      case 'link':
        // A bare URL (GFM's extended autolink) keeps its backslashes in marked's token, but the Markdown
        // stage escapes "_" and "*" in text: "kim\_projekt" would be printed. GitHub's renderer links
        // the text after resolving escapes (the reader sees "kim_projekt"), so the PDF resolves them too.
        if (isBareUrl(token) && typeof token.text === 'string') out.push({ text: decodeEntities(unescapePunctuation(token.text)), ...state });
        else walk(token.tokens ?? [], state, out);
        break;
      default:
        // del and any extension token: keep the visible text.
        if ('tokens' in token && Array.isArray(token.tokens)) walk(token.tokens, state, out);
        else if ('text' in token && typeof token.text === 'string') out.push({ text: decodeEntities(token.text), ...state });
    }
  }
}

/** A link written as its own address (`https://…`, `www.…`, `name@host.de`), not `[text](href)` or `<…>` (escapes do not apply there). */
function isBareUrl(token: { raw: string }): boolean {
  return !token.raw.startsWith('[') && !token.raw.startsWith('<');
}

/** Markdown's backslash escapes of ASCII punctuation (CommonMark 2.4), as a Markdown reader resolves them. */
const unescapePunctuation = (text: string): string => text.replace(/\\([!-\/:-@[-`{-~])/g, '$1');

export function stripTags(html: string): string {
  return html.replace(/<[^>]*>/g, '');
}

/** The plain text of runs (line breaks as spaces): bookmark titles, tests. */
export function runsText(runs: readonly Run[]): string {
  return runs
    .map((r) => ('br' in r ? ' ' : r.text))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}
