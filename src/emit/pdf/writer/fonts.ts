/**
 * The fonts: Source Sans 3 in four faces, embedded from the subsets prebuilt at build time
 * (font-asset.ts), with widths from the same table as layout uses. fontkit is loaded only for a
 * document with a character outside the prebuilt set (then that face is subset again, for that set plus
 * those characters), or when the prebuilt assets are missing. A character the font does not have at
 * all is drawn as "?": PDF/A forbids drawing the missing-glyph box.
 *
 * Text is set with plain advances, one glyph per character: no kerning and no ligatures (a word
 * processor's default), which the Latin text of a Vorlage does not need.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ASSET_DIR, fontAssetName } from '../assets.js';
import type { FontMetrics } from '../layout/metrics.js';
import type { Segment } from '../layout/linebreak.js';
import type { Page } from '../layout/paginate.js';
import type { FontKey } from '../layout/styles.js';
import { buildFontAsset, decodeFontAsset, glyphOutline, FLAT, NO_GLYPH, VORLAGE_CHARACTERS, type FontAsset, type FontkitFont } from './font-asset.js';
import { addPageFont, pdfObject, type PdfDoc, type PdfRef } from './pdfkit-patches.js';

/** PostScript names; the TrueType files are `source-sans/TTF/<name>.ttf`. */
export const FACES: Record<FontKey, string> = {
  regular: 'SourceSans3-Regular',
  bold: 'SourceSans3-Bold',
  italic: 'SourceSans3-It',
  boldItalic: 'SourceSans3-BoldIt',
};

/** Resource names in the page dictionaries (pdfkit's own fonts would be F1, F2 …). */
const RESOURCE_NAMES: Record<FontKey, string> = { regular: 'KR', bold: 'KB', italic: 'KI', boldItalic: 'KBI' };

const QUESTION_MARK = 0x3f;

/** One face as embedded: the CID and advance of each character (from the asset's tables), its text encoding. */
export class Face {
  private readonly moreCids = new Map<number, number>();
  private readonly moreAdvances = new Map<number, number>();
  /** CID → its four hex digits in the content stream. */
  readonly hex: string[];
  /** Matches a character without a CID here (then the document needs a face with extras). */
  readonly outside: RegExp;
  /** Matches a character the font has no glyph for (whitespace aside: layout removes it). */
  readonly missing: RegExp;

  constructor(readonly asset: FontAsset) {
    for (const [cp, advance, cid] of asset.high) {
      this.moreAdvances.set(cp, advance);
      if (cid > 0) this.moreCids.set(cp, cid);
    }
    this.hex = asset.widths.map((_, cid) => cid.toString(16).padStart(4, '0'));
    // One native regular expression test per text instead of a loop over its characters.
    this.outside = new RegExp(asset.outsidePattern, 'u');
    this.missing = new RegExp(asset.missingPattern, 'u');
  }

  /** The CID of a code point, 0 if it is not in this subset. */
  cid(cp: number): number {
    return cp < FLAT ? this.asset.flatCids[cp]! : (this.moreCids.get(cp) ?? 0);
  }

  /** Advance in 1/1000 em; NaN if the font has no glyph for it. */
  advance(cp: number): number {
    if (cp >= FLAT) return this.moreAdvances.get(cp) ?? Number.NaN;
    const advance = this.asset.flatAdvances[cp]!;
    return advance === NO_GLYPH ? Number.NaN : advance;
  }

  /**
   * The text's glyphs as filled shapes, one after the other from the origin: PDF operators in 1/1000 em,
   * y up (the caller scales and places them).
   */
  shapes(text: string): string {
    const ops: string[] = [];
    let x = 0;
    for (const char of text) {
      const cid = this.cid(char.codePointAt(0)!) || this.cid(QUESTION_MARK);
      const outline = glyphOutline(this.asset, cid);
      if (outline !== '') ops.push(`q 1 0 0 1 ${x} 0 cm ${outline} f Q`);
      x += this.asset.widths[cid] ?? 0;
    }
    return ops.join('\n');
  }

  /** The text as a hex string of CIDs; a character without one (never drawn: layout replaced it) as "?". */
  encode(text: string): string {
    const parts: string[] = [];
    for (let i = 0; i < text.length; i++) {
      let cp = text.charCodeAt(i);
      if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < text.length) cp = text.codePointAt(i++)!;
      parts.push(this.hex[this.cid(cp) || this.cid(QUESTION_MARK)]!);
    }
    return parts.join('');
  }
}

/** The faces of one renderer: metrics for layout, and faces with extra characters when a document needs them. */
export class FontSet implements FontMetrics {
  /** Encoded text of segments in the prebuilt faces, for as long as the segment lives (line cache). */
  readonly encoded = new WeakMap<Segment, string>();
  private readonly faces = new Map<FontKey, Face>();
  private readonly extended = new Map<string, Face>();
  private readonly fontkitFonts = new Map<FontKey, FontkitFont>();

  face(key: FontKey): Face {
    let face = this.faces.get(key);
    if (!face) {
      face = new Face(this.loadAsset(key));
      this.faces.set(key, face);
    }
    return face;
  }

  width(font: FontKey, text: string): number {
    const face = this.face(font);
    let sum = 0;
    for (let i = 0; i < text.length; i++) {
      let cp = text.charCodeAt(i);
      if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < text.length) cp = text.codePointAt(i++)!;
      const advance = face.advance(cp);
      sum += Number.isNaN(advance) ? face.advance(QUESTION_MARK) : advance;
    }
    return sum / 1000;
  }

  drawable(font: FontKey, text: string): string {
    const face = this.face(font);
    if (!face.missing.test(text)) return text;
    let out: string | undefined;
    let i = 0;
    for (const char of text) {
      const cp = char.codePointAt(0)!;
      const ok = !Number.isNaN(face.advance(cp)) || cp === 0x20 || cp === 0x09 || cp === 0x0a || cp === 0x0d;
      if (!ok) out ??= text.slice(0, i);
      if (out !== undefined) out += ok ? char : '?';
      i += char.length;
    }
    return out ?? text;
  }

  /** The face with `extras` (sorted code points the font has, outside the prebuilt set) added, made once per set. */
  withExtras(key: FontKey, extras: readonly number[]): Face {
    const id = `${key}:${extras.join(',')}`;
    let face = this.extended.get(id);
    if (!face) {
      face = new Face(buildFontAsset(this.fontkit(key), [...this.face(key).asset.codePoints, ...extras]));
      // A renderer that meets many odd characters keeps only the latest few.
      if (this.extended.size >= 16) this.extended.delete(this.extended.keys().next().value!);
      this.extended.set(id, face);
    }
    return face;
  }

  private loadAsset(key: FontKey): FontAsset {
    let asset: FontAsset | undefined;
    try {
      asset = decodeFontAsset(readFileSync(join(ASSET_DIR, fontAssetName(FACES[key]))));
    } catch {
      // No prebuilt asset (a bare `tsc` build).
    }
    // Missing or of another format: subset the font here, as the build would.
    return asset ?? buildFontAsset(this.fontkit(key), VORLAGE_CHARACTERS);
  }

  private fontkit(key: FontKey): FontkitFont {
    let font = this.fontkitFonts.get(key);
    if (!font) {
      const require = createRequire(import.meta.url);
      // fontkit exactly as pdfkit itself resolves it (pdfkit's own dependency, so always the same version).
      const fontkit = createRequire(require.resolve('pdfkit'))('fontkit') as { create(bytes: Uint8Array): FontkitFont };
      font = fontkit.create(readFileSync(require.resolve(`source-sans/TTF/${FACES[key]}.ttf`)));
      this.fontkitFonts.set(key, font);
    }
    return font;
  }
}

/** The fonts of one document: which face each key uses, the resources on each page, the font objects at the end. */
export class DocumentFonts {
  private readonly faces = new Map<FontKey, Face>();
  private readonly refs = new Map<FontKey, PdfRef>();
  private pageFonts = new Set<FontKey>();

  constructor(
    private readonly doc: PdfDoc,
    private readonly set: FontSet,
    pages: readonly Page[],
  ) {
    // Characters outside the prebuilt subsets, per face: they decide the face before anything is drawn.
    const extras = new Map<FontKey, Set<number>>();
    for (const page of pages) {
      for (const item of page.items) {
        // A drawing's labels (the staffing chart) are text in the regular and bold faces as well.
        const segments =
          item.kind === 'text' ? item.segments : item.kind === 'figure' && item.drawing ? item.drawing.shapes.flatMap((s) => (s.kind === 'text' ? [{ text: s.text, font: s.bold ? ('bold' as const) : ('regular' as const) }] : [])) : [];
        for (const segment of segments) {
          const face = set.face(segment.font);
          if (!face.outside.test(segment.text)) continue;
          for (const char of segment.text) {
            const cp = char.codePointAt(0)!;
            if (face.cid(cp) === 0 && !Number.isNaN(face.advance(cp))) {
              let list = extras.get(segment.font);
              if (!list) extras.set(segment.font, (list = new Set()));
              list.add(cp);
            }
          }
        }
      }
    }
    for (const [key, list] of extras) this.faces.set(key, set.withExtras(key, [...list].sort((a, b) => a - b)));
  }

  /** Starts a page: font resources are per page. */
  beginPage(): void {
    this.pageFonts = new Set();
  }

  /** The resource name of a face on the current page (added to the page's resources on first use). */
  use(key: FontKey): string {
    if (!this.pageFonts.has(key)) {
      this.pageFonts.add(key);
      let ref = this.refs.get(key);
      if (!ref) {
        ref = this.fontObjects(this.face(key));
        this.refs.set(key, ref);
      }
      addPageFont(this.doc, RESOURCE_NAMES[key], ref);
    }
    return RESOURCE_NAMES[key];
  }

  /** A segment's text as a hex string of CIDs (Identity-H: two bytes per character). */
  encode(segment: Segment): string {
    const extended = this.faces.get(segment.font);
    // Lines from the line cache are shared by documents, and so is their encoding in the prebuilt faces
    // (whose CIDs an extended face keeps, but it may have more).
    if (extended) return extended.encode(segment.text);
    let hex = this.set.encoded.get(segment);
    if (hex === undefined) {
      hex = this.set.face(segment.font).encode(segment.text);
      this.set.encoded.set(segment, hex);
    }
    return hex;
  }

  /** The hex code of a space in the face (the invisible space at a line end). */
  space(key: FontKey): string {
    return this.face(key).encode(' ');
  }

  /** The glyphs of `text` in a face as filled shapes from the origin, in 1/1000 em, y up (Face.shapes). */
  shapes(key: FontKey, text: string): string {
    return this.face(key).shapes(text);
  }

  /** The hex code of a hyphen-minus in the face (the hyphen drawn at a hyphenation break). */
  hyphen(key: FontKey): string {
    return this.face(key).encode('-');
  }

  /** A segment's advance in em (the same in a face with extras: same font, same glyphs). */
  width(segment: Segment): number {
    return this.set.width(segment.font, segment.text);
  }

  /** Writes the font objects of every face used (their dictionaries were referenced by the pages). */
  end(): void {
    for (const write of this.pending) write();
    this.pending.length = 0;
  }

  private readonly pending: (() => void)[] = [];

  private face(key: FontKey): Face {
    return this.faces.get(key) ?? this.set.face(key);
  }

  /** Type0 font → CIDFontType2 → descriptor → font program, ToUnicode, CIDToGIDMap, CIDSet (PDF/A-2 allows it, PDF/A-1 wants it). */
  private fontObjects(face: Face): PdfRef {
    const a = face.asset;
    const streams = a.streams;
    const name = `${a.tag}+${a.postscriptName}`;
    const stream = (bytes: Uint8Array, extra: Record<string, unknown> = {}) => {
      const ref = pdfObject(this.doc, { Filter: 'FlateDecode', ...extra });
      this.pending.push(() => ref.end(bytes));
      return ref;
    };
    const object = (data: Record<string, unknown>) => {
      const ref = pdfObject(this.doc, data);
      this.pending.push(() => ref.end());
      return ref;
    };
    const d = a.descriptor;
    const descriptor = object({
      Type: 'FontDescriptor',
      FontName: name,
      Flags: d.flags,
      FontBBox: d.bbox,
      ItalicAngle: d.italicAngle,
      Ascent: d.ascent,
      Descent: d.descent,
      CapHeight: d.capHeight,
      XHeight: d.xHeight,
      StemV: 0,
      FontFile2: stream(streams.fontFile, { Length1: a.fontFileLength }),
      CIDSet: stream(streams.cidSet),
    });
    const cidFont = object({
      Type: 'Font',
      Subtype: 'CIDFontType2',
      BaseFont: name,
      CIDSystemInfo: { Registry: new String('Adobe'), Ordering: new String('Identity'), Supplement: 0 },
      FontDescriptor: descriptor,
      W: [0, a.widths],
      CIDToGIDMap: stream(streams.cidToGidMap),
    });
    return object({
      Type: 'Font',
      Subtype: 'Type0',
      BaseFont: name,
      Encoding: 'Identity-H',
      DescendantFonts: [cidFont],
      ToUnicode: stream(streams.toUnicode),
    });
  }
}
