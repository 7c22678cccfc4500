/**
 * The texts of every XML part of a Word package, for the privacy check: document, headers, footers,
 * styles, document properties, relationships. Each part twice: its text content (a word split over
 * several runs joined again, paragraphs and cells apart) and its attribute values (an image's alt text).
 */
import { readZip } from '../../files/zip.js';

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

function decode(text: string): string {
  return text.replace(/&(lt|gt|quot|apos|amp|#x[0-9a-f]+|#\d+);/gi, (whole, entity: string) => {
    const named: Record<string, string> = { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' };
    if (entity[0] !== '#') return named[entity.toLowerCase()] ?? whole;
    const code = entity[1] === 'x' || entity[1] === 'X' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
    return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}
