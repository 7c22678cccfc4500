import type { Diagnostic } from '../../diagnostics.js';
import { eachString } from '../../load/source-file.js';
import { findIn, fold, wordsOf } from '../../german/name-matching.js';
import { patternsOf } from '../../german/staff-name-patterns.js';
import { codePoint } from '../../german/did-you-mean.js';
import { at, defineRule } from '../rule-context.js';

/**
 * What `kim report` refuses after rendering (src/render/privacy-check.ts), refused here from the data: a
 * public report's own file (its text blocks, titles, outcomes, every free text a clerk typed into it)
 * carrying a staff member's name, in any spelling the privacy check finds. Without this, `kim validate`
 * says "Daten gültig" and `kim report` then refuses. Nothing is rendered: names put together by a
 * template stay the privacy check's job.
 */
/** The fields of a report that reach another output than the Vorlage's text (as the privacy check names it). */
const OUTPUT_OF: Record<string, string> = { '/id': 'einem Dateinamen', '/reference': 'der OParl-Datei' };

export const noStaffNamesInPublicReport = defineRule({
  name: 'no-staff-names-in-public-report',
  needs: ['staff'],
  check(ctx) {
    const out: Diagnostic[] = [];
    const patterns = patternsOf(ctx.data.staff);
    ctx.data.reports.forEach((report, ri) => {
      if (!report.public) return;
      for (const personal of patterns) {
        // One message per person and report, at the first field that carries the name.
        let found: { pointer: string; name: string; text: string } | undefined;
        eachString(report, (pointer, text) => {
          if (found) return;
          const folded = fold(text.normalize('NFC'));
          const words = wordsOf(folded.text);
          for (const p of personal) {
            if (!p.anchors.some((a) => words.has(a)) || !p.pattern.test(folded.text)) continue;
            found = { pointer, name: p.name, text: findIn(text.normalize('NFC'), folded, p.pattern)!.text };
            return;
          }
        });
        if (!found) continue;
        // As the privacy check shows it: invisible characters and letters of another script by their code.
        const shown = found.text.replace(/\p{Cf}|(?=\p{L})\P{Script=Latin}/gu, (c) => `<${codePoint(c)}>`);
        const as = found.text === found.name ? '' : ` (geschrieben als "${shown}")`;
        out.push(
          at(
            ctx,
            { report: ri },
            found.pointer,
            `Die öffentliche Vorlage ${report.id} enthält den Namen "${found.name}" einer beschäftigten Person${as} in ${OUTPUT_OF[found.pointer] ?? 'der Vorlage (Markdown und PDF)'}; Namen dürfen in öffentlichen Vorlagen nicht erscheinen.`,
          ),
        );
      }
    });
    return out;
  },
});
