import type { Diagnostic } from '../../diagnostics.js';
import { formatDate, isMonthOnly } from '../../german/index.js';
import { validEntries, at, ptr, defineRule } from '../rule-context.js';
import type { CooperationAgreement, StaffMember } from '../../model/types.js';

/**
 * A date known only to the month (`2021-09`) counts from the month's first day (a start, an agreement) or
 * to its last (an end): src/model/dates.ts. Where a report's Stand or its session falls in that month,
 * that choice would decide what the Vorlage says (hired before or after the Stand, in post on it or not,
 * an agreement "seit der letzten Ausschusssitzung" or not); kim does not guess there and asks for the day.
 */
export const monthDatesClearOfReports = defineRule({
  name: 'month-dates-clear-of-reports',
  needs: ['meetings/sessions'],
  check(ctx) {
    const sessions = new Map(ctx.data.meetings.sessions.map((s) => [s.id, s.date]));
    // Each report's Stand and session date, with what the message calls them.
    const days = ctx.data.reports.flatMap((r) => {
      const session = sessions.get(r.consultations[0]?.session ?? '');
      return [{ day: r.stand, what: `der Datenstand ${formatDate(r.stand)} der Vorlage ${r.id}` }, ...(session ? [{ day: session, what: `die Sitzung ${formatDate(session)} der Vorlage ${r.id}` }] : [])];
    });
    const out: Diagnostic[] = [];
    const check = (date: string | undefined, place: 'staff' | 'meetings', pointer: string, what: string): void => {
      if (date === undefined || !isMonthOnly(date)) return;
      const hit = days.find((d) => d.day.startsWith(`${date}-`));
      if (!hit) return;
      out.push(
        at(
          ctx,
          place,
          pointer,
          `${what} ist nur auf den Monat genau (${formatDate(date)}), und ${hit.what} liegt in diesem Monat: ob ${what === 'Das Ende' ? 'die Person an diesem Tag noch im Dienst war' : 'es davor oder danach war'}, sagt die Angabe nicht. Erwartet wird der Tag im Format JJJJ-MM-TT.`,
        ),
      );
    };
    for (const { item: s, index: i } of validEntries<StaffMember>(ctx, 'staff', '/staff', ['start', 'end'])) {
      check(s.start, 'staff', ptr('staff', i, 'start'), 'Der Beginn');
      check(s.end, 'staff', ptr('staff', i, 'end'), 'Das Ende');
    }
    for (const { item: c, index: i } of validEntries<CooperationAgreement>(ctx, 'meetings', '/cooperationAgreements', ['date'])) {
      check(c.date, 'meetings', ptr('cooperationAgreements', i, 'date'), 'Der Abschluss');
    }
    return out;
  },
});
