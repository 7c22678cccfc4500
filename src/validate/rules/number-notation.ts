import type { Diagnostic } from '../../diagnostics.js';
import type { SourceFile } from '../../load/source-file.js';
import { at, type Place, defineRule, type RuleContext } from '../rule-context.js';
import { jsonPath } from '../../diagnostics.js';

/** `55.000`, `1.250.000`: digits in groups of three after a point, as Germans write thousands. */
const THOUSANDS = /^[+-]?[1-9]\d{0,2}(\.\d{3})+$/;

/**
 * `amount: 55.000` is the YAML number 55 (the point is a decimal point) and would print "55 €/VZÄ". Where a
 * Euro amount or a count is expected, such a number is almost always a German thousands separator. FTE
 * (`fte`) are fractions, where `1.000` may well mean one: left alone.
 */
export const thousandsSeparator = defineRule({
  name: 'no-thousands-separator',
  needs: [],
  check(ctx) {
    const out: Diagnostic[] = [];
    for (const { place, source } of everySource(ctx)) {
      for (const [pointer, written] of source.numberTexts ?? []) {
        if (!THOUSANDS.test(written) || pointer.endsWith('/fte')) continue;
        const field = jsonPath(pointer).split('.').pop()!.replace(/\[\d+\]$/, '');
        const meant = written.replace(/\./g, '');
        const value = String(Number(written)).replace('.', ',');
        out.push(
          at(ctx, place, pointer, `"${written}" ist in YAML die Zahl ${value} (der Punkt ist dort ein Dezimalpunkt, kein Tausenderpunkt). Gemeint ist wohl ${meant}: bitte ohne Punkt schreiben, ${field}: ${meant}`),
        );
      }
    }
    return out;
  },
});

/** Every parsed data file, also one that failed its schema (its numbers are still as written). */
function everySource(ctx: RuleContext): { place: Place; source: SourceFile }[] {
  const list: { place: Place; source: SourceFile }[] = [];
  for (const [kind, source] of Object.entries(ctx.sources)) if (source) list.push({ place: kind as Place, source });
  ctx.reportSources.forEach((source, i) => list.push({ place: { report: i }, source }));
  return list;
}
