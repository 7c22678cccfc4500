import type { Diagnostic } from '../../diagnostics.js';
import { formatDate } from '../../german/index.js';
import { at, ptr, whereIs, type Rule } from '../rule-context.js';

/**
 * Two funding rates for one year, or two planned FTE figures for a module from the same day: the model
 * would take one of them and the other would be ignored without a word. Which one is meant only the
 * clerk knows, so both are errors (at the second entry, naming the first).
 */
export const oneFundingRatePerYear: Rule = {
  name: 'one-funding-rate-per-year',
  needs: ['programme/fundingRates'],
  check(ctx) {
    const out: Diagnostic[] = [];
    const first = new Map<number, number>();
    ctx.data.programme.fundingRates.forEach((rate, i) => {
      const seen = first.get(rate.year);
      if (seen === undefined) {
        first.set(rate.year, i);
        return;
      }
      const earlier = whereIs(ctx, 'programme', ptr('fundingRates', seen, 'year'));
      out.push(
        at(ctx, 'programme', ptr('fundingRates', i, 'year'), `Für das Jahr ${rate.year} gibt es schon eine Förderung je VZÄ (${earlier}); je Jahr ist genau ein Betrag erlaubt. Bitte einen der beiden Einträge löschen.`),
      );
    });
    return out;
  },
};

export const onePlannedFtePerDay: Rule = {
  name: 'one-planned-fte-per-day',
  needs: ['programme/modules'],
  check(ctx) {
    const out: Diagnostic[] = [];
    ctx.data.programme.modules.forEach((module, m) => {
      const first = new Map<string, number>();
      module.plannedFte.forEach((period, i) => {
        const seen = first.get(period.from);
        if (seen === undefined) {
          first.set(period.from, i);
          return;
        }
        const earlier = whereIs(ctx, 'programme', ptr('modules', m, 'plannedFte', seen, 'from'));
        out.push(
          at(ctx, 'programme', ptr('modules', m, 'plannedFte', i, 'from'), `Für ${module.id} gibt es ab dem ${formatDate(period.from)} schon geplante VZÄ (${earlier}); je Tag ist genau ein Wert erlaubt.`),
        );
      });
    });
    return out;
  },
};
