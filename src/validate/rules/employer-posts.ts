import { by } from '../../compare.js';
import type { Diagnostic } from '../../diagnostics.js';
import { dayAfter } from '../../model/dates.js';
import { planOn } from '../../model/fte.js';
import { moduleLabels, termsOf, unitWords } from '../../model/terms.js';
import { formatDate, formatQuantity, isSingularAmount } from '../../german/index.js';
import { at, ptr, defineRule } from '../rule-context.js';

/** FTE in millionths: sums of 0.1 and 0.2 compare exactly. */
const micro = (fte: number): number => Math.round(fte * 1e6);

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
        type Step = { day: string; delta: number; staff: number | undefined; path: (string | number)[] };
        const steps: Step[] = module.plannedFte.map((p) => ({ day: p.from, delta: 0, staff: undefined, path: [] }));
        ctx.data.staff.forEach((s, index) => {
          if (s.module !== module.id || s.employer !== employer || (s.end !== undefined && s.end < s.start)) return;
          let current = micro(s.fte);
          steps.push({ day: s.start, delta: current, staff: index, path: ['fte'] });
          [...(s.fteChanges ?? [])]
            .map((c, ci) => ({ c, ci }))
            .filter(({ c }) => c.from > s.start && (s.end === undefined || c.from <= s.end))
            .sort(by(({ c }) => c.from))
            .forEach(({ c, ci }) => {
              steps.push({ day: c.from, delta: micro(c.fte) - current, staff: index, path: ['fteChanges', ci, 'fte'] });
              current = micro(c.fte);
            });
          if (s.end !== undefined) steps.push({ day: dayAfter(s.end), delta: -current, staff: undefined, path: [] });
        });
        steps.sort(by((st) => st.day));
        let filled = 0;
        for (let i = 0; i < steps.length; ) {
          const day = steps[i]!.day;
          let grew: Step | undefined;
          for (; i < steps.length && steps[i]!.day === day; i++) {
            filled += steps[i]!.delta;
            if (steps[i]!.delta > 0) grew = steps[i];
          }
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
          out.push(
            grew?.staff !== undefined
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
