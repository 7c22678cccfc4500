/**
 * The Vorlage Markdown's tokens (the PDF stage's lexer, src/emit/pdf/layout/markdown.ts) as Word
 * paragraphs, lists and tables (the `docx` package). The same reading as the PDF's layout/blocks.ts:
 * the letterhead is everything before the first heading (closed by a thin rule), heading depths are
 * ranked among those used ("##" → Überschrift 1, "###" → Überschrift 2), inline markup becomes bold
 * and italic runs (layout/inline.ts), a Markdown image becomes a Word image with its alt text.
 */
import type { Token, Tokens } from 'marked';
import type * as Docx from 'docx';
import { inlineRuns, stripTags } from '../pdf/layout/inline.js';
import type { DocxImage } from './metadata.js';

type DocxModule = typeof Docx;
type Child = Docx.Paragraph | Docx.Table;

/** Text width of the page in pixels at 96 dpi (A4, 25 mm left, 20 mm right margin): images are fitted into it. */
export const CONTENT_WIDTH_PX = Math.round(((210 - 45) / 25.4) * 96);
const CONTENT_WIDTH_TWIPS = Math.round(((210 - 45) / 25.4) * 1440);

export interface ListNumbering {
  /** The numbering definitions the lists need, one per kind of label ("1)", "1.", bullets) and start number. */
  config: Docx.INumberingOptions['config'][number][];
}

export interface BlockOptions {
  /** A Markdown image's file (its link) → the image, or undefined: then its alt text stands as text (as in the PDF). */
  image(src: string): DocxImage | undefined;
}

export function buildBody(docx: DocxModule, tokens: readonly Token[], options: BlockOptions): { children: Child[]; numbering: ListNumbering } {
  return new BodyBuilder(docx, options).build(tokens);
}

class BodyBuilder {
  private readonly levels = new Map<number, number>();
  private front = true;
  /** The last block was a table: the next paragraph keeps a little distance from it. */
  private afterTable = false;
  private readonly config = new Map<string, Docx.INumberingOptions['config'][number]>();
  private instance = 0;

  constructor(
    private readonly docx: DocxModule,
    private readonly options: BlockOptions,
  ) {}

  build(tokens: readonly Token[]): { children: Child[]; numbering: ListNumbering } {
    const depths = [...new Set(tokens.filter((t): t is Tokens.Heading => t.type === 'heading').map((t) => t.depth))];
    depths.sort((a, b) => a - b).forEach((depth, rank) => this.levels.set(depth, Math.min(3, rank + 1)));
    const children: Child[] = [];
    for (const token of tokens) this.block(token, children, 0);
    return { children, numbering: { config: [...this.config.values()] } };
  }

  private block(token: Token, out: Child[], indent: number): void {
    const { Paragraph } = this.docx;
    const afterTable = this.afterTable;
    if (token.type !== 'space') this.afterTable = token.type === 'table';
    switch (token.type) {
      case 'heading': {
        if (this.front) {
          this.front = false;
          // The thin rule under the letterhead, as in the PDF.
          if (out.length > 0) out.push(new Paragraph({ thematicBreak: true, spacing: { after: 240 } }));
        }
        const heading = token as Tokens.Heading;
        const level = this.levels.get(heading.depth) ?? 3;
        out.push(new Paragraph({ style: `Heading${level}`, children: this.runs(heading.tokens) }));
        break;
      }
      case 'paragraph':
        out.push(
          new Paragraph({
            style: this.front ? 'Letterhead' : undefined,
            indent: indent ? { left: indent } : undefined,
            spacing: afterTable ? { before: 160 } : undefined,
            children: this.runs((token as Tokens.Paragraph).tokens),
          }),
        );
        break;
      case 'text':
        out.push(new Paragraph({ indent: indent ? { left: indent } : undefined, children: this.runs(textTokens(token)) }));
        break;
      case 'list':
        this.list(token as Tokens.List, out, 0);
        break;
      case 'table':
        out.push(this.table(token as Tokens.Table));
        break;
      case 'code':
        for (const line of (token as Tokens.Code).text.split('\n')) {
          out.push(new Paragraph({ indent: indent ? { left: indent } : undefined, spacing: { after: 0 }, children: [new this.docx.TextRun({ text: line, font: 'Courier New' })] }));
        }
        break;
      case 'blockquote':
        for (const inner of (token as Tokens.Blockquote).tokens) this.block(inner, out, indent + 567);
        break;
      case 'hr':
        out.push(new Paragraph({ thematicBreak: true }));
        break;
      case 'html': {
        const text = stripTags(token.text).trim();
        if (text) out.push(new Paragraph({ children: [new this.docx.TextRun(text)] }));
        break;
      }
      default:
        break; // space, def: nothing to show
    }
  }

  /** A Markdown list as a Word list: each item's first paragraph numbered, further paragraphs indented under it. */
  private list(token: Tokens.List, out: Child[], depth: number): void {
    const reference = this.reference(token);
    const instance = ++this.instance;
    const level = Math.min(depth, 8);
    for (const item of token.items) {
      let first = true;
      for (const inner of item.tokens) {
        if (inner.type === 'list') {
          this.list(inner as Tokens.List, out, depth + 1);
          continue;
        }
        if (inner.type !== 'text' && inner.type !== 'paragraph') {
          this.block(inner, out, 720 * (level + 1));
          continue;
        }
        const runs = this.runs(inner.type === 'text' ? textTokens(inner) : (inner as Tokens.Paragraph).tokens);
        out.push(
          first
            ? new this.docx.Paragraph({ numbering: { reference, level, instance }, children: runs })
            : new this.docx.Paragraph({ style: 'ListParagraph', indent: { left: 720 * (level + 1) }, children: runs }),
        );
        first = false;
      }
    }
  }

  /** The numbering definition of a list: "1)" or "1." lists keep their delimiter and start, bullets alternate • and – by depth. */
  private reference(token: Tokens.List): string {
    const { LevelFormat, AlignmentType } = this.docx;
    const delimiter = /^\s*\d+\)/.test(token.items[0]?.raw ?? '') ? ')' : '.';
    const start = typeof token.start === 'number' ? token.start : 1;
    const key = token.ordered ? `kim-ordered-${delimiter === ')' ? 'paren' : 'dot'}-${start}` : 'kim-bullet';
    if (!this.config.has(key)) {
      const levels = Array.from({ length: 9 }, (_, level) => ({
        level,
        format: token.ordered ? LevelFormat.DECIMAL : LevelFormat.BULLET,
        text: token.ordered ? `%${level + 1}${delimiter}` : level % 2 === 0 ? '\u2022' : '\u2013',
        alignment: AlignmentType.START,
        start: token.ordered ? start : 1,
        style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } },
      }));
      this.config.set(key, { reference: key, levels });
    }
    return key;
  }

  private table(token: Tokens.Table): Docx.Table {
    const { Table, TableRow, TableCell, Paragraph, WidthType, AlignmentType } = this.docx;
    const align = (i: number) => (token.align[i] === 'right' ? AlignmentType.RIGHT : token.align[i] === 'center' ? AlignmentType.CENTER : undefined);
    const row = (cells: Tokens.TableCell[], header: boolean) =>
      new TableRow({
        tableHeader: header,
        cantSplit: true,
        children: cells.map(
          (cell, i) =>
            new TableCell({
              width: { size: widths[i]!, type: WidthType.DXA },
              children: [new Paragraph({ alignment: align(i), spacing: { after: 0 }, children: this.runs(cell.tokens, header, 21) })],
            }),
        ),
      });
    const widths = columnWidths([token.header, ...token.rows].map((cells) => cells.map((cell) => cell.text)));
    return new Table({
      width: { size: CONTENT_WIDTH_TWIPS, type: WidthType.DXA },
      columnWidths: widths,
      rows: [row(token.header, true), ...token.rows.map((cells) => row(cells, false))],
    });
  }

  /**
   * Inline tokens as runs: bold and italic from the markup, hard breaks, images with their alt text. A
   * hard break keeps a blank before it (invisible at the end of a line): text copied or extracted from the
   * Word file keeps the two words apart, as the Markdown and the PDF do.
   */
  private runs(tokens: readonly Token[] | undefined, bold = false, size?: number): (Docx.TextRun | Docx.ImageRun)[] {
    const { TextRun, ImageRun } = this.docx;
    type Text = { text: string; bold: boolean; italic: boolean; breaks: number };
    const out: (Text | Docx.ImageRun)[] = [];
    let breaks = 0;
    for (const token of tokens ?? []) {
      if (token.type === 'image') {
        const image = this.options.image((token as Tokens.Image).href);
        if (image) {
          const alt = (token as Tokens.Image).text;
          const scale = Math.min(1, CONTENT_WIDTH_PX / image.width);
          const transformation = { width: Math.round(image.width * scale), height: Math.round(image.height * scale) };
          const altText = { name: alt, description: alt, title: alt };
          out.push(
            image.type === 'svg'
              ? new ImageRun({ type: 'svg', data: image.bytes, fallback: { type: 'png', data: image.fallback }, transformation, altText })
              : new ImageRun({ type: image.type, data: image.bytes, transformation, altText }),
          );
          continue;
        }
      }
      for (const run of inlineRuns([token], { bold, italic: false })) {
        if ('br' in run) {
          const last = out.at(-1);
          if (last && !(last instanceof ImageRun) && !/\s$/.test(last.text)) last.text += ' ';
          breaks++;
          continue;
        }
        out.push({ text: run.text, bold: run.bold, italic: run.italic, breaks });
        breaks = 0;
      }
    }
    if (breaks > 0) out.push({ text: '', bold: false, italic: false, breaks });
    return out.map((r) =>
      r instanceof ImageRun ? r : new TextRun({ text: r.text, bold: r.bold || undefined, italics: r.italic || undefined, break: r.breaks || undefined, size }),
    );
  }
}

/**
 * Column widths in twips: each column as wide as its longest word needs at least, the rest shared by
 * the length of its longest cell (Word would otherwise give every column the same width, and break a
 * long word of a narrow text column in the middle).
 */
function columnWidths(rows: string[][]): number[] {
  const count = Math.max(...rows.map((r) => r.length));
  const longest = (i: number, measure: (text: string) => number) => Math.max(1, ...rows.map((r) => measure(r[i] ?? '')));
  const words = Array.from({ length: count }, (_, i) => longest(i, (t) => Math.max(0, ...t.split(/\s+/).map((w) => w.length))));
  const cells = Array.from({ length: count }, (_, i) => longest(i, (t) => t.length));
  const CHAR = 105; // twips per character of 10.5 pt text, roughly
  const minimum = words.map((w) => Math.min(w * CHAR + 240, CONTENT_WIDTH_TWIPS / count));
  const spare = Math.max(0, CONTENT_WIDTH_TWIPS - minimum.reduce((a, b) => a + b, 0));
  const weight = cells.reduce((a, b) => a + b, 0);
  const widths = minimum.map((m, i) => Math.floor(m + (spare * cells[i]!) / weight));
  widths[count - 1]! += CONTENT_WIDTH_TWIPS - widths.reduce((a, b) => a + b, 0);
  return widths;
}

/** A tight list item's text token: its inline tokens, or itself when it has none. */
function textTokens(token: Token): Token[] {
  return 'tokens' in token && Array.isArray(token.tokens) && token.tokens.length > 0 ? token.tokens : [token];
}
