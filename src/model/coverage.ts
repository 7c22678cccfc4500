/**
 * The coverage Anlage (report.yaml `show.coverage`, fact block `abdeckung`): every municipality of the
 * Kreis with the case-management posts serving it at the Stand, by employer. Pure.
 *
 * A post's share for a municipality (assignments.yaml): the assignment's `fte` where it gives one (the
 * share for each municipality it names); otherwise the rest of the person's post at the Stand, split
 * equally among the municipalities of the assignments without `fte` ("the whole post for all named
 * municipalities together", as the schema defines it). Case-management posts are the staff in post of
 * the modules of kind `case-management`.
 */
import { municipalityPhrase } from '../german/index.js';
import { indexOf } from './dataset-index.js';
import { inPostOn } from './dates.js';
import { fteOn } from './fte.js';
import { assignmentsOn } from './module-model.js';
import { sumFte } from './staff-groups.js';
import type { Dataset, IsoDate } from './types.js';

export interface CoverageRow {
  /** "Stadt Königswinter". */
  municipality: string;
  /** Posts per employer, in the order of `CoverageModel.employers`; 0 where the employer has none here. */
  byEmployer: { fte: number }[];
  /** All posts serving the municipality; 0: nobody (the table marks it). */
  total: number;
}

export interface CoverageModel {
  /** The employers with a case-management post serving any municipality at the Stand, in organisation.yaml order. */
  employers: string[];
  /** Every municipality of organisation.yaml, in its order. */
  rows: CoverageRow[];
  /** Column sums, by employer, and all. */
  totalByEmployer: { fte: number }[];
  total: number;
  /** How many municipalities nobody serves. */
  uncovered: number;
}

export function coverageOf(data: Dataset, stand: IsoDate): CoverageModel {
  const index = indexOf(data);
  const caseManagement = new Set(data.programme.modules.filter((m) => m.kind === 'case-management').map((m) => m.id));
  // municipality id → employer id → the shares (summed once, in millionths, by sumFte)
  const shares = new Map<string, Map<string, { fte: number }[]>>();
  const add = (municipality: string, employer: string, fte: number): void => {
    const byEmployer = shares.get(municipality) ?? new Map<string, { fte: number }[]>();
    shares.set(municipality, byEmployer);
    byEmployer.set(employer, [...(byEmployer.get(employer) ?? []), { fte }]);
  };
  for (const s of data.staff) {
    if (!caseManagement.has(s.module) || !inPostOn(s, stand)) continue;
    const assignments = assignmentsOn(index, s, stand);
    const explicit = assignments.filter((a) => a.fte !== undefined);
    for (const a of explicit) for (const m of a.municipalities) add(m, s.employer, a.fte!);
    const rest = Math.max(0, fteOn(s, stand) - sumFte(explicit.flatMap((a) => a.municipalities.map(() => ({ fte: a.fte! })))));
    const shared = assignments.filter((a) => a.fte === undefined).flatMap((a) => a.municipalities);
    for (const m of shared) add(m, s.employer, rest / shared.length);
  }
  const employers = data.organisation.employers.filter((e) => [...shares.values()].some((byEmployer) => byEmployer.has(e.id)));
  const rows = data.organisation.municipalities.map((m): CoverageRow => {
    const byEmployer = employers.map((e) => ({ fte: sumFte(shares.get(m.id)?.get(e.id) ?? []) }));
    return { municipality: municipalityPhrase(m, 'bare'), byEmployer, total: sumFte(byEmployer) };
  });
  const totalByEmployer = employers.map((_, i) => ({ fte: sumFte(rows.map((r) => r.byEmployer[i]!)) }));
  return {
    employers: employers.map((e) => e.name),
    rows,
    totalByEmployer,
    total: sumFte(rows.map((r) => ({ fte: r.total }))),
    uncovered: rows.filter((r) => r.total === 0).length,
  };
}
