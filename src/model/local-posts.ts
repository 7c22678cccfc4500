import type { DatasetIndex } from './dataset-index.js';
import { inPostOn } from './dates.js';
import { fteOn } from './fte.js';
import { sumFte } from './staff-groups.js';
import type { Assignment, IsoDate, StaffMember } from './types.js';

/*
 * A Vorlage whose author is not the programme's owner (programme.yaml `owner`: a town reporting on its
 * Kreis's programme) knows the owner's plan, but of the staff only those who serve the author's own
 * municipality (organisation.yaml body.municipality). These are the posts it can state: per person, the
 * share of the post that serves that municipality, from assignments.yaml.
 */

/**
 * The share of a person's post that serves a municipality on a day: 0 when none of their assignments in
 * force names it; an assignment's `fte` (a share per municipality named); without shares, the whole post
 * when it is their only assignment in force and names only this municipality. Undefined when the data
 * cannot tell (the post shared with other municipalities or assignments, no share given): validation
 * refuses that for a Vorlage that would state it (rules/local-posts.ts).
 */
/** `assignments`: the person's own, as in assignments.yaml. */
export function postServing(staff: StaffMember, assignments: readonly Assignment[], municipality: string, day: IsoDate): number | undefined {
  if (!inPostOn(staff, day)) return 0;
  const running = assignments.filter((a) => a.from <= day && (a.to === undefined || a.to >= day));
  const serving = running.filter((a) => a.municipalities.includes(municipality));
  // No assignment names it: every one of none has a share, and their sum is 0.
  if (serving.every((a) => a.fte !== undefined)) return sumFte(serving.map((a) => ({ fte: a.fte! })));
  if (running.length === 1 && serving[0]!.municipalities.length === 1) return fteOn(staff, day);
  return undefined;
}

/** Posts serving a municipality on a day, per employer id in order of first appearance (the staff's order). */
export interface LocalPosts {
  fte: number;
  byEmployer: { employer: string; fte: number }[];
}

/** The posts of some staff (a module's, or all) serving a municipality on a day; unknown shares count as none (validation refuses them). */
export function localPosts(index: DatasetIndex, staff: readonly StaffMember[], municipality: string, day: IsoDate): LocalPosts {
  const byEmployer = new Map<string, number[]>();
  for (const s of staff) {
    const fte = postServing(s, index.assignmentsByStaff.get(s.id) ?? [], municipality, day) ?? 0;
    if (fte > 0) byEmployer.set(s.employer, [...(byEmployer.get(s.employer) ?? []), fte]);
  }
  const list = [...byEmployer].map(([employer, shares]) => ({ employer, fte: sumFte(shares.map((fte) => ({ fte }))) }));
  return { fte: sumFte(list), byEmployer: list };
}
