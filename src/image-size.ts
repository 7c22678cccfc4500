/**
 * The letterhead logo: PNG or JPEG, read only as far as its size and colour model. SVG is not
 * supported: pdfkit draws no SVG, and the one package that converts SVG into pdfkit drawing calls
 * (svg-to-pdfkit) has not been maintained for years; a Kreis's SVG logo can be exported as PNG.
 *
 * `logoProblem` lets the data checks name a file that would not work before anything is rendered.
 */

import { zlibOnDemand } from './files/zlib-on-demand.js';

export type LogoFormat = 'png' | 'jpeg';

export interface LogoSize {
  width: number;
  height: number;
}

/** What is wrong with the image, in German for the user, or undefined when it can be used. */
export function logoProblem(bytes: Uint8Array, format: LogoFormat): string | undefined {
  try {
    logoSize(bytes, format);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

/** Pixel size; throws an Error with a German message for a file that is not a usable PNG or JPEG. */
export function logoSize(bytes: Uint8Array, format: LogoFormat): LogoSize {
  return format === 'png' ? pngSize(bytes) : jpegSize(bytes);
}

/**
 * Limits for a logo, checked before any decoder sees the file: a few kilobytes of PNG can declare
 * 100000 × 100000 pixels, which pdfkit's PNG reader cannot hold in memory (with an alpha channel) or
 * embeds as it is for the PDF reader to unpack (without one, a page that takes half a minute to draw).
 * A letterhead logo needs a few hundred pixels a side; the limits leave room for a print-quality scan.
 */
export const LOGO_LIMITS = { bytes: 10 * 1024 * 1024, pixels: 25_000_000, side: 20_000 } as const;

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** PNG colour types and the bit depths each allows (PNG specification, 11.2.2 IHDR). */
const PNG_DEPTHS: Record<number, { name: string; channels: number; depths: number[] }> = {
  0: { name: 'Graustufen', channels: 1, depths: [1, 2, 4, 8, 16] },
  2: { name: 'RGB', channels: 3, depths: [8, 16] },
  3: { name: 'Palette', channels: 1, depths: [1, 2, 4, 8] },
  4: { name: 'Graustufen mit Alpha', channels: 2, depths: [8, 16] },
  6: { name: 'RGB mit Alpha', channels: 4, depths: [8, 16] },
};

const CUT_SHORT = 'Die PNG-Datei des Logos ist abgeschnitten (unvollständig hochgeladen oder kopiert).';

/** A logo file too large to read at all (checked on its size before it is read), in German; else undefined. */
export const logoFileSizeProblem = (size: number): string | undefined =>
  size > LOGO_LIMITS.bytes ? `Die Datei ist ${mb(size)} groß; ein Logo darf höchstens ${mb(LOGO_LIMITS.bytes)} groß sein.` : undefined;

function checkSize(bytes: Uint8Array): void {
  const problem = logoFileSizeProblem(bytes.length);
  if (problem) throw new Error(problem);
}

function checkPixels(width: number, height: number): void {
  if (width === 0 || height === 0) throw new Error('Das Logo hat keine Pixel (Breite oder Höhe 0).');
  if (width > LOGO_LIMITS.side || height > LOGO_LIMITS.side || width * height > LOGO_LIMITS.pixels) {
    throw new Error(
      `Das Bild ist ${width} × ${height} Pixel groß; ein Logo darf höchstens ${LOGO_LIMITS.pixels / 1_000_000} Millionen Pixel und ${LOGO_LIMITS.side} Pixel je Seite haben. Bitte verkleinert speichern.`,
    );
  }
}

const mb = (n: number): string => `${(n / 1024 / 1024).toLocaleString('de-DE', { maximumFractionDigits: 1 })} MB`;

function pngSize(bytes: Uint8Array): LogoSize {
  checkSize(bytes);
  if (bytes.length < 33 || PNG_SIGNATURE.some((b, i) => bytes[i] !== b)) throw new Error('Das Logo ist keine PNG-Datei.');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (String.fromCharCode(...bytes.subarray(12, 16)) !== 'IHDR' || view.getUint32(8) !== 13) throw new Error('Die PNG-Datei des Logos ist beschädigt (kein gültiger IHDR-Block).');
  const width = view.getUint32(16);
  const height = view.getUint32(20);
  checkPixels(width, height);
  const [depth, colourType, compression, filter, interlace] = bytes.subarray(24, 29) as unknown as number[];
  const colour = PNG_DEPTHS[colourType!];
  if (!colour) throw new Error(`Die PNG-Datei des Logos ist beschädigt: Farbtyp ${colourType} gibt es nicht (erlaubt sind 0, 2, 3, 4 und 6).`);
  if (!colour.depths.includes(depth!)) throw new Error(`Die PNG-Datei des Logos ist beschädigt: Farbtyp ${colour.name} mit ${depth} Bit je Kanal gibt es nicht (erlaubt: ${colour.depths.join(', ')} Bit).`);
  if (compression !== 0 || filter !== 0) throw new Error('Die PNG-Datei des Logos ist beschädigt: unbekanntes Kompressions- oder Filterverfahren.');
  if (interlace !== 0 && interlace !== 1) throw new Error('Die PNG-Datei des Logos ist beschädigt: unbekanntes Zeilensprungverfahren.');
  const png: PngHeader = { width, height, depth: depth!, colourType: colourType!, channels: colour.channels, interlaced: interlace === 1 };
  checkPngChunks(bytes, view, png);
  return { width, height };
}

interface PngHeader {
  width: number;
  height: number;
  depth: number;
  colourType: number;
  channels: number;
  interlaced: boolean;
}

/**
 * A PNG cut short (an upload broken off) or with damaged image data has a valid header, and pdfkit
 * fails on it only while drawing: walk the chunks to IEND, check the palette and transparency a
 * colour type needs, and unpack the image data as drawing will, no further than its declared size.
 */
function checkPngChunks(bytes: Uint8Array, view: DataView, png: PngHeader): void {
  const data: Uint8Array[] = [];
  let paletteEntries = 0;
  for (let at = 8; ; ) {
    if (at + 12 > bytes.length) throw new Error(CUT_SHORT);
    const length = view.getUint32(at);
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    if (at + 12 + length > bytes.length) throw new Error(CUT_SHORT);
    if (type === 'IDAT') data.push(bytes.subarray(at + 8, at + 8 + length));
    if (type === 'PLTE') {
      if (length % 3 !== 0 || length === 0 || length > 768) throw new Error('Die PNG-Datei des Logos ist beschädigt: Ihre Farbpalette hat keine gültige Länge.');
      paletteEntries = length / 3;
    }
    if (type === 'tRNS') {
      const allowed = png.colourType === 0 ? length === 2 : png.colourType === 2 ? length === 6 : png.colourType === 3 ? length <= 256 : false;
      if (!allowed) throw new Error('Die PNG-Datei des Logos ist beschädigt: Ihre Transparenzangabe (tRNS) passt nicht zum Farbtyp.');
    }
    if (type === 'IEND') break;
    at += 12 + length;
  }
  if (png.colourType === 3 && paletteEntries === 0) throw new Error('Die PNG-Datei des Logos ist beschädigt: Ein Palettenbild ohne Farbpalette.');
  if (data.length === 0) throw new Error('Die PNG-Datei des Logos ist beschädigt: Sie enthält keine Bilddaten.');
  const expected = rowsOf(png).reduce((sum, row) => sum + row.count * (1 + row.bytes), 0);
  let pixels: Buffer;
  try {
    // Unpacked no further than the image needs: more data than that is damage, not a picture.
    pixels = zlibOnDemand().inflateSync(Buffer.concat(data), { maxOutputLength: expected + 1 });
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw new Error('Die PNG-Datei des Logos ist beschädigt: Sie enthält mehr Bilddaten, als ihre Größe erlaubt.');
    throw new Error('Die PNG-Datei des Logos ist beschädigt: Ihre Bilddaten lassen sich nicht entpacken.');
  }
  if (pixels.length < expected) throw new Error('Die PNG-Datei des Logos ist beschädigt: Ihre Bilddaten sind unvollständig.');
  // Each row starts with its filter type, 0 to 4 (PNG specification, 9.2); pdfkit stops at any other.
  let at = 0;
  for (const row of rowsOf(png)) {
    for (let r = 0; r < row.count; r++, at += 1 + row.bytes) {
      if (pixels[at]! > 4) throw new Error(`Die PNG-Datei des Logos ist beschädigt: Bildzeile mit unbekanntem Filter ${pixels[at]} (erlaubt sind 0 bis 4).`);
    }
  }
}

/** The rows of the image data: one pass, or Adam7's seven passes of an interlaced image; bytes per row without the filter byte. */
function rowsOf(png: PngHeader): { count: number; bytes: number }[] {
  const passes = png.interlaced
    ? [[0, 0, 8, 8], [4, 0, 8, 8], [0, 4, 4, 8], [2, 0, 4, 4], [0, 2, 2, 4], [1, 0, 2, 2], [0, 1, 1, 2]]
    : [[0, 0, 1, 1]];
  return passes.flatMap(([x0, y0, dx, dy]) => {
    const columns = Math.ceil((png.width - x0!) / dx!);
    const count = Math.ceil((png.height - y0!) / dy!);
    return columns > 0 && count > 0 ? [{ count, bytes: Math.ceil((columns * png.channels * png.depth) / 8) }] : [];
  });
}

/** The end-of-image marker FF D9, possibly followed by padding some programs write. */
function endsWithEoi(bytes: Uint8Array): boolean {
  for (let i = bytes.length - 2; i >= Math.max(0, bytes.length - 1024); i--) if (bytes[i] === 0xff && bytes[i + 1] === 0xd9) return true;
  return false;
}

/** Frame types a PDF reader draws (DCTDecode): baseline, extended sequential and progressive Huffman; not lossless or arithmetic coding. */
const JPEG_FRAMES_DRAWN = new Set([0xc0, 0xc1, 0xc2]);

function jpegSize(bytes: Uint8Array): LogoSize {
  checkSize(bytes);
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) throw new Error('Das Logo ist keine JPEG-Datei.');
  let at = 2;
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) throw new Error('Die JPEG-Datei des Logos ist beschädigt.');
    const marker = bytes[at + 1]!;
    if (marker === 0xff) {
      at++;
      continue;
    }
    const length = (bytes[at + 2]! << 8) | bytes[at + 3]!;
    // Start of frame (baseline, progressive …; not DHT 0xc4, JPG 0xc8, DAC 0xcc).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      if (at + 9 >= bytes.length) break;
      const height = (bytes[at + 5]! << 8) | bytes[at + 6]!;
      const width = (bytes[at + 7]! << 8) | bytes[at + 8]!;
      const components = bytes[at + 9];
      const precision = bytes[at + 4];
      checkPixels(width, height);
      if (!JPEG_FRAMES_DRAWN.has(marker)) throw new Error('Die JPEG-Datei des Logos ist verlustfrei oder arithmetisch kodiert; das können PDF-Betrachter nicht anzeigen. Bitte als gewöhnliches JPEG speichern.');
      if (precision !== 8) throw new Error(`Die JPEG-Datei des Logos hat ${precision} Bit je Farbkanal; PDF-Betrachter zeigen nur 8 Bit an.`);
      if (components !== 1 && components !== 3 && components !== 4) throw new Error(`Die JPEG-Datei des Logos ist beschädigt: ${components} Farbkanäle (erwartet werden 1 oder 3).`);
      // CMYK would need a CMYK output intent; the PDF/A file has an sRGB one.
      if (components === 4) throw new Error('Das JPEG-Logo ist in CMYK gespeichert; bitte als RGB speichern.');
      // The PDF embeds the JPEG as it is: one cut short would show a broken picture. It ends with EOI.
      if (!endsWithEoi(bytes)) throw new Error('Die JPEG-Datei des Logos ist abgeschnitten (unvollständig hochgeladen oder kopiert).');
      return { width, height };
    }
    at += 2 + length;
  }
  throw new Error('Die JPEG-Datei des Logos ist beschädigt (keine Bildgröße gefunden).');
}
