import type { Diagnostic } from '../../diagnostics.js';
import { at, ptr, whereIs, defineRule } from '../rule-context.js';

/**
 * One Vorlage per session: "since the last session" is measured from the previous report, and a second
 * report for the same session would take the first one as its previous report and call its own
 * session "the last one". Reported in every report that names the session.
 */
export const oneReportPerSession = defineRule({
  name: 'one-report-per-session',
  needs: [],
  check(ctx) {
    const bySession = new Map<string, { report: number; consultation: number }[]>();
    ctx.data.reports.forEach((report, i) => {
      const seen = new Set<string>();
      report.consultations.forEach((c, j) => {
        // The same session twice in one report is not this rule's business.
        if (seen.has(c.session)) return;
        seen.add(c.session);
        bySession.set(c.session, [...(bySession.get(c.session) ?? []), { report: i, consultation: j }]);
      });
    });
    const out: Diagnostic[] = [];
    for (const [session, places] of bySession) {
      if (places.length < 2) continue;
      for (const place of places) {
        const others = places
          .filter((p) => p !== place)
          .map((p) => `"${ctx.data.reports[p.report]!.id}" (${whereIs(ctx, { report: p.report }, ptr('consultations', p.consultation, 'session'))})`)
          .join(', ');
        out.push(
          at(
            ctx,
            { report: place.report },
            ptr('consultations', place.consultation, 'session'),
            `Für die Sitzung "${session}" gibt es auch die Vorlage ${others}; erwartet wird eine Vorlage je Sitzung (sonst hielte die spätere die frühere für die vorige und nennt ihre eigene Sitzung "die letzte").`,
          ),
        );
      }
    }
    return out;
  },
});
