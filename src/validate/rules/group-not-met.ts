import type { Diagnostic } from '../../diagnostics.js';
import { formatDate } from '../../german/index.js';
import type { IsoDate, Report } from '../../model/types.js';
import { at, ptr, defineRule } from '../rule-context.js';

/**
 * A group (the steering group or one of `groups`) that has not met by a report's Stand is told ("Die
 * Lenkungsgruppe hat sich noch nicht getroffen.") with `notMetYet: tell` and left out with `omit`. Without
 * the field kim leaves it out as it always did, so existing Vorlagen keep their bytes; this warning makes
 * sure that silence is the clerk's choice and not kim's. Only the newest report is looked at: it is the one
 * being written, while earlier Vorlagen are records whose words are settled.
 */
export const groupNotMetYetChosen = defineRule({
  name: 'group-not-met-yet-chosen',
  needs: ['programme/steeringGroup', 'programme/groups', 'meetings/steeringGroupMeetings', 'meetings/groupMeetings'],
  check(ctx) {
    const out: Diagnostic[] = [];
    const check = (path: (string | number)[], name: string, choice: string | undefined, dates: IsoDate[]) => {
      if (choice !== undefined) return;
      const first = dates.reduce<IsoDate | undefined>((a, d) => (a === undefined || d < a ? d : a), undefined);
      const newest = ctx.data.reports.reduce<Report | undefined>((a, r) => (a === undefined || r.stand > a.stand ? r : a), undefined);
      if (newest === undefined || (first !== undefined && newest.stand >= first)) return;
      out.push(
        at(
          ctx,
          'programme',
          ptr(...path, 'name'),
          `"${name}" hat sich bis zum Stand der Vorlage "${newest.id}" (${formatDate(newest.stand)}) noch nicht getroffen, und die Vorlage lässt es ohne ein Wort weg. Erwartet wird notMetYet: tell (die Vorlage schreibt "… hat sich noch nicht getroffen.") oder notMetYet: omit (bewusst weglassen).`,
          'warning',
        ),
      );
    };
    const steering = ctx.data.programme.steeringGroup;
    if (steering) check(['steeringGroup'], steering.name, steering.notMetYet, (ctx.data.meetings.steeringGroupMeetings ?? []).map((m) => m.date));
    (ctx.data.programme.groups ?? []).forEach((g, i) =>
      check(['groups', i], g.name, g.notMetYet, (ctx.data.meetings.groupMeetings ?? []).filter((m) => m.group === g.id).map((m) => m.date)),
    );
    return out;
  },
});
