/**
 * The document around the pages: pdfkit set up for PDF/A-2a (tagged, language, sRGB output intent),
 * the Info dictionary and the XMP packet saying the same, a file ID from the input, and the bytes.
 *
 * Conformance: PDF/A-2a. Level "a" (accessible) rather than "b" because the document is fully tagged
 * anyway (structure tree, language, Unicode mapping for every glyph), which is what 2a adds to 2b, and
 * the same tagging is needed for PDF/UA-1, whose identifier is added to the XMP as well (xmp.ts).
 */
import { createHash } from 'node:crypto';
import type { PdfMetadata } from '../metadata.js';
import type { Page } from '../layout/paginate.js';
import { drawPages } from './draw.js';
import type { FontSet } from './fonts.js';
import { replaceXmp, setFileId, type PdfDocConstructor } from './pdfkit-patches.js';
import { xmpDescriptions } from './xmp.js';

/** Changes whenever the layout changes, so the file ID of a changed rendering changes too. */
const LAYOUT_VERSION = 'kim-pdf-6';
const PRODUCER = 'kim (PDFKit 0.20)';
const DEFAULT_LANGUAGE = 'de-DE';

export function writePdf(PDFDocument: PdfDocConstructor, pages: readonly Page[], markdown: string, meta: PdfMetadata, fonts: FontSet): Promise<Uint8Array> {
  const creationDate = new Date(meta.creationDate.getTime());
  if (Number.isNaN(creationDate.getTime())) throw new TypeError('PdfMetadata.creationDate is not a valid date');
  const language = meta.language ?? DEFAULT_LANGUAGE;
  // Info and XMP must agree for PDF/A: an empty entry is left out of both (see xmp.ts).
  const keywords = meta.keywords.filter((k) => k.trim() !== '');
  const info = {
    Title: meta.title,
    ...(meta.author ? { Author: meta.author } : {}),
    ...(meta.subject ? { Subject: meta.subject } : {}),
    ...(keywords.length ? { Keywords: keywords.join(', ') } : {}),
    Creator: 'kim',
    Producer: PRODUCER,
    CreationDate: creationDate,
    // No ModDate: it would need its XMP twin (xmp:ModifyDate) and says nothing for a fresh rendering.
  };
  const doc = new PDFDocument({
    autoFirstPage: false,
    pdfVersion: '1.7',
    subset: 'PDF/A-2a',
    tagged: true,
    lang: language,
    displayTitle: true,
    info,
    // No default font: pdfkit would otherwise load Helvetica, a non-embedded standard font (not PDF/A).
    font: null,
  });
  setFileId(doc, fileId(markdown, meta, creationDate));
  replaceXmp(
    doc,
    xmpDescriptions({ title: meta.title, author: meta.author, subject: meta.subject, keywords, creator: info.Creator, producer: info.Producer, creationDate, language }),
  );
  const chunks: Uint8Array[] = [];
  const finished = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('data', (chunk) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  drawPages(doc, pages, fonts, meta.logo);
  doc.end();
  return finished;
}

/** The trailer's file ID: a hash of everything that determines the bytes, never the time. */
function fileId(markdown: string, meta: PdfMetadata, creationDate: Date): Uint8Array {
  const { logo, ...rest } = meta;
  const hash = createHash('sha256');
  hash.update(JSON.stringify({ v: LAYOUT_VERSION, markdown, meta: { ...rest, creationDate: creationDate.toISOString() }, logo: logo && { format: logo.format, alt: logo.alt } }));
  if (logo) hash.update(logo.bytes);
  return hash.digest().subarray(0, 16);
}
