import type { Diagnostic } from '../../diagnostics.js';
import { undrawableCharacters, undrawableMessage } from '../../drawable-characters.js';
import { eachString } from '../../load/source-file.js';
import { at, defineRule, type Place, type RuleBase } from '../rule-context.js';

/**
 * What `kim report --format pdf` refuses after rendering (src/report-run.ts: a character the PDF's font
 * has no glyph for would be drawn as "?"), refused here from the data, with the same judgement
 * (src/drawable-characters.ts, a table built from the shipped fonts). `kim build` makes the PDF by
 * default, so the data that cannot give one is refused even by a run that asks only for Markdown; the
 * message says so. Paths to files (a logo, an attachment, the Word template) never reach the text.
 */
const WHY = ' kim build erstellt standardmäßig auch das PDF, darum weist kim validate das Zeichen schon in den Daten zurück.';
const PATH = /\/(?:file|wordTemplate)$/;

/** One error per string that carries such characters, at the string. */
function check(ctx: RuleBase, place: Place, value: unknown): Diagnostic[] {
  const out: Diagnostic[] = [];
  eachString(value, (pointer, text) => {
    if (PATH.test(pointer)) return;
    const chars = undrawableCharacters(text.normalize('NFC'));
    if (chars.length > 0) out.push(at(ctx, place, pointer, undrawableMessage(chars, WHY)));
  });
  return out;
}

/**
 * A report's own file: the characters concern only what that report publishes (`scope`), so `kim build`
 * refuses that report alone and still builds the ones after it.
 */
export const reportCharactersDrawable = defineRule({
  name: 'report-characters-drawable',
  needs: [],
  scope: 'report-output',
  check(ctx) {
    return ctx.data.reports.flatMap((report, ri) => check(ctx, { report: ri }, report));
  },
});

/**
 * organisation.yaml, programme.yaml and meetings.yaml (municipalities, departments, committees, modules,
 * meetings' outcomes …): what they say reaches every Vorlage, so an error here holds all of them back.
 */
export const sharedCharactersDrawable = defineRule({
  name: 'shared-characters-drawable',
  needs: ['organisation', 'programme', 'meetings'],
  check(ctx) {
    return [...check(ctx, 'organisation', ctx.data.organisation), ...check(ctx, 'programme', ctx.data.programme), ...check(ctx, 'meetings', ctx.data.meetings)];
  },
});
