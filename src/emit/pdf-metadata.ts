import type { Environment } from '../environment.js';
import type { ReportModel } from '../model/report-model.js';
import type { Dataset } from '../model/types.js';
import { documentInfo } from '../render/document-info.js';
import type { PdfLogo, PdfMetadata } from './pdf/index.js';

/**
 * The PDF's document information, from the report: title = agenda item, author = department (see
 * render/document-info.ts). The creation date is the report's Stand (or SOURCE_DATE_EPOCH, the
 * reproducible-builds convention, which the CLI has checked), never the clock, so the same data gives
 * the same bytes. The letterhead's logo is a Figure with its alt text, or decoration where the Kreis's
 * name stands beside it.
 * The unit words of the data go to the layout, which keeps them on the line of their figure, and so do
 * the words of its proper names (`properNames`), which it never hyphenates.
 */
export function pdfMetadata(model: ReportModel, env: Pick<Environment, 'sourceDate'>, logo?: PdfLogo, names: string[] = []): PdfMetadata {
  return {
    ...documentInfo(model),
    creationDate: env.sourceDate ?? new Date(`${model.stand}T00:00:00Z`),
    ...(model.letterhead.showBody ? { bodyName: model.body.name } : {}),
    ...(logo ? { logo } : {}),
    unitWords: [model.terms.unit.singular, model.terms.unit.plural],
    ...(names.length > 0 ? { properNames: names } : {}),
  };
}

/**
 * The capitalised words of the data's proper names, each once, sorted: the Kreis, its towns and
 * municipalities, the employers, the steering group and who took part in kick-off meetings, with the
 * forms the data gives them ("des Rhein-Sieg-Kreises", "bei der Kreisverwaltung"). Articles and
 * prepositions are left out; a compound name gives its parts ("Neunkirchen-Seelscheid": both), single letters ("e. V.") too.
 */
export function properNames(data: Pick<Dataset, 'organisation' | 'programme' | 'meetings'>): string[] {
  const { body, municipalities, employers } = data.organisation;
  const texts = [
    body.name,
    body.genitive,
    body.dative,
    ...municipalities.map((m) => m.name),
    ...employers.flatMap((e) => [e.name, e.at, e.of]),
    data.programme.steeringGroup?.name,
    data.programme.steeringGroup?.genitive,
    ...(data.meetings.kickOffs ?? []).flatMap((k) => k.participants ?? []),
  ];
  const words = new Set<string>();
  for (const text of texts) for (const word of text?.match(/\p{L}+/gu) ?? []) if (word.length > 1 && /^\p{Lu}/u.test(word)) words.add(word);
  return [...words].sort();
}
