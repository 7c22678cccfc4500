import type { Diagnostic } from '../../diagnostics.js';
import { planOn } from '../../model/fte.js';
import { moduleLabels, termsOf, unitWords } from '../../model/terms.js';
import { formatDate, formatQuantity, isSingularAmount } from '../../german/index.js';
import { filledByDay, micro, postSteps } from '../post-steps.js';
import { at, ptr, defineRule } from '../rule-context.js';

/**
 * Posts planned per employer ("2,5 Stellen bei der Stadt X": a plan part with `employer`) against the staff
 * that employer has in the module: a warning on the first day its staff have more FTE than its parts plan,
 * checked, like filled-within-planned, on every day a person of that employer starts or grows and every
 * day a plan period begins. A plan period whose parts do not name the employer does not limit it.
 */
export const staffWithinEmployerPosts = defineRule({
  name: 'staff-within-employer-posts',
  needs: ['programme/modules', 'programme/terms', 'staff', 'organisation/employers'],
  check(ctx) {
    const out: Diagnostic[] = [];
    const terms = termsOf(ctx.data.programme);
    const unit = unitWords(terms);
    const employers = new Map(ctx.data.organisation.employers.map((e) => [e.id, e]));
    ctx.data.programme.modules.forEach((module, mi) => {
      const named = [...new Set(module.plannedFte.flatMap((p) => (p.parts ?? []).flatMap((part) => (part.employer === undefined ? [] : [part.employer]))))];
      for (const employer of named) {
        const steps = postSteps(ctx.data.staff, (s) => s.module === module.id && s.employer === employer);
        for (const { day, filled, grew } of filledByDay(steps, module.plannedFte.map((p) => p.from))) {
          const plan = planOn(module, day);
          const own = (plan?.parts ?? []).map((part, pi) => ({ part, pi })).filter(({ part }) => part.employer === employer);
          if (!plan || own.length === 0) continue;
          const planned = own.reduce((sum, { part }) => sum + micro(part.fte), 0);
          if (filled <= planned) continue;
          const { labelIn } = moduleLabels(terms, module.number);
          const where = employers.get(employer)?.at ?? `beim Arbeitgeber ${employer}`;
          const periodIndex = module.plannedFte.indexOf(plan);
          const partsAt = `programme.yaml, modules[${mi}].plannedFte[${periodIndex}].parts`;
          const message = `Am ${formatDate(day)} ${isSingularAmount(filled / 1e6) ? 'ist' : 'sind'} ${labelIn} (${module.id}) ${where} ${formatQuantity(filled / 1e6, unit)} besetzt, geplant sind dort nur ${formatQuantity(planned / 1e6, unit)} (${partsAt}, employer: ${employer}).`;
          // Posts that grew point at the staff entry; otherwise the plan part of the period that begins.
          out.push(
            grew !== undefined
              ? at(ctx, 'staff', ptr('staff', grew.staff, ...grew.path), message, 'warning')
              : at(ctx, 'programme', ptr('modules', mi, 'plannedFte', periodIndex, 'parts', own[0]!.pi, 'fte'), message, 'warning'),
          );
          break; // the first such day per module and employer
        }
      }
    });
    return out;
  },
});
