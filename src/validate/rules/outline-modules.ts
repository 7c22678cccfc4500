import type { Diagnostic } from '../../diagnostics.js';
import { didYouMean } from '../../german/index.js';
import { outlinesOf } from '../outline-walk.js';
import { at, defineRule } from '../rule-context.js';

/**
 * A block about a module stands where it knows its module (a section per module, or `name:KENNUNG`), a
 * block about the whole Vorlage names none, and every module named exists in programme.yaml: otherwise
 * kim could not tell which module's facts to print, and would print none.
 */
export const outlineModules = defineRule({
  name: 'outline-modules',
  needs: ['programme'],
  check(ctx) {
    const ids = ctx.data.programme.modules.map((m) => m.id);
    const unknown = (id: string): string => `Unbekanntes Modul "${id}" in der Gliederung.${didYouMean(id, ids)} Module in programme.yaml: ${ids.join(', ')}.`;
    const out: Diagnostic[] = [];
    for (const owner of outlinesOf(ctx)) {
      for (const ref of owner.moduleRefs) if (!ids.includes(ref.id)) out.push(at(ctx, owner.place, ref.pointer, unknown(ref.id)));
      for (const use of owner.uses) {
        const p = use.parsed;
        if (p.type === 'unknown') continue;
        if (p.module !== undefined && !ids.includes(p.module)) {
          out.push(at(ctx, owner.place, use.pointer, unknown(p.module)));
          continue;
        }
        if (p.kinds !== undefined && use.sectionModules === null && p.module === undefined) {
          out.push(at(ctx, owner.place, use.pointer, `"${use.written}" mit kind steht nicht in einem Abschnitt je Modul; kind wählt dort die Module einer Art. Erwartet wird der Baustein in einem Abschnitt mit modules: oder ohne kind.`));
        }
        if (p.type === 'fact') {
          if (p.block.scope === 'report' && p.module !== undefined) {
            out.push(at(ctx, owner.place, use.pointer, `Der Baustein "${p.block.name}" gehört zur ganzen Vorlage, nicht zu einem Modul; erwartet wird "${p.block.name}" ohne Modul.`));
          } else if (p.block.scope === 'module' && !p.block.toldOnce && p.module === undefined && use.sectionModules === null) {
            out.push(
              at(ctx, owner.place, use.pointer, `Der Baustein "${p.block.name}" sagt etwas über ein Modul, steht aber in keinem Abschnitt je Modul. Erwartet wird er in einem Abschnitt mit modules: (z. B. modules: all) oder mit der Kennung des Moduls, z. B. "${p.block.name}:${ids[0] ?? 'modul-1'}".`),
            );
          }
        } else if ((p.key === 'staff' || p.key === 'work') && p.module === undefined && use.sectionModules === null) {
          out.push(at(ctx, owner.place, use.pointer, `Der Textbaustein "${use.written}" gehört zu einem Modul, steht aber in keinem Abschnitt je Modul. Erwartet wird er dort oder als text.modules.KENNUNG.${p.key}.`));
        }
      }
    }
    return out;
  },
});
