import type { ReportModel } from '../model/report-model.js';
import { documentInfo } from '../render/document-info.js';
import type { PdfMetadata } from './pdf/index.js';

/**
 * The PDF's document information, from the report: title = agenda item, author = department (see
 * render/document-info.ts). The creation date is the report's Stand (or SOURCE_DATE_EPOCH, the
 * reproducible-builds convention), never the clock, so the same data gives the same bytes.
 */
export function pdfMetadata(model: ReportModel, sourceDateEpoch: string | undefined): PdfMetadata {
  const epoch = sourceDateEpoch !== undefined && /^\d+$/.test(sourceDateEpoch) ? Number(sourceDateEpoch) : undefined;
  return {
    ...documentInfo(model),
    creationDate: epoch !== undefined ? new Date(epoch * 1000) : new Date(`${model.stand}T00:00:00Z`),
  };
}
