import type { Diagnostic } from '../../diagnostics.js';
import { at, whereIs, defineRule } from '../rule-context.js';

/**
 * A report's id names its output files, so two report files with one id would write each other's
 * Vorlage. Reported in every file that has it: which one is wrong only the clerk knows.
 */
export const uniqueReportIds = defineRule({
  name: 'unique-report-ids',
  needs: [],
  check(ctx) {
    const byId = new Map<string, number[]>();
    ctx.data.reports.forEach((report, i) => byId.set(report.id, [...(byId.get(report.id) ?? []), i]));
    const out: Diagnostic[] = [];
    for (const [id, places] of byId) {
      if (places.length < 2) continue;
      const where = (i: number) => whereIs(ctx, { report: i }, '/id');
      places.forEach((i, k) => {
        const others = places.filter((j) => j !== i).map(where).join(', ');
        const message =
          k === 0
            ? `Die Vorlagen-Kennung "${id}" gibt es noch einmal in ${others}; jede Vorlage braucht eine eigene, denn sie benennt die Ausgabedateien.`
            : `Die Vorlagen-Kennung "${id}" gibt es schon in ${where(places[0]!)}; jede Vorlage braucht eine eigene, denn sie benennt die Ausgabedateien.`;
        out.push(at(ctx, { report: i }, '/id', message));
      });
    }
    return out;
  },
});
