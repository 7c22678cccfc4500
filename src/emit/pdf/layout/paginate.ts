/**
 * Pagination: the block tree to pages of placed lines, rules and rectangles, each with the structure
 * element it belongs to or marked as an artifact (decoration and pagination, which assistive technology
 * skips). Pure: no fonts, no PDF; the writer draws what this returns.
 *
 * The rules a reader notices: a heading stays with what follows it (two lines of text, a three-line
 * paragraph whole, a table's header and first row, a further heading with its own: keepBelow); a
 * paragraph leaves no single first line at a page bottom (orphan) and carries no single last line over
 * (widow) where it can avoid it (a paragraph of three lines goes over whole); a list does not start with
 * one line at the page bottom; a table's header row starts together with its first row and is repeated
 * (as an artifact) on top of every further page.
 *
 * Coordinates are in pt from the page's top left corner; `baseline` is the text's baseline.
 */
import type { Block, ChartBlock, FigureBlock, ListBlock, ListItemBlock, QuoteBlock, RuleBlock, TextBlock } from './blocks.js';
import type { Line, Segment } from './linebreak.js';
import type { FontMetrics } from './metrics.js';
import { FRONT_RULE, LIST, PAGE, STYLES, TABLE, type BlockStyle } from './styles.js';
import type { StructNode } from './structure.js';
import type { TableBlock, TableColumn, TableRow } from './table.js';
import type { Drawing } from '../../chart/drawing.js';

export interface Artifact {
  type: 'Layout' | 'Pagination';
  /** The page edge a pagination artifact belongs to (the footer: Bottom). */
  attached?: 'Bottom';
}

export interface PlacedText {
  kind: 'text';
  x: number;
  baseline: number;
  size: number;
  color: string;
  segments: Segment[];
  /**
   * The line ends where words are separated (a space or a hard line break): the writer adds an
   * invisible space, so that copied and read-aloud text keeps it (ISO 32000-1, 14.8.2.5).
   */
  trailingSpace: boolean;
  node?: StructNode;
  artifact?: Artifact;
}

export interface PlacedRect {
  kind: 'rect';
  x: number;
  y: number;
  width: number;
  height: number;
  fill?: string;
  stroke?: { color: string; width: number };
  artifact: Artifact;
}

export interface PlacedRule {
  kind: 'rule';
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  color: string;
  width: number;
  artifact: Artifact;
}

export interface PlacedFigure {
  kind: 'figure';
  x: number;
  y: number;
  width: number;
  height: number;
  node?: StructNode;
  artifact?: Artifact;
  /** A vector drawing scaled into the box (the staffing chart); none: the logo. */
  drawing?: Drawing;
}

/** An element enters the reading order here (containers, and cells that may stay empty). */
export interface PlacedMark {
  kind: 'mark';
  node: StructNode;
}

export type PlacedItem = PlacedText | PlacedRect | PlacedRule | PlacedFigure | PlacedMark;

export interface Bookmark {
  title: string;
  level: number;
  /** Top of the heading's first line. */
  top: number;
}

export interface Page {
  /** In drawing order, which for tagged content is the reading order. */
  items: PlacedItem[];
  bookmarks: Bookmark[];
}

/** The type area of every page. */
export interface PageArea {
  top: number;
  bottom: number;
  left: number;
  width: number;
}

export const DEFAULT_AREA: PageArea = {
  top: PAGE.marginTop,
  bottom: PAGE.height - PAGE.marginBottom,
  left: PAGE.marginLeft,
  width: PAGE.width - PAGE.marginLeft - PAGE.marginRight,
};

export function paginate(blocks: readonly Block[], area: PageArea = DEFAULT_AREA): Page[] {
  const paginator = new Paginator(area);
  paginator.blocks(blocks, area.left, area.width);
  return paginator.pages;
}

/** "Seite X von Y" on every page, right-aligned in the footer band, a pagination artifact. */
export function withFooters(pages: readonly Page[], metrics: FontMetrics): Page[] {
  const style = STYLES.footer;
  return pages.map((page, i) => {
    const text = `Seite ${i + 1} von ${pages.length}`;
    const footer: PlacedText = {
      kind: 'text',
      x: PAGE.width - PAGE.marginRight - metrics.width(style.font, text) * style.size,
      baseline: PAGE.height - PAGE.footerBaselineFromBottom,
      size: style.size,
      color: style.color,
      segments: [{ text, font: style.font }],
      trailingSpace: false,
      artifact: { type: 'Pagination', attached: 'Bottom' },
    };
    return { items: [...page.items, footer], bookmarks: page.bookmarks };
  });
}

interface PendingLabel {
  item: ListItemBlock;
  list: ListBlock;
  x: number;
}

class Paginator {
  readonly pages: Page[] = [];
  private page!: Page;
  private y = 0;
  /** Space owed to the previous block (its spaceAfter); collapses with the next block's spaceBefore. */
  private pending = 0;
  /** The label of the list item whose first line is next. */
  private label: PendingLabel | undefined;

  constructor(private readonly area: PageArea) {
    this.newPage();
  }

  blocks(blocks: readonly Block[], x: number, width: number): void {
    blocks.forEach((block, i) => this.block(block, x, width, blocks, i + 1));
  }

  /** The blocks that follow this one start at `blocks[next]` (a heading looks ahead). */
  private block(block: Block, x: number, width: number, blocks: readonly Block[], next: number): void {
    switch (block.kind) {
      case 'text':
        return this.text(block, x, blocks, next);
      case 'list':
        return this.list(block, x, width);
      case 'table':
        return this.table(block, x);
      case 'rule':
        return this.rule(block, x, width);
      case 'quote':
        return this.quote(block, x, width);
      case 'figure':
        return this.figure(block);
      case 'chart':
        return this.chart(block, x);
    }
  }

  // ── Text ──────────────────────────────────────────────────────────────────────────────────────────

  private text(block: TextBlock, x: number, blocks: readonly Block[], next: number): void {
    const { style, lines } = block;
    const lineHeight = style.size * style.lineHeight;
    if (block.keepWithNext > 0 && !this.atTop()) {
      const gap = Math.max(this.pending, style.spaceBefore);
      if (this.y + gap + lines.length * lineHeight + keepBelow(block, blocks, next) > this.area.bottom) this.newPage();
    }
    let gap = this.atTop() ? 0 : Math.max(this.pending, style.spaceBefore);
    const introduces = block.keepWithNext === 0 && blocks[next] && endsInColon(block) ? keepBelow(block, blocks, next, 0) : 0;
    let index = 0;
    while (index < lines.length) {
      const remaining = lines.length - index;
      const fit = Math.max(0, Math.floor((this.area.bottom - this.y - gap + 0.01) / lineHeight));
      let take = Math.min(fit, remaining);
      // A paragraph ending in a colon ("Betreut werden folgende Kommunen:") does not stay behind alone:
      // when what it introduces cannot start below it, its last two lines go over with it.
      if (take === remaining && introduces > 0 && !this.atTop() && this.y + gap + take * lineHeight + introduces > this.area.bottom) {
        take = Math.max(0, remaining - 2);
      }
      if (take < remaining) {
        if (remaining - take === 1 && take >= 3) take -= 1; // no widow: carry two lines over
        else if (remaining - take === 1 && index === 0) take = 0; // three lines: neither orphan nor widow, all go over
        // No word hyphenated across a page: a page-final line ending in a hyphen goes over as well.
        while (take > 0 && lines[index + take - 1]!.ending === 'hyphen') take -= 1;
        // No orphan: a paragraph that would leave one line here starts on the next page.
        if (index === 0 && take < 2) take = 0;
      }
      if (take === 0 && this.atTop()) take = Math.max(1, Math.min(fit, remaining));
      if (take > 0) {
        this.y += gap;
        if (index === 0) {
          if (block.bookmark) this.page.bookmarks.push({ ...block.bookmark, top: this.y });
          this.placeLabel(this.baseline(this.y, style));
        }
        for (let i = index; i < index + take; i++) {
          this.line(lines[i]!, x, this.y, style, block.node, i < lines.length - 1);
          this.y += lineHeight;
        }
        index += take;
      }
      if (index < lines.length) {
        this.newPage();
        gap = 0;
      }
    }
    this.pending = style.spaceAfter;
  }

  private line(line: Line, x: number, top: number, style: BlockStyle, node: StructNode | undefined, more: boolean, artifact?: Artifact): void {
    const item: PlacedText = {
      kind: 'text',
      x,
      baseline: this.baseline(top, style),
      size: style.size,
      color: style.color,
      segments: line.segments,
      trailingSpace: more && (line.ending === 'space' || line.ending === 'newline'),
    };
    if (node) item.node = node;
    if (artifact) item.artifact = artifact;
    this.page.items.push(item);
  }

  /** Baseline of a line whose box starts at `top`: the em box centred in the line box. */
  private baseline(top: number, style: BlockStyle): number {
    const lineHeight = style.size * style.lineHeight;
    return top + (lineHeight - style.size) / 2 + style.size * 0.78;
  }

  // ── Lists ─────────────────────────────────────────────────────────────────────────────────────────

  private list(block: ListBlock, x: number, width: number): void {
    this.mark(block.node);
    const style = STYLES.listItem;
    const lineHeight = style.size * style.lineHeight;
    this.pending = Math.max(this.pending, STYLES.list.spaceBefore);
    // No list starts with a single line at the page bottom: its first two lines start together.
    if (!this.atTop() && this.y + this.pending + listStartHeight(block) > this.area.bottom) this.newPage();
    // A list that opens an item of an enclosing list ("- - x"): the outer label goes on its first line.
    this.placeLabel(this.baseline(this.y + (this.atTop() ? 0 : this.pending), style));
    for (const item of block.items) {
      this.mark(item.node);
      this.label = { item, list: block, x };
      this.blocks(item.blocks, x + block.labelWidth, width - block.labelWidth);
      if (this.label) {
        // An item without text still shows its label.
        this.ensureSpace(lineHeight);
        this.placeLabel(this.baseline(this.y, style));
        this.y += lineHeight;
      }
    }
    // A nested list ends inside its item: only item spacing after it.
    this.pending = block.depth > 0 ? STYLES.listItem.spaceAfter : Math.max(this.pending, STYLES.list.spaceAfter);
  }

  /** Draws the pending list label on the line whose baseline is given, then opens the item's body. */
  private placeLabel(baseline: number): void {
    const pending = this.label;
    if (!pending) return;
    this.label = undefined;
    const { item, list, x } = pending;
    const style = STYLES.listItem;
    // Numbers are right-aligned on their delimiter, bullets sit at the marker edge.
    const labelX = list.ordered ? x + list.labelWidth - 7 - item.label.width : x + LIST.indent + 2;
    this.page.items.push({
      kind: 'text',
      x: labelX,
      baseline,
      size: style.size,
      color: style.color,
      segments: [{ text: item.label.text, font: style.font }],
      trailingSpace: false,
      node: item.label.node,
    });
    this.mark(item.body);
  }

  // ── Tables ────────────────────────────────────────────────────────────────────────────────────────

  private table(block: TableBlock, x: number): void {
    this.mark(block.node);
    const first = block.rows[0];
    const gap = this.atTop() ? 0 : Math.max(this.pending, STYLES.table.spaceBefore);
    // The header and the first row start together.
    if (!this.atTop() && this.y + gap + block.header.height + (first?.height ?? 0) > this.area.bottom) this.newPage();
    else this.y += gap;
    this.placeLabel(this.baseline(this.y + TABLE.paddingY, block.header.style));
    this.row(block.header, block.columns, x, true, false);
    for (const row of block.rows) {
      if (this.y + row.height > this.area.bottom && !this.atTop()) {
        this.newPage();
        this.row(block.header, block.columns, x, true, true);
      }
      this.row(row, block.columns, x, false, false);
    }
    this.pending = STYLES.table.spaceAfter;
  }

  /** A row: its rules and fill (artifacts), then its cells; a repeated header row is an artifact as a whole. */
  private row(row: TableRow, columns: readonly TableColumn[], x0: number, header: boolean, repeated: boolean): void {
    const top = this.y;
    const total = columns.reduce((sum, c) => sum + c.width, 0);
    const layout: Artifact = { type: 'Layout' };
    if (header) this.page.items.push({ kind: 'rect', x: x0, y: top, width: total, height: row.height, fill: TABLE.headerFill, artifact: layout });
    let x = x0;
    for (const column of columns) {
      this.page.items.push({
        kind: 'rect',
        x,
        y: top,
        width: column.width,
        height: row.height,
        stroke: { color: TABLE.ruleColor, width: TABLE.ruleWidth },
        artifact: layout,
      });
      x += column.width;
    }
    if (header) {
      const y = top + row.height;
      this.page.items.push({ kind: 'rule', x1: x0, y1: y, x2: x0 + total, y2: y, color: TABLE.ruleColor, width: TABLE.headerRuleWidth, artifact: layout });
    }
    const artifact: Artifact | undefined = repeated ? { type: 'Pagination' } : undefined;
    if (!repeated) this.mark(row.node);
    const lineHeight = row.style.size * row.style.lineHeight;
    x = x0;
    row.cells.forEach((cell, c) => {
      const column = columns[c]!;
      if (!repeated) this.mark(cell.node);
      let lineTop = top + TABLE.paddingY;
      cell.lines.forEach((line, i) => {
        const inner = column.width - 2 * TABLE.paddingX;
        const shift = column.align === 'right' ? inner - line.width : column.align === 'center' ? (inner - line.width) / 2 : 0;
        this.line(line, x + TABLE.paddingX + shift, lineTop, row.style, repeated ? undefined : cell.node, i < cell.lines.length - 1, artifact);
        lineTop += lineHeight;
      });
      x += column.width;
    });
    this.y = top + row.height;
  }

  // ── Rules, quotes, figures ────────────────────────────────────────────────────────────────────────

  private rule(block: RuleBlock, x: number, width: number): void {
    const y = this.y + Math.max(this.pending, block.gapBefore);
    if (y + 2 > this.area.bottom) return;
    this.page.items.push({ kind: 'rule', x1: x, y1: y, x2: x + width, y2: y, color: FRONT_RULE.color, width: FRONT_RULE.width, artifact: { type: 'Layout' } });
    this.y = y;
    this.pending = block.gapAfter;
  }

  private quote(block: QuoteBlock, x: number, width: number): void {
    this.mark(block.node);
    const page = this.page;
    const top = this.y + (this.atTop() ? 0 : this.pending);
    this.blocks(block.blocks, x + block.indent, width - block.indent);
    // A grey bar left of the quote (on its last page only if it spans pages: good enough).
    const barTop = this.page === page ? top : this.area.top;
    this.page.items.push({ kind: 'rect', x: x + 3, y: barTop, width: 2, height: Math.max(0, this.y - barTop - 2), fill: FRONT_RULE.color, artifact: { type: 'Layout' } });
  }

  private figure(block: FigureBlock): void {
    const item: PlacedFigure = { kind: 'figure', x: block.x, y: block.y, width: block.width, height: block.height };
    if (block.node) item.node = block.node;
    else item.artifact = { type: 'Layout' };
    this.page.items.push(item);
  }

  /** A chart stands whole on one page: on the next when it does not fit below (unless already at the top). */
  private chart(block: ChartBlock, x: number): void {
    const gap = this.atTop() ? 0 : Math.max(this.pending, STYLES.paragraph.spaceAfter);
    if (!this.atTop() && this.y + gap + block.height > this.area.bottom) this.newPage();
    else this.y += gap;
    this.placeLabel(this.y + STYLES.paragraph.size);
    this.page.items.push({ kind: 'figure', x, y: this.y, width: block.width, height: block.height, node: block.node, drawing: block.drawing });
    this.y += block.height;
    this.pending = STYLES.paragraph.spaceAfter;
  }

  // ── Pages ─────────────────────────────────────────────────────────────────────────────────────────

  private mark(node: StructNode): void {
    this.page.items.push({ kind: 'mark', node });
  }

  private atTop(): boolean {
    return this.y <= this.area.top + 0.01;
  }

  private ensureSpace(height: number): void {
    if (!this.atTop() && this.y + height > this.area.bottom) this.newPage();
  }

  private newPage(): void {
    this.page = { items: [], bookmarks: [] };
    this.pages.push(this.page);
    this.y = this.area.top;
    this.pending = 0;
  }
}

/**
 * The height a heading needs below it on its page: at least its keepWithNext (two lines of text), and as
 * much of what follows as cannot be separated from it: all three lines of a three-line paragraph (split,
 * it leaves an orphan or a widow), a table's header row with its first row, a list's first two lines,
 * and a heading that follows ("Sachdarstellung:" over "Stellen und Förderung") with what it needs itself.
 */
function keepBelow(heading: TextBlock, blocks: readonly Block[], next: number, minimum = heading.keepWithNext): number {
  const following = blocks[next];
  const gap = Math.max(heading.style.spaceAfter, following ? spaceBefore(following) : 0);
  return Math.max(minimum, gap + startHeight(blocks, next));
}

/** A block that introduces what follows ("… folgende Kommunen:", "… eingestellt:"). */
function endsInColon(block: TextBlock): boolean {
  const last = block.lines[block.lines.length - 1];
  return last !== undefined && /:\s*$/.test(last.segments.map((s) => s.text).join(''));
}

/** The height of the part of `blocks[index]` that has to start on one page (without the space above it). */
function startHeight(blocks: readonly Block[], index: number): number {
  const block = blocks[index];
  if (!block) return 0;
  switch (block.kind) {
    case 'text': {
      const lineHeight = block.style.size * block.style.lineHeight;
      if (block.keepWithNext > 0) return block.lines.length * lineHeight + keepBelow(block, blocks, index + 1);
      return (block.lines.length <= 3 ? block.lines.length : 2) * lineHeight;
    }
    case 'table':
      return block.header.height + (block.rows[0]?.height ?? 0);
    case 'list':
      return listStartHeight(block);
    case 'chart':
      // A chart is never split: its heading goes over with it.
      return block.height;
    default:
      return 0;
  }
}

/**
 * The height of a list's first two lines: two lines of its first item, or that item's one line, the space
 * after it (a loose list's items are paragraphs: 8 pt) and the second item's first line.
 */
function listStartHeight(block: ListBlock): number {
  const opening = block.items[0]?.blocks[0];
  const between = block.items.length > 1 && opening?.kind === 'text' && opening.lines.length === 1 ? opening.style.spaceAfter : 0;
  return Math.min(2, block.items.length) * STYLES.listItem.size * STYLES.listItem.lineHeight + between;
}

function spaceBefore(block: Block): number {
  return block.kind === 'text' ? block.style.spaceBefore : block.kind === 'table' ? STYLES.table.spaceBefore : block.kind === 'list' ? STYLES.list.spaceBefore : 0;
}
