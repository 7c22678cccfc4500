import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import mammoth from 'mammoth';
import { Lexer, type Token, type Tokens } from 'marked';
import { renderReport } from '../../src/api.js';
import { readZip } from '../../src/files/zip.js';
import { packageRoot } from '../../src/paths.js';
import { inlineRuns } from '../../src/emit/pdf/layout/inline.js';

/** Every data folder of the repository's examples and fixtures, with each of its reports. */
export const FIXTURE_DIRS = [join(packageRoot, 'data'), ...['rsk-follow-up', 'kreis-lindenau', 'landkreis-talheim', 'kreis-auental'].map((n) => join(packageRoot, 'test', 'fixtures', n))];

export function reportIds(dir: string): string[] {
  return readdirSync(join(dir, 'reports'))
    .filter((n) => n.endsWith('.yaml'))
    .map((n) => n.replace(/\.yaml$/, ''))
    .sort();
}

export async function renderBoth(dataDir: string, report: string): Promise<{ markdown: string; docx: Uint8Array }> {
  const r = await renderReport({ dataDir, report, formats: ['md', 'docx'] });
  return { markdown: r.markdown!, docx: r.docx! };
}

const LIMITS = { maxEntries: 10_000, maxEntryBytes: 100_000_000, maxTotalBytes: 100_000_000 };

/** The parts of a Word file as text (XML), by name. */
export function partsOf(docx: Uint8Array): Map<string, string> {
  return new Map([...readZip(docx, LIMITS)].map(([name, bytes]) => [name, Buffer.from(bytes).toString('utf8')]));
}

const words = (text: string): string[] => text.split(/\s+/).filter((w) => w !== '');

/** The words a reader sees in the Markdown, without markup (what the PDF shows, too). */
export function markdownWords(markdown: string): string[] {
  const out: string[] = [];
  const walk = (tokens: readonly Token[]) => {
    for (const t of tokens) {
      if (t.type === 'paragraph' || t.type === 'heading') out.push(...words(text(inlineRuns((t as Tokens.Paragraph).tokens))));
      else if (t.type === 'text') out.push(...words(text(inlineRuns('tokens' in t && t.tokens ? t.tokens : [t]))));
      else if (t.type === 'list') for (const item of (t as Tokens.List).items) walk(item.tokens);
      else if (t.type === 'table') for (const row of [(t as Tokens.Table).header, ...(t as Tokens.Table).rows]) for (const cell of row) out.push(...words(text(inlineRuns(cell.tokens))));
    }
  };
  walk(new Lexer({ gfm: true }).lex(markdown));
  return out;
}

const text = (runs: ReturnType<typeof inlineRuns>): string => runs.map((r) => ('br' in r ? ' ' : r.text)).join('');

/** The words of a Word file as mammoth (what converters and screen readers of Word files use) reads them. List labels are not text in Word. */
export async function wordWords(docx: Uint8Array): Promise<string[]> {
  const { value } = await mammoth.extractRawText({ buffer: Buffer.from(docx) });
  return words(value);
}

/** The Word file as HTML, with kim's German heading styles mapped to h1–h3 (mammoth knows only "heading 1"). */
export async function wordHtml(docx: Uint8Array): Promise<string> {
  const styleMap = ["p[style-name='Überschrift 1'] => h1:fresh", "p[style-name='Überschrift 2'] => h2:fresh", "p[style-name='Überschrift 3'] => h3:fresh"];
  const { value } = await mammoth.convertToHtml({ buffer: Buffer.from(docx) }, { styleMap });
  return value;
}

/** Markdown list labels ("1)") as mammoth leaves them out: only the item texts. */
export function markdownStructure(markdown: string): { headings: string[]; lists: { ordered: boolean; items: number }[]; tables: number[][] } {
  const tokens = new Lexer({ gfm: true }).lex(markdown);
  const found = tokens.filter((t): t is Tokens.Heading => t.type === 'heading');
  // As in the PDF: the depths used are ranked, the shallowest is Überschrift 1.
  const depths = [...new Set(found.map((t) => t.depth))].sort((a, b) => a - b);
  const headings = found.map((t) => `h${depths.indexOf(t.depth) + 1}:${text(inlineRuns(t.tokens))}`);
  const lists = tokens.filter((t): t is Tokens.List => t.type === 'list').map((t) => ({ ordered: t.ordered, items: t.items.length }));
  const tables = tokens.filter((t): t is Tokens.Table => t.type === 'table').map((t) => [t.header.length, ...t.rows.map((r) => r.length)]);
  return { headings, lists, tables };
}
