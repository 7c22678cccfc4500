import type { Diagnostic } from '../../diagnostics.js';
import { planOn } from '../../model/fte.js';
import { moduleLabels, termsOf, unitWords } from '../../model/terms.js';
import { formatDate, formatQuantity, isSingularAmount } from '../../german/index.js';
import { filledByDay, micro, postSteps } from '../post-steps.js';
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
      const steps = postSteps(ctx.data.staff, (s) => s.module === module.id);
      for (const { day, filled: filledMicro, grew, planBegins } of filledByDay(steps, module.plannedFte.map((p) => p.from))) {
        const plan = planOn(module, day);
        if ((grew === undefined && !planBegins) || plan === undefined || filledMicro <= micro(plan.fte)) continue;
        const planned = plan.fte;
        const filled = filledMicro / 1e6;
        const { labelIn } = moduleLabels(terms, module.number);
        const figures = `Am ${formatDate(day)} ${isSingularAmount(filled) ? 'ist' : 'sind'} ${labelIn} (${module.id}) ${formatQuantity(filled, unit)} besetzt, geplant sind`;
        // Posts that grew point at the staff entry; otherwise the plan period that begins below them.
        out.push(
          grew !== undefined
            ? at(ctx, 'staff', ptr('staff', grew.staff, ...grew.path), `${figures} nur ${formatQuantity(planned, unit)} (programme.yaml, modules[${mi}]).`, 'warning')
            : at(
                ctx,
                'programme',
                ptr('modules', mi, 'plannedFte', module.plannedFte.indexOf(plan), 'fte'),
                `${figures} ab diesem Tag nur ${formatQuantity(planned, unit)}; endet eine Stelle oder wird sie verringert, fehlt das in staff.yaml (end, fteChanges).`,
                'warning',
              ),
        );
        return; // the first such day per module
      }
    });
    return out;
  },
});
