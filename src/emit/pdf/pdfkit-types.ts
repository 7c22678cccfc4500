/**
 * The slice of pdfkit's document API the engine uses, typed here once. @types/pdfkit lags behind pdfkit
 * 0.20 (tagging, subsets) and a few internals are used on purpose; each is named and explained where it
 * is used (see engine.ts): `_id` (deterministic file ID), `_addInfo` (escaped XMP, two conformance
 * identifiers), `_fontFamilies` (ToUnicode of the soft-hyphen twin font).
 */

export interface StructElem {
  add(child: StructElem | StructContent): StructElem;
  end(): void;
}

// Opaque marked-content handle returned by markStructureContent.
export interface StructContent {
  readonly refs: unknown[];
}

export interface OutlineItem {
  addItem(title: string, options?: { expanded?: boolean }): OutlineItem;
  outlineData: Record<string, unknown>;
}

export interface EmbeddedFontInternals {
  /** ToUnicode source: subset glyph id → code points. */
  unicode?: number[][];
}

export interface Doc {
  page: { dictionary: unknown; height: number };
  outline: OutlineItem;
  info: Record<string, unknown>;
  registerFont(name: string, src: unknown): Doc;
  font(name: string): Doc;
  fontSize(size: number): Doc;
  fillColor(color: string): Doc;
  strokeColor(color: string): Doc;
  lineWidth(width: number): Doc;
  moveTo(x: number, y: number): Doc;
  lineTo(x: number, y: number): Doc;
  rect(x: number, y: number, w: number, h: number): Doc;
  fill(color?: string): Doc;
  stroke(): Doc;
  save(): Doc;
  restore(): Doc;
  text(text: string, x: number, y: number, options: Record<string, unknown>): Doc;
  widthOfString(text: string): number;
  addPage(options?: Record<string, unknown>): Doc;
  switchToPage(n: number): unknown;
  bufferedPageRange(): { start: number; count: number };
  struct(type: string, options?: Record<string, unknown>): StructElem;
  addStructure(elem: StructElem): Doc;
  markContent(tag: string, options?: Record<string, unknown>): Doc;
  markStructureContent(tag: string, options?: Record<string, unknown>): StructContent;
  endMarkedContent(): Doc;
  appendXML(xml: string, newline?: boolean): void;
  on(event: 'data', listener: (chunk: Uint8Array) => void): Doc;
  on(event: 'end', listener: () => void): Doc;
  on(event: 'error', listener: (error: unknown) => void): Doc;
  end(): void;
  // pdfkit internals, see the file comment.
  _id: Uint8Array;
  _addInfo: () => void;
  _fontFamilies: Record<string, EmbeddedFontInternals | undefined>;
}

export type DocConstructor = new (options: Record<string, unknown>) => Doc;
