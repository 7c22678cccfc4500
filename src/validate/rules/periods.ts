import { by } from '../../compare.js';
import type { Diagnostic } from '../../diagnostics.js';
import { formatDate } from '../../german/index.js';
import { endDay, periodsOverlap, startDay } from '../../model/dates.js';
import type { Assignment, StaffMember } from '../../model/types.js';
import { at, ptr, validEntries, whereIs, defineRule } from '../rule-context.js';

export const endNotBeforeStart = defineRule({
  name: 'end-not-before-start',
  needs: [],
  check(ctx) {
    const out: Diagnostic[] = [];
    // Entry by entry: a broken entry elsewhere in the file does not hide this mistake.
    for (const { item: s, index: i } of validEntries<StaffMember>(ctx, 'staff', '/staff', ['start', 'end'])) {
      if (s.end !== undefined && endDay(s.end) < startDay(s.start)) {
        out.push(at(ctx, 'staff', ptr('staff', i, 'end'), `Das Ende (${formatDate(s.end)}) liegt vor dem Beginn (${formatDate(s.start)}); erwartet wird ein Datum ab dem ${formatDate(s.start)}.`));
      }
    }
    for (const { item: a, index: i } of validEntries<Assignment>(ctx, 'assignments', '/assignments', ['from', 'to'])) {
      if (a.to !== undefined && a.to < a.from) {
        out.push(at(ctx, 'assignments', ptr('assignments', i, 'to'), `Das Ende der Zuständigkeit (${formatDate(a.to)}) liegt vor ihrem Beginn (${formatDate(a.from)}).`));
      }
    }
    return out;
  },
});

/**
 * A change of the post (`fteChanges`) lies after the start and not after the end, one per day: a change on
 * the first day is the starting `fte`, and of two on one day the Vorlage would take one without a word.
 */
export const fteChangesWithinEmployment = defineRule({
  name: 'fte-changes-within-employment',
  needs: [],
  check(ctx) {
    const out: Diagnostic[] = [];
    for (const { item: s, index: i } of validEntries<StaffMember>(ctx, 'staff', '/staff', ['start', 'end', 'fteChanges'])) {
      const seen = new Map<string, number>();
      (s.fteChanges ?? []).forEach((c, ci) => {
        const where = ptr('staff', i, 'fteChanges', ci, 'from');
        if (c.from <= startDay(s.start)) {
          out.push(at(ctx, 'staff', where, `Die Änderung des Stellenanteils am ${formatDate(c.from)} liegt nicht nach dem Beginn (${formatDate(s.start)}); erwartet wird ein Tag nach dem ${formatDate(s.start)}, der Anteil bei Beginn gehört in fte.`));
        } else if (s.end !== undefined && c.from > endDay(s.end)) {
          out.push(at(ctx, 'staff', where, `Die Änderung des Stellenanteils am ${formatDate(c.from)} liegt nach dem Ende (${formatDate(s.end)}); erwartet wird ein Tag bis zum ${formatDate(s.end)}.`));
        }
        const first = seen.get(c.from);
        if (first !== undefined) {
          out.push(at(ctx, 'staff', where, `Für den ${formatDate(c.from)} gibt es schon eine Änderung des Stellenanteils (${whereIs(ctx, 'staff', ptr('staff', i, 'fteChanges', first, 'from'))}); je Tag ist genau eine erlaubt.`));
        } else seen.set(c.from, ci);
      });
    }
    return out;
  },
});

/** An assignment can only run while its staff member is employed. */
export const assignmentWithinEmployment = defineRule({
  name: 'assignment-within-employment',
  needs: ['staff', 'assignments'],
  check(ctx) {
    const out: Diagnostic[] = [];
    const staff = new Map(ctx.data.staff.map((s) => [s.id, s]));
    ctx.data.assignments.forEach((a, i) => {
      const s = staff.get(a.staff);
      if (!s) return; // unknown staff: reported by known-references
      if (a.from < startDay(s.start)) {
        out.push(at(ctx, 'assignments', ptr('assignments', i, 'from'), `Die Zuständigkeit beginnt am ${formatDate(a.from)}, vor dem Dienstbeginn von "${s.id}" am ${formatDate(s.start)}.`));
      }
      if (s.end !== undefined && (a.to === undefined || a.to > endDay(s.end))) {
        const pointer = a.to === undefined ? ptr('assignments', i, 'from') : ptr('assignments', i, 'to');
        const found = a.to === undefined ? 'ist unbefristet' : `endet am ${formatDate(a.to)}`;
        out.push(at(ctx, 'assignments', pointer, `Die Zuständigkeit ${found}, aber "${s.id}" ist nur bis zum ${formatDate(s.end)} beschäftigt; erwartet wird ein Ende spätestens am ${formatDate(s.end)}.`));
      }
    });
    return out;
  },
});

/** One person assigned twice to the same municipality at the same time is a copy-and-paste slip. */
export const noOverlappingAssignments = defineRule({
  name: 'no-overlapping-assignments',
  needs: ['assignments'],
  check(ctx) {
    const out: Diagnostic[] = [];
    // Group by person and municipality first, so the comparison stays linear in practice.
    const groups = new Map<string, number[]>();
    ctx.data.assignments.forEach((a, i) => {
      for (const m of a.municipalities) {
        const key = `${a.staff}\u0000${m}`;
        const list = groups.get(key);
        if (list) list.push(i);
        else groups.set(key, [i]);
      }
    });
    for (const [key, indexes] of groups) {
      if (indexes.length < 2) continue;
      const municipality = key.split('\u0000')[1]!;
      const sorted = [...indexes].sort(by((i) => ctx.data.assignments[i]!.from));
      for (let k = 1; k < sorted.length; k++) {
        const prev = ctx.data.assignments[sorted[k - 1]!]!;
        const cur = ctx.data.assignments[sorted[k]!]!;
        if (periodsOverlap(prev, cur)) {
          out.push(
            at(
              ctx,
              'assignments',
              ptr('assignments', sorted[k]!, 'from'),
              `"${cur.staff}" ist ab ${formatDate(cur.from)} doppelt für "${municipality}" zuständig: der Zeitraum überschneidet sich mit ${whereIs(ctx, 'assignments', ptr('assignments', sorted[k - 1]!, 'from'))}.`,
            ),
          );
        }
      }
    }
    return out;
  },
});
