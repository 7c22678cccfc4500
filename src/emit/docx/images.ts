/**
 * A Markdown image of the Vorlage (`![alt](file)`, e.g. a chart written beside the Markdown) as a Word
 * image: PNG, JPEG or SVG, with its size. Word before 2016 shows SVG only through a PNG stand-in; kim
 * has no rasteriser, so that stand-in is one transparent pixel (Word 2016 and later, LibreOffice and
 * Word online draw the SVG itself).
 */
import { logoSize } from '../../image-size.js';
import type { DocxImage } from './metadata.js';

const TRANSPARENT_PIXEL = new Uint8Array(
  Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64'),
);

export function imageOf(src: string, images: ReadonlyMap<string, Uint8Array> | undefined): DocxImage | undefined {
  const bytes = images?.get(src) ?? images?.get(src.replace(/^\.\//, ''));
  if (!bytes) return undefined;
  try {
    if (/\.png$/i.test(src)) return { type: 'png', bytes, ...logoSize(bytes, 'png') };
    if (/\.jpe?g$/i.test(src)) return { type: 'jpg', bytes, ...logoSize(bytes, 'jpeg') };
    if (/\.svg$/i.test(src)) {
      const size = svgSize(Buffer.from(bytes).toString('utf8'));
      return size ? { type: 'svg', bytes, fallback: TRANSPARENT_PIXEL, ...size } : undefined;
    }
  } catch {
    return undefined; // an image kim cannot size stands as its alt text, as in the PDF
  }
  return undefined;
}

/** An SVG's size from its width and height (px, pt, mm or plain numbers), else its viewBox. */
function svgSize(svg: string): { width: number; height: number } | undefined {
  const root = /<svg\b[^>]*>/.exec(svg)?.[0];
  if (!root) return undefined;
  const length = (name: string): number | undefined => {
    const m = new RegExp(`\\s${name}="([\\d.]+)(px|pt|mm)?"`).exec(root);
    if (!m) return undefined;
    const value = Number(m[1]);
    return m[2] === 'pt' ? (value * 96) / 72 : m[2] === 'mm' ? (value * 96) / 25.4 : value;
  };
  const width = length('width');
  const height = length('height');
  if (width && height) return { width, height };
  const box = /\sviewBox="[\d.-]+[\s,]+[\d.-]+[\s,]+([\d.]+)[\s,]+([\d.]+)"/.exec(root);
  return box ? { width: Number(box[1]), height: Number(box[2]) } : undefined;
}
