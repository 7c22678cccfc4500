import type { Diagnostic } from '../../diagnostics.js';
import { plannedFteOn } from '../../model/fte.js';
import { formatDate, formatDecimal } from '../../render/german/index.js';
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
    ctx.data.programme.modules.forEach((module, mi) => {
      if (module.plannedFte.length === 0) return;
      const members = ctx.data.staff.map((s, index) => ({ s, index })).filter(({ s }) => s.module === module.id);
      // Filled FTE only rises at a start date, so checking those days finds every excess.
      const days = [...new Set(members.map(({ s }) => s.start))].sort();
      for (const day of days) {
        const planned = plannedFteOn(module, day);
        if (planned === undefined) continue;
        const inPost = members.filter(({ s }) => s.start <= day && (s.end === undefined || s.end >= day));
        const filled = inPost.reduce((sum, { s }) => sum + s.fte, 0);
        if (filled > planned + 1e-9) {
          const last = inPost.filter(({ s }) => s.start === day).at(-1)!;
          out.push(
            at(
              ctx,
              'staff',
              ptr('staff', last.index, 'fte'),
              `Am ${formatDate(day)} sind in ${module.id} ${formatDecimal(filled)} VZÄ besetzt, geplant sind nur ${formatDecimal(planned)} (programme.yaml, modules[${mi}]).`,
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
