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
import type { LogoFormat } from './logo.js';

export { logoProblem, type LogoFormat } from './logo.js';

export interface PdfLogo {
  bytes: Uint8Array;
  format: LogoFormat;
  /** What the logo shows, for screen readers, e.g. "Wappen des Rhein-Sieg-Kreises". */
  alt: string;
}

export interface PdfMetadata {
  /** Agenda item, e.g. "Kommunales Integrationsmanagement - Aktueller Sachstand". */
  title: string;
  /** Department, e.g. "2-07 - Kommunales Integrationszentrum -KI-". */
  author: string;
  /** E.g. "Mitteilungsvorlage für den Ausschuss für Soziales und Integration am 16.03.2022". */
  subject: string;
  /** E.g. ["Kommunales Integrationsmanagement", "Rhein-Sieg-Kreis"]. */
  keywords: string[];
  /** Deterministic: supplied by the caller (from the report / SOURCE_DATE_EPOCH), never the clock. */
  creationDate: Date;
  /** Language of the text (BCP 47); default "de-DE". */
  language?: string;
  /**
   * The Kreis's name, e.g. "Rhein-Sieg-Kreis". With a logo: when the letterhead (the Markdown before the
   * first heading) says this name, the logo is decoration (an artifact); otherwise it is a Figure whose
   * alternate text a screen reader reads.
   */
  bodyName?: string;
  /** The letterhead logo, drawn top right on the first page. */
  logo?: PdfLogo;
}

/** Reusable renderer: loads fonts and hyphenation patterns once, renders many documents (kim build). */
export interface PdfRenderer {
  render(markdown: string, meta: PdfMetadata): Promise<Uint8Array>;
}

type RenderFn = (markdown: string, meta: PdfMetadata) => Promise<Uint8Array>;

export function createPdfRenderer(): PdfRenderer {
  // The renderer is created once, on first use; concurrent first calls share it.
  let renderer: Promise<RenderFn> | undefined;
  return {
    async render(markdown, meta) {
      renderer ??= import('./renderer.js')
        .then((m) => m.createRenderer())
        .catch((error: unknown) => {
          renderer = undefined; // a failed start (e.g. a missing font) is not cached; the next call retries
          throw error;
        });
      const render = await renderer;
      return render(markdown, meta);
    },
  };
}
