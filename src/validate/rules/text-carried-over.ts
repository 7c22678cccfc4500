import type { Diagnostic } from '../../diagnostics.js';
import { findPreviousReport } from '../../model/report-model.js';
import { at, ptr, whereIs, defineRule } from '../rule-context.js';

type Path = (string | number)[];

/** How each warning of this rule begins, so `kim next` counts these and no other warnings on a text block. */
const CARRIED_OVER = 'Der Textbaustein steht wörtlich so schon in der vorigen Vorlage';

/** Whether a diagnostic is this rule's warning about a text block carried over unchanged. */
export const isCarriedOverText = (d: Diagnostic): boolean => d.severity === 'warning' && d.message.startsWith(CARRIED_OVER);

/** Every text block below `value`, at any depth (keys and list positions), with its path. */
function* textBlocks(value: unknown, path: Path): Generator<{ path: Path; text: string }> {
  if (typeof value === 'string') yield { path, text: value };
  else if (Array.isArray(value)) for (const [i, item] of value.entries()) yield* textBlocks(item, [...path, i]);
  else if (value !== null && typeof value === 'object') for (const [key, item] of Object.entries(value)) yield* textBlocks(item, [...path, key]);
}

/** The value at `path` below `value`, or undefined. */
function valueAt(value: unknown, path: Path): unknown {
  let v = value;
  for (const part of path) v = v !== null && typeof v === 'object' && Object.hasOwn(v, part) ? (v as Record<string | number, unknown>)[part] : undefined;
  return v;
}

/** Line breaks and runs of spaces do not make a text different (YAML folds long lines at will). */
const normalize = (text: string): string => text.replace(/\s+/g, ' ').trim();

/**
 * A text block word for word the same as the previous report's block at the same place is most likely
 * stale ("wird … zur Verabschiedung vorgelegt" after it was adopted): a warning, since some blocks
 * rightly stay. Compared by place in `text`, whatever its keys and nesting; only for reports no later
 * report continues from.
 */
export const textChangedSincePrevious = defineRule({
  name: 'text-changed-since-previous',
  needs: [],
  check(ctx) {
    const out: Diagnostic[] = [];
    // A report another one continues from is finished (presented, published): its blocks are no longer
    // to be revised, and warnings about it would bury those of the report in progress.
    const continued = new Set(ctx.data.reports.map((r) => findPreviousReport(ctx.data, r)));
    ctx.data.reports.forEach((report, i) => {
      if (continued.has(report)) return;
      const previous = findPreviousReport(ctx.data, report);
      if (!previous?.text || !report.text) return;
      const j = ctx.data.reports.indexOf(previous);
      for (const block of textBlocks(report.text, [])) {
        const before = valueAt(previous.text, block.path);
        if (typeof before !== 'string' || normalize(block.text) === '' || normalize(before) !== normalize(block.text)) continue;
        const pointer = ptr('text', ...block.path);
        const where = whereIs(ctx, { report: j }, pointer);
        out.push(at(ctx, { report: i }, pointer, `${CARRIED_OVER} "${previous.id}" (${where}); stimmt er noch?`, 'warning'));
      }
    });
    return out;
  },
});
