/**
 * A font as the PDF embeds it, made from a TrueType font and a list of characters: the subset font
 * program, the widths (W), the ToUnicode CMap, the CIDToGIDMap and the CIDSet, each stream already
 * deflated. Made once at build time for the characters of a German Vorlage (scripts/build-pdf-assets.mjs
 * stores it as JSON), so a run embeds bytes instead of subsetting; made at run time, with fontkit, only
 * for a document that uses a character outside that set (then with the set plus those characters).
 *
 * Character i of the list is CID i + 1 (CID 0 is .notdef). The CIDs of the list's characters therefore
 * do not depend on what is appended, and characters that share a glyph (hyphen, soft hyphen, U+2010,
 * U+2011) still get their own CID, so text extraction returns the character that was written.
 */
import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';

/** Changes with the asset's layout, so a run never reads an asset of another kim version as its own. */
export const FONT_ASSET_FORMAT = 3;

/** Code points below this have their advance and CID in flat tables; the few above, in a list. */
export const FLAT = 0x2200;
/** In the flat advance table: the font has no glyph for this code point. */
export const NO_GLYPH = 0xffff;

export interface FontAsset {
  postscriptName: string;
  /** Subset prefix of the font name (six capitals, from a hash of the font program). */
  tag: string;
  /** Code point of every CID from 1 on. */
  codePoints: number[];
  /** Advance of every CID from 0 on, in 1/1000 em. */
  widths: number[];
  descriptor: {
    flags: number;
    bbox: [number, number, number, number];
    italicAngle: number;
    ascent: number;
    descent: number;
    capHeight: number;
    xHeight: number;
  };
  /** Advance in 1/1000 em of every code point below FLAT the font has a glyph for (else NO_GLYPH)… */
  flatAdvances: Uint16Array;
  /** …and its CID here (0: none, the font has it but this subset does not). */
  flatCids: Uint16Array;
  /** The same for the code points from FLAT on that the font has: [code point, advance, CID]. */
  high: [number, number, number][];
  /** A regular expression (u flag) matching a character without a CID here… */
  outsidePattern: string;
  /** …and one matching a character the font has no glyph for (tab, line feed, carriage return aside). */
  missingPattern: string;
  /** Deflated streams; the font program's length before deflating is the stream's Length1. */
  streams: { fontFile: Uint8Array; toUnicode: Uint8Array; cidToGidMap: Uint8Array; cidSet: Uint8Array };
  fontFileLength: number;
  /**
   * The outline of every CID's glyph from 0 on as PDF path operators (m, l, c, h) in 1/1000 em, y up:
   * for drawing the two parts of a hyphenated word as shapes, which no reader extracts as text (draw.ts).
   * Latin-1 text, CID i from offsets[i] to offsets[i + 1]: a run decodes only the glyphs it draws.
   */
  outlines: { offsets: Uint32Array; text: Uint8Array };
}

/** The outline of a CID's glyph (FontAsset.outlines); '' for none. */
export function glyphOutline(asset: FontAsset, cid: number): string {
  const { offsets, text } = asset.outlines;
  if (cid + 1 >= offsets.length) return '';
  return Buffer.from(text.buffer, text.byteOffset + offsets[cid]!, offsets[cid + 1]! - offsets[cid]!).toString('latin1');
}

function packOutlines(outlines: readonly string[]): FontAsset['outlines'] {
  const offsets = new Uint32Array(outlines.length + 1);
  outlines.forEach((outline, i) => (offsets[i + 1] = offsets[i]! + outline.length));
  return { offsets, text: new Uint8Array(Buffer.from(outlines.join(''), 'latin1')) };
}

/** The slice of a fontkit font used here. */
export interface FontkitFont {
  postscriptName: string;
  unitsPerEm: number;
  ascent: number;
  descent: number;
  capHeight: number;
  xHeight: number;
  italicAngle: number;
  bbox: { minX: number; minY: number; maxX: number; maxY: number };
  characterSet: number[];
  post: { isFixedPitch: number | boolean };
  head: { macStyle: { italic: boolean } };
  'OS/2'?: { sFamilyClass: number };
  glyphForCodePoint(codePoint: number): { id: number; advanceWidth: number; path: { commands: { command: string; args: number[] }[] } };
  createSubset(): { includeGlyph(id: number): number; encode(): Uint8Array };
}

/**
 * The characters of a German Vorlage: Latin-1 and Latin Extended-A (all German and most European
 * names), the euro sign, typographic quotes, dashes and spaces, the bullet, a few signs. Each face embeds
 * this set whole (about 400 glyphs), whether a document uses them or not.
 */
export const VORLAGE_CHARACTERS: readonly number[] = [
  ...range(0x20, 0x7e),
  ...range(0xa0, 0xff),
  ...range(0x100, 0x17f),
  0x2007, 0x2009, 0x200a, 0x202f, // figure, thin, hair and narrow no-break space
  ...range(0x2010, 0x2014), // hyphens and dashes
  0x2018, 0x2019, 0x201a, 0x201c, 0x201d, 0x201e, 0x2039, 0x203a, // quotes
  0x2020, 0x2021, 0x2022, 0x2026, 0x2030, // daggers, bullet, ellipsis, per mille
  0x20ac, 0x2122, 0x2212, // euro, trade mark, minus
  ...range(0x2190, 0x2193), // arrows
];

function range(first: number, last: number): number[] {
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

export function buildFontAsset(font: FontkitFont, characters: readonly number[]): FontAsset {
  const scale = 1000 / font.unitsPerEm;
  const covered = new Set(font.characterSet);
  const codePoints = [...new Set(characters)].filter((cp) => covered.has(cp) && font.glyphForCodePoint(cp).id !== 0);
  const subset = font.createSubset();
  const gids = [0];
  const widths = [Math.round(font.glyphForCodePoint(0).advanceWidth * scale)];
  const outlines = [''];
  for (const cp of codePoints) {
    const glyph = font.glyphForCodePoint(cp);
    gids.push(subset.includeGlyph(glyph.id));
    widths.push(Math.round(glyph.advanceWidth * scale));
    outlines.push(pathOperators(glyph.path.commands, scale));
  }
  const program = subset.encode();
  const coverageList = [...covered].filter((cp) => font.glyphForCodePoint(cp).id !== 0).sort((a, b) => a - b);

  const cidToGid = new Uint8Array(gids.length * 2);
  gids.forEach((gid, cid) => {
    cidToGid[2 * cid] = gid >> 8;
    cidToGid[2 * cid + 1] = gid & 0xff;
  });
  const cidSet = new Uint8Array(Math.ceil(gids.length / 8));
  for (let cid = 0; cid < gids.length; cid++) cidSet[cid >> 3]! |= 0x80 >> (cid & 7);

  // Flags as pdfkit computes them: fixed pitch, serif (by the OS/2 family class), symbolic, script, italic.
  const familyClass = (font['OS/2']?.sFamilyClass ?? 0) >> 8;
  let flags = 1 << 2;
  if (font.post.isFixedPitch) flags |= 1 << 0;
  if (familyClass >= 1 && familyClass <= 7) flags |= 1 << 1;
  if (familyClass === 10) flags |= 1 << 3;
  if (font.head.macStyle.italic) flags |= 1 << 6;

  const digest = createHash('sha256').update(program).digest();
  const tag = Array.from(digest.subarray(0, 6), (byte) => String.fromCharCode(65 + (byte % 26))).join('');
  const deflate = (bytes: Uint8Array | string) => new Uint8Array(deflateSync(bytes, { level: 9 }));
  const flatAdvances = new Uint16Array(FLAT).fill(NO_GLYPH);
  const flatCids = new Uint16Array(FLAT);
  const high: [number, number, number][] = [];
  const cidOf = new Map(codePoints.map((cp, i) => [cp, i + 1]));
  for (const cp of coverageList) {
    const advance = Math.round(font.glyphForCodePoint(cp).advanceWidth * scale);
    if (cp < FLAT) {
      flatAdvances[cp] = advance;
      flatCids[cp] = cidOf.get(cp) ?? 0;
    } else high.push([cp, advance, cidOf.get(cp) ?? 0]);
  }
  return {
    postscriptName: font.postscriptName,
    tag,
    codePoints,
    widths,
    flatAdvances,
    flatCids,
    high,
    outsidePattern: notIn(codePoints.map((cp): [number, number] => [cp, cp])),
    missingPattern: notIn([...toRanges(coverageList), [0x09, 0x0a], [0x0d, 0x0d]]),
    descriptor: {
      flags,
      bbox: [font.bbox.minX * scale, font.bbox.minY * scale, font.bbox.maxX * scale, font.bbox.maxY * scale],
      italicAngle: font.italicAngle,
      ascent: font.ascent * scale,
      descent: font.descent * scale,
      capHeight: (font.capHeight || font.ascent) * scale,
      xHeight: (font.xHeight || 0) * scale,
    },
    streams: { fontFile: deflate(program), toUnicode: deflate(toUnicodeCMap(codePoints)), cidToGidMap: deflate(cidToGid), cidSet: deflate(cidSet) },
    fontFileLength: program.length,
    outlines: packOutlines(outlines),
  };
}

/** fontkit's path commands as PDF path operators, scaled; TrueType's quadratic curves become cubic ones. */
function pathOperators(commands: readonly { command: string; args: number[] }[], scale: number): string {
  const ops: string[] = [];
  // Whole thousandths of an em: 0.01 pt at 11 pt, far below what a printer or a screen resolves.
  const num = (v: number) => String(Math.round(v * scale));
  let x = 0;
  let y = 0;
  for (const { command, args } of commands) {
    if (command === 'moveTo' || command === 'lineTo') {
      [x, y] = args as [number, number];
      ops.push(`${num(x)} ${num(y)} ${command === 'moveTo' ? 'm' : 'l'}`);
    } else if (command === 'quadraticCurveTo') {
      const [cx, cy, ex, ey] = args as [number, number, number, number];
      const c1 = [x + ((cx - x) * 2) / 3, y + ((cy - y) * 2) / 3];
      const c2 = [ex + ((cx - ex) * 2) / 3, ey + ((cy - ey) * 2) / 3];
      ops.push(`${num(c1[0]!)} ${num(c1[1]!)} ${num(c2[0]!)} ${num(c2[1]!)} ${num(ex)} ${num(ey)} c`);
      [x, y] = [ex, ey];
    } else if (command === 'bezierCurveTo') {
      const [c1x, c1y, c2x, c2y, ex, ey] = args as [number, number, number, number, number, number];
      ops.push(`${num(c1x)} ${num(c1y)} ${num(c2x)} ${num(c2y)} ${num(ex)} ${num(ey)} c`);
      [x, y] = [ex, ey];
    } else if (command === 'closePath') ops.push('h');
  }
  return ops.join(' ');
}

const MAGIC = 0x464d494b; // "KIMF"
const STREAMS = ['fontFile', 'toUnicode', 'cidToGidMap', 'cidSet'] as const;

/**
 * The asset as one file: magic, format, the length of a JSON header, the header (names, CIDs, widths,
 * descriptor, and where each table and stream is, counted from the end of the header), then the tables
 * and streams, each at a 4-byte boundary. A run reads it with one file read, and tables and streams are
 * views into that buffer: no base64, no copies.
 */
export function encodeFontAsset(asset: FontAsset): Uint8Array {
  const { flatAdvances, flatCids, streams, outlines, ...rest } = asset;
  const blobs: Uint8Array[] = [
    new Uint8Array(flatAdvances.buffer, flatAdvances.byteOffset, flatAdvances.byteLength),
    new Uint8Array(flatCids.buffer, flatCids.byteOffset, flatCids.byteLength),
    ...STREAMS.map((name) => streams[name]),
    new Uint8Array(outlines.offsets.buffer, outlines.offsets.byteOffset, outlines.offsets.byteLength),
    outlines.text,
  ];
  const sections: [number, number][] = [];
  let size = 0;
  for (const blob of blobs) {
    sections.push([size, blob.length]);
    size = align(size + blob.length);
  }
  const header = Buffer.from(JSON.stringify({ ...rest, sections }));
  const start = align(12 + header.length);
  const out = new Uint8Array(start + size);
  const view = new DataView(out.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, FONT_ASSET_FORMAT, true);
  view.setUint32(8, header.length, true);
  out.set(header, 12);
  blobs.forEach((blob, i) => out.set(blob, start + sections[i]![0]));
  return out;
}

/** The asset from encodeFontAsset's bytes, or undefined when they are of another format. */
export function decodeFontAsset(input: Uint8Array): FontAsset | undefined {
  // Typed-array views need aligned offsets; a Buffer from the pool may not have them.
  const bytes = input.byteOffset % 4 === 0 ? input : input.slice();
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 12 || view.getUint32(0, true) !== MAGIC || view.getUint32(4, true) !== FONT_ASSET_FORMAT) return undefined;
  const length = view.getUint32(8, true);
  const { sections, ...rest } = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset + 12, length).toString('utf8')) as Omit<
    FontAsset,
    'flatAdvances' | 'flatCids' | 'streams' | 'outlines'
  > & { sections: [number, number][] };
  const start = align(12 + length);
  const blob = (i: number) => bytes.subarray(start + sections[i]![0], start + sections[i]![0] + sections[i]![1]);
  const table = (i: number) => new Uint16Array(bytes.buffer, bytes.byteOffset + start + sections[i]![0], sections[i]![1] / 2);
  return {
    ...rest,
    flatAdvances: table(0),
    flatCids: table(1),
    streams: { fontFile: blob(2), toUnicode: blob(3), cidToGidMap: blob(4), cidSet: blob(5) },
    outlines: { offsets: new Uint32Array(bytes.buffer, bytes.byteOffset + start + sections[6]![0], sections[6]![1] / 4), text: blob(7) },
  };
}

const align = (n: number) => (n + 3) & ~3;

function toRanges(sorted: readonly number[]): [number, number][] {
  const ranges: [number, number][] = [];
  for (const cp of sorted) {
    const last = ranges[ranges.length - 1];
    if (last && last[1] === cp - 1) last[1] = cp;
    else ranges.push([cp, cp]);
  }
  return ranges;
}

/** The source of a regular expression (u flag) matching any character outside the given [first, last] code point ranges. */
function notIn(ranges: readonly (readonly [number, number])[]): string {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [first, last] of sorted) {
    const previous = merged[merged.length - 1];
    if (previous && first <= previous[1] + 1) previous[1] = Math.max(previous[1], last);
    else merged.push([first, last]);
  }
  const u = (cp: number) => `\\u{${cp.toString(16)}}`;
  return `[^${merged.map(([first, last]) => (first === last ? u(first) : `${u(first)}-${u(last)}`)).join('')}]`;
}

const hex4 = (n: number) => n.toString(16).padStart(4, '0');

/** UTF-16BE hex of a code point, for the CMap's destination strings. */
function utf16Hex(cp: number): string {
  if (cp < 0x10000) return hex4(cp);
  const v = cp - 0x10000;
  return hex4(0xd800 | (v >> 10)) + hex4(0xdc00 | (v & 0x3ff));
}

/** One bfchar entry per CID (at most 100 per block, as the CMap format wants). */
function toUnicodeCMap(codePoints: readonly number[]): string {
  const blocks: string[] = [];
  for (let i = 0; i < codePoints.length; i += 100) {
    const chunk = codePoints.slice(i, i + 100);
    blocks.push(`${chunk.length} beginbfchar\n${chunk.map((cp, k) => `<${hex4(i + k + 1)}> <${utf16Hex(cp)}>`).join('\n')}\nendbfchar`);
  }
  return `/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
/CMapName /Adobe-Identity-UCS def
/CMapType 2 def
1 begincodespacerange
<0000> <ffff>
endcodespacerange
${blocks.join('\n')}
endcmap
CMapName currentdict /CMap defineresource pop
end
end`;
}
