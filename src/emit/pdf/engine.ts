/**
 * The heavy part of the PDF stage, loaded lazily by index.ts: lays out marked's token tree with pdfkit.
 *
 * Layout is done here, not by pdfkit's text wrapper: lines are broken by linebreak.ts and every line is
 * drawn at an exact position. That gives full control over mixed bold/italic runs (no lost spaces),
 * soft hyphens (visible only at a break), page breaks (keep heading with next, orphans/widows, tables
 * with repeated header) and tagging (one marked-content sequence per element and page).
 *
 * Conformance: PDF/A-2a. Level "a" (accessible) rather than "b" because the document is fully tagged
 * anyway (structure tree, language, Unicode mapping for every glyph), which is what 2a adds to 2b, and
 * the same tagging is needed for PDF/UA-1, whose identifier is added to the XMP as well (xmp.ts).
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Token, Tokens } from 'marked';
import type { PdfMetadata } from './index.js';
import type { Doc, DocConstructor, OutlineItem, StructElem } from './pdfkit-types.js';
import { inlineRuns, runsText, stripTags, type Run } from './inline.js';
import { breakLines, buildPieces, naturalWidths, type Line, type Measure, type Piece } from './linebreak.js';
import {
  CONTENT_BOTTOM,
  CONTENT_WIDTH,
  FRONT_RULE,
  LIST,
  PAGE,
  STYLES,
  TABLE,
  headingStyle,
  type BlockStyle,
  type FontKey,
} from './styles.js';
import { startHyphenation, type HyphenateWords } from './hyphenation.js';
import { xmpDescriptions } from './xmp.js';

const FONT_FILES: Record<FontKey, string> = {
  regular: 'SourceSans3-Regular.ttf',
  bold: 'SourceSans3-Bold.ttf',
  italic: 'SourceSans3-It.ttf',
  boldItalic: 'SourceSans3-BoldIt.ttf',
};
const FONT_KEYS = Object.keys(FONT_FILES) as FontKey[];

/** Changes whenever the layout changes, so the file ID of a changed rendering changes too. */
const LAYOUT_VERSION = 'kim-pdf-1';
const PRODUCER = 'kim (PDFKit 0.20)';

/** A soft hyphen shown at a line end is drawn in a twin of the font whose ToUnicode maps it to U+00AD. */
const shyKey = (font: FontKey) => `${font}-shy`;

/** State shared by all documents of one renderer: parsed fonts, hyphenator, measurement caches. */
interface Shared {
  PDFDocument: DocConstructor;
  lexer: (markdown: string) => Token[];
  hyphenateWords: HyphenateWords;
  /** Parsed fonts (fontkit, wrapped by withSimpleShaping), registered with every document. */
  fonts: Map<string, unknown>;
  /** Width of a string at 1 pt, keyed by font and text. */
  widths: Map<string, number>;
  /** Hyphenated form (with U+00AD) of every word seen so far, keyed by the word. */
  hyphenated: Map<string, string>;
}

export type RenderFn = (markdown: string, meta: PdfMetadata) => Promise<Uint8Array>;

export async function createEngine(): Promise<RenderFn> {
  const require = createRequire(import.meta.url);
  // fontkit exactly as pdfkit itself resolves it (pdfkit's own dependency, so always the same version).
  const pdfkitPath = require.resolve('pdfkit');
  // First, so the worker loads the hyphenation patterns while this thread loads pdfkit and the fonts.
  const hyphenateWords = startHyphenation();
  const [pdfkit, fontkit, markedModule, buffers] = await Promise.all([
    // pdfkit's CommonJS build loads ~40 ms faster than its ES module build (same code).
    require('pdfkit') as unknown,
    createRequire(pdfkitPath)('fontkit') as { create(buffer: Uint8Array): FontkitFont },
    import('marked'),
    Promise.all(FONT_KEYS.map((key) => readFile(require.resolve(`source-sans/TTF/${FONT_FILES[key]}`)))),
  ]);
  const shared: Shared = {
    PDFDocument: pdfkit as DocConstructor,
    lexer: (md) => markedModule.marked.lexer(md, { gfm: true }),
    hyphenateWords,
    // Parsed once per renderer; fontkit decodes tables lazily and caches them in the font object.
    fonts: new Map(
      FONT_KEYS.flatMap((key, i) => {
        const font = fontkit.create(buffers[i]!);
        return [
          [key, withSimpleShaping(font)],
          // Own PostScript name, or pdfkit would merge the twin into the main font (same file).
          [shyKey(key), withSimpleShaping(font, `${font.postscriptName}-SoftHyphen`)],
        ] as const;
      }),
    ),
    widths: new Map(),
    hyphenated: new Map(),
  };
  return (markdown, meta) => renderDocument(shared, markdown, meta);
}

async function renderDocument(shared: Shared, markdown: string, meta: PdfMetadata): Promise<Uint8Array> {
  const creationDate = new Date(meta.creationDate.getTime());
  if (Number.isNaN(creationDate.getTime())) throw new TypeError('PdfMetadata.creationDate is not a valid date');
  // Info and XMP must agree for PDF/A: an empty entry is left out of both (see xmp.ts).
  const keywords = meta.keywords.filter((k) => k.trim() !== '');
  const info = {
    Title: meta.title,
    ...(meta.author ? { Author: meta.author } : {}),
    ...(meta.subject ? { Subject: meta.subject } : {}),
    ...(keywords.length ? { Keywords: keywords.join(', ') } : {}),
    Creator: 'kim',
    Producer: PRODUCER,
    CreationDate: creationDate,
    // No ModDate: it would need its XMP twin (xmp:ModifyDate) and says nothing for a fresh rendering.
  };
  const doc = new shared.PDFDocument({
    size: 'A4',
    margins: { top: PAGE.marginTop, bottom: PAGE.marginBottom, left: PAGE.marginLeft, right: PAGE.marginRight },
    bufferPages: true,
    pdfVersion: '1.7',
    subset: 'PDF/A-2a',
    tagged: true,
    lang: 'de-DE',
    displayTitle: true,
    info,
    // No default font: pdfkit would otherwise load Helvetica, a non-embedded standard font (not PDF/A).
    font: null,
  });

  // Deterministic file ID (trailer /ID): a hash of everything that determines the bytes, never time.
  doc._id = createHash('sha256')
    .update(JSON.stringify({ v: LAYOUT_VERSION, markdown, meta: { ...meta, creationDate: creationDate.toISOString() } }))
    .digest()
    .subarray(0, 16);
  // pdfkit's own XMP is unescaped and cannot carry two conformance identifiers; see xmp.ts.
  doc._addInfo = () =>
    doc.appendXML(
      xmpDescriptions({
        title: meta.title,
        author: meta.author,
        subject: meta.subject,
        keywords,
        creator: info.Creator,
        producer: info.Producer,
        creationDate,
      }),
    );

  for (const key of FONT_KEYS) {
    doc.registerFont(key, shared.fonts.get(key));
    doc.registerFont(shyKey(key), shared.fonts.get(shyKey(key)));
  }

  const chunks: Uint8Array[] = [];
  const finished = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('data', (chunk) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const tokens = shared.lexer(markdown);
  await prepareHyphenation(tokens, shared);
  const layout = new Layout(doc, shared);
  layout.document(tokens);
  layout.footers();
  layout.finishSoftHyphenFonts();
  doc.end();
  return finished;
}

interface FontkitGlyph {
  id: number;
  advanceWidth: number;
  codePoints: number[];
}
interface FontkitFont {
  postscriptName: string;
  glyphsForString(text: string): FontkitGlyph[];
  glyphForCodePoint(codePoint: number): FontkitGlyph;
}

/**
 * Plain shaping: one glyph per character from the cmap, advance widths from hmtx; no kerning and no
 * ligatures (like a word processor's defaults). fontkit's OpenType shaping costs about 0.3 ms per
 * word for Source Sans (GSUB/GPOS plan per call), i.e. several hundred milliseconds per Vorlage, and
 * the Latin text of a Vorlage needs no contextual shaping. Everything else (subsetting, metrics, names)
 * goes to the real font object. Text is NFC-normalised before layout, so umlauts are single glyphs.
 */
function withSimpleShaping(font: FontkitFont, postscriptName?: string): unknown {
  // PDF/A forbids drawing .notdef: a character the font lacks is drawn (and extracted) as "?".
  const fallback = font.glyphForCodePoint(0x3f);
  const layout = (text: string) => {
    const glyphs = font.glyphsForString(text).map((glyph) => (glyph.id === 0 ? fallback : glyph));
    let advanceWidth = 0;
    const positions = glyphs.map((glyph) => {
      advanceWidth += glyph.advanceWidth;
      return { xAdvance: glyph.advanceWidth, yAdvance: 0, xOffset: 0, yOffset: 0 };
    });
    return { glyphs, positions, advanceWidth };
  };
  return new Proxy(font, {
    get(target, property) {
      if (property === 'layout') return layout;
      if (property === 'postscriptName' && postscriptName) return postscriptName;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

interface BlockContext {
  /** Left edge and width of the column the block is laid out in. */
  x: number;
  width: number;
  /** Structure element the block's element is appended to (reading order = call order). */
  parent: StructElem;
  /** Before the first heading: the Vorlage header block. */
  front: boolean;
  listDepth: number;
  /** Called once, just before the first line of the next text is drawn (list labels). */
  beforeFirstLine?: ((baseline: number) => void) | undefined;
}

class Layout {
  private y = PAGE.marginTop;
  /** Space owed to the previous block (its spaceAfter); collapses with the next block's spaceBefore. */
  private pending = 0;
  /** Markdown heading depth → tagged level (H1…H6). */
  private readonly headingLevels = new Map<number, number>();
  private seenHeading = false;
  private drewFront = false;
  private readonly outlineStack: { level: number; item: OutlineItem }[] = [];
  private readonly usedShyFonts = new Set<FontKey>();
  private readonly root: StructElem;

  constructor(
    private readonly doc: Doc,
    private readonly shared: Shared,
  ) {
    this.root = doc.struct('Document');
    doc.addStructure(this.root);
  }

  // ── Document ──────────────────────────────────────────────────────────────────────────────────────

  document(tokens: Token[]): void {
    // Heading levels are ranked among the depths used, so the first is H1 and none skips a level
    // (PDF/UA, Matterhorn 14-002/14-003): the template's "##" sections become H1, "###" H2.
    const depths = [...new Set(tokens.filter((t): t is Tokens.Heading => t.type === 'heading').map((t) => t.depth))];
    depths.sort((a, b) => a - b).forEach((depth, rank) => this.headingLevels.set(depth, rank + 1));
    const ctx: BlockContext = { x: PAGE.marginLeft, width: CONTENT_WIDTH, parent: this.root, front: true, listDepth: 0 };
    this.blocks(tokens, ctx);
    this.root.end();
  }

  private blocks(tokens: readonly Token[], ctx: BlockContext): void {
    for (const token of tokens) this.block(token, ctx);
  }

  private block(token: Token, ctx: BlockContext): void {
    switch (token.type) {
      case 'heading':
        this.heading(token as Tokens.Heading, ctx);
        break;
      case 'paragraph':
        this.paragraph(inlineRuns(token.tokens), ctx.front ? STYLES.frontParagraph : STYLES.paragraph, ctx, 'P');
        break;
      case 'text':
        // Tight list items: inline content directly in the list body.
        this.textInto(ctx.parent, 'LBody', inlineRuns([token]), STYLES.listItem, ctx);
        break;
      case 'list':
        this.list(token as Tokens.List, ctx);
        break;
      case 'table':
        this.table(token as Tokens.Table, ctx);
        break;
      case 'code': {
        const runs: Run[] = [];
        (token as Tokens.Code).text.split('\n').forEach((line, i) => {
          if (i > 0) runs.push({ br: true });
          runs.push({ text: line.replace(/ /g, '\u00a0'), bold: false, italic: false });
        });
        this.paragraph(runs, STYLES.code, ctx, 'P');
        break;
      }
      case 'blockquote': {
        const quote = this.doc.struct('BlockQuote');
        ctx.parent.add(quote);
        const page = this.doc.page;
        const top = this.y + (this.atPageTop() ? 0 : this.pending);
        this.blocks((token as Tokens.Blockquote).tokens, { ...ctx, x: ctx.x + 14, width: ctx.width - 14, parent: quote });
        quote.end();
        // A grey bar left of the quote (on its last page only if it spans pages: good enough).
        const barTop = this.doc.page === page ? top : PAGE.marginTop;
        this.artifact('Layout', () => {
          this.doc.save().rect(ctx.x + 3, barTop, 2, this.y - barTop - 2).fill(FRONT_RULE.color);
          this.doc.restore();
        });
        break;
      }
      case 'hr':
        this.rule(ctx, 8, 8);
        break;
      case 'html': {
        const text = stripTags(token.text).trim();
        if (text) this.paragraph([{ text, bold: false, italic: false }], STYLES.paragraph, ctx, 'P');
        break;
      }
      default:
        break; // space, def, checkbox: nothing to draw
    }
  }

  // ── Text blocks ───────────────────────────────────────────────────────────────────────────────────

  private paragraph(runs: Run[], style: BlockStyle, ctx: BlockContext, type: string): void {
    if (runs.length === 0) return;
    const elem = this.doc.struct(type);
    ctx.parent.add(elem);
    this.textInto(elem, type, runs, style, ctx);
    elem.end();
  }

  private textInto(elem: StructElem, tag: string, runs: Run[], style: BlockStyle, ctx: BlockContext): void {
    const lines = this.lines(runs, style, ctx.width);
    if (ctx.front) this.drewFront = true;
    this.placeLines(elem, tag, lines, style, ctx.x, ctx);
  }

  private heading(token: Tokens.Heading, ctx: BlockContext): void {
    const level = this.headingLevels.get(token.depth) ?? Math.min(6, token.depth);
    const style = headingStyle(level);
    if (!this.seenHeading) {
      this.seenHeading = true;
      if (this.drewFront) this.rule(ctx, FRONT_RULE.gapBefore, FRONT_RULE.gapAfter); // closes the Vorlage header block
    }
    ctx.front = false;
    const runs = inlineRuns(token.tokens, { bold: true, italic: false });
    const lines = this.lines(runs, style, ctx.width);
    // Keep with next: the heading, its space after and two body lines must fit, else start a new page.
    const lineHeight = style.size * style.lineHeight;
    const bodyLine = STYLES.paragraph.size * STYLES.paragraph.lineHeight;
    const gap = this.atPageTop() ? 0 : Math.max(this.pending, style.spaceBefore);
    if (!this.atPageTop() && this.y + gap + lines.length * lineHeight + style.spaceAfter + 2 * bodyLine > CONTENT_BOTTOM) {
      this.newPage();
    }
    const elem = this.doc.struct(`H${level}`);
    ctx.parent.add(elem);
    const title = runsText(runs);
    const headingCtx: BlockContext = {
      ...ctx,
      beforeFirstLine: () => this.bookmark(title, level),
    };
    this.placeLines(elem, `H${level}`, lines, style, ctx.x, headingCtx);
    elem.end();
  }

  private bookmark(title: string, level: number): void {
    while (this.outlineStack.length && this.outlineStack[this.outlineStack.length - 1]!.level >= level) {
      this.outlineStack.pop();
    }
    const parent = this.outlineStack[this.outlineStack.length - 1]?.item ?? this.doc.outline;
    const item = parent.addItem(title, { expanded: true });
    // pdfkit computes the XYZ "left" wrongly (page width minus option); set the destination directly:
    // this page, top of the heading, left and zoom unchanged.
    item.outlineData['Dest'] = [this.doc.page.dictionary, 'XYZ', null, PAGE.height - this.y + 4, null];
    this.outlineStack.push({ level, item });
  }

  // ── Lists ─────────────────────────────────────────────────────────────────────────────────────────

  private list(token: Tokens.List, ctx: BlockContext): void {
    const list = this.doc.struct('L');
    ctx.parent.add(list);
    const style = STYLES.listItem;
    this.pending = Math.max(this.pending, STYLES.list.spaceBefore);
    // marked keeps the delimiter only in the raw text: "1)" lists stay "1)", "1." lists stay "1.".
    const delimiter = /^\s*\d+\)/.test(token.items[0]?.raw ?? '') ? ')' : '.';
    const start = typeof token.start === 'number' ? token.start : 1;
    const bullet = ctx.listDepth % 2 === 0 ? '\u2022' : '\u2013';
    const labels = token.items.map((_, i) => (token.ordered ? `${start + i}${delimiter}` : bullet));
    const measure = this.measure(style.size);
    const labelWidth = Math.max(LIST.labelWidth, ...labels.map((l) => measure(style.font, l) + 7));
    // No list starts with a single item at the page bottom: its first two lines start together.
    const lineHeight = style.size * style.lineHeight;
    if (!this.atPageTop() && this.y + this.pending + Math.min(2, token.items.length) * lineHeight > CONTENT_BOTTOM) {
      this.newPage();
    }
    // A list that opens an item of an enclosing list ("- - x"): the outer label goes on its first line.
    this.labelPendingAt(ctx, this.y + (this.atPageTop() ? 0 : this.pending), style);

    token.items.forEach((item, index) => {
      const li = this.doc.struct('LI');
      list.add(li);
      const lbl = this.doc.struct('Lbl');
      li.add(lbl);
      const body = this.doc.struct('LBody');
      li.add(body);
      const label = labels[index]!;
      let labelDrawn = false;
      const drawLabel = (baseline: number) => {
        labelDrawn = true;
        const width = measure(style.font, label);
        // Numbers are right-aligned on their delimiter, bullets sit at the marker edge.
        const x = token.ordered ? ctx.x + labelWidth - 7 - width : ctx.x + LIST.indent + 2;
        this.tagged(lbl, 'Lbl', () => this.drawSegments([{ text: label, font: style.font }], x, baseline, style));
      };
      const itemCtx: BlockContext = {
        x: ctx.x + labelWidth,
        width: ctx.width - labelWidth,
        parent: body,
        front: false,
        listDepth: ctx.listDepth + 1,
        beforeFirstLine: drawLabel,
      };
      this.blocks(item.tokens, itemCtx);
      if (!labelDrawn) {
        this.ensureSpace(style.size * style.lineHeight);
        drawLabel(this.baseline(this.y, style));
        this.y += style.size * style.lineHeight;
      }
      lbl.end();
      body.end();
      li.end();
    });
    list.end();
    // A nested list ends inside its item: only item spacing after it.
    this.pending = ctx.listDepth > 0 ? STYLES.listItem.spaceAfter : Math.max(this.pending, STYLES.list.spaceAfter);
  }

  // ── Tables ────────────────────────────────────────────────────────────────────────────────────────

  private table(token: Tokens.Table, ctx: BlockContext): void {
    const cellStyle = STYLES.tableCell;
    const headStyle = STYLES.tableHeader;
    const columns = token.header.length;
    const pad = TABLE.paddingX * 2;
    const headMeasure = this.measure(headStyle.size);
    const cellMeasure = this.measure(cellStyle.size);
    const head = token.header.map((cell) => buildPieces(inlineRuns(cell.tokens), headStyle.font, headMeasure));
    const body = token.rows.map((row) =>
      Array.from({ length: columns }, (_, c) => buildPieces(inlineRuns(row[c]?.tokens ?? []), cellStyle.font, cellMeasure)),
    );
    const min = new Array<number>(columns).fill(pad + 10);
    const max = new Array<number>(columns).fill(pad + 10);
    for (const row of [head, ...body]) {
      row.forEach((pieces, c) => {
        const natural = naturalWidths(pieces);
        min[c] = Math.max(min[c]!, natural.min + pad);
        max[c] = Math.max(max[c]!, natural.max + pad);
      });
    }
    const widths = distributeWidths(min, max, ctx.width);
    const layoutRow = (row: Piece[][], style: BlockStyle, measure: Measure): TableRow => {
      const cells = row.map((pieces, c) => breakLines(pieces, widths[c]! - pad, measure));
      const lineCount = Math.max(1, ...cells.map((l) => l.length));
      return { cells, height: lineCount * style.size * style.lineHeight + 2 * TABLE.paddingY, style };
    };
    const headRow = layoutRow(head, headStyle, headMeasure);
    const rows = body.map((row) => layoutRow(row, cellStyle, cellMeasure));
    const aligns = token.align;

    const table = this.doc.struct('Table');
    ctx.parent.add(table);
    const gap = this.atPageTop() ? 0 : Math.max(this.pending, STYLES.table.spaceBefore);
    // The header and the first row start together.
    if (!this.atPageTop() && this.y + gap + headRow.height + (rows[0]?.height ?? 0) > CONTENT_BOTTOM) this.newPage();
    else this.y += gap;
    if (ctx.front) this.drewFront = true;
    this.labelPendingAt(ctx, this.y + TABLE.paddingY, headStyle);

    this.tableRow(table, headRow, widths, aligns, ctx.x, true, false);
    for (const row of rows) {
      if (this.y + row.height > CONTENT_BOTTOM && !this.atPageTop()) {
        this.newPage();
        this.tableRow(table, headRow, widths, aligns, ctx.x, true, true); // repeated header: an artifact
      }
      this.tableRow(table, row, widths, aligns, ctx.x, false, false);
    }
    table.end();
    this.pending = STYLES.table.spaceAfter;
  }

  private tableRow(
    table: StructElem,
    row: TableRow,
    widths: number[],
    aligns: Tokens.Table['align'],
    x0: number,
    header: boolean,
    repeated: boolean,
  ): void {
    const top = this.y;
    const totalWidth = widths.reduce((a, b) => a + b, 0);
    this.artifact('Layout', () => {
      const doc = this.doc;
      doc.save();
      if (header) doc.rect(x0, top, totalWidth, row.height).fill(TABLE.headerFill);
      doc.lineWidth(TABLE.ruleWidth).strokeColor(TABLE.ruleColor);
      let x = x0;
      for (const w of widths) {
        doc.rect(x, top, w, row.height).stroke();
        x += w;
      }
      if (header) {
        doc.lineWidth(TABLE.headerRuleWidth).moveTo(x0, top + row.height).lineTo(x0 + totalWidth, top + row.height).stroke();
      }
      doc.restore();
    });
    const drawCells = (onCell: (c: number, draw: () => void) => void) => {
      let x = x0;
      row.cells.forEach((lines, c) => {
        const cellX = x;
        onCell(c, () => {
          let lineTop = top + TABLE.paddingY;
          const lineHeight = row.style.size * row.style.lineHeight;
          for (const line of lines) {
            const inner = widths[c]! - 2 * TABLE.paddingX;
            const align = aligns[c];
            const shift = align === 'right' ? inner - line.width : align === 'center' ? (inner - line.width) / 2 : 0;
            this.drawLine(line, cellX + TABLE.paddingX + shift, lineTop, row.style);
            lineTop += lineHeight;
          }
        });
        x += widths[c]!;
      });
    };
    if (repeated) {
      this.artifact('Pagination', () => drawCells((_, draw) => draw()));
    } else {
      const tr = this.doc.struct('TR');
      table.add(tr);
      drawCells((c, draw) => {
        const type = header ? 'TH' : 'TD';
        const cell = this.doc.struct(type, header ? { scope: 'Column' } : {});
        tr.add(cell);
        if (row.cells[c]!.length > 0) this.tagged(cell, type, draw);
        cell.end();
      });
      tr.end();
    }
    this.y = top + row.height;
  }

  // ── Rules, footer ─────────────────────────────────────────────────────────────────────────────────

  private rule(ctx: BlockContext, gapBefore: number, gapAfter: number): void {
    const y = this.y + Math.max(this.pending, gapBefore);
    if (y + 2 > CONTENT_BOTTOM) return;
    this.artifact('Layout', () => {
      this.doc.save().lineWidth(FRONT_RULE.width).strokeColor(FRONT_RULE.color);
      this.doc.moveTo(ctx.x, y).lineTo(ctx.x + ctx.width, y).stroke();
      this.doc.restore();
    });
    this.y = y;
    this.pending = gapAfter;
  }

  /** "Seite X von Y" on every page, drawn after layout (pages are buffered) as a pagination artifact. */
  footers(): void {
    const { start, count } = this.doc.bufferedPageRange();
    const style = STYLES.footer;
    const measure = this.measure(style.size);
    for (let i = 0; i < count; i++) {
      this.doc.switchToPage(start + i);
      const text = `Seite ${i + 1} von ${count}`;
      const x = PAGE.width - PAGE.marginRight - measure(style.font, text);
      const baseline = PAGE.height - PAGE.footerBaselineFromBottom;
      this.doc.markContent('Artifact', { type: 'Pagination', attached: ['Bottom'] });
      this.drawSegments([{ text, font: style.font }], x, baseline, style);
      this.doc.endMarkedContent();
    }
  }

  /**
   * The hyphen at a soft-hyphen break is drawn with a twin font that contains nothing else, and that
   * twin's ToUnicode maps the hyphen glyph to U+00AD (pdfkit would map it to "-", the glyph's first
   * code point). Text extraction then yields "Imple\u00ADmentierung" across the break, which extractors
   * and assistive technology can join, instead of a real hyphen "Imple-mentierung".
   */
  finishSoftHyphenFonts(): void {
    for (const key of this.usedShyFonts) {
      const font = this.doc._fontFamilies[shyKey(key)];
      if (!font || !Array.isArray(font.unicode)) continue;
      for (let gid = 1; gid < font.unicode.length; gid++) font.unicode[gid] = [0xad];
    }
  }

  // ── Low-level placement ───────────────────────────────────────────────────────────────────────────

  private lines(runs: Run[], style: BlockStyle, width: number): Line[] {
    const measure = this.measure(style.size);
    const pieces = buildPieces(runs, style.font, measure, style.hyphenate ? (w) => this.hyphenateWord(w) : undefined);
    return breakLines(pieces, width, measure, { hyphenZone: HYPHEN_ZONE_EM * style.size, maxConsecutiveHyphens: 2 });
  }

  /**
   * Places lines top-down, breaking pages as needed: a paragraph never leaves a single first line at a
   * page bottom (orphan) nor carries a single last line over (widow) when it can avoid it cheaply.
   * Each page's part of the element is one marked-content sequence tagged with the element.
   */
  private placeLines(elem: StructElem, tag: string, lines: Line[], style: BlockStyle, x: number, ctx?: BlockContext): void {
    const lineHeight = style.size * style.lineHeight;
    let gap = this.atPageTop() ? 0 : Math.max(this.pending, style.spaceBefore);
    let index = 0;
    while (index < lines.length) {
      const remaining = lines.length - index;
      const fit = Math.max(0, Math.floor((CONTENT_BOTTOM - this.y - gap + 0.01) / lineHeight));
      let take = Math.min(fit, remaining);
      if (take < remaining) {
        if (index === 0 && take < 2 && remaining >= 2) take = 0;
        else if (remaining - take === 1 && take >= 3) take -= 1;
      }
      if (take === 0 && this.atPageTop()) take = Math.max(1, Math.min(fit, remaining));
      if (take > 0) {
        this.y += gap;
        if (index === 0 && ctx?.beforeFirstLine) {
          const callback = ctx.beforeFirstLine;
          ctx.beforeFirstLine = undefined;
          callback(this.baseline(this.y, style));
        }
        const chunk = lines.slice(index, index + take);
        this.tagged(elem, tag, () => {
          for (const line of chunk) {
            this.drawLine(line, x, this.y, style);
            this.y += lineHeight;
          }
        });
        index += take;
      }
      if (index < lines.length) {
        this.newPage();
        gap = 0;
      }
    }
    this.pending = style.spaceAfter;
  }

  private drawLine(line: Line, x: number, top: number, style: BlockStyle): void {
    this.drawSegments(line.segments, x, this.baseline(top, style), style);
  }

  private drawSegments(segments: Line['segments'], x: number, baseline: number, style: BlockStyle): void {
    const doc = this.doc;
    doc.fillColor(style.color);
    let cursor = x;
    for (const segment of segments) {
      if (segment.breakHyphen) {
        this.usedShyFonts.add(segment.font);
        doc.font(shyKey(segment.font)).fontSize(style.size);
        doc.text('-', cursor, baseline, { lineBreak: false, baseline: 'alphabetic' });
        continue;
      }
      doc.font(segment.font).fontSize(style.size);
      doc.text(segment.text, cursor, baseline, { lineBreak: false, baseline: 'alphabetic' });
      cursor += doc.widthOfString(segment.text);
    }
  }

  /** Baseline of a line whose box starts at `top`: the em box centred in the line box. */
  private baseline(top: number, style: BlockStyle): number {
    const lineHeight = style.size * style.lineHeight;
    return top + (lineHeight - style.size) / 2 + style.size * 0.78;
  }

  /** Draws a pending list label (ctx.beforeFirstLine) for a line box starting at `top`. */
  private labelPendingAt(ctx: BlockContext, top: number, style: BlockStyle): void {
    const callback = ctx.beforeFirstLine;
    if (!callback) return;
    ctx.beforeFirstLine = undefined;
    callback(this.baseline(top, style));
  }

  private tagged(elem: StructElem, tag: string, draw: () => void): void {
    const content = this.doc.markStructureContent(tag);
    draw();
    this.doc.endMarkedContent();
    elem.add(content);
  }

  private artifact(type: 'Layout' | 'Pagination', draw: () => void): void {
    this.doc.markContent('Artifact', { type });
    draw();
    this.doc.endMarkedContent();
  }

  private atPageTop(): boolean {
    return this.y <= PAGE.marginTop + 0.01;
  }

  private ensureSpace(height: number): void {
    if (!this.atPageTop() && this.y + height > CONTENT_BOTTOM) this.newPage();
  }

  private newPage(): void {
    this.doc.addPage({
      size: 'A4',
      margins: { top: PAGE.marginTop, bottom: PAGE.marginBottom, left: PAGE.marginLeft, right: PAGE.marginRight },
    });
    this.y = PAGE.marginTop;
    this.pending = 0;
  }

  /** Text width at `size` pt; widths are cached per renderer at 1 pt. */
  private measure(size: number): Measure {
    return (font, text) => {
      const key = `${font}\u0000${text}`;
      let unit = this.shared.widths.get(key);
      if (unit === undefined) {
        this.doc.font(font).fontSize(1);
        unit = this.doc.widthOfString(text);
        this.shared.widths.set(key, unit);
      }
      return unit * size;
    };
  }

  /** A whitespace-free word with soft hyphens in its hyphenatable parts (see prepareHyphenation). */
  private hyphenateWord(word: string): string {
    return word.replace(letters(), (part) => this.shared.hyphenated.get(part) ?? part);
  }
}

/** Runs of letters (a fresh regular expression each time: /g expressions carry lastIndex state). */
const letters = () => /\p{L}+/gu;

/** Hyphenate only where the line would otherwise end more than this many em short (ragged right). */
const HYPHEN_ZONE_EM = 2.5;

/**
 * Only plain words are hyphenated: no numbers, abbreviations or names in capitals ("KIM", "AufenthG",
 * "SGB"); compounds are hyphenated per part ("Case-Managements": "Managements").
 */
function isHyphenatable(part: string): boolean {
  return part.length >= 6 && /^\p{Lu}?\p{Ll}+$/u.test(part);
}

/**
 * Collects the words of running text (paragraphs and list items, where layout hyphenates) that have
 * not been hyphenated yet and hyphenates them in one request, before layout starts.
 */
async function prepareHyphenation(tokens: readonly Token[], shared: Shared): Promise<void> {
  const wanted = new Set<string>();
  const visit = (list: readonly Token[]) => {
    for (const token of list) {
      if (token.type === 'paragraph' || token.type === 'text') {
        for (const part of token.text.match(letters()) ?? []) {
          if (isHyphenatable(part) && !shared.hyphenated.has(part)) wanted.add(part);
        }
      } else if (token.type === 'list') {
        for (const item of (token as Tokens.List).items) visit(item.tokens);
      } else if (token.type === 'blockquote') {
        visit((token as Tokens.Blockquote).tokens);
      }
    }
  };
  visit(tokens);
  const words = [...wanted];
  const hyphenated = await shared.hyphenateWords(words);
  words.forEach((word, i) => shared.hyphenated.set(word, hyphenated[i] ?? word));
}

interface TableRow {
  cells: Line[][];
  height: number;
  style: BlockStyle;
}

/** Auto table layout: natural widths if they fit (stretched to full width), else shrink towards minimums. */
export function distributeWidths(min: number[], max: number[], available: number): number[] {
  const sumMax = max.reduce((a, b) => a + b, 0);
  const sumMin = min.reduce((a, b) => a + b, 0);
  if (sumMax <= available) return max.map((w) => (w / sumMax) * available);
  if (sumMin >= available) return min.map((w) => (w / sumMin) * available);
  const slack = sumMax - sumMin;
  return min.map((w, i) => w + ((max[i]! - w) / slack) * (available - sumMin));
}
