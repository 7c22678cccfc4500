/**
 * Word stage: the Vorlage Markdown (the one source, as for the PDF) as a Word document (.docx), in kim's
 * own styles or the Kreis's Word template. This module is imported statically by the library, so its
 * top level does no work: the `docx` package is loaded on the first `render`, and a Markdown or PDF run
 * never loads it (test/docx/lazy-load.test.ts).
 */
import type { DocxMetadata } from './metadata.js';

export type { DocxImage, DocxMetadata } from './metadata.js';
export { wordTexts } from './word-text.js';

export interface DocxRenderer {
  render(markdown: string, meta: DocxMetadata): Promise<Uint8Array>;
}

export function createDocxRenderer(): DocxRenderer {
  let renderer: Promise<import('./renderer.js').Renderer> | undefined;
  const start = () =>
    (renderer ??= import('./renderer.js')
      .then((m) => m.createRenderer())
      .catch((error: unknown) => {
        renderer = undefined; // a failed start is not cached; the next call retries
        throw error;
      }));
  return {
    async render(markdown, meta) {
      return (await start()).render(markdown, meta);
    },
  };
}
