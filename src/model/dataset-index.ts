import { by } from '../compare.js';
import type { Assignment, Committee, Dataset, Employer, Municipality, Role, Session, StaffMember, SteeringGroupMeeting } from './types.js';
import { groupBy } from './group-by.js';

/**
 * Lookups the report model needs, computed once per dataset instead of once per report: `kim build`
 * models hundreds of reports of one dataset. Everything here is derived from the dataset alone, so
 * caching it keeps the model pure; datasets are treated as immutable once loaded.
 */
export interface DatasetIndex {
  roles: Map<string, Role>;
  employers: Map<string, Employer>;
  committees: Map<string, Committee>;
  departments: Map<string, string>;
  sessions: Map<string, Session>;
  municipalities: Map<string, Municipality>;
  /** Staff per module, ordered by start date (ties in data order). */
  staffByModule: Map<string, StaffMember[]>;
  assignmentsByStaff: Map<string, Assignment[]>;
  /**
   * Per module, role noun and employer (see colleagueKey): the starts in order and, for each, the latest
   * last working day of those who started up to then (no end: "9999-12-31"). Decides "weitere" by a
   * binary search: someone who started earlier and was still employed on the day.
   */
  colleagues: Map<string, { starts: string[]; latestEnd: string[] }>;
  steeringMeetings: SteeringGroupMeeting[];
}

const cache = new WeakMap<Dataset, DatasetIndex>();

export function indexOf(data: Dataset): DatasetIndex {
  let index = cache.get(data);
  if (!index) {
    index = build(data);
    cache.set(data, index);
  }
  return index;
}

/**
 * Who counts as an earlier colleague for "weitere": someone in the same module, with the same employer,
 * called by the same noun. Roles with the same forms (two kinds of "Mitarbeiterin") share the noun, so
 * "zwei weitere Mitarbeitende" follows an earlier Mitarbeiterin; a first Verwaltungsassistentin after
 * three Koordinatorinnen is not "eine weitere".
 */
export const colleagueKey = (staff: StaffMember, roles: Map<string, Role>): string =>
  `${staff.module}\u0000${staff.employer}\u0000${JSON.stringify(roles.get(staff.role)?.forms ?? staff.role)}`;

function build(data: Dataset): DatasetIndex {
  const byStart = [...data.staff].sort(by((s) => s.start));
  const roles = new Map(data.programme.roles.map((r) => [r.id, r]));
  const colleagues = new Map<string, { starts: string[]; latestEnd: string[] }>();
  for (const s of byStart) {
    const key = colleagueKey(s, roles);
    let entry = colleagues.get(key);
    if (!entry) colleagues.set(key, (entry = { starts: [], latestEnd: [] }));
    const end = s.end ?? '9999-12-31';
    const before = entry.latestEnd[entry.latestEnd.length - 1];
    entry.starts.push(s.start);
    entry.latestEnd.push(before !== undefined && before > end ? before : end);
  }
  return {
    roles,
    employers: new Map(data.organisation.employers.map((e) => [e.id, e])),
    committees: new Map(data.organisation.committees.map((c) => [c.id, c])),
    departments: new Map(data.organisation.departments.map((d) => [d.id, d.name])),
    sessions: new Map(data.meetings.sessions.map((s) => [s.id, s])),
    municipalities: new Map(data.organisation.municipalities.map((m) => [m.id, m])),
    staffByModule: groupBy(byStart, (s) => s.module),
    assignmentsByStaff: groupBy(data.assignments, (a) => a.staff),
    colleagues,
    steeringMeetings: [...(data.meetings.steeringGroupMeetings ?? [])].sort(by((m) => m.date)),
  };
}
