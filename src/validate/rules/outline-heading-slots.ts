import type { Dataset } from '../../model/types.js';
import { outlinesOf, type OutlineOwner } from '../outline-walk.js';
import { defineRule, type RuleContext } from '../rule-context.js';
import { clerkTextSlotProblems } from './text-blocks.js';
import type { Diagnostic } from '../../diagnostics.js';

/**
 * Fact slots in an outline's headings ("Stand der Besetzung: {besetzt} von {geplant}") are judged as in a
 * text block (text-blocks.ts), for each report the outline serves: a report's own outline for that report,
 * organisation.yaml's for every report without one (the message then names the report). A heading's own
 * placeholders are outline-heading-placeholders.ts's; identical messages for several reports are said once.
 */
function headingSlotProblems(ctx: RuleContext, data?: Dataset): Diagnostic[] {
  const out = new Map<string, Diagnostic>();
  const served = (owner: OutlineOwner): number[] =>
    typeof owner.place === 'object' && 'report' in owner.place ? [owner.place.report] : ctx.data.reports.flatMap((r, i) => (r.outline ? [] : [i]));
  for (const owner of outlinesOf(ctx)) {
    const shared = typeof owner.place === 'string';
    for (const reportIndex of served(owner)) {
      for (const h of owner.headings) {
        const prefix = shared ? `In der Vorlage "${ctx.data.reports[reportIndex]!.id}": ` : '';
        for (const d of clerkTextSlotProblems(ctx, reportIndex, h.pointer, h.heading, data, { place: owner.place, prefix, factSlotsOnly: true })) {
          // Name and module problems are the same for every report the shared outline serves: said once.
          const key = `${d.file}:${d.line}:${d.col}:${d.message.slice(prefix.length)}`;
          if (!out.has(key)) out.set(key, d);
        }
      }
    }
  }
  return [...out.values()];
}

/** Names, modules and the slots that name the previous report, in outline headings (as textSlotsResolve). */
export const outlineHeadingSlotsResolve = defineRule({
  name: 'outline-heading-slots-resolve',
  needs: [],
  check: (ctx) => headingSlotProblems(ctx),
});

/** The values that need the data, in outline headings (as textSlotsHaveValues). */
export const outlineHeadingSlotsHaveValues = defineRule({
  name: 'outline-heading-slots-have-values',
  needs: ['organisation', 'programme', 'staff', 'assignments', 'meetings'],
  check: (ctx) => headingSlotProblems(ctx, ctx.data),
});
