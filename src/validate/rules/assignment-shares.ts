import type { Diagnostic } from '../../diagnostics.js';
import { formatDate, formatDecimal } from '../../german/index.js';
import { inPostOn, startDay } from '../../model/dates.js';
import { fteOn } from '../../model/fte.js';
import { findPreviousReport } from '../../model/report-model.js';
import { municipalityWordOf } from '../../model/terms.js';
import type { Assignment } from '../../model/types.js';
import { at, ptr, defineRule } from '../rule-context.js';
import { micro } from '../../model/millionths.js';

/**
 * Shares of one person's assignments that run at the same time cannot add up to more than the person's
 * post ("0,5 VZÄ für Alfter und 0,5 VZÄ für Swisttal" is a whole post). Checked on each day an assignment starts.
 */
export const assignmentSharesWithinPost = defineRule({
  name: 'assignment-shares-within-post',
  needs: ['staff', 'assignments'],
  check(ctx) {
    const out: Diagnostic[] = [];
    const staff = new Map(ctx.data.staff.map((s) => [s.id, s]));
    const byStaff = new Map<string, { a: Assignment; i: number }[]>();
    ctx.data.assignments.forEach((a, i) => {
      if (a.fte === undefined) return;
      byStaff.set(a.staff, [...(byStaff.get(a.staff) ?? []), { a, i }]);
    });
    for (const [id, list] of byStaff) {
      const person = staff.get(id);
      if (!person) continue; // unknown staff: known-references says so
      // On each day an assignment starts or the post changes, against the post of that day.
      const days = [...new Set([...list.map(({ a }) => a.from), ...(person.fteChanges ?? []).map((c) => c.from)])].sort();
      for (const day of days) {
        const running = list.filter(({ a: b }) => b.from <= day && (b.to === undefined || b.to >= day));
        if (running.length === 0) continue;
        const total = running.reduce((sum, { a: b }) => sum + micro(b.fte!) * b.municipalities.length, 0);
        const post = fteOn(person, day);
        if (total > micro(post)) {
          const { i } = running.reduce((latest, r) => (r.a.from >= latest.a.from ? r : latest));
          out.push(
            at(ctx, 'assignments', ptr('assignments', i, 'fte'), `Ab dem ${formatDate(day)} sind "${id}" Anteile von zusammen ${formatDecimal(total / 1e6)} zugeordnet, die Stelle hat nur ${formatDecimal(post)} (staff.yaml); der Anteil gilt je genannter Kommune.`),
          );
          break;
        }
      }
    }
    return out;
  },
});

/**
 * A Vorlage lists the municipalities of each person hired since the last one (of a first Vorlage: of
 * everyone in post) whose role serves municipalities. Someone in that list without an assignment at the
 * Stand reads "noch keiner Kommune zugeordnet": usually a forgotten line in assignments.yaml.
 */
export const listedStaffAssigned = defineRule({
  name: 'listed-staff-assigned',
  needs: ['programme/roles', 'staff', 'assignments'],
  check(ctx) {
    const out: Diagnostic[] = [];
    const serving = new Set(ctx.data.programme.roles.filter((r) => r.servesMunicipalities).map((r) => r.id));
    const assignments = new Map<string, Assignment[]>();
    for (const a of ctx.data.assignments) assignments.set(a.staff, [...(assignments.get(a.staff) ?? []), a]);
    const warned = new Set<string>();
    // Only reports in progress: one a later report continues from is presented, its list cannot change.
    const continued = new Set(ctx.data.reports.map((r) => findPreviousReport(ctx.data, r)));
    // The Vorlage's own words ("keiner Kommune", "keinem Stadtteil"), so the warning quotes what it prints.
    // (The default words while organisation.yaml has schema errors: its word may be half there.)
    const none = municipalityWordOf(ctx.optional('organisation', 'municipalityWord')).noneDat;
    for (const report of [...ctx.data.reports].sort((a, b) => (a.stand < b.stand ? -1 : 1))) {
      if (continued.has(report)) continue;
      const previous = findPreviousReport(ctx.data, report);
      ctx.data.staff.forEach((s, i) => {
        if (warned.has(s.id) || !serving.has(s.role) || !inPostOn(s, report.stand)) return;
        if (previous && startDay(s.start) <= previous.stand) return;
        const assigned = (assignments.get(s.id) ?? []).some((a) => a.from <= report.stand && (a.to === undefined || a.to >= report.stand));
        if (assigned) return;
        warned.add(s.id);
        out.push(
          at(ctx, 'staff', ptr('staff', i, 'id'), `"${s.id}" ist am Datenstand ${formatDate(report.stand)} der Vorlage ${report.id} ${none} zugeordnet; die Vorlage nennt bei dieser Person "noch ${none} zugeordnet". Erwartet wird ein Eintrag in assignments.yaml.`, 'warning'),
        );
      });
    }
    return out;
  },
});
