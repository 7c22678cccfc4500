import type { ReportModel } from '../model/report-model.js';
import { formatDate } from '../german/index.js';
import type { PdfMetadata } from './pdf/index.js';

/**
 * The PDF's document information, from the report: title = agenda item, author = department.
 * The creation date is the report's Stand (or SOURCE_DATE_EPOCH, the reproducible-builds convention),
 * never the clock, so the same data gives the same bytes.
 */
export function pdfMetadata(model: ReportModel, sourceDateEpoch: string | undefined): PdfMetadata {
  const epoch = sourceDateEpoch !== undefined && /^\d+$/.test(sourceDateEpoch) ? Number(sourceDateEpoch) : undefined;
  return {
    title: model.title,
    author: model.department,
    subject: `${model.paperType} zur Sitzung ${model.session.committeeGenitive} am ${formatDate(model.session.date)}`,
    keywords: [model.programme.name, model.body.name, model.paperType],
    creationDate: epoch !== undefined ? new Date(epoch * 1000) : new Date(`${model.stand}T00:00:00Z`),
  };
}
