import { by } from '../../compare.js';
import type { Diagnostic } from '../../diagnostics.js';
import { plannedFteOn } from '../../model/fte.js';
import { moduleLabels, termsOf, unitWords } from '../../model/terms.js';
import { formatDate, formatQuantity, isSingularAmount } from '../../german/index.js';
import { at, ptr, type Rule } from '../rule-context.js';

/**
 * Warns when a module has more FTE filled than planned on some day: possible (a Kreis may fund more itself),
 * but usually a wrong `fte` or a missing `end`.
 */
export const filledWithinPlanned: Rule = {
  name: 'filled-within-planned',
  needs: ['programme', 'staff'],
  check(ctx) {
    const out: Diagnostic[] = [];
    // The programme's own words, as in the Vorlage: "im Baustein II", "Stellen".
    const terms = termsOf(ctx.data.programme);
    const unit = unitWords(terms);
    ctx.data.programme.modules.forEach((module, mi) => {
      if (module.plannedFte.length === 0) return;
      const members = ctx.data.staff.map((s, index) => ({ s, index })).filter(({ s }) => s.module === module.id);
      const days = [...new Set(members.map(({ s }) => s.start))].sort();
      // One sweep over the days in order (not every member for every day: 10 000 staff with distinct
      // start days would be 10^8 steps). FTE in millionths, so the running sum is exact.
      const micro = (fte: number): number => Math.round(fte * 1e6);
      const employed = members.filter(({ s }) => s.end === undefined || s.end >= s.start);
      const starts = [...employed].sort(by((m) => m.s.start));
      const ends = employed.filter(({ s }) => s.end !== undefined).sort(by((m) => m.s.end!));
      const lastStarting = new Map<string, { s: (typeof members)[number]['s']; index: number }>();
      for (const m of employed) lastStarting.set(m.s.start, m);
      let filledMicro = 0;
      let si = 0;
      let ei = 0;
      for (const day of days) {
        for (; si < starts.length && starts[si]!.s.start <= day; si++) filledMicro += micro(starts[si]!.s.fte);
        for (; ei < ends.length && ends[ei]!.s.end! < day; ei++) filledMicro -= micro(ends[ei]!.s.fte);
        const planned = plannedFteOn(module, day);
        if (planned === undefined) continue;
        const filled = filledMicro / 1e6;
        const { labelIn } = moduleLabels(terms, module.number);
        if (filledMicro > micro(planned)) {
          const last = lastStarting.get(day)!;
          out.push(
            at(
              ctx,
              'staff',
              ptr('staff', last.index, 'fte'),
              `Am ${formatDate(day)} ${isSingularAmount(filled) ? 'ist' : 'sind'} ${labelIn} (${module.id}) ${formatQuantity(filled, unit)} besetzt, geplant sind nur ${formatQuantity(planned, unit)} (programme.yaml, modules[${mi}]).`,
              'warning',
            ),
          );
          return;
        }
      }
    });
    return out;
  },
};
