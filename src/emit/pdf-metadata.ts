import { sourceDate, type Environment } from '../environment.js';
import type { ReportModel } from '../model/report-model.js';
import { documentInfo } from '../render/document-info.js';
import type { PdfLogo, PdfMetadata } from './pdf/index.js';

/**
 * The PDF's document information, from the report: title = agenda item, author = department (see
 * render/document-info.ts). The creation date is the report's Stand (or SOURCE_DATE_EPOCH, the
 * reproducible-builds convention), never the clock, so the same data gives the same bytes. The
 * letterhead's logo is a Figure with its alt text, or decoration where the Kreis's name stands beside it.
 * The unit words of the data go to the layout, which keeps them on the line of their figure.
 */
export function pdfMetadata(model: ReportModel, env: Pick<Environment, 'sourceDateEpoch'>, logo?: PdfLogo): PdfMetadata {
  return {
    ...documentInfo(model),
    creationDate: sourceDate(env) ?? new Date(`${model.stand}T00:00:00Z`),
    ...(model.letterhead.showBody ? { bodyName: model.body.name } : {}),
    ...(logo ? { logo } : {}),
    unitWords: [model.terms.unit.singular, model.terms.unit.plural],
  };
}
