/**
 * PDF stage: lays out the Vorlage Markdown (the one source; there is no second template) as a tagged,
 * archival (PDF/A-2a + PDF/UA-1), reproducible A4 document.
 *
 * This module is imported statically by the CLI, so its top level does no work: pdfkit, the fonts,
 * marked and the hyphenation patterns are loaded on the first `render` of a renderer and then reused
 * by every further render of that renderer (kim build renders many Vorlagen in one process).
 */

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
}

/** Reusable renderer: parses fonts and hyphenation patterns once, renders many documents (kim build). */
export interface PdfRenderer {
  render(markdown: string, meta: PdfMetadata): Promise<Uint8Array>;
}

type RenderFn = (markdown: string, meta: PdfMetadata) => Uint8Array | Promise<Uint8Array>;

export function createPdfRenderer(): PdfRenderer {
  // The heavy engine is created once per renderer, on first use; concurrent first calls share it.
  let engine: Promise<RenderFn> | undefined;
  return {
    async render(markdown, meta) {
      engine ??= import('./engine.js')
        .then((m) => m.createEngine())
        .catch((error: unknown) => {
          engine = undefined; // a failed start (e.g. a missing font) is not cached; the next call retries
          throw error;
        });
      const render = await engine;
      return render(markdown, meta);
    },
  };
}
