import { MODULE_TEXT_KEYS, TOP_TEXT_KEYS, type Report } from './types.js';

/** One text block of a report and where it stands in the report file (a JSON pointer). */
export interface TextBlockRef {
  pointer: string;
  text: string;
}

/**
 * Every text block of a report, top-level ones first, then per module in file order: rules check them,
 * the model fills their slots. Module ids are plain `[a-z0-9-]` (schema), so the pointer needs no escaping.
 */
export function reportTextBlocks(report: Report): TextBlockRef[] {
  const out: TextBlockRef[] = [];
  const text = report.text ?? {};
  for (const key of TOP_TEXT_KEYS) {
    const value = text[key];
    if (value !== undefined) out.push({ pointer: `/text/${key}`, text: value });
  }
  for (const [moduleId, blocks] of Object.entries(text.modules ?? {})) {
    for (const key of MODULE_TEXT_KEYS) {
      const value = blocks?.[key];
      if (value !== undefined) out.push({ pointer: `/text/modules/${moduleId}/${key}`, text: value });
    }
  }
  return out;
}
