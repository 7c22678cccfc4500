/**
 * Staff posts as steps in time, for the rules that compare filled posts with a plan on every day they
 * change (filled-within-planned, staff-within-employer-posts): one sweep over the steps in day order, not
 * every member for every day (10 000 staff with distinct start days would be 10^8 steps).
 */
import { by } from '../compare.js';
import { dayAfter, endDay, startDay } from '../model/dates.js';
import { micro } from '../model/millionths.js';
import type { IsoDate, StaffMember } from '../model/types.js';

/** FTE in millionths (src/model/millionths.ts), for the rules that import it from here. */
export { micro };

export interface PostStep {
  day: IsoDate;
  /** Change of the filled FTE on this day, in millionths. */
  delta: number;
  /** Index in staff.yaml of the person whose post grew, and the path of the value (`fte`, `fteChanges[i].fte`). */
  staff: number;
  path: (string | number)[];
}

/** +fte on the first day, the difference on each day a change of the post begins, −fte on the day after the last; sorted by day. */
export function postSteps(staff: readonly StaffMember[], counts: (s: StaffMember) => boolean): PostStep[] {
  const steps: PostStep[] = [];
  staff.forEach((s, index) => {
    if (!counts(s)) return;
    // A date known only to the month: in post from the month's first day to its last (model/dates.ts).
    const start = startDay(s.start);
    const end = s.end === undefined ? undefined : endDay(s.end);
    if (end !== undefined && end < start) return;
    let current = micro(s.fte);
    steps.push({ day: start, delta: current, staff: index, path: ['fte'] });
    [...(s.fteChanges ?? [])]
      .map((c, ci) => ({ c, ci }))
      .filter(({ c }) => c.from > start && (end === undefined || c.from <= end))
      .sort(by(({ c }) => c.from))
      .forEach(({ c, ci }) => {
        steps.push({ day: c.from, delta: micro(c.fte) - current, staff: index, path: ['fteChanges', ci, 'fte'] });
        current = micro(c.fte);
      });
    if (end !== undefined) steps.push({ day: dayAfter(end), delta: -current, staff: index, path: ['fte'] });
  });
  return steps.sort(by((st) => st.day));
}

/**
 * Each day on which the posts change or a plan period begins (`planDays`), in order, with the filled FTE
 * after that day's steps (millionths), the last step that grew on it, and whether a plan period begins.
 */
export function* filledByDay(steps: readonly PostStep[], planDays: readonly IsoDate[]): Generator<{ day: IsoDate; filled: number; grew: PostStep | undefined; planBegins: boolean }> {
  // The plan days as steps that change nothing (staff −1), merged in: one sort, as the steps came sorted.
  const all = planDays.length === 0 ? steps : [...steps, ...planDays.map((day) => ({ day, delta: 0, staff: -1, path: [] }))].sort(by((st) => st.day));
  let filled = 0;
  for (let i = 0; i < all.length; ) {
    const day = all[i]!.day;
    let grew: PostStep | undefined;
    let planBegins = false;
    for (; i < all.length && all[i]!.day === day; i++) {
      filled += all[i]!.delta;
      if (all[i]!.delta > 0) grew = all[i];
      if (all[i]!.staff < 0) planBegins = true;
    }
    yield { day, filled, grew, planBegins };
  }
}
