import type { Diagnostic } from '../../diagnostics.js';
import { MODULE_TEXT_KEYS, TOP_TEXT_KEYS } from '../../model/types.js';
import { outlineInEffect, outlinesOf, type OutlineOwner } from '../outline-walk.js';
import { at, ptr, defineRule } from '../rule-context.js';

/** Whether an outline places the report's text block `key` (of module `moduleId`, for module blocks). */
function places(owner: OutlineOwner, key: string, moduleId: string | undefined): boolean {
  return owner.uses.some((u) => {
    if (u.parsed.type !== 'text' || u.parsed.key !== key) return false;
    if (moduleId === undefined) return true;
    return u.parsed.module !== undefined ? u.parsed.module === moduleId : (u.sectionModules?.includes(moduleId) ?? false);
  });
}

/**
 * A text block written in a report must stand somewhere in its outline (the report's, else its Kreis's):
 * the clerk wrote it to be printed, and kim never drops the clerk's words without a word. kim's own
 * outline places every text block.
 */
export const outlineTextPlaced = defineRule({
  name: 'outline-text-placed',
  needs: [],
  check(ctx) {
    const owners = outlinesOf(ctx);
    const out: Diagnostic[] = [];
    ctx.data.reports.forEach((r, i) => {
      const effective = outlineInEffect(owners, i);
      if (!effective) return;
      const { owner, where } = effective;
      const text = r.text ?? {};
      for (const key of TOP_TEXT_KEYS) {
        if (text[key] !== undefined && !places(owner, key, undefined)) {
          out.push(at(ctx, { report: i }, ptr('text', key), `Der Textbaustein text.${key} steht nirgends ${where} und würde nicht gedruckt. Erwartet wird "text.${key}" in einem Abschnitt der Gliederung, oder der Text entfällt.`));
        }
      }
      for (const [moduleId, blocks] of Object.entries(text.modules ?? {})) {
        for (const key of MODULE_TEXT_KEYS) {
          if (blocks?.[key] !== undefined && !places(owner, key, moduleId)) {
            out.push(
              at(
                ctx,
                { report: i },
                ptr('text', 'modules', moduleId, key),
                `Der Textbaustein text.modules.${moduleId}.${key} steht nirgends ${where} und würde nicht gedruckt. Erwartet wird "text.${key}" in einem Abschnitt je Modul, der ${moduleId} umfasst, oder "text.modules.${moduleId}.${key}".`,
              ),
            );
          }
        }
      }
    });
    return out;
  },
});
