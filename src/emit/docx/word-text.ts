/**
 * The texts of every XML part of a Word package, for the privacy check: document, headers, footers,
 * styles, document properties, relationships. Each part twice: its text content (a word split over
 * several runs joined again, paragraphs and cells apart) and its attribute values (an image's alt text).
 */
import { readZip } from '../../files/zip.js';
import { decodeEntities as decode } from '../pdf/layout/inline.js';

const LIMITS = { maxEntries: 10_000, maxEntryBytes: 200_000_000, maxTotalBytes: 500_000_000 };

export function wordTexts(docx: Uint8Array): string[] {
  const out: string[] = [];
  for (const [name, bytes] of readZip(docx, LIMITS)) {
    if (!/\.(xml|rels)$/i.test(name)) continue;
    const xml = Buffer.from(bytes).toString('utf8');
    const content = xml
      .replace(/<w:(?:tab|br|cr)\b[^>]*\/>|<\/w:p>|<\/w:tc>|<\/(?:dc|cp|dcterms):[^>]*>|<\/[A-Za-z]+>/g, ' ')
      .replace(/<[^>]*>/g, '');
    const attributes = [...xml.matchAll(/\s[\w:]+="([^"]*)"/g)].map((m) => m[1]!).join(' ');
    out.push(decode(content), decode(attributes));
  }
  return out;
}

