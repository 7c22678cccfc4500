import type { Diagnostic } from '../../diagnostics.js';
import { formatDate } from '../../german/index.js';
import { at, ptr, validEntries, whereIs, defineRule } from '../rule-context.js';

/**
 * Two funding rates for one year, or two planned FTE figures for a module from the same day: the model
 * would take one of them and the other would be ignored without a word. Which one is meant only the
 * clerk knows, so both are errors (at the second entry, naming the first).
 */
export const oneFundingRatePerYear = defineRule({
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
});

export const onePlannedFtePerDay = defineRule({
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
});

/**
 * A body meets once a day and is constituted once: two meetings of the steering group (or of one group)
 * on one day printed the same sentence twice, or "Beim zweiten Sitzungstermin am 15.02.2022 … Am
 * 15.02.2022 traf sich der Lenkungskreis zu seinem dritten Sitzungstermin"; two constituent meetings
 * told the body's founding twice.
 */
export const oneMeetingPerDay = defineRule({
  name: 'one-meeting-per-day',
  needs: [],
  check(ctx) {
    const out: Diagnostic[] = [];
    const groups = ctx.optional('programme', 'groups') ?? [];
    const steering = ctx.optional('programme', 'steeringGroup');
    const check = (list: string, entries: { item: { date: string; kind: string; group?: string }; index: number }[]) => {
      const days = new Map<string, number>();
      const constituent = new Map<string, number>();
      for (const { item, index } of entries) {
        const body = item.group ?? '';
        const who = `"${item.group ? (groups.find((g) => g.id === item.group)?.name ?? item.group) : (steering?.name ?? 'steeringGroup')}"`;
        const day = days.get(`${body}\n${item.date}`);
        if (day === undefined) days.set(`${body}\n${item.date}`, index);
        else out.push(at(ctx, 'meetings', ptr(list, index, 'date'), `Am ${formatDate(item.date)} gibt es schon eine Sitzung für ${who} (${whereIs(ctx, 'meetings', ptr(list, day, 'date'))}); je Tag ist eine erlaubt. Bitte einen der beiden Einträge löschen oder das Datum berichtigen.`));
        if (item.kind !== 'konstituierend') continue;
        const first = constituent.get(body);
        if (first === undefined) constituent.set(body, index);
        else out.push(at(ctx, 'meetings', ptr(list, index, 'kind'), `Für ${who} gibt es schon eine konstituierende Sitzung (${whereIs(ctx, 'meetings', ptr(list, first, 'kind'))}); erwartet wird hier ordentlich oder außerordentlich.`));
      }
    };
    check('steeringGroupMeetings', validEntries(ctx, 'meetings', '/steeringGroupMeetings', ['date', 'kind']));
    check('groupMeetings', validEntries(ctx, 'meetings', '/groupMeetings', ['date', 'kind', 'group']));
    return out;
  },
});
