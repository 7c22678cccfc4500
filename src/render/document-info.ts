import type { ReportModel } from '../model/report-model.js';
import { formatDate } from '../german/index.js';

/** A Vorlage's document information: what a PDF (or any other container) says about itself besides its text. */
export interface DocumentInfo {
  /** The agenda item. */
  title: string;
  /** The department that submits it. */
  author: string;
  subject: string;
  keywords: string[];
}

/**
 * Rendered with the Markdown, so the privacy check sees every text a public output carries; the PDF
 * stage only writes it (emit/pdf-metadata.ts adds the dates).
 */
export function documentInfo(model: ReportModel): DocumentInfo {
  return {
    title: model.title,
    author: model.department,
    subject: `${model.paperType} zur Sitzung ${model.session.committeeGenitive} am ${formatDate(model.session.date)}`,
    keywords: [model.programme.name, model.body.name, model.paperType],
  };
}
