/**
 * PDF stage: lays out the Vorlage Markdown (the one source; there is no second template) as a tagged,
 * archival (PDF/A-2a + PDF/UA-1), reproducible A4 document. It knows Markdown and the metadata below,
 * nothing of the report model (src/emit/pdf-metadata.ts maps a report to PdfMetadata).
 *
 * layout/ is pure (tokens → blocks → pages of placed lines, each with its structure element), writer/
 * draws pages with pdfkit. This module is imported statically by the CLI, so its top level does no work:
 * pdfkit, the fonts, marked and the hyphenation trie are loaded on the first `render` of a renderer and
 * then reused by every further render of that renderer (kim build renders many Vorlagen in one process).
 */
import type { PdfMetadata } from './metadata.js';

export { logoProblem, type LogoFormat } from '../../image-size.js';
export type { PdfFigure, PdfLogo, PdfMetadata } from './metadata.js';

/** Reusable renderer: loads fonts and hyphenation patterns once, renders many documents (kim build). */
export interface PdfRenderer {
  render(markdown: string, meta: PdfMetadata): Promise<Uint8Array>;
  /**
   * The characters of the Markdown that the embedded fonts cannot draw (render would draw them as "?",
   * since PDF/A forbids the missing-glyph box): each once, in order of appearance.
   */
  undrawable(markdown: string): Promise<string[]>;
}

type Renderer = import('./renderer.js').Renderer;

export function createPdfRenderer(): PdfRenderer {
  // The renderer is created once, on first use; concurrent first calls share it.
  let renderer: Promise<Renderer> | undefined;
  const start = (): Promise<Renderer> =>
    (renderer ??= import('./renderer.js')
      .then((m) => m.createRenderer())
      .catch((error: unknown) => {
        renderer = undefined; // a failed start (e.g. a missing font) is not cached; the next call retries
        throw error;
      }));
  return {
    async render(markdown, meta) {
      return (await start()).render(markdown, meta);
    },
    async undrawable(markdown) {
      return (await start()).undrawable(markdown);
    },
  };
}
