/**
 * Markdown tokens (marked) to the block tree: every block knows its structure element, its style and,
 * for text, its lines, broken for the width of the column it stands in. Pure: fonts come in as metrics,
 * hyphenation as a function. Where blocks land on pages is paginate.ts's business.
 *
 * The letterhead is the Markdown before the first heading (department, paper type, Beratungsfolge,
 * agenda item, and whatever else the template puts there): set in its own tighter style and closed by
 * a thin rule. The Kreis's logo, if there is one, stands at the top right of the first page.
 */
import type { Token, Tokens } from 'marked';
import { inlineRuns, runsText, stripTags, type Run } from './inline.js';
import type { LineCache } from './line-cache.js';
import { breakLines, buildPieces, fontFor, type Line } from './linebreak.js';
import { measureAt, type FontMetrics } from './metrics.js';
import {
  CONTENT_WIDTH,
  FRONT_RULE,
  HYPHEN_ZONE_EM,
  LIST,
  LOGO,
  MAX_CONSECUTIVE_HYPHENS,
  PAGE,
  STYLES,
  headingStyle,
  type BlockStyle,
} from './styles.js';
import { structChild, structRoot, type StructNode } from './structure.js';
import { layoutTable, type TableBlock } from './table.js';
import type { Drawing } from '../../chart/drawing.js';

export type Block = TextBlock | ListBlock | TableBlock | RuleBlock | QuoteBlock | FigureBlock | ChartBlock;

export interface TextBlock {
  kind: 'text';
  node: StructNode;
  style: BlockStyle;
  lines: Line[];
  /** Height that has to fit below the block on its page, or it starts on the next (a heading: two lines of text). */
  keepWithNext: number;
  bookmark?: { title: string; level: number };
}

export interface ListBlock {
  kind: 'list';
  node: StructNode;
  /** 0 for a list in the running text, 1 for a list inside a list item … */
  depth: number;
  ordered: boolean;
  /** Space for the labels; the items' blocks start after it. */
  labelWidth: number;
  items: ListItemBlock[];
}

export interface ListItemBlock {
  node: StructNode;
  label: { text: string; width: number; node: StructNode };
  body: StructNode;
  blocks: Block[];
}

/** A thin horizontal rule: under the letterhead, or a Markdown `---`. */
export interface RuleBlock {
  kind: 'rule';
  gapBefore: number;
  gapAfter: number;
}

export interface QuoteBlock {
  kind: 'quote';
  node: StructNode;
  indent: number;
  blocks: Block[];
}

/** The logo: drawn at a fixed place (top right of the page), outside the flow of text. */
export interface FigureBlock {
  kind: 'figure';
  /** A Figure element with alternate text, or none: then it is an artifact (decoration). */
  node: StructNode | undefined;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A vector figure in the flow of text (the staffing chart): as wide as its column, as high as its drawing's proportions. */
export interface ChartBlock {
  kind: 'chart';
  /** A Figure element whose alternate text states what the drawing shows. */
  node: StructNode;
  width: number;
  height: number;
  drawing: Drawing;
}

/** A figure the Markdown shows as an image (`![alt](file)`) that the PDF draws itself. */
export interface FigureInput {
  alt: string;
  drawing: Drawing;
}

export interface LogoInput {
  /** Size in pixels (only the aspect ratio matters). */
  width: number;
  height: number;
  alt: string;
  /**
   * The Kreis's name. If the letterhead says it in text, the logo adds nothing a reader would miss and
   * is an artifact; otherwise it is a Figure whose alternate text says what it shows.
   */
  bodyName?: string | undefined;
}

export interface LayoutOptions {
  metrics: FontMetrics;
  /** A word of letters with soft hyphens at its breaks; none: no hyphenation. */
  hyphenate?: ((word: string) => string) | undefined;
  /** Shared across documents by a renderer. */
  lineCache?: LineCache | undefined;
  logo?: LogoInput | undefined;
  /** The data's unit words ("Stelle", "Stellen"): kept on the line of their figure. */
  unitWords?: readonly string[] | undefined;
  /**
   * Words of the data's proper names ("Ascheberg", "Lüdinghausen", "Lenkungsgruppe"): never hyphenated,
   * nor their genitive ("Lüdinghausens"). A compound name still breaks at its own hyphen ("Rhein-|Sieg-Kreis").
   */
  properNames?: readonly string[] | undefined;
  /** Drawings by the file name the Markdown's image names; an image not among them is not drawn. */
  figures?: ReadonlyMap<string, FigureInput> | undefined;
}

export function buildBlocks(tokens: readonly Token[], options: LayoutOptions): Block[] {
  return new Builder(options).build(tokens);
}

class Builder {
  private readonly root = structRoot();
  /** Markdown heading depth → tagged level (H1…H6). */
  private readonly headingLevels = new Map<number, number>();
  /** Until the first heading: the letterhead. */
  private front = true;
  private readonly frontText: string[] = [];
  private readonly hyphenateWord: ((word: string) => string) | undefined;
  private readonly units: ReadonlySet<string> | undefined;
  /** The proper names, for the line cache's key: the same text breaks differently with other names. */
  private readonly namesKey: string;

  constructor(private readonly options: LayoutOptions) {
    this.units = options.unitWords && options.unitWords.length > 0 ? new Set(options.unitWords) : undefined;
    const names = new Set(options.properNames ?? []);
    this.namesKey = [...names].join(' ');
    const hyphenate = options.hyphenate;
    this.hyphenateWord =
      hyphenate && ((word) => word.replace(/\p{L}+/gu, (part) => (isHyphenatable(part) && !isProperName(part, names) ? withoutShortTail(hyphenate(part)) : part)));
  }

  build(tokens: readonly Token[]): Block[] {
    // Heading levels are ranked among the depths used, so the first is H1 and none skips a level
    // (PDF/UA, Matterhorn 14-002/14-003): the template's "##" sections become H1, "###" H2.
    const depths = [...new Set(tokens.filter((t): t is Tokens.Heading => t.type === 'heading').map((t) => t.depth))];
    depths.sort((a, b) => a - b).forEach((depth, rank) => this.headingLevels.set(depth, rank + 1));
    const blocks: Block[] = [];
    for (const token of tokens) this.block(token, this.root, CONTENT_WIDTH, 0, this.front, blocks);
    const logo = this.logo();
    return logo ? [logo, ...blocks] : blocks;
  }

  private logo(): FigureBlock | undefined {
    const logo = this.options.logo;
    if (!logo || !(logo.width > 0) || !(logo.height > 0)) return undefined;
    const scale = Math.min(LOGO.maxHeight / logo.height, LOGO.maxWidth / logo.width);
    const width = logo.width * scale;
    const height = logo.height * scale;
    const named = logo.bodyName !== undefined && logo.bodyName.trim() !== '' && this.frontText.some((text) => text.includes(logo.bodyName!.trim()));
    return {
      kind: 'figure',
      node: named ? undefined : structChild(this.root, 'Figure', { alt: logo.alt }),
      x: PAGE.marginLeft + CONTENT_WIDTH - width,
      y: LOGO.top,
      width,
      height,
    };
  }

  private blocks(tokens: readonly Token[], parent: StructNode, width: number, depth: number, front: boolean): Block[] {
    const out: Block[] = [];
    for (const token of tokens) this.block(token, parent, width, depth, front, out);
    return out;
  }

  private block(token: Token, parent: StructNode, width: number, depth: number, front: boolean, out: Block[]): void {
    switch (token.type) {
      case 'heading':
        this.heading(token as Tokens.Heading, parent, width, out);
        break;
      case 'paragraph': {
        const figure = this.figureOf(token as Tokens.Paragraph);
        if (figure) {
          const node = structChild(parent, 'Figure', { alt: figure.alt });
          out.push({ kind: 'chart', node, width, height: (width * figure.drawing.height) / figure.drawing.width, drawing: figure.drawing });
          break;
        }
        const runs = inlineRuns(token.tokens);
        if (front) this.frontText.push(runsText(runs));
        this.text(structChild(parent, 'P'), runs, front ? STYLES.frontParagraph : STYLES.paragraph, width, out);
        break;
      }
      case 'text':
        // Tight list items: inline content directly in the list body.
        this.text(parent, inlineRuns([token]), STYLES.listItem, width, out);
        break;
      case 'list':
        out.push(this.list(token as Tokens.List, parent, width, depth));
        break;
      case 'table': {
        const table = layoutTable(token as Tokens.Table, parent, width, this.options.metrics, this.units);
        if (front) this.frontText.push(...(token as Tokens.Table).rows.flat().map((cell) => cell.text));
        out.push(table);
        break;
      }
      case 'code': {
        const runs: Run[] = [];
        (token as Tokens.Code).text.split('\n').forEach((line, i) => {
          if (i > 0) runs.push({ br: true });
          runs.push({ text: line.replace(/ /g, '\u00a0'), bold: false, italic: false });
        });
        this.text(structChild(parent, 'P'), runs, STYLES.code, width, out);
        break;
      }
      case 'blockquote': {
        const node = structChild(parent, 'BlockQuote');
        const indent = 14;
        out.push({ kind: 'quote', node, indent, blocks: this.blocks((token as Tokens.Blockquote).tokens, node, width - indent, depth, front) });
        break;
      }
      case 'hr':
        out.push({ kind: 'rule', gapBefore: 8, gapAfter: 8 });
        break;
      case 'html': {
        const text = stripTags(token.text).trim();
        if (text) this.text(structChild(parent, 'P'), [{ text, bold: false, italic: false }], STYLES.paragraph, width, out);
        break;
      }
      default:
        break; // space, def, checkbox: nothing to lay out
    }
  }

  /** A paragraph that is one image of a figure the PDF draws (`![alt](<id>.diagramm.svg)`). */
  private figureOf(token: Tokens.Paragraph): FigureInput | undefined {
    const figures = this.options.figures;
    if (!figures || figures.size === 0) return undefined;
    const inline = token.tokens.filter((t) => !(t.type === 'text' && t.text.trim() === ''));
    return inline.length === 1 && inline[0]!.type === 'image' ? figures.get((inline[0] as Tokens.Image).href) : undefined;
  }

  private heading(token: Tokens.Heading, parent: StructNode, width: number, out: Block[]): void {
    if (this.front) {
      this.front = false;
      // The rule closes the letterhead, if there was one.
      if (parent === this.root && out.length > 0) out.push({ kind: 'rule', gapBefore: FRONT_RULE.gapBefore, gapAfter: FRONT_RULE.gapAfter });
    }
    const level = this.headingLevels.get(token.depth) ?? Math.min(6, token.depth);
    const style = headingStyle(level);
    const runs = inlineRuns(token.tokens, { bold: true, italic: false });
    const lines = this.lines(runs, style, width);
    if (lines.length === 0) return;
    const body = STYLES.paragraph;
    out.push({
      kind: 'text',
      node: structChild(parent, `H${level}`),
      style,
      lines,
      keepWithNext: style.spaceAfter + 2 * body.size * body.lineHeight,
      bookmark: { title: runsText(runs), level },
    });
  }

  private list(token: Tokens.List, parent: StructNode, width: number, depth: number): ListBlock {
    const ordered = token.ordered;
    const node = structChild(parent, 'L', { listNumbering: ordered ? 'Decimal' : depth % 2 === 0 ? 'Disc' : 'None' });
    const style = STYLES.listItem;
    // marked keeps the delimiter only in the raw text: "1)" lists stay "1)", "1." lists stay "1.".
    const delimiter = /^\s*\d+\)/.test(token.items[0]?.raw ?? '') ? ')' : '.';
    const start = typeof token.start === 'number' ? token.start : 1;
    const bullet = depth % 2 === 0 ? '\u2022' : '\u2013';
    const measure = measureAt(this.options.metrics, style.size);
    const labels = token.items.map((_, i) => {
      const text = ordered ? `${start + i}${delimiter}` : bullet;
      return { text, width: measure(style.font, text) };
    });
    const labelWidth = Math.max(LIST.labelWidth, ...labels.map((label) => label.width + 7));
    return {
      kind: 'list',
      node,
      depth,
      ordered,
      labelWidth,
      items: token.items.map((item, i) => {
        const li = structChild(node, 'LI');
        const label = { ...labels[i]!, node: structChild(li, 'Lbl') };
        const body = structChild(li, 'LBody');
        return { node: li, label, body, blocks: this.blocks(item.tokens, body, width - labelWidth, depth + 1, false) };
      }),
    };
  }

  private text(node: StructNode, runs: Run[], style: BlockStyle, width: number, out: Block[]): void {
    const lines = this.lines(runs, style, width);
    if (lines.length > 0) out.push({ kind: 'text', node, style, lines, keepWithNext: 0 });
  }

  private lines(input: Run[], style: BlockStyle, width: number): Line[] {
    const { metrics, lineCache } = this.options;
    const runs = input.map((run) => ('br' in run ? run : { ...run, text: metrics.drawable(fontFor(style.font, run.bold, run.italic), run.text) }));
    const hyphenate = style.hyphenate ? this.hyphenateWord : undefined;
    const key = lineCache && cacheKey(runs, style, width, hyphenate === undefined ? undefined : this.namesKey, this.units);
    const cached = key === undefined ? undefined : lineCache!.get(key);
    if (cached) return cached;
    const measure = measureAt(metrics, style.size);
    const lines = breakLines(buildPieces(runs, style.font, measure, hyphenate, this.units), width, measure, {
      hyphenZone: HYPHEN_ZONE_EM * style.size,
      maxConsecutiveHyphens: MAX_CONSECUTIVE_HYPHENS,
    });
    if (key !== undefined) lineCache!.set(key, lines);
    return lines;
  }
}

/** `hyphenated`: undefined without hyphenation, else the proper names it leaves alone. */
function cacheKey(runs: readonly Run[], style: BlockStyle, width: number, hyphenated: string | undefined, units: ReadonlySet<string> | undefined): string {
  let key = `${style.font}|${style.size}|${width}|${hyphenated === undefined ? 0 : `1:${hyphenated}`}|${units ? [...units].join(' ') : ''}`;
  for (const run of runs) key += 'br' in run ? '\u0000n' : `\u0000${run.bold ? 'b' : ''}${run.italic ? 'i' : ''}:${run.text}`;
  return key;
}

/**
 * Only plain words are hyphenated: no numbers, abbreviations or names in capitals ("KIM", "AufenthG",
 * "SGB"); compounds are hyphenated per part ("Case-Managements": "Managements").
 */
function isHyphenatable(part: string): boolean {
  return part.length >= 6 && /^\p{Lu}?\p{Ll}+$/u.test(part);
}

/**
 * The word without a break that would carry only two letters to the next line ("folgen-" | "de",
 * "Arbei-" | "te"): a syllable that short alone at a line start reads as a stray word. The patterns
 * allow it (Duden does); a print shop keeps at least three letters, as TeX's \righthyphenmin=3.
 */
function withoutShortTail(hyphenated: string): string {
  const at = hyphenated.lastIndexOf('\u00ad');
  return at >= 0 && hyphenated.length - at - 1 < 3 ? hyphenated.slice(0, at) + hyphenated.slice(at + 1) : hyphenated;
}

/** A word of a proper name of the data, or its genitive ("Lüdinghausens", "Kreises"). */
function isProperName(part: string, names: ReadonlySet<string>): boolean {
  return names.has(part) || (part.endsWith('s') && (names.has(part.slice(0, -1)) || (part.endsWith('es') && names.has(part.slice(0, -2)))));
}
