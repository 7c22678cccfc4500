/**
 * The lookups the model reads for every report (src/model/dataset-index.ts): staff per module in the order
 * the Vorlage tells their hiring, who counts as an earlier colleague for "eine weitere …", the steering
 * group's meetings in date order. Each test names what the Vorlage would tell in the wrong order or word.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { colleagueKey, indexOf } from '../../src/model/dataset-index.js';
import type { Dataset } from '../../src/model/types.js';
import { loadData } from '../support/example.js';
import { staffMember } from '../support/staff-member.js';

let example: Dataset;
beforeAll(async () => {
  example = (await loadData()).dataset;
});

const person = staffMember;

describe('the index of a dataset', () => {
  test('staff per module by start, ties in the order of staff.yaml; the data itself stays in its order', () => {
    const data = { ...structuredClone(example), staff: [person('late', '2022-01-01'), person('tie-1', '2021-06-01'), person('m1', '2021-01-01', { module: 'modul-1' }), person('tie-2', '2021-06-01')] };
    const index = indexOf(data);
    expect(index.staffByModule.get('modul-2')!.map((s) => s.id)).toEqual(['tie-1', 'tie-2', 'late']);
    expect(index.staffByModule.get('modul-1')!.map((s) => s.id)).toEqual(['m1']);
    expect(data.staff.map((s) => s.id)).toEqual(['late', 'tie-1', 'm1', 'tie-2']);
  });

  test('the steering group\'s meetings in date order, whatever the order of meetings.yaml', () => {
    const data = structuredClone(example);
    data.meetings.steeringGroupMeetings!.reverse();
    expect(indexOf(data).steeringMeetings.map((m) => m.date)).toEqual(['2021-11-25', '2022-02-08']);
    delete data.meetings.steeringGroupMeetings;
    expect(indexOf({ ...data }).steeringMeetings).toEqual([]);
  });

  test('lookups by id: roles, employers, committees, departments by name, sessions, municipalities, assignments per person', () => {
    const index = indexOf(structuredClone(example));
    expect(index.roles.get('case-manager')!.forms.w).toBe('Case Managerin');
    expect(index.employers.get('stadt-troisdorf')!.of).toBe('der Stadt Troisdorf');
    expect(index.committees.get('asi')!.id).toBe('asi');
    expect(index.departments.get('kreissozialamt')).toBe(example.organisation.departments.find((d) => d.id === 'kreissozialamt')!.name);
    expect(index.sessions.get('asi-2021-11-16')!.date).toBe('2021-11-16');
    expect(index.municipalities.get('much')!.name).toBe('Much');
    expect(index.assignmentsByStaff.get('cm-windeck')!.map((a) => a.municipalities)).toEqual([['windeck']]);
  });

  test('computed once per dataset: a second report of the same data reads the same index', () => {
    const data = structuredClone(example);
    expect(indexOf(data)).toBe(indexOf(data));
    expect(indexOf(structuredClone(example))).not.toBe(indexOf(data));
  });
});

describe('earlier colleagues', () => {
  test('same module, employer and noun: colleagues; two roles with the same forms share the noun', () => {
    const roles = indexOf(structuredClone(example)).roles;
    const a = person('a', '2021-01-01');
    // case-manager and cm-schwerpunkt both say "Case Managerin".
    expect(colleagueKey(a, roles)).toBe(colleagueKey(person('b', '2021-01-01', { role: 'cm-schwerpunkt' }), roles));
    expect(colleagueKey(a, roles)).not.toBe(colleagueKey(person('b', '2021-01-01', { role: 'cm-koordination' }), roles));
    expect(colleagueKey(a, roles)).not.toBe(colleagueKey(person('b', '2021-01-01', { employer: 'stadt-troisdorf' }), roles));
    expect(colleagueKey(a, roles)).not.toBe(colleagueKey(person('b', '2021-01-01', { module: 'modul-1' }), roles));
  });

  test('grouped as colleagues in the index, by start', () => {
    const data = { ...structuredClone(example), staff: [person('b', '2021-06-01', { role: 'cm-schwerpunkt' }), person('a', '2021-01-01'), person('k', '2021-01-01', { role: 'cm-koordination' })] };
    const index = indexOf(data);
    expect(index.colleagues.get(colleagueKey(data.staff[1]!, index.roles))!.map((s) => s.id)).toEqual(['a', 'b']);
  });
});
