import type { Assignment, Committee, Dataset, Employer, Role, Session, StaffMember, SteeringGroupMeeting } from './types.js';
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
  municipalityNames: Map<string, string>;
  /** Staff per module, ordered by start date (ties in data order). */
  staffByModule: Map<string, StaffMember[]>;
  assignmentsByStaff: Map<string, Assignment[]>;
  /** Earliest start per module and employer: decides "weitere" in O(1). */
  earliestStart: Map<string, string>;
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

export const moduleEmployerKey = (module: string, employer: string): string => `${module}\u0000${employer}`;

/** "Stadt Königswinter", "Gemeinde Much". */
export const municipalityName = (m: { type: string; name: string }): string => `${m.type} ${m.name}`;

function build(data: Dataset): DatasetIndex {
  const byStart = [...data.staff].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  const earliestStart = new Map<string, string>();
  for (const s of byStart) {
    const key = moduleEmployerKey(s.module, s.employer);
    if (!earliestStart.has(key)) earliestStart.set(key, s.start);
  }
  return {
    roles: new Map(data.programme.roles.map((r) => [r.id, r])),
    employers: new Map(data.organisation.employers.map((e) => [e.id, e])),
    committees: new Map(data.organisation.committees.map((c) => [c.id, c])),
    departments: new Map(data.organisation.departments.map((d) => [d.id, d.name])),
    sessions: new Map(data.meetings.sessions.map((s) => [s.id, s])),
    municipalityNames: new Map(data.organisation.municipalities.map((m) => [m.id, municipalityName(m)])),
    staffByModule: groupBy(byStart, (s) => s.module),
    assignmentsByStaff: groupBy(data.assignments, (a) => a.staff),
    earliestStart,
    steeringMeetings: [...(data.meetings.steeringGroupMeetings ?? [])].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)),
  };
}
