import type { Diagnostic } from '../../diagnostics.js';
import type { Genus } from '../../model/types.js';
import { at, ptr, validEntries, defineRule } from '../rule-context.js';

/**
 * The steering group and the further groups are told with article and pronoun from `genus` ("Die
 * Koordinierungsgruppe … ihrer", "Der Arbeitskreis … seiner"), feminine when it is left out. The genitive
 * is written with its article, so it says the genus too: "des Arbeitskreises" without `genus` would print
 * "Die Arbeitskreis traf sich … zu ihrer konstituierenden Sitzung".
 */
function articleClash(genitive: string, genus: Genus | undefined): string | undefined {
  const given = genus ?? 'feminine';
  const article = /^(der|des)\s/.exec(genitive)?.[1];
  if (article === 'der' && given !== 'feminine') return `"der" im Genitiv passt zu feminine, genus ist ${given}`;
  if (article === 'des' && given === 'feminine') return genus ? '"des" im Genitiv passt zu masculine oder neuter, genus ist feminine' : '"des" im Genitiv passt zu masculine oder neuter, ohne genus gilt feminine';
  return undefined;
}

export const groupGenusMatchesGenitive = defineRule({
  name: 'group-genus-matches-genitive',
  needs: [],
  check(ctx) {
    const out: Diagnostic[] = [];
    const check = (path: (string | number)[], name: string, genitive: string, genus: Genus | undefined) => {
      const clash = articleClash(genitive, genus);
      if (!clash) return;
      const field = genus ? ptr(...path, 'genus') : ptr(...path, 'genitive');
      out.push(at(ctx, 'programme', field, `Das Genus von "${name}" passt nicht zum Genitiv "${genitive}": ${clash}. Erwartet wird genus: masculine oder neuter zu "des …", feminine (oder keine Angabe) zu "der …".`));
    };
    const steering = ctx.optional('programme', 'steeringGroup');
    if (steering) check(['steeringGroup'], steering.name, steering.genitive, steering.genus);
    for (const { item, index } of validEntries<{ name: string; genitive: string; genus?: Genus }>(ctx, 'programme', '/groups', ['name', 'genitive', 'genus'])) {
      check(['groups', index], item.name, item.genitive, item.genus);
    }
    return out;
  },
});
