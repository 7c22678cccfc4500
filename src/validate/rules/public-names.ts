import type { Diagnostic } from '../../diagnostics.js';
import { eachString } from '../../load/source-file.js';
import { findIn, fold, wordsOf } from '../../german/name-matching.js';
import { patternsOf } from '../../german/staff-name-patterns.js';
import { codePoint } from '../../german/did-you-mean.js';
import { at, defineRule } from '../rule-context.js';

/** The fields of a report that reach another output than the Vorlage's text (as the privacy check names it). */
const OUTPUT_OF: Record<string, string> = { '/id': 'einem Dateinamen', '/reference': 'der OParl-Datei' };

/**
 * What `kim report` refuses after rendering (src/render/privacy-check.ts), refused here from the data: a
 * public report's own file (its text blocks, titles, outcomes, every free text a clerk typed into it)
 * carrying a staff member's name, in any spelling the privacy check finds. Without this, `kim validate`
 * says "Daten gültig" and `kim report` then refuses. Nothing is rendered: names put together by a
 * template stay the privacy check's job. The error concerns that report's outputs only (`scope`): `kim
 * build` refuses it and still builds the reports after it.
 */
/**
 * A report's strings are mostly the same from one validation to the next (kim watch, kim build after an
 * edit): each folded once, kept in a bounded cache (emptied when full).
 */
const FOLDED_LIMIT = 20_000;
const foldedCache = new Map<string, { text: string; folded: ReturnType<typeof fold>; words: Set<string> }>();
function foldedOnce(raw: string): { text: string; folded: ReturnType<typeof fold>; words: Set<string> } {
  let entry = foldedCache.get(raw);
  if (!entry) {
    if (foldedCache.size >= FOLDED_LIMIT) foldedCache.clear();
    const text = raw.normalize('NFC');
    const folded = fold(text, false);
    entry = { text, folded, words: wordsOf(folded.text) };
    foldedCache.set(raw, entry);
  }
  return entry;
}

export const noStaffNamesInPublicReport = defineRule({
  name: 'no-staff-names-in-public-report',
  needs: ['staff'],
  scope: 'report-output',
  check(ctx) {
    const out: Diagnostic[] = [];
    const patterns = patternsOf(ctx.data.staff);
    ctx.data.reports.forEach((report, ri) => {
      if (!report.public) return;
      // Each string folded once, then searched for every person.
      const strings: { pointer: string; text: string; folded: ReturnType<typeof fold>; words: Set<string> }[] = [];
      eachString(report, (pointer, raw) => {
        const { text, folded, words } = foldedOnce(raw);
        strings.push({ pointer, text, folded, words });
      });
      for (const personal of patterns) {
        // One message per person and report, at the first field that carries the name.
        let found: { pointer: string; name: string; text: string } | undefined;
        for (const s of strings) {
          const p = personal.find((q) => q.anchors.some((a) => s.words.has(a)) && q.pattern.test(s.folded.text));
          if (p) {
            found = { pointer: s.pointer, name: p.name, text: findIn(s.text, fold(s.text), p.pattern)!.text };
            break;
          }
        }
        if (!found) continue;
        // A staff member typed in as a presenter's name: the way to name one is by id.
        const hint = /^\/presenters\/\d+\/name$/.test(found.pointer) ? ` Eine beschäftigte Person wird mit presenters[].staff (ihrer Kennung aus staff.yaml) genannt, dann nur im Satz der Berichterstattung.` : '';
        // As the privacy check shows it: invisible characters and letters of another script by their code.
        const shown = found.text.replace(/\p{Cf}|(?=\p{L})\P{Script=Latin}/gu, (c) => `<${codePoint(c)}>`);
        const as = found.text === found.name ? '' : ` (geschrieben als "${shown}")`;
        out.push(
          at(
            ctx,
            { report: ri },
            found.pointer,
            `Die öffentliche Vorlage ${report.id} enthält den Namen "${found.name}" einer beschäftigten Person${as} in ${OUTPUT_OF[found.pointer] ?? 'der Vorlage (Markdown und PDF)'}; Namen dürfen in öffentlichen Vorlagen nicht erscheinen.${hint}`,
          ),
        );
      }
    });
    return out;
  },
});
