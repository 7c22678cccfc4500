import { formatDateShort, formatQuantity, municipalityPhrase, sinceDate, type UnitWords } from '../german/index.js';
import { micro, fromMicro } from './millionths.js';
import type { DatasetIndex } from './dataset-index.js';
import type { IsoDate, StaffMember } from './types.js';

/** One line of a numbered list: "1) Stadt Königswinter und Stadt Hennef seit dem 15.10.21 (0,5 VZÄ)". */
export interface PersonLine {
  number: number;
  /** "Stadt Königswinter", or with a share "Stadt Königswinter (0,5 VZÄ)". */
  municipalities: string[];
  start: IsoDate;
  startShort: string;
  /** "seit dem 15.10.21", or for a start known only to the month "seit September 2021". */
  since: string;
  /** "0,5 VZÄ" for part-time staff, empty for full-time or when the municipalities carry their shares. */
  partTime: string;
}

/** What the lines need from the module: the dataset, the Stand and how a person's post and municipalities are found. */
export interface ServedContext {
  index: DatasetIndex;
  stand: IsoDate;
  unit: UnitWords;
  shortDates: boolean;
  /** The municipality ids a person serves at the Stand, with the share of their post where the data gives one. */
  servedBy: (s: StaffMember) => { municipality: string; fte: number | undefined }[];
  fte: (s: StaffMember) => number;
}

/**
 * A list of hires ("Inzwischen wurden für folgende Kommunen … eingestellt:"). One line per person as long as no municipality is
 * named twice (the Rhein-Sieg-Kreis's lists); once two people serve one municipality, one line per
 * municipality, since a list announced as "folgende Kommunen" that names the Stadt Altdorf twice reads as a
 * slip: "1) Stadt Altdorf seit dem 01.03.22 (1,5 Stellen)", with the first start and the posts that serve
 * it where the data tells them (a person serving only it, or an assignment with its share); a person who
 * serves several municipalities without shares leaves that line without a figure. People serving no
 * municipality yet keep their own line at the end.
 */
export function servedLines(ctx: ServedContext, people: readonly StaffMember[], perPerson: (s: StaffMember, i: number) => PersonLine): PersonLine[] {
  const named = people.flatMap((s) => ctx.servedBy(s).map((a) => a.municipality));
  if (new Set(named).size === named.length) return people.map(perPerson);
  const byMunicipality = new Map<string, { start: IsoDate; fte: number | undefined }>();
  for (const s of people) {
    const served = ctx.servedBy(s);
    for (const a of served) {
      // A share is known from the assignment, or because the person serves this municipality alone.
      const share = a.fte ?? (served.length === 1 ? ctx.fte(s) : undefined);
      const line = byMunicipality.get(a.municipality);
      if (!line) byMunicipality.set(a.municipality, { start: s.start, fte: share });
      else {
        if (s.start < line.start) line.start = s.start;
        line.fte = line.fte === undefined || share === undefined ? undefined : fromMicro(micro(line.fte) + micro(share));
      }
    }
  }
  const lines: PersonLine[] = [...byMunicipality].map(([id, { start, fte }], i) => ({
    number: i + 1,
    municipalities: [municipalityPhrase(ctx.index.municipalities.get(id)!, 'bare')],
    start,
    startShort: formatDateShort(start),
    since: sinceDate(start, ctx.shortDates),
    partTime: fte === undefined || fte === 1 ? '' : formatQuantity(fte, ctx.unit),
  }));
  const unassigned = people.filter((s) => ctx.servedBy(s).length === 0);
  // perPerson numbers a line by its index: these follow the municipalities' lines.
  return [...lines, ...unassigned.map((s, i) => perPerson(s, lines.length + i))];
}
