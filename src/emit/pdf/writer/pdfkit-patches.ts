/**
 * Every use of pdfkit beyond its documented API, in one place, each with its reason. Everything else
 * the writer does with pdfkit (pages, structure elements, marked content, images, outline items,
 * document info) is pdfkit's public API, typed in `PdfDoc` below. @types/pdfkit lags behind pdfkit 0.20
 * (tagging, PDF/A), so the types are kim's own.
 *
 * If a pdfkit update changes one of these internals, the conformance tests fail (file ID, XMP, outline
 * counts, list attributes, fonts are all checked on the output).
 */
import { createRequire } from 'node:module';

export interface StructElem {
  add(child: StructElem | StructContent): StructElem;
  end(): void;
}

/** Opaque marked-content handle returned by markStructureContent. */
export interface StructContent {
  readonly refs: unknown[];
}

export interface OutlineItem {
  addItem(title: string, options?: { expanded?: boolean }): OutlineItem;
}

/** A PDF object; written when ended. */
export interface PdfRef {
  end(chunk?: Uint8Array | string): void;
}

export interface PdfDoc {
  outline: OutlineItem;
  addPage(options: Record<string, unknown>): PdfDoc;
  struct(type: string, options?: Record<string, unknown>): StructElem;
  addStructure(elem: StructElem): PdfDoc;
  markContent(tag: string, options?: Record<string, unknown>): PdfDoc;
  markStructureContent(tag: string, options?: Record<string, unknown>): StructContent;
  endMarkedContent(): PdfDoc;
  image(src: Uint8Array, x: number, y: number, options: { width: number; height: number }): PdfDoc;
  on(event: 'data', listener: (chunk: Uint8Array) => void): PdfDoc;
  on(event: 'end', listener: () => void): PdfDoc;
  on(event: 'error', listener: (error: unknown) => void): PdfDoc;
  end(): void;
}

export type PdfDocConstructor = new (options: Record<string, unknown>) => PdfDoc;

/**
 * pdfkit's dependencies that kim never or rarely needs: fontkit (kim embeds prebuilt fonts; fontkit is
 * only needed for a character outside them, and then loaded by fonts.ts itself), linebreak (pdfkit's own
 * text wrapping, unused), png-js (only for a PNG logo), and the hash and cipher helpers of encryption
 * (unused; the file ID is set below). pdfkit requires them all when it loads, which costs some 150 ms
 * of a cold start; here each is a stand-in that loads the real module on first use.
 */
const LAZY_DEPENDENCIES = new Set(['fontkit', 'linebreak', 'png-js', '@noble/hashes/utils', '@noble/ciphers/aes']);

interface ModuleInternals {
  _load(request: string, parent: { filename?: string } | undefined, isMain: boolean): unknown;
}

/** pdfkit's CommonJS build (it loads faster than the ES module build: same code, no module graph). */
export function loadPdfkit(): PdfDocConstructor {
  const require = createRequire(import.meta.url);
  const path = require.resolve('pdfkit');
  const Module = require('node:module') as ModuleInternals;
  const load = Module._load;
  // Node's module loader hook, active only while pdfkit's file itself runs its require calls.
  Module._load = function lazyLoad(this: unknown, request, parent, isMain) {
    if (parent?.filename === path && LAZY_DEPENDENCIES.has(request)) return onFirstUse(() => load.call(this, request, parent, isMain));
    return load.call(this, request, parent, isMain);
  };
  try {
    return require(path) as PdfDocConstructor;
  } finally {
    Module._load = load;
  }
}

function onFirstUse(load: () => unknown): unknown {
  let real: object | undefined;
  const target = () => (real ??= load() as object);
  // A function target, so that the stand-in can also be called and constructed (`new PNG(data)`).
  return new Proxy(function standIn() {}, {
    get: (_, key) => Reflect.get(target(), key),
    has: (_, key) => Reflect.has(target(), key),
    apply: (_, self, args) => Reflect.apply(target() as (...a: unknown[]) => unknown, self, args),
    construct: (_, args) => Reflect.construct(target() as new (...a: unknown[]) => object, args),
  });
}

interface DocInternals {
  _id: unknown;
  _addInfo: () => void;
  appendXML(xml: string, newline?: boolean): void;
  ref(data?: Record<string, unknown>): PdfRef;
  addContent(data: string): void;
  page: { dictionary: unknown; fonts: Record<string, unknown>; height: number };
}

const internals = (doc: PdfDoc) => doc as unknown as DocInternals;

/**
 * A hex string object: pdfkit writes any object that is not a plain object, array, string, number or
 * date by its `toString()`. Used for the file ID, so pdfkit does not need its hex helper (@noble).
 */
class PdfHexString {
  constructor(private readonly hex: string) {}
  get [Symbol.toStringTag]() {
    return 'PdfHexString';
  }
  toString(): string {
    return `<${this.hex}>`;
  }
}

/** The trailer's file ID: pdfkit derives it from the clock; kim from the input, for the same bytes twice. */
export function setFileId(doc: PdfDoc, id: Uint8Array): void {
  internals(doc)._id = new PdfHexString(Buffer.from(id).toString('hex'));
}

/**
 * pdfkit writes its own XMP from the Info dictionary without XML escaping (a title with "&" makes the
 * packet invalid) and with one conformance identifier only; kim replaces that part (see xmp.ts). pdfkit
 * still adds the pdfaid block itself.
 */
export function replaceXmp(doc: PdfDoc, xml: string): void {
  const d = internals(doc);
  d._addInfo = () => d.appendXML(xml);
}

/** A PDF object written as is, e.g. a stream that is deflated already (a Filter entry stops pdfkit's own compression). */
export function pdfObject(doc: PdfDoc, data: Record<string, unknown>): PdfRef {
  return internals(doc).ref(data);
}

/** Raw content stream operators on the current page (pdfkit's own text drawing is not used, see draw.ts). */
export function appendContent(doc: PdfDoc, operators: string): void {
  internals(doc).addContent(operators);
}

/** A font resource of the current page. */
export function addPageFont(doc: PdfDoc, name: string, font: PdfRef): void {
  internals(doc).page.fonts[name] = font;
}

/** The current page's dictionary, for outline destinations. */
export function currentPage(doc: PdfDoc): unknown {
  return internals(doc).page.dictionary;
}

/** Standard structure attributes pdfkit's struct() does not know: ListNumbering on lists (ISO 32000-1, 14.8.5.5). */
export function setListNumbering(elem: StructElem, numbering: string): void {
  (elem as unknown as { dictionary: { data: Record<string, unknown> } }).dictionary.data['A'] = { O: 'List', ListNumbering: numbering };
}

interface OutlineInternals {
  outlineData: Record<string, unknown>;
}

/**
 * pdfkit writes an XYZ destination with a wrong "left" (page width minus the option) and the outline's
 * Count only as the number of direct children of an expanded item, never on the outline root, which
 * ISO 32000-1 (12.3.3) requires whenever an item is open. kim sets both itself: items are added as
 * "not expanded" so pdfkit leaves Count alone.
 */
export function setOutlineDestination(item: OutlineItem, page: unknown, top: number): void {
  (item as unknown as OutlineInternals).outlineData['Dest'] = [page, 'XYZ', null, top, null];
}

/** Count of an open outline item, or of the outline root: the number of visible items below it. */
export function setOutlineCount(item: OutlineItem, count: number): void {
  (item as unknown as OutlineInternals).outlineData['Count'] = count;
}
