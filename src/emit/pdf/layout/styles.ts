/** Page geometry and the style table: every layout decision about sizes and spacing lives here. */

export type FontKey = 'regular' | 'bold' | 'italic' | 'boldItalic';

const MM = 72 / 25.4;

/** A4 portrait with margins in the spirit of DIN 5008 (left 25 mm, right 20 mm). */
export const PAGE = {
  width: 595.28,
  height: 841.89,
  marginLeft: 25 * MM,
  marginRight: 20 * MM,
  /** Top of the text area: 27 mm, which leaves room for a letterhead-like header space. */
  marginTop: 27 * MM,
  /** Bottom of the text area: 25 mm above the paper edge; below it only the footer is drawn. */
  marginBottom: 25 * MM,
  /** Baseline of the footer line ("Seite X von Y"), measured from the paper's bottom edge. */
  footerBaselineFromBottom: 14 * MM,
} as const;

export const CONTENT_WIDTH = PAGE.width - PAGE.marginLeft - PAGE.marginRight;
export const CONTENT_BOTTOM = PAGE.height - PAGE.marginBottom;

export interface BlockStyle {
  font: FontKey;
  /** Font size in pt. */
  size: number;
  /** Line height as a multiple of the font size. */
  lineHeight: number;
  /** Vertical space before and after the block in pt; adjacent spaces collapse to the larger one. */
  spaceBefore: number;
  spaceAfter: number;
  /** German hyphenation (soft hyphens); only for running text, never for headings or table cells. */
  hyphenate: boolean;
  /** Grey level of the text (0 = black). */
  color: string;
}

const body: BlockStyle = {
  font: 'regular',
  size: 11,
  lineHeight: 1.3,
  spaceBefore: 0,
  spaceAfter: 8,
  hyphenate: true,
  color: '#000000',
};

/** Keyed by marked token type (headings by depth). */
export const STYLES = {
  paragraph: body,
  /** Paragraphs before the first heading (the letterhead): set tighter, like a form head. */
  frontParagraph: { ...body, spaceAfter: 6, hyphenate: false },
  heading1: { ...body, font: 'bold', size: 14, lineHeight: 1.2, spaceBefore: 20, spaceAfter: 8, hyphenate: false },
  heading2: { ...body, font: 'bold', size: 12, lineHeight: 1.2, spaceBefore: 18, spaceAfter: 6, hyphenate: false },
  heading3: { ...body, font: 'bold', size: 11.5, lineHeight: 1.25, spaceBefore: 12, spaceAfter: 4, hyphenate: false },
  heading4: { ...body, font: 'bold', size: 11, lineHeight: 1.3, spaceBefore: 10, spaceAfter: 3, hyphenate: false },
  list: { ...body, spaceBefore: 2, spaceAfter: 8 },
  listItem: { ...body, spaceAfter: 2 },
  tableCell: { ...body, size: 10.5, lineHeight: 1.25, hyphenate: false },
  tableHeader: { ...body, font: 'bold', size: 10.5, lineHeight: 1.25, hyphenate: false },
  table: { ...body, spaceBefore: 4, spaceAfter: 10 },
  code: { ...body, size: 10, lineHeight: 1.25, spaceBefore: 4, hyphenate: false, color: '#222222' },
  footer: { ...body, size: 9, lineHeight: 1.2, hyphenate: false, color: '#444444' },
} satisfies Record<string, BlockStyle>;

export function headingStyle(level: number): BlockStyle {
  if (level <= 1) return STYLES.heading1;
  if (level === 2) return STYLES.heading2;
  if (level === 3) return STYLES.heading3;
  return STYLES.heading4;
}

export const LIST = {
  /** Indent of the list marker from the enclosing left edge. */
  indent: 0,
  /** Space reserved for the marker ("1)", "10.", "•") before the item text. */
  labelWidth: 20,
  /** Extra indent per nesting level. */
  nestedIndent: 20,
} as const;

export const TABLE = {
  paddingX: 5,
  paddingY: 3,
  headerFill: '#e6e6e6',
  ruleColor: '#7a7a7a',
  ruleWidth: 0.5,
  headerRuleWidth: 0.9,
} as const;

/** Thin rule under the letterhead (the Markdown before the first heading). */
export const FRONT_RULE = { gapBefore: 4, gapAfter: 2, width: 0.6, color: '#7a7a7a' } as const;

/** The Kreis's logo: top right of the first page, in the band above the text area, scaled to fit. */
export const LOGO = { top: 9 * MM, maxHeight: 15 * MM, maxWidth: 50 * MM } as const;

/** Hyphenate only where a line would otherwise end more than this many em short (ragged right). */
export const HYPHEN_ZONE_EM = 2.5;
/** At most this many consecutive lines end with a hyphen. */
export const MAX_CONSECUTIVE_HYPHENS = 2;
