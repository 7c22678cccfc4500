/**
 * The `docx` package's output made kim's: kim's styles (or the Kreis's template), document properties
 * from the report (title, subject, keywords, language de-DE, the Stand as date, no author), drawing ids
 * counted per document, and a zip of fixed entry dates and order: the same Markdown gives the same bytes.
 * (The package stamps each zip entry and core.xml with the clock and counts drawings per process.)
 */
import { readZip, writeZip } from '../../files/zip.js';
import type { WordTemplate } from '../../files/word-template.js';
import { KIM_STYLES_XML } from './styles.js';
import { applyTemplate } from './template.js';

const LIMITS = { maxEntries: 10_000, maxEntryBytes: 500_000_000, maxTotalBytes: 1_000_000_000 };

export interface PackageInfo {
  title: string;
  subject: string;
  keywords: string[];
  language: string;
  date: Date;
}

const bytesOf = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'utf8'));
const utf8 = (bytes: Uint8Array | undefined): string => (bytes ? Buffer.from(bytes).toString('utf8') : '');

export function finishPackage(packed: Uint8Array, info: PackageInfo, template: WordTemplate | undefined): Uint8Array {
  const parts = readZip(packed, LIMITS);
  parts.set('word/styles.xml', bytesOf(KIM_STYLES_XML));
  if (template) applyTemplate(parts, template);
  // Drawing ids: the package counts them across all documents of a process (kim build renders many).
  let drawing = 0;
  parts.set('word/document.xml', bytesOf(utf8(parts.get('word/document.xml')).replace(/(<wp:docPr id=")\d+(")/g, (_m, a: string, b: string) => `${a}${++drawing}${b}`)));
  parts.set('docProps/core.xml', bytesOf(coreXml(info)));
  parts.set('docProps/app.xml', bytesOf(APP_XML));
  const first = ['[Content_Types].xml', '_rels/.rels'];
  const names = [...first.filter((n) => parts.has(n)), ...[...parts.keys()].filter((n) => !first.includes(n)).sort()];
  return writeZip(names.map((n) => [n, parts.get(n)!] as const));
}

const APP_XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>kim</Application></Properties>';

function coreXml(info: PackageInfo): string {
  const date = info.date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${escapeXml(info.title)}</dc:title><dc:subject>${escapeXml(info.subject)}</dc:subject>` +
    `<cp:keywords>${escapeXml(info.keywords.join(', '))}</cp:keywords><dc:language>${escapeXml(info.language)}</dc:language>` +
    `<cp:revision>1</cp:revision><dcterms:created xsi:type="dcterms:W3CDTF">${date}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${date}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}
