import type { Diagnostic } from '../../diagnostics.js';
import { outlinesOf } from '../outline-walk.js';
import { at, whereIs, defineRule } from '../rule-context.js';

/**
 * A block stands once: the same facts or the same text printed twice is a slip in the outline. Blocks told
 * once anyway (lenkungsgruppe, kooperation, auftakt, text.steeringGroup) may stand in several places: kim's
 * own outline places them with their module and in a section of their own, for Kreise without such a module.
 */
export const outlinePlacedOnce = defineRule({
  name: 'outline-placed-once',
  needs: [],
  check(ctx) {
    const out: Diagnostic[] = [];
    for (const owner of outlinesOf(ctx)) {
      const first = new Map<string, string>();
      for (const use of owner.uses) {
        const p = use.parsed;
        if (p.type === 'unknown') continue;
        if (p.type === 'fact' && p.block.toldOnce) continue;
        if (p.type === 'text' && p.key === 'steeringGroup') continue;
        const name = p.type === 'fact' ? p.block.name : `text.${p.key}`;
        const perModule = p.type === 'fact' ? p.block.scope === 'module' : p.key === 'staff' || p.key === 'work';
        const modules = !perModule ? [undefined] : p.module !== undefined ? [p.module] : (use.sectionModules ?? [undefined]);
        for (const m of modules) {
          const key = `${name}|${m ?? ''}`;
          const earlier = first.get(key);
          if (earlier === undefined) {
            first.set(key, use.pointer);
            continue;
          }
          const what = m === undefined ? `"${name}"` : `"${name}" für ${m}`;
          out.push(at(ctx, owner.place, use.pointer, `Der Baustein ${what} steht doppelt in der Gliederung (zuerst in ${whereIs(ctx, owner.place, earlier)}); er würde zweimal gedruckt. Erwartet wird jeder Baustein an einer Stelle.`));
          break;
        }
      }
    }
    return out;
  },
});
