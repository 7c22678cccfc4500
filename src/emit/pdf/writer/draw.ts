/**
 * Draws paginated pages into a pdfkit document: text straight into the content stream (one text object
 * per line, glyph codes from the font set, widths as layout measured them), rules and cell borders,
 * the logo; each element's part of a page as one marked-content sequence tagged with its structure
 * element (split where a hyphenation break's hyphen stands: that hyphen is an artifact), decoration and
 * page numbers as artifacts; bookmarks from the headings.
 */
import type { Page, PlacedFigure, PlacedItem, PlacedRect, PlacedRule, PlacedText, Artifact, Bookmark } from '../layout/paginate.js';
import type { Segment } from '../layout/linebreak.js';
import { PAGE, type FontKey } from '../layout/styles.js';
import type { Drawing } from '../../chart/drawing.js';
import type { StructNode } from '../layout/structure.js';
import { DocumentFonts, type FontSet } from './fonts.js';
import {
  appendContent,
  currentPage,
  setListNumbering,
  setOutlineCount,
  setOutlineDestination,
  type OutlineItem,
  type PdfDoc,
  type StructContent,
  type StructElem,
} from './pdfkit-patches.js';

export interface Picture {
  bytes: Uint8Array;
}

export function drawPages(doc: PdfDoc, pages: readonly Page[], fontSet: FontSet, logo?: Picture): void {
  const fonts = new DocumentFonts(doc, fontSet, pages);
  const tree = new StructureTree(doc);
  const outline = new Outline(doc);
  for (const page of pages) {
    doc.addPage({ size: [PAGE.width, PAGE.height], margin: 0 });
    fonts.beginPage();
    const painter = new PagePainter(doc, fonts, tree, logo, brokenWords(page.items));
    for (const item of page.items) painter.draw(item);
    painter.finish();
    for (const bookmark of page.bookmarks) outline.add(bookmark);
  }
  outline.finish();
  tree.end();
  fonts.end();
}

/** Numbers in content streams: at most three decimals (1/1000 pt), no exponent, no "-0". */
function n(value: number): string {
  const rounded = Math.round(value * 1000) / 1000;
  return Object.is(rounded, -0) ? '0' : String(rounded);
}

/** "#7a7a7a" → "0.478 0.478 0.478" (DeviceRGB, which the sRGB output intent makes device-independent). */
function rgb(color: string): string {
  const value = Number.parseInt(color.slice(1), 16);
  return [(value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff].map((c) => n(c / 255)).join(' ');
}

type Open = { node: StructNode; elem: StructElem; content: StructContent } | { artifact: string };

/** A word hyphenated at a line end: its part there, its part on the next line, both in one font. */
interface BrokenWord {
  head: string;
  tail: string;
  font: FontKey;
  /** The line the word continues on. */
  next: PlacedText;
}

/**
 * The hyphenated words of a page, by the line they begin on; a line's word part and its font. A word is
 * left out (drawn the plain way: text, and the hyphen as an artifact) where one part is not a plain run
 * of one font: a bold syllable, a word over three lines.
 */
function brokenWords(items: readonly PlacedItem[]): Map<PlacedText, BrokenWord> {
  const words = new Map<PlacedText, BrokenWord>();
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    if (item.kind !== 'text' || !item.node) continue;
    const segments = item.segments;
    if (segments.length < 2 || !segments[segments.length - 1]!.breakHyphen) continue;
    const last = segments[segments.length - 2]!;
    const space = last.text.lastIndexOf(' ');
    if (space < 0 && segments.length > 2) continue;
    const next = items.slice(i + 1).find((other): other is PlacedText => other.kind === 'text' && other.node === item.node);
    const first = next?.segments[0];
    if (!next || !first || first.font !== last.font || first.breakHyphen) continue;
    const end = first.text.indexOf(' ');
    if (end < 0 && next.segments.length > 1) continue;
    words.set(item, { head: last.text.slice(space + 1), tail: end < 0 ? first.text : first.text.slice(0, end), font: last.font, next });
  }
  return words;
}

class PagePainter {
  /** Operators not yet handed to pdfkit (handed over before each marked-content operator pdfkit writes). */
  private ops: string[] = [];
  private open: Open | undefined;
  private fill: string | undefined;

  constructor(
    private readonly doc: PdfDoc,
    private readonly fonts: DocumentFonts,
    private readonly tree: StructureTree,
    private readonly logo: Picture | undefined,
    private readonly broken: ReadonlyMap<PlacedText, BrokenWord>,
  ) {
    for (const word of broken.values()) this.tails.set(word.next, word);
  }

  /** The lines that begin with the second part of a hyphenated word. */
  private readonly tails = new Map<PlacedText, BrokenWord>();

  draw(item: PlacedItem): void {
    if (item.kind === 'mark') {
      this.tree.element(item.node);
      return;
    }
    if (item.kind === 'text' && item.segments.length === 0) return; // an empty line (two hard breaks in a row)
    if (item.kind === 'figure' && item.node) this.tree.figureBox(item.node, [item.x, item.y, item.x + item.width, item.y + item.height]);
    // A line that begins with a hyphenated word's second part begins with its shapes (an artifact).
    if (!(item.kind === 'text' && this.tails.has(item))) this.enter('node' in item ? item.node : undefined, item.artifact);
    switch (item.kind) {
      case 'text':
        return this.text(item);
      case 'rect':
        return this.rect(item);
      case 'rule':
        return this.rule(item);
      case 'figure':
        return this.figure(item);
    }
  }

  finish(): void {
    this.close();
    this.flush();
  }

  /** Continues the open marked-content sequence if the item belongs to it, else closes it and opens the item's. */
  private enter(node: StructNode | undefined, artifact: Artifact | undefined): void {
    if (node) {
      if (this.open && 'node' in this.open && this.open.node === node) return;
      this.close();
      const elem = this.tree.element(node);
      this.flush();
      this.open = { node, elem, content: this.doc.markStructureContent(node.role) };
      return;
    }
    const type = artifact?.type ?? 'Layout';
    const key = `${type}/${artifact?.attached ?? ''}`;
    if (this.open && 'artifact' in this.open && this.open.artifact === key) return;
    this.close();
    this.flush();
    this.doc.markContent('Artifact', artifact?.attached ? { type, attached: [artifact.attached] } : { type });
    this.open = { artifact: key };
  }

  private close(): void {
    const open = this.open;
    if (!open) return;
    this.flush();
    this.doc.endMarkedContent();
    if ('node' in open) open.elem.add(open.content);
    this.open = undefined;
  }

  private flush(): void {
    if (this.ops.length === 0) return;
    appendContent(this.doc, this.ops.join('\n'));
    this.ops = [];
  }

  private text(item: PlacedText): void {
    if (item.color !== this.fill) {
      this.ops.push(`${rgb(item.color)} rg`);
      this.fill = item.color;
    }
    const last = item.segments[item.segments.length - 1]!;
    let words = last.breakHyphen ? item.segments.slice(0, -1) : item.segments;
    let x = item.x;
    const tail = this.tails.get(item);
    if (tail) {
      x += this.shapes(item, x, tail.font, tail.tail);
      this.enter(item.node, undefined);
      words = [{ ...words[0]!, text: words[0]!.text.slice(tail.tail.length) }, ...words.slice(1)].filter((segment) => segment.text !== '');
    }
    const broken = this.broken.get(item);
    if (broken) {
      const lastWords = words[words.length - 1]!;
      words = [...words.slice(0, -1), { ...lastWords, text: lastWords.text.slice(0, lastWords.text.length - broken.head.length) }].filter((segment) => segment.text !== '');
    }
    // pdfkit's page space has y pointing down; the text matrix flips the glyphs back upright.
    this.ops.push('BT', `1 0 0 -1 ${n(x)} ${n(item.baseline)} Tm`);
    let font: FontKey | undefined;
    for (const segment of words) {
      if (segment.font !== font) {
        font = segment.font;
        this.ops.push(`/${this.fonts.use(font)} ${n(item.size)} Tf`);
      }
      this.ops.push(`<${this.fonts.encode(segment)}> Tj`);
    }
    if (item.trailingSpace) {
      // A line that is only a word's second part has drawn no text yet: the space needs its font set.
      if (font === undefined) this.ops.push(`/${this.fonts.use((font = last.font))} ${n(item.size)} Tf`);
      this.ops.push(`<${this.fonts.space(font)}> Tj`);
    }
    if (broken) this.wholeWord(item, x + item.size * words.reduce((sum, segment) => sum + this.fonts.width(segment), 0), broken, font);
    this.ops.push('ET');
    if (broken) this.shapes(item, x + item.size * words.reduce((sum, segment) => sum + this.fonts.width(segment), 0), broken.font, `${broken.head}-`);
    else if (last.breakHyphen) this.breakHyphen(item, words, last.font);
  }

  /**
   * A hyphenated word as text, whole, where its first part stands: invisible (rendering mode 3) and
   * squeezed (Tz) to the width of that part and its hyphen. Every reader extracts invisible text – pdf.js
   * (search and copy), pdftotext, mutool – and none joins "Integrati-" and "onsmanagements" by itself
   * (pdf.js and mutool 1.21 ignore ActualText in text extraction), so the drawn parts are shapes (shapes()),
   * and this is the word's text, in the element's marked content: the structure tree reads it too.
   */
  private wholeWord(item: PlacedText, x: number, word: BrokenWord, current: FontKey | undefined): void {
    const text = { text: word.head + word.tail, font: word.font };
    const drawn = this.fonts.width({ text: `${word.head}-`, font: word.font });
    const scale = (100 * drawn) / this.fonts.width(text);
    const font = word.font !== current ? `/${this.fonts.use(word.font)} ${n(item.size)} Tf ` : '';
    this.ops.push(`1 0 0 -1 ${n(x)} ${n(item.baseline)} Tm ${font}3 Tr ${n(scale)} Tz <${this.fonts.encode(text)}> Tj 0 Tr 100 Tz`);
  }

  /**
   * Glyphs drawn as filled shapes (a hyphenated word's parts and its hyphen), marked as a layout artifact:
   * seen on the page, never extracted as text (wholeWord() carries the text). Returns their width in pt.
   */
  private shapes(item: PlacedText, x: number, font: FontKey, text: string): number {
    this.enter(undefined, { type: 'Layout' });
    const scale = item.size / 1000;
    this.ops.push(`q ${n(scale)} 0 0 ${n(-scale)} ${n(x)} ${n(item.baseline)} cm`, this.fonts.shapes(font, text), 'Q');
    return item.size * this.fonts.width({ text, font });
  }

  /**
   * The hyphen a hyphenation break adds at the line end: a hyphen-minus (U+002D) marked as a layout
   * artifact, outside the element's marked content. Readers that join lines (pdf.js's search, pdftotext,
   * mutool's dehyphenation) join "Integrati-" and "onsmanagements" only at a hyphen-minus (a soft
   * hyphen U+00AD, which pdf.js drops as invisible, left the word split in two), and the structure tree,
   * which skips artifacts, reads the word whole. LaTeX's tagging does the same (tagpdf, softhyphen=artifact).
   */
  private breakHyphen(item: PlacedText, words: readonly Segment[], font: FontKey): void {
    const x = item.x + item.size * words.reduce((sum, segment) => sum + this.fonts.width(segment), 0);
    if (item.node) this.enter(undefined, { type: 'Layout' });
    this.ops.push('BT', `1 0 0 -1 ${n(x)} ${n(item.baseline)} Tm`, `/${this.fonts.use(font)} ${n(item.size)} Tf`, `<${this.fonts.hyphen(font)}> Tj`, 'ET');
  }

  private rect(item: PlacedRect): void {
    const box = `${n(item.x)} ${n(item.y)} ${n(item.width)} ${n(item.height)} re`;
    if (item.fill) this.ops.push(`q ${rgb(item.fill)} rg ${box} f Q`);
    if (item.stroke) this.ops.push(`q ${n(item.stroke.width)} w ${rgb(item.stroke.color)} RG ${box} S Q`);
  }

  private rule(item: PlacedRule): void {
    this.ops.push(`q ${n(item.width)} w ${rgb(item.color)} RG ${n(item.x1)} ${n(item.y1)} m ${n(item.x2)} ${n(item.y2)} l S Q`);
  }

  private drawing(item: PlacedFigure, drawing: Drawing): void {
    this.ops.push(...drawingOps(item, drawing, this.fonts));
    this.fill = undefined; // the text colour was set inside q … Q
  }

  private figure(item: PlacedFigure): void {
    if (item.drawing) return this.drawing(item, item.drawing);
    if (!this.logo) return;
    this.flush();
    this.doc.image(this.logo.bytes, item.x, item.y, { width: item.width, height: item.height });
  }
}

/**
 * A vector drawing (src/emit/chart/drawing.ts) scaled into the figure's box: paths stroked and filled,
 * labels in the document's fonts (anchored by their measured width). All inside one q … Q, so no
 * colour or line style leaks into what follows.
 */
export function drawingOps(item: PlacedFigure, drawing: Drawing, fonts: DocumentFonts): string[] {
  const scale = item.width / drawing.width;
  const ops = ['q', `${n(scale)} 0 0 ${n(scale)} ${n(item.x)} ${n(item.y)} cm`];
  for (const shape of drawing.shapes) {
    if (shape.kind === 'text') {
      const segment = { text: shape.text, font: shape.bold ? ('bold' as const) : ('regular' as const) };
      const width = fonts.width(segment) * shape.size;
      const x = shape.anchor === 'end' ? shape.x - width : shape.anchor === 'middle' ? shape.x - width / 2 : shape.x;
      ops.push(`${rgb(shape.color)} rg`, 'BT', `1 0 0 -1 ${n(x)} ${n(shape.y)} Tm`, `/${fonts.use(segment.font)} ${n(shape.size)} Tf`, `<${fonts.encode(segment)}> Tj`, 'ET');
      continue;
    }
    const [first, ...rest] = shape.points;
    if (!first) continue;
    const path = [`${n(first[0])} ${n(first[1])} m`, ...rest.map(([x, y]) => `${n(x)} ${n(y)} l`), ...(shape.closed ? ['h'] : [])].join(' ');
    const style: string[] = [];
    if (shape.fill) style.push(`${rgb(shape.fill)} rg`);
    if (shape.stroke) style.push(`${n(shape.stroke.width)} w`, `${rgb(shape.stroke.color)} RG`, `[${(shape.stroke.dash ?? []).map(n).join(' ')}] 0 d`);
    const paint = shape.fill && shape.stroke ? 'B' : shape.fill ? 'f' : 'S';
    ops.push(`q ${style.join(' ')} ${path} ${paint} Q`);
  }
  ops.push('Q');
  return ops;
}

/** The PDF's structure elements, made on first mention in reading order, so their order is the reading order. */
class StructureTree {
  private readonly elements = new Map<StructNode, StructElem>();
  private root: StructElem | undefined;
  private readonly boxes = new Map<StructNode, [number, number, number, number]>();

  constructor(private readonly doc: PdfDoc) {}

  /** A figure's bounding box (ISO 32000-1, 14.8.5.4.3), given before its element is made. */
  figureBox(node: StructNode, box: [number, number, number, number]): void {
    this.boxes.set(node, box);
  }

  element(node: StructNode): StructElem {
    let elem = this.elements.get(node);
    if (elem) return elem;
    const options: Record<string, unknown> = {};
    if (node.scope) options['scope'] = node.scope;
    if (node.alt !== undefined) options['alt'] = node.alt;
    const box = this.boxes.get(node);
    if (box) Object.assign(options, { bbox: box, placement: 'Block' });
    elem = this.doc.struct(node.role, options);
    if (node.listNumbering) setListNumbering(elem, node.listNumbering);
    if (node.parent) this.element(node.parent).add(elem);
    else {
      this.doc.addStructure(elem);
      this.root = elem;
    }
    this.elements.set(node, elem);
    return elem;
  }

  /** Ends the tree (pdfkit writes the elements then); an empty document still has its Document element. */
  end(): void {
    this.root ??= this.element({ role: 'Document', parent: undefined });
    this.root.end();
  }
}

interface OutlineEntry {
  item: OutlineItem;
  level: number;
  children: OutlineEntry[];
}

/** Bookmarks, nested by heading level, all open; Count as ISO 32000-1 (12.3.3) wants it. */
class Outline {
  private readonly roots: OutlineEntry[] = [];
  private readonly stack: OutlineEntry[] = [];

  constructor(private readonly doc: PdfDoc) {}

  add(bookmark: Bookmark): void {
    while (this.stack.length > 0 && this.stack[this.stack.length - 1]!.level >= bookmark.level) this.stack.pop();
    const parent = this.stack[this.stack.length - 1];
    const item = (parent?.item ?? this.doc.outline).addItem(bookmark.title, { expanded: false });
    // This page, 4 pt above the heading's first line, left and zoom unchanged.
    setOutlineDestination(item, currentPage(this.doc), PAGE.height - bookmark.top + 4);
    const entry: OutlineEntry = { item, level: bookmark.level, children: [] };
    (parent?.children ?? this.roots).push(entry);
    this.stack.push(entry);
  }

  finish(): void {
    const visible = (entry: OutlineEntry): number => {
      const below = entry.children.reduce((sum, child) => sum + 1 + visible(child), 0);
      if (below > 0) setOutlineCount(entry.item, below);
      return below;
    };
    const total = this.roots.reduce((sum, entry) => sum + 1 + visible(entry), 0);
    if (total > 0) setOutlineCount(this.doc.outline, total);
  }
}
