/** Reading rendered PDFs back the way a user's tools would: text via pdfjs, plus raw-byte checks. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PdfMetadata } from '../../src/emit/pdf/index.js';

export const SAMPLE_MD = readFileSync(fileURLToPath(new URL('../fixtures/vorlage-sample.md', import.meta.url)), 'utf8');

export const SAMPLE_META: PdfMetadata = {
  title: 'Kommunales Integrationsmanagement - Aktueller Sachstand',
  author: '2-07 - Kommunales Integrationszentrum -KI-',
  subject: 'Mitteilungsvorlage für den Ausschuss für Soziales und Integration am 16.03.2022',
  keywords: ['Kommunales Integrationsmanagement', 'Rhein-Sieg-Kreis'],
  creationDate: new Date('2022-03-01T09:00:00Z'),
};

export const A4 = { width: 595.28, height: 841.89 };
export const SOFT_HYPHEN = '\u00ad';

export interface TextItem {
  str: string;
  hasEOL: boolean;
  x: number;
  /** Baseline, in pt from the bottom edge of the page. */
  y: number;
  height: number;
  /** Innermost marked-content tag around the item ("P", "Artifact", ...). */
  tag: string | undefined;
}

export interface PageInfo {
  width: number;
  height: number;
  items: TextItem[];
  /** Items joined, a line break after every item pdfjs marks as ending a line. */
  text: string;
}

export async function openPdf(bytes: Uint8Array) {
  // pdfjs takes ownership of the buffer it is given.
  return getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
}

export async function readPages(bytes: Uint8Array): Promise<PageInfo[]> {
  const pdf = await openPdf(bytes);
  const pages: PageInfo[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const [, , width, height] = page.view as [number, number, number, number];
    const content = await page.getTextContent({ includeMarkedContent: true });
    const items: TextItem[] = [];
    const tags: (string | undefined)[] = [];
    for (const raw of content.items as unknown as Record<string, unknown>[]) {
      if (raw['type'] === 'beginMarkedContent' || raw['type'] === 'beginMarkedContentProps') {
        tags.push(raw['tag'] as string | undefined);
        continue;
      }
      if (raw['type'] === 'endMarkedContent') {
        tags.pop();
        continue;
      }
      if (typeof raw['str'] !== 'string') continue;
      const transform = raw['transform'] as number[];
      items.push({
        str: raw['str'],
        hasEOL: raw['hasEOL'] === true,
        x: transform[4]!,
        y: transform[5]!,
        height: raw['height'] as number,
        tag: tags[tags.length - 1],
      });
    }
    const text = items.map((i) => i.str + (i.hasEOL ? '\n' : '')).join('');
    pages.push({ width, height, items, text });
  }
  await pdf.destroy();
  return pages;
}

/**
 * The document's text as pdfjs extracts it: items joined, a line break wherever pdfjs ends a line, runs
 * of line breaks collapsed. A word hyphenated at a line end comes out as "Integrati-\nonsmanagements"
 * (see findText); pdf.js's search joins the two parts there.
 */
export function plainText(pages: readonly PageInfo[]): string {
  return pages
    .map((p) => p.text)
    .join('\n')
    .replace(/[ \t]*\n[ \t\n]*/g, '\n')
    .trim();
}

/**
 * The text of a Markdown source without markup, one entry per paragraph, list item, heading or table
 * cell. Deliberately simple and independent of the renderer's own Markdown handling.
 */
export function markdownBlocks(md: string): string[] {
  const blocks: string[] = [];
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length) blocks.push(paragraph.join(' '));
    paragraph = [];
  };
  for (const rawLine of md.split('\n')) {
    const line = rawLine.trimEnd();
    if (line === '') {
      flush();
      continue;
    }
    if (/^\|?\s*:?-{3,}/.test(line)) continue; // table delimiter row
    if (line.startsWith('|')) {
      flush();
      for (const cell of line.split('|').slice(1, -1)) blocks.push(clean(cell));
      continue;
    }
    const heading = /^#{1,6}\s+(.*)$/.exec(line);
    const item = /^\s*(?:\d+[.)]|[-*+])\s+(.*)$/.exec(line);
    if (heading || item) {
      flush();
      blocks.push(clean((heading ?? item)![1]!));
      continue;
    }
    paragraph.push(clean(line));
  }
  flush();
  return blocks.filter((b) => b !== '');
}

function clean(text: string): string {
  return text
    .replace(/\*\*\*|\*\*|(?<!\\)\*/g, '')
    .replace(/\\([\\`*_{}[\]()#+\-.!|])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Where `expected` (one paragraph's text) occurs in `text` from plainText, or -1. Exact, except where a
 * line may have ended: a space may be a line break, a word may be split by a hyphen and a line break
 * where it was hyphenated, and a compound may break after its hyphen.
 * So every word and every space must be there: no lost spaces, no glued or torn words elsewhere.
 */
export function findText(text: string, expected: string, from = 0): number {
  let pattern = '';
  const chars = Array.from(expected);
  chars.forEach((ch, i) => {
    const next = chars[i + 1];
    if (ch === ' ') pattern += '[ \\n]';
    else pattern += ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    if (next !== undefined && /\p{L}/u.test(next) && /[\p{L}-]/u.test(ch)) pattern += '(?:-?\\n)?';
  });
  const re = new RegExp(pattern, 'gu');
  re.lastIndex = from;
  const match = re.exec(text);
  return match ? match.index : -1;
}

/** The raw PDF as Latin-1 text: object dictionaries are not compressed by pdfkit. */
export function rawPdf(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('latin1');
}
