/**
 * The PDF stage put together, loaded by index.ts on the first render: Markdown tokens → blocks
 * (layout/blocks.ts) → pages (layout/paginate.ts) → PDF (writer/). What can be shared across documents
 * is made once per renderer: pdfkit, the fonts and their metrics, the hyphenation trie, broken lines.
 */
import type { PdfMetadata } from './metadata.js';
import { buildBlocks } from './layout/blocks.js';
import { loadHyphenator } from './layout/hyphenation.js';
import { LineCache } from './layout/line-cache.js';
import { createLexer } from './layout/markdown.js';
import { paginate, withFooters } from './layout/paginate.js';
import { undrawableCharacters } from '../../drawable-characters.js';
import { logoSize } from '../../image-size.js';
import { writePdf } from './writer/document.js';
import { FontSet } from './writer/fonts.js';
import { loadPdfkit } from './writer/pdfkit-patches.js';

export type RenderFn = (markdown: string, meta: PdfMetadata) => Promise<Uint8Array>;

export interface Renderer {
  render: RenderFn;
  /** The characters of a text that the fonts have no glyph for (each once, in order; blanks aside). */
  undrawable(text: string): string[];
}

export async function createRenderer(): Promise<Renderer> {
  const lex = createLexer(await import('marked'));
  const PDFDocument = loadPdfkit();
  const hyphenate = loadHyphenator();
  const fonts = new FontSet();
  const lineCache = new LineCache();
  const undrawable = (text: string): string[] => {
    // Running text is regular, headings and **emphasis** bold: a character either lacks is drawn as "?".
    const faces = [fonts.face('regular'), fonts.face('bold')];
    if (!faces.some((f) => f.missing.test(text))) return [];
    return undrawableCharacters(text, (cp) => faces.every((f) => !Number.isNaN(f.advance(cp))));
  };
  const render: RenderFn = async (markdown, meta) => {
    const logo = meta.logo && { ...logoSize(meta.logo.bytes, meta.logo.format), alt: meta.logo.alt, bodyName: meta.bodyName };
    const tokens = lex(markdown);
    const figures = meta.figures && new Map(meta.figures.map((f) => [f.file, f]));
    const blocks = buildBlocks(tokens, { metrics: fonts, hyphenate, lineCache, logo, unitWords: meta.unitWords, properNames: meta.properNames, figures });
    const pages = withFooters(paginate(blocks), fonts);
    return writePdf(PDFDocument, pages, markdown, meta, fonts);
  };
  return { render, undrawable };
}
