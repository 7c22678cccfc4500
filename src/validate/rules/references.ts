import type { Diagnostic } from '../../diagnostics.js';
import type { DataFileKind } from '../../load/data-files.js';
import { suggest } from '../did-you-mean.js';
import { at, ptr, type Place, type Rule, type RuleContext } from '../rule-context.js';

interface Target {
  /** German noun with article for messages: "eine Rolle", shown as "Unbekannte Rolle". */
  label: string;
  /** Where the known ids are defined, for the hint. */
  defined: string;
  ids: (ctx: RuleContext) => string[];
  needs: DataFileKind;
}

const TARGETS = {
  role: { label: 'Rolle', defined: 'programme.yaml (roles)', needs: 'programme', ids: (c) => c.data.programme.roles.map((r) => r.id) },
  module: { label: 'Modul', defined: 'programme.yaml (modules)', needs: 'programme', ids: (c) => c.data.programme.modules.map((m) => m.id) },
  employer: { label: 'Arbeitgeber', defined: 'organisation.yaml (employers)', needs: 'organisation', ids: (c) => c.data.organisation.employers.map((e) => e.id) },
  municipality: { label: 'Kommune', defined: 'organisation.yaml (municipalities)', needs: 'organisation', ids: (c) => c.data.organisation.municipalities.map((m) => m.id) },
  committee: { label: 'Gremium', defined: 'organisation.yaml (committees)', needs: 'organisation', ids: (c) => c.data.organisation.committees.map((m) => m.id) },
  department: { label: 'Amt', defined: 'organisation.yaml (departments)', needs: 'organisation', ids: (c) => c.data.organisation.departments.map((d) => d.id) },
  staff: { label: 'Person', defined: 'staff.yaml', needs: 'staff', ids: (c) => c.data.staff.map((s) => s.id) },
  session: { label: 'Sitzung', defined: 'meetings.yaml (sessions)', needs: 'meetings', ids: (c) => c.data.meetings.sessions.map((s) => s.id) },
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

function references(ctx: RuleContext): Reference[] {
  const { data, valid } = ctx;
  const refs: Reference[] = [];
  const add = (place: Place, path: (string | number)[], id: string | undefined, target: TargetName) => refs.push({ place, path, id, target });
  if (valid.programme) add('programme', ['leadEmployer'], data.programme.leadEmployer, 'employer');
  if (valid.organisation) {
    data.organisation.employers.forEach((e, i) => add('organisation', ['employers', i, 'municipality'], e.municipality, 'municipality'));
  }
  if (valid.staff) {
    data.staff.forEach((s, i) => {
      add('staff', ['staff', i, 'role'], s.role, 'role');
      add('staff', ['staff', i, 'module'], s.module, 'module');
      add('staff', ['staff', i, 'employer'], s.employer, 'employer');
      add('staff', ['staff', i, 'workplace'], s.workplace, 'municipality');
    });
  }
  if (valid.assignments) {
    data.assignments.forEach((a, i) => {
      add('assignments', ['assignments', i, 'staff'], a.staff, 'staff');
      a.municipalities.forEach((m, j) => add('assignments', ['assignments', i, 'municipalities', j], m, 'municipality'));
    });
  }
  if (valid.meetings) {
    const m = data.meetings;
    m.sessions.forEach((s, i) => add('meetings', ['sessions', i, 'committee'], s.committee, 'committee'));
    (m.kickOffs ?? []).forEach((k, i) => add('meetings', ['kickOffs', i, 'municipality'], k.municipality, 'municipality'));
    (m.cooperationAgreements ?? []).forEach((k, i) => add('meetings', ['cooperationAgreements', i, 'municipality'], k.municipality, 'municipality'));
  }
  data.reports.forEach((r, i) => {
    add({ report: i }, ['department'], r.department, 'department');
    r.consultations.forEach((c, j) => add({ report: i }, ['consultations', j, 'session'], c.session, 'session'));
  });
  return refs;
}

/** Names up to eight known ids, so the clerk sees what would have been valid. */
function knownList(ids: string[]): string {
  const shown = ids.slice(0, 8).join(', ');
  return ids.length > 8 ? `${shown} … (${ids.length} insgesamt)` : shown;
}

export const knownReferences: Rule = {
  name: 'known-references',
  needs: [],
  check(ctx) {
    const out: Diagnostic[] = [];
    const cache = new Map<TargetName, { list: string[]; set: Set<string> }>();
    for (const ref of references(ctx)) {
      if (ref.id === undefined) continue;
      const target = TARGETS[ref.target];
      if (!ctx.valid[target.needs]) continue; // the target file is broken; its own errors say so
      let known = cache.get(ref.target);
      if (!known) {
        const list = target.ids(ctx);
        known = { list, set: new Set(list) };
        cache.set(ref.target, known);
      }
      if (known.set.has(ref.id)) continue;
      const hint = suggest(ref.id, known.list);
      out.push(
        at(
          ctx,
          ref.place,
          ptr(...ref.path),
          `Unbekannte Kennung für ${target.label}: "${ref.id}".${hint ? ` Meinten Sie "${hint}"?` : ''} ` +
            `Erwartet wird eine Kennung aus ${target.defined}${known.list.length ? `: ${knownList(known.list)}` : ''}.`,
        ),
      );
    }
    return out;
  },
};
