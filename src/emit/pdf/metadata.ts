/** What a PDF says about itself besides its text: the input of the PDF stage next to the Markdown. */
import type { LogoFormat } from '../../image-size.js';
import type { Drawing } from '../chart/drawing.js';

/** A figure the Markdown shows as `![…](file)` and the PDF draws as vector graphics (the staffing chart). */
export interface PdfFigure {
  /** The image's file name as the Markdown names it. */
  file: string;
  /** The Figure's alternate text: what it shows, in words. */
  alt: string;
  drawing: Drawing;
}

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
  /** The data's unit words, e.g. ["Stelle", "Stellen"]: no line breaks between a figure and them. */
  unitWords?: string[];
  /**
   * Words of the data's proper names – places, the Kreis, employers, groups, e.g. ["Ascheberg",
   * "Lüdinghausen", "Lenkungsgruppe"]: never hyphenated ("Lü-|dinghausen" reads as two words).
   */
  properNames?: string[];
  /** Figures drawn where the Markdown shows their image. */
  figures?: PdfFigure[];
}
