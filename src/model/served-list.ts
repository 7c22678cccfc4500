/**
 * The list under "Betreut werden folgende Kommunen:" in a first report: which municipalities the module's
 * staff serve at the Stand, one line per municipality with the posts serving it and since when. Pure.
 *
 * One line per person named a town as often as it has case managers ("1) Stadt Altdorf … 2) Stadt
 * Altdorf …"); a committee member asks which towns are served and with how much. So:
 * - A share the data gives per municipality (an assignment's `fte`) counts for that municipality alone.
 * - An assignment without `fte` is the person's (remaining) post for its municipalities together
 *   (schemas/assignments.schema.json): the data says they are served jointly, so they share one line
 *   ("Stadt Meckenheim und Stadt Rheinbach"); kim does not invent how the post divides.
 * - A municipality on two lines would be named twice: lines sharing a municipality become one, their
 *   posts summed ("Stadt Rabenau und Gemeinde Weidenbach (zwei Stellen)").
 * - The posts are shown on every line unless every line has exactly one post (then "(eine Stelle)" on
 *   each would say nothing; the Rhein-Sieg-Kreis's list of 16.11.2021 names none).
 * - Since: the earliest day someone in post began serving one of the line's municipalities without a
 *   break (a later assignment counts from its own start, not from the person's).
 * - Order: by that day, the earliest first, as the list tells how the service grew; on one day in the
 *   order of staff.yaml and assignments.yaml (the Kreis's order).
 * People in post without an assignment follow, one line each as before ("noch keiner Kommune zugeordnet,
 * seit dem …"): they are posts waiting for a municipality, each with its own start.
 *
 * The lists of hires ("für folgende Kommunen neun weitere … eingestellt:") introduce people and keep one
 * line per person (module-model.ts personLine).
 */
import { formatQuantity, municipalityPhrase, sinceDate, type UnitWords } from '../german/index.js';
import type { DatasetIndex } from './dataset-index.js';
import { dayAfter, startDay } from './dates.js';
import { fteOn } from './fte.js';
import { sumFte } from './staff-groups.js';
import type { Assignment, IsoDate, StaffMember } from './types.js';

/** One line of the list: "1) Stadt Altdorf (1,5 Stellen) seit dem 01.03.22". */
export interface ServedLine {
  number: number;
  /** "Stadt Rabenau", "Gemeinde Weidenbach"; empty for a person not yet assigned. */
  municipalities: string[];
  /** "seit dem 01.03.22", "seit September 2021". */
  since: string;
  /** "1,5 Stellen", "eine Stelle"; empty when no line of the list names its posts. */
  share: string;
}

export interface ServedList {
  lines: ServedLine[];
  /** How many municipalities the list names: "folgende Kommune" for one. */
  municipalityCount: number;
}

/** A municipality or a jointly served group with posts and start, before lines sharing a municipality merge. */
interface Part {
  ids: string[];
  fte: number;
  /** As written in the data (a month stays a month), compared by its start day. */
  since: IsoDate;
}

export function servedList(index: DatasetIndex, staff: readonly StaffMember[], stand: IsoDate, unit: UnitWords, shortDates: boolean): ServedList {
  const parts = staff.flatMap((s) => partsOf(index, s, stand));
  const assigned = merge(parts.filter((p) => p.ids.length > 0));
  const unassigned = parts.filter((p) => p.ids.length === 0);
  const groups = [...stableByStart(assigned), ...unassigned];
  const withShares = groups.some((g) => g.fte !== 1);
  return {
    lines: groups.map((g, i) => ({
      number: i + 1,
      municipalities: g.ids.map((id) => municipalityPhrase(index.municipalities.get(id)!, 'bare')),
      since: sinceDate(g.since, shortDates),
      share: withShares ? formatQuantity(g.fte, unit) : '',
    })),
    municipalityCount: new Set(assigned.flatMap((g) => g.ids)).size,
  };
}

/** A person's parts at the Stand: each municipality with a share of its own, the rest of the post jointly. */
function partsOf(index: DatasetIndex, s: StaffMember, stand: IsoDate): Part[] {
  const all = index.assignmentsByStaff.get(s.id) ?? [];
  const current = all.filter((a) => a.from <= stand && (a.to === undefined || a.to >= stand));
  if (current.length === 0) return [{ ids: [], fte: fteOn(s, stand), since: s.start }];
  const since = (id: string): IsoDate => servingSince(s, all, id, stand);
  const explicit = current.filter((a) => a.fte !== undefined);
  const own = explicit.flatMap((a) => a.municipalities.map((id): Part => ({ ids: [id], fte: a.fte!, since: since(id) })));
  const jointIds = [...new Set(current.filter((a) => a.fte === undefined).flatMap((a) => a.municipalities))];
  const rest = Math.max(0, sumFte([{ fte: fteOn(s, stand) }, ...own.map((p) => ({ fte: -p.fte }))]));
  return jointIds.length === 0 ? own : [...own, { ids: jointIds, fte: rest, since: earliest(jointIds.map(since)) }];
}

/**
 * Since when a person has served a municipality without a break up to the Stand: the start of the chain
 * of their assignments naming it that ends on the Stand, or their own start if that is later.
 */
function servingSince(s: StaffMember, all: readonly Assignment[], id: string, stand: IsoDate): IsoDate {
  const naming = all.filter((a) => a.municipalities.includes(id) && a.from <= stand);
  let from = naming.find((a) => a.to === undefined || a.to >= stand)!.from;
  const endingJustBefore = (): Assignment | undefined => naming.find((a) => a.to !== undefined && a.from < from && dayAfter(a.to) >= from);
  for (let before = endingJustBefore(); before !== undefined; before = endingJustBefore()) from = before.from;
  return from > startDay(s.start) ? from : s.start;
}

/** Parts that share a municipality become one group, at the place of the first of them. */
function merge(parts: readonly Part[]): Part[] {
  const groups: Part[][] = [];
  for (const part of parts) {
    const [first, ...others] = groups.filter((g) => g.some((p) => p.ids.some((id) => part.ids.includes(id))));
    if (first === undefined) {
      groups.push([part]);
      continue;
    }
    first.push(...others.flat(), part);
    for (const g of others) groups.splice(groups.indexOf(g), 1);
  }
  return groups.map(combine);
}

/** Several parts as one: their municipalities in the order named, posts summed, the earliest start. */
function combine(parts: readonly Part[]): Part {
  return { ids: [...new Set(parts.flatMap((p) => p.ids))], fte: sumFte(parts), since: earliest(parts.map((p) => p.since)) };
}

function earliest(dates: readonly IsoDate[]): IsoDate {
  return dates.reduce((a, b) => (startDay(b) < startDay(a) ? b : a));
}

/** By start day, the earliest first; groups of one day keep their order (Array.prototype.sort is stable). */
function stableByStart(groups: readonly Part[]): Part[] {
  return [...groups].sort((a, b) => (startDay(a.since) < startDay(b.since) ? -1 : startDay(a.since) > startDay(b.since) ? 1 : 0));
}
