import type { Diagnostic } from '../../diagnostics.js';
import type { DataFileKind } from '../../load/data-files.js';
import { at, ptr, usableIds, whereIs, type Place, defineRule, type RuleContext } from '../rule-context.js';

/**
 * Every collection whose items carry an `id` other files refer to, also in a file with errors elsewhere,
 * as long as each of the collection's ids passed the schema.
 */
function idCollections(ctx: RuleContext): { place: Place; path: (string | number)[]; items: { id: string }[] }[] {
  const { data } = ctx;
  const list: { place: Place; path: (string | number)[]; items: { id: string }[] }[] = [];
  const add = (kind: DataFileKind, key: string) => {
    const ids = usableIds(ctx, kind, ptr(key));
    if (ids) list.push({ place: kind, path: [key], items: ids.map((id) => ({ id })) });
  };
  for (const key of ['departments', 'committees', 'municipalities', 'employers'] as const) add('organisation', key);
  add('programme', 'modules');
  add('programme', 'roles');
  add('programme', 'groups');
  add('staff', 'staff');
  for (const key of ['sessions', 'steeringGroupMeetings', 'groupMeetings', 'kickOffs', 'cooperationAgreements'] as const) add('meetings', key);
  data.reports.forEach((report, i) => {
    list.push({ place: { report: i }, path: ['attachments'], items: report.attachments ?? [] });
  });
  return list;
}

export const uniqueIds = defineRule({
  name: 'unique-ids',
  needs: [],
  check(ctx) {
    const out: Diagnostic[] = [];
    for (const { place, path, items } of idCollections(ctx)) {
      const first = new Map<string, number>();
      items.forEach((item, i) => {
        const seen = first.get(item.id);
        if (seen === undefined) {
          first.set(item.id, i);
          return;
        }
        const earlier = whereIs(ctx, place, ptr(...path, seen, 'id'));
        out.push(at(ctx, place, ptr(...path, i, 'id'), `Die Kennung "${item.id}" kommt doppelt vor (zuerst in ${earlier}); Kennungen müssen eindeutig sein.`));
      });
    }
    const modules = ctx.optional('programme', 'modules');
    if (modules) {
      const numbers = new Map<number, number>();
      modules.forEach((m, i) => {
        const seen = numbers.get(m.number);
        if (seen === undefined) numbers.set(m.number, i);
        else out.push(at(ctx, 'programme', ptr('modules', i, 'number'), `Die Modulnummer ${m.number} ist schon an "${modules[seen]!.id}" vergeben.`));
      });
    }
    return out;
  },
});
