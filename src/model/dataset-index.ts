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
  /** Staff per module, role noun and employer, ordered by start: decides "weitere" (see colleagueKey). */
  colleagues: Map<string, StaffMember[]>;
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
  return {
    roles,
    employers: new Map(data.organisation.employers.map((e) => [e.id, e])),
    committees: new Map(data.organisation.committees.map((c) => [c.id, c])),
    departments: new Map(data.organisation.departments.map((d) => [d.id, d.name])),
    sessions: new Map(data.meetings.sessions.map((s) => [s.id, s])),
    municipalities: new Map(data.organisation.municipalities.map((m) => [m.id, m])),
    staffByModule: groupBy(byStart, (s) => s.module),
    assignmentsByStaff: groupBy(data.assignments, (a) => a.staff),
    colleagues: groupBy(byStart, (s) => colleagueKey(s, roles)),
    steeringMeetings: [...(data.meetings.steeringGroupMeetings ?? [])].sort(by((m) => m.date)),
  };
}
