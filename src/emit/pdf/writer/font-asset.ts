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
export const FONT_ASSET_FORMAT = 1;

export interface FontAsset {
  format: typeof FONT_ASSET_FORMAT;
  postscriptName: string;
  /** Subset prefix of the font name (six capitals, from a hash of the font program). */
  tag: string;
  /** Code point of every CID from 1 on. */
  codePoints: number[];
  /** Advance of every CID from 0 on, in 1/1000 em. */
  widths: number[];
  /** Every code point the font has a glyph for, as [first, last] ranges. */
  coverage: [number, number][];
  /** [code point, advance] of covered characters that have no CID here: for measuring. */
  otherWidths: [number, number][];
  descriptor: {
    flags: number;
    bbox: [number, number, number, number];
    italicAngle: number;
    ascent: number;
    descent: number;
    capHeight: number;
    xHeight: number;
  };
  /** Deflated streams, base64. */
  fontFile: string;
  /** Length of the font program before deflating (the stream's Length1). */
  fontFileLength: number;
  toUnicode: string;
  cidToGidMap: string;
  cidSet: string;
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
  glyphForCodePoint(codePoint: number): { id: number; advanceWidth: number };
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
  for (const cp of codePoints) {
    const glyph = font.glyphForCodePoint(cp);
    gids.push(subset.includeGlyph(glyph.id));
    widths.push(Math.round(glyph.advanceWidth * scale));
  }
  const program = subset.encode();
  const inSet = new Set(codePoints);
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
  const deflate = (bytes: Uint8Array | string) => deflateSync(bytes, { level: 9 }).toString('base64');
  return {
    format: FONT_ASSET_FORMAT,
    postscriptName: font.postscriptName,
    tag,
    codePoints,
    widths,
    coverage: toRanges(coverageList),
    otherWidths: coverageList.filter((cp) => !inSet.has(cp)).map((cp) => [cp, Math.round(font.glyphForCodePoint(cp).advanceWidth * scale)]),
    descriptor: {
      flags,
      bbox: [font.bbox.minX * scale, font.bbox.minY * scale, font.bbox.maxX * scale, font.bbox.maxY * scale],
      italicAngle: font.italicAngle,
      ascent: font.ascent * scale,
      descent: font.descent * scale,
      capHeight: (font.capHeight || font.ascent) * scale,
      xHeight: (font.xHeight || 0) * scale,
    },
    fontFile: deflate(program),
    fontFileLength: program.length,
    toUnicode: deflate(toUnicodeCMap(codePoints)),
    cidToGidMap: deflate(cidToGid),
    cidSet: deflate(cidSet),
  };
}

function toRanges(sorted: readonly number[]): [number, number][] {
  const ranges: [number, number][] = [];
  for (const cp of sorted) {
    const last = ranges[ranges.length - 1];
    if (last && last[1] === cp - 1) last[1] = cp;
    else ranges.push([cp, cp]);
  }
  return ranges;
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
