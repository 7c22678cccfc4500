/**
 * Two small lookups under every Vorlage: people bundled into one phrase in the order of the data
 * (src/model/group-by.ts), and what a committee can do with a Vorlage (src/model/consultation-roles.ts).
 */
import { expect, test } from 'vitest';
import { consultationRolesOf, DEFAULT_CONSULTATION_ROLES } from '../../src/model/consultation-roles.js';
import { groupBy } from '../../src/model/group-by.js';

test('buckets keep the order of first appearance and, inside, the order of the data', () => {
  const people = ['Koordinatorin A', 'Case Managerin B', 'Koordinatorin C', 'Case Managerin D', 'Assistenz E'];
  const groups = groupBy(people, (p) => p.split(' ')[0]!);
  expect([...groups]).toEqual([
    ['Koordinatorin', ['Koordinatorin A', 'Koordinatorin C']],
    ['Case', ['Case Managerin B', 'Case Managerin D']],
    ['Assistenz', ['Assistenz E']],
  ]);
});

test("a committee's roles: the organisation's own, else Kenntnisnahme, Vorberatung, Anhörung and Entscheidung", () => {
  const own = [{ name: 'Beratung' }, { name: 'Beschluss', authoritative: true }];
  expect(consultationRolesOf({ consultationRoles: own })).toBe(own);
  expect(consultationRolesOf({}).map((r) => r.name)).toEqual(['Kenntnisnahme', 'Vorberatung', 'Anhörung', 'Entscheidung']);
  expect(consultationRolesOf({})).toBe(DEFAULT_CONSULTATION_ROLES);
});
