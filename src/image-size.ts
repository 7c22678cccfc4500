/**
 * The letterhead logo: PNG or JPEG, read only as far as its size and colour model. SVG is not
 * supported: pdfkit draws no SVG, and the one package that converts SVG into pdfkit drawing calls
 * (svg-to-pdfkit) has not been maintained for years; a Kreis's SVG logo can be exported as PNG.
 *
 * `logoProblem` lets the data checks name a file that would not work before anything is rendered.
 */

import { inflateSync } from 'node:zlib';

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

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function pngSize(bytes: Uint8Array): LogoSize {
  if (bytes.length < 33 || PNG_SIGNATURE.some((b, i) => bytes[i] !== b)) throw new Error('Das Logo ist keine PNG-Datei.');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (String.fromCharCode(...bytes.subarray(12, 16)) !== 'IHDR') throw new Error('Die PNG-Datei des Logos ist beschädigt (kein IHDR-Block).');
  const width = view.getUint32(16);
  const height = view.getUint32(20);
  if (width === 0 || height === 0) throw new Error('Das Logo hat keine Pixel (Breite oder Höhe 0).');
  checkPngChunks(bytes, view);
  return { width, height };
}

/**
 * A PNG cut short (an upload broken off) or with damaged image data has a valid header, and pdfkit
 * fails on it only while drawing: walk the chunks to IEND and inflate the image data, as drawing will.
 */
function checkPngChunks(bytes: Uint8Array, view: DataView): void {
  const data: Uint8Array[] = [];
  for (let at = 8; ; ) {
    if (at + 12 > bytes.length) throw new Error('Die PNG-Datei des Logos ist abgeschnitten (unvollständig hochgeladen oder kopiert).');
    const length = view.getUint32(at);
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    if (at + 12 + length > bytes.length) throw new Error('Die PNG-Datei des Logos ist abgeschnitten (unvollständig hochgeladen oder kopiert).');
    if (type === 'IDAT') data.push(bytes.subarray(at + 8, at + 8 + length));
    if (type === 'IEND') break;
    at += 12 + length;
  }
  if (data.length === 0) throw new Error('Die PNG-Datei des Logos ist beschädigt: Sie enthält keine Bilddaten.');
  try {
    inflateSync(Buffer.concat(data));
  } catch {
    throw new Error('Die PNG-Datei des Logos ist beschädigt: Ihre Bilddaten lassen sich nicht entpacken.');
  }
}

/** The end-of-image marker FF D9, possibly followed by padding some programs write. */
function endsWithEoi(bytes: Uint8Array): boolean {
  for (let i = bytes.length - 2; i >= Math.max(0, bytes.length - 1024); i--) if (bytes[i] === 0xff && bytes[i + 1] === 0xd9) return true;
  return false;
}

function jpegSize(bytes: Uint8Array): LogoSize {
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
      if (width === 0 || height === 0) throw new Error('Das Logo hat keine Pixel (Breite oder Höhe 0).');
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
