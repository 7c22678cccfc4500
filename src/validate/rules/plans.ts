import type { Diagnostic } from '../../diagnostics.js';
import { formatDecimal } from '../../german/index.js';
import { at, ptr, type Rule } from '../rule-context.js';

const micro = (n: number): number => Math.round(n * 1e6);

/** A plan with parts ("3,5 Koordinierung und 0,5 Verwaltungsassistenz") must add up to its total. */
export const planPartsAddUp: Rule = {
  name: 'plan-parts-add-up',
  needs: ['programme'],
  check(ctx) {
    const out: Diagnostic[] = [];
    ctx.data.programme.modules.forEach((m, mi) => {
      m.plannedFte.forEach((p, pi) => {
        if (p.parts) {
          const sum = p.parts.reduce((s, part) => s + micro(part.fte), 0);
          if (sum !== micro(p.fte)) {
            out.push(
              at(ctx, 'programme', ptr('modules', mi, 'plannedFte', pi, 'fte'), `Die Teile des Plans ergeben ${formatDecimal(sum / 1e6)}, der Plan nennt ${formatDecimal(p.fte)}; erwartet wird, dass fte die Summe der Teile ist.`),
            );
          }
        }
      });
    });
    return out;
  },
};
