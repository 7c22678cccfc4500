import type { Diagnostic } from '../../diagnostics.js';
import { formatDecimal } from '../../german/index.js';
import { at, ptr, whereIs, defineRule } from '../rule-context.js';
import { micro } from '../../model/millionths.js';

/** A plan with parts ("3,5 Koordinierung und 0,5 Verwaltungsassistenz") must add up to its total, each part named once. */
export const planPartsAddUp = defineRule({
  name: 'plan-parts-add-up',
  needs: ['programme/modules'],
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
          // "davon 1 Stelle Koordinierung und 0,5 Stelle Koordinierung" says nothing the total does not.
          const seen = new Map<string, number>();
          p.parts.forEach((part, i) => {
            const first = seen.get(part.label.trim());
            if (first === undefined) seen.set(part.label.trim(), i);
            else {
              const earlier = whereIs(ctx, 'programme', ptr('modules', mi, 'plannedFte', pi, 'parts', first, 'label'));
              out.push(at(ctx, 'programme', ptr('modules', mi, 'plannedFte', pi, 'parts', i, 'label'), `Der Teil "${part.label}" kommt in diesem Plan doppelt vor (zuerst in ${earlier}); erwartet wird je Teil eine eigene Bezeichnung, oder die Teile zusammengefasst.`));
            }
          });
        }
      });
    });
    return out;
  },
});
