import type { Diagnostic } from '../../diagnostics.js';
import { formatDate } from '../../german/index.js';
import { at, ptr, whereIs, defineRule } from '../rule-context.js';

/**
 * A public Vorlage for a session marked non-public is an error, not a warning: a public Vorlage is
 * published (Markdown, PDF, OParl for the council information system), and what was written for a
 * closed session cannot be taken back once it is out. Only the clerk knows which of the two is wrong.
 *
 * The other way round (a non-public Vorlage in a public session) is normal: every public session has a
 * non-public part, which is what "Vorlage für den nichtöffentlichen Sitzungsteil" says. So no warning.
 */
export const publicReportInPublicSession = defineRule({
  name: 'public-report-in-public-session',
  needs: ['meetings/sessions'],
  check(ctx) {
    const out: Diagnostic[] = [];
    const sessions = new Map(ctx.data.meetings.sessions.map((s, i) => [s.id, { session: s, index: i }]));
    ctx.data.reports.forEach((r, i) => {
      if (!r.public) return;
      r.consultations.forEach((c) => {
        const found = sessions.get(c.session);
        if (!found || found.session.public) return;
        const where = whereIs(ctx, 'meetings', ptr('sessions', found.index, 'public'));
        out.push(
          at(
            ctx,
            { report: i },
            '/public',
            `Die Vorlage ist öffentlich (public: true), die Sitzung "${c.session}" am ${formatDate(found.session.date)} ist aber nichtöffentlich (${where}). ` +
              'Eine öffentliche Vorlage wird veröffentlicht; bitte entscheiden: gehört sie in den nichtöffentlichen Sitzungsteil (hier public: false), oder ist die Sitzung öffentlich (in meetings.yaml public: true)?',
          ),
        );
      });
    });
    return out;
  },
});
