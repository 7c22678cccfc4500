import type { Diagnostic } from '../../diagnostics.js';
import type { DataFileKind } from '../../load/data-files.js';
import { didYouMean } from '../../german/index.js';
import type { Assignment, CooperationAgreement, Employer, GroupMeeting, KickOff, ProgrammeGroup, ProgrammeModule, Session, StaffMember } from '../../model/types.js';
import { at, ptr, usableIds, valueAt, type Place, defineRule, type RuleContext } from '../rule-context.js';

interface Target {
  /** German noun with article for messages: "eine Rolle", shown as "Unbekannte Rolle". */
  label: string;
  /** Where the known ids are defined, for the hint. */
  defined: string;
  /** The list that defines the ids: a file and the list's pointer in it. */
  kind: DataFileKind;
  list: string;
}

const TARGETS = {
  role: { label: 'Rolle', defined: 'programme.yaml (roles)', kind: 'programme', list: '/roles' },
  module: { label: 'Modul', defined: 'programme.yaml (modules)', kind: 'programme', list: '/modules' },
  employer: { label: 'Arbeitgeber', defined: 'organisation.yaml (employers)', kind: 'organisation', list: '/employers' },
  municipality: { label: 'Kommune', defined: 'organisation.yaml (municipalities)', kind: 'organisation', list: '/municipalities' },
  committee: { label: 'Gremium', defined: 'organisation.yaml (committees)', kind: 'organisation', list: '/committees' },
  department: { label: 'Amt', defined: 'organisation.yaml (departments)', kind: 'organisation', list: '/departments' },
  staff: { label: 'Person', defined: 'staff.yaml', kind: 'staff', list: '/staff' },
  session: { label: 'Sitzung', defined: 'meetings.yaml (sessions)', kind: 'meetings', list: '/sessions' },
  group: { label: 'Gremium des Programms', defined: 'programme.yaml (groups)', kind: 'programme', list: '/groups' },
} satisfies Record<string, Target>;

type TargetName = keyof typeof TARGETS;

/** One reference in the data: the id found, where it stands, and what it must name. */
interface Reference {
  place: Place;
  /** Path segments; the JSON pointer is built only for a reference that is wrong (large data has many). */
  path: (string | number)[];
  id: string | undefined;
  target: TargetName;
}

/** The entries of a list as read, non-mappings as empty ones (their fields are checked by the schema). */
function entries<T>(ctx: RuleContext, kind: DataFileKind, list: string): Partial<T>[] {
  const value = valueAt(ctx, kind, list);
  return Array.isArray(value) ? value.map((v: unknown) => (v !== null && typeof v === 'object' ? (v as Partial<T>) : {})) : [];
}

/**
 * Every reference whose own field passed the schema, also in a file with errors elsewhere: an error in
 * organisation.yaml's body must not hide an unknown department in a report.
 */
function references(ctx: RuleContext): Reference[] {
  const refs: Reference[] = [];
  const add = (place: Place, path: (string | number)[], id: unknown, target: TargetName) => {
    if (typeof place === 'string' && !ctx.valid[place] && !ctx.validAt(place, ptr(...path))) return;
    if (typeof id === 'string') refs.push({ place, path, id, target });
  };
  add('programme', ['leadEmployer'], valueAt(ctx, 'programme', '/leadEmployer'), 'employer');
  add('organisation', ['body', 'municipality'], valueAt(ctx, 'organisation', '/body/municipality'), 'municipality');
  entries<Employer>(ctx, 'organisation', '/employers').forEach((e, i) => add('organisation', ['employers', i, 'municipality'], e.municipality, 'municipality'));
  entries<StaffMember>(ctx, 'staff', '/staff').forEach((s, i) => {
    add('staff', ['staff', i, 'role'], s.role, 'role');
    add('staff', ['staff', i, 'module'], s.module, 'module');
    add('staff', ['staff', i, 'employer'], s.employer, 'employer');
    add('staff', ['staff', i, 'workplace'], s.workplace, 'municipality');
  });
  entries<Assignment>(ctx, 'assignments', '/assignments').forEach((a, i) => {
    add('assignments', ['assignments', i, 'staff'], a.staff, 'staff');
    if (Array.isArray(a.municipalities)) a.municipalities.forEach((m, j) => add('assignments', ['assignments', i, 'municipalities', j], m, 'municipality'));
  });
  entries<ProgrammeGroup>(ctx, 'programme', '/groups').forEach((g, i) => add('programme', ['groups', i, 'module'], g.module, 'module'));
  // Plan parts per employer ("2,5 Stellen bei der Stadt X").
  entries<ProgrammeModule>(ctx, 'programme', '/modules').forEach((m, i) => {
    if (!Array.isArray(m.plannedFte)) return;
    m.plannedFte.forEach((p: unknown, j) => {
      const parts = (p as { parts?: unknown } | null)?.parts;
      if (Array.isArray(parts)) parts.forEach((part: unknown, k) => add('programme', ['modules', i, 'plannedFte', j, 'parts', k, 'employer'], (part as { employer?: unknown } | null)?.employer, 'employer'));
    });
  });
  entries<GroupMeeting>(ctx, 'meetings', '/groupMeetings').forEach((m, i) => add('meetings', ['groupMeetings', i, 'group'], m.group, 'group'));
  entries<Session>(ctx, 'meetings', '/sessions').forEach((s, i) => add('meetings', ['sessions', i, 'committee'], s.committee, 'committee'));
  entries<KickOff>(ctx, 'meetings', '/kickOffs').forEach((k, i) => add('meetings', ['kickOffs', i, 'municipality'], k.municipality, 'municipality'));
  entries<CooperationAgreement>(ctx, 'meetings', '/cooperationAgreements').forEach((k, i) => {
    add('meetings', ['cooperationAgreements', i, 'municipality'], k.municipality, 'municipality');
    if (Array.isArray(k.municipalities)) k.municipalities.forEach((m, j) => add('meetings', ['cooperationAgreements', i, 'municipalities', j], m, 'municipality'));
    add('meetings', ['cooperationAgreements', i, 'decision', 'committee'], k.decision?.committee, 'committee');
  });
  ctx.data.reports.forEach((r, i) => {
    add({ report: i }, ['department'], r.department, 'department');
    r.consultations.forEach((c, j) => add({ report: i }, ['consultations', j, 'session'], c.session, 'session'));
    r.presenters?.forEach((p, j) => add({ report: i }, ['presenters', j, 'staff'], p.staff, 'staff'));
  });
  // A report file with an error elsewhere: its department and sessions are checked all the same.
  ctx.brokenReports.forEach((b, i) => {
    const r = b.source.value as Partial<Record<'department' | 'consultations', unknown>>;
    const place = { brokenReport: i };
    if (b.validAt('/department')) add(place, ['department'], r.department, 'department');
    if (Array.isArray(r.consultations)) {
      r.consultations.forEach((c: unknown, j) => {
        if (b.validAt(ptr('consultations', j, 'session'))) add(place, ['consultations', j, 'session'], (c as { session?: unknown } | null)?.session, 'session');
      });
    }
  });
  return refs;
}

/** Names up to eight known ids, so the clerk sees what would have been valid. */
function knownList(ids: string[]): string {
  const shown = ids.slice(0, 8).join(', ');
  return ids.length > 8 ? `${shown} … (${ids.length} insgesamt)` : shown;
}

export const knownReferences = defineRule({
  name: 'known-references',
  needs: [],
  check(ctx) {
    const out: Diagnostic[] = [];
    const cache = new Map<TargetName, { list: string[]; set: Set<string> } | null>();
    for (const ref of references(ctx)) {
      if (ref.id === undefined) continue;
      const target = TARGETS[ref.target];
      let known = cache.get(ref.target);
      if (known === undefined) {
        // A list that is not there (programme.yaml without groups) knows no id: a reference to it would
        // be dropped from every Vorlage without a word, so it is an error like any unknown id.
        const absent = ctx.validAt(target.kind, target.list) && valueAt(ctx, target.kind, target.list) === undefined;
        const list = absent ? [] : usableIds(ctx, target.kind, target.list);
        known = list ? { list, set: new Set(list) } : null;
        cache.set(ref.target, known);
      }
      if (!known) continue; // some id of the target list is broken; its own errors say so
      if (known.set.has(ref.id)) continue;
      if (known.list.length === 0) {
        out.push(at(ctx, ref.place, ptr(...ref.path), `Unbekannte Kennung für ${target.label}: "${ref.id}". In ${target.defined} ist keine angegeben, so käme dieser Eintrag in keine Vorlage; erwartet wird die Kennung dort.`));
        continue;
      }
      out.push(
        at(
          ctx,
          ref.place,
          ptr(...ref.path),
          `Unbekannte Kennung für ${target.label}: "${ref.id}".${didYouMean(ref.id, known.list)} ` +
            `Erwartet wird eine Kennung aus ${target.defined}${known.list.length ? `: ${knownList(known.list)}` : ''}.`,
        ),
      );
    }
    return out;
  },
});

/**
 * Steering-group meetings are told with the steering group (programme.yaml); a programme without one
 * would leave them out of every Vorlage without a word.
 */
export const steeringMeetingsHaveGroup = defineRule({
  name: 'steering-meetings-have-group',
  needs: ['programme/steeringGroup'],
  check(ctx) {
    const meetings = valueAt(ctx, 'meetings', '/steeringGroupMeetings');
    if (ctx.data.programme.steeringGroup !== undefined || !Array.isArray(meetings) || meetings.length === 0) return [];
    return [
      at(
        ctx,
        'meetings',
        '/steeringGroupMeetings',
        `meetings.yaml nennt ${meetings.length === 1 ? 'eine Sitzung' : 'Sitzungen'} der Lenkungsgruppe (steeringGroupMeetings), aber programme.yaml nennt keine Lenkungsgruppe (steeringGroup), so kämen sie in keine Vorlage; erwartet wird steeringGroup in programme.yaml, oder die Einträge gelöscht.`,
      ),
    ];
  },
});
