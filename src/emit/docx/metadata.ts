/** What the Word stage takes besides the Markdown: the PDF's document information, the images, the Kreis's template. */
import type { PdfMetadata } from '../pdf/metadata.js';

/** An image of the Vorlage (a Markdown image's file), with its size in pixels. SVG needs a PNG for Word versions before 2016. */
export type DocxImage =
  | { type: 'png' | 'jpg'; bytes: Uint8Array; width: number; height: number }
  | { type: 'svg'; bytes: Uint8Array; fallback: Uint8Array; width: number; height: number };

export interface DocxMetadata extends Pick<PdfMetadata, 'title' | 'subject' | 'keywords' | 'creationDate' | 'language' | 'logo'> {
  /** The Kreis's Word template (organisation.yaml wordTemplate), as read from the data folder; validated before. */
  template?: Uint8Array | undefined;
  /** A Markdown image's file name → its bytes (the files rendered beside the Vorlage). */
  images?: ReadonlyMap<string, Uint8Array> | undefined;
}
