import { by } from '../../compare.js';
import type { Diagnostic } from '../../diagnostics.js';
import { plannedFteOn } from '../../model/fte.js';
import { dayAfter, endDay, startDay } from '../../model/dates.js';
import { moduleLabels, termsOf, unitWords } from '../../model/terms.js';
import { formatDate, formatQuantity, isSingularAmount } from '../../german/index.js';
import { at, ptr, defineRule } from '../rule-context.js';

/**
 * Warns when a module has more FTE filled than planned on some day: possible (a Kreis may fund more itself),
 * but usually a wrong `fte` or a missing `end`. Checked on every day the filled posts grow and on every
 * day a plan period begins (a plan cut below the posts in place), not only at a report's Stand. A warning,
 * not an error: a Kreis may keep a post it pays itself after the programme's plan was cut.
 */
export const filledWithinPlanned = defineRule({
  name: 'filled-within-planned',
  needs: ['programme/modules', 'programme/terms', 'staff'],
  check(ctx) {
    const out: Diagnostic[] = [];
    // The programme's own words, as in the Vorlage: "im Baustein II", "Stellen".
    const terms = termsOf(ctx.data.programme);
    const unit = unitWords(terms);
    ctx.data.programme.modules.forEach((module, mi) => {
      if (module.plannedFte.length === 0) return;
      const members = ctx.data.staff.map((s, index) => ({ s, index })).filter(({ s }) => s.module === module.id);
      // Each person's post as steps: +fte on the first day, the difference on each day a change of the post
      // begins, −fte on the day after the last. One sweep over the steps in day order (not every member for
      // every day: 10 000 staff with distinct start days would be 10^8 steps). FTE in millionths, exact.
      const micro = (fte: number): number => Math.round(fte * 1e6);
      type Step = { day: string; delta: number; index: number; path: (string | number)[] };
      const steps: Step[] = [];
      // A plan period's first day is a day to check too (delta 0, index −1 − the period's index).
      module.plannedFte.forEach((p, pi) => steps.push({ day: p.from, delta: 0, index: -1 - pi, path: [] }));
      for (const { s, index } of members) {
        if (s.end !== undefined && endDay(s.end) < startDay(s.start)) continue;
        let current = micro(s.fte);
        steps.push({ day: startDay(s.start), delta: current, index, path: ['fte'] });
        [...(s.fteChanges ?? [])]
          .map((c, ci) => ({ c, ci }))
          .filter(({ c }) => c.from > startDay(s.start) && (s.end === undefined || c.from <= endDay(s.end)))
          .sort(by(({ c }) => c.from))
          .forEach(({ c, ci }) => {
            steps.push({ day: c.from, delta: micro(c.fte) - current, index, path: ['fteChanges', ci, 'fte'] });
            current = micro(c.fte);
          });
        if (s.end !== undefined) steps.push({ day: dayAfter(endDay(s.end)), delta: -current, index, path: ['fte'] });
      }
      steps.sort(by((st) => st.day));
      let filledMicro = 0;
      for (let i = 0; i < steps.length; ) {
        const day = steps[i]!.day;
        let grew: Step | undefined;
        let planBegins: Step | undefined;
        for (; i < steps.length && steps[i]!.day === day; i++) {
          filledMicro += steps[i]!.delta;
          if (steps[i]!.delta > 0) grew = steps[i];
          if (steps[i]!.index < 0) planBegins = steps[i];
        }
        const planned = plannedFteOn(module, day);
        if ((grew === undefined && planBegins === undefined) || planned === undefined || filledMicro <= micro(planned)) continue;
        const filled = filledMicro / 1e6;
        const { labelIn } = moduleLabels(terms, module.number);
        const figures = `Am ${formatDate(day)} ${isSingularAmount(filled) ? 'ist' : 'sind'} ${labelIn} (${module.id}) ${formatQuantity(filled, unit)} besetzt, geplant sind`;
        // Posts that grew point at the staff entry; otherwise the plan period that begins below them.
        out.push(
          grew !== undefined
            ? at(ctx, 'staff', ptr('staff', grew.index, ...grew.path), `${figures} nur ${formatQuantity(planned, unit)} (programme.yaml, modules[${mi}]).`, 'warning')
            : at(
                ctx,
                'programme',
                ptr('modules', mi, 'plannedFte', -1 - planBegins!.index, 'fte'),
                `${figures} ab diesem Tag nur ${formatQuantity(planned, unit)}; endet eine Stelle oder wird sie verringert, fehlt das in staff.yaml (end, fteChanges).`,
                'warning',
              ),
        );
        return;
      }
    });
    return out;
  },
});
