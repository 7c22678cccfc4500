/**
 * The posts a town's Vorlage states for its own municipality (src/model/local-posts.ts): of the Kreis's staff
 * only the share that serves the town on the Stand. A wrong share here is a wrong figure in the town's table
 * ("1,5 Vollzeitstellen beim Landratsamt …").
 */
import { describe, expect, test } from 'vitest';
import type { DatasetIndex } from '../../src/model/dataset-index.js';
import { localPosts, postServing } from '../../src/model/local-posts.js';
import type { Assignment, StaffMember } from '../../src/model/types.js';

const person = (id: string, employer: string, fields: Partial<StaffMember> = {}): StaffMember =>
  ({ id, name: 'Erfunden', role: 'case-management', module: 'modul-2', employer, gender: 'f', start: '2022-01-01', fte: 1, ...fields }) as StaffMember;
const assignment = (staff: string, municipalities: string[], fields: Partial<Assignment> = {}): Assignment => ({ staff, municipalities, from: '2022-01-01', ...fields }) as Assignment;

describe("the share of one person's post that serves the town", () => {
  const day = '2022-06-01';

  test('the whole post, as it is on the day, of someone who serves only the town', () => {
    const s = person('a', 'kreis', { fte: 1, fteChanges: [{ from: '2022-05-01', fte: 0.75 }] });
    expect(postServing(s, [assignment('a', ['wiesental'])], 'wiesental', day)).toBe(0.75);
  });

  test('nothing before their start or after their last day, nor while no assignment names the town', () => {
    expect(postServing(person('a', 'kreis', { start: '2022-06-02' }), [assignment('a', ['wiesental'])], 'wiesental', day)).toBe(0);
    expect(postServing(person('a', 'kreis', { end: '2022-05-31' }), [assignment('a', ['wiesental'])], 'wiesental', day)).toBe(0);
    expect(postServing(person('a', 'kreis'), [assignment('a', ['talheim'])], 'wiesental', day)).toBe(0);
  });

  test('an assignment counts from its first to its last day, both included', () => {
    const s = person('a', 'kreis');
    const from = [assignment('a', ['wiesental'], { from: day })];
    const to = [assignment('a', ['wiesental'], { to: day })];
    expect([postServing(s, from, 'wiesental', day), postServing(s, to, 'wiesental', day)]).toEqual([1, 1]);
    expect(postServing(s, [assignment('a', ['wiesental'], { from: '2022-06-02' })], 'wiesental', day)).toBe(0);
    expect(postServing(s, [assignment('a', ['wiesental'], { to: '2022-05-31' })], 'wiesental', day)).toBe(0);
  });

  test("the shares the assignments give, added exactly; a past assignment's share is not counted", () => {
    const s = person('a', 'kreis');
    const shares = [
      assignment('a', ['wiesental', 'talheim'], { fte: 0.1 }),
      assignment('a', ['wiesental'], { fte: 0.2 }),
      assignment('a', ['wiesental'], { fte: 0.5, to: '2022-03-31' }),
    ];
    expect(postServing(s, shares, 'wiesental', day)).toBe(0.3);
  });

  test('unknown where the post is shared without shares: with another municipality or another assignment', () => {
    const s = person('a', 'kreis');
    expect(postServing(s, [assignment('a', ['wiesental', 'talheim'])], 'wiesental', day)).toBeUndefined();
    expect(postServing(s, [assignment('a', ['wiesental']), assignment('a', ['talheim'])], 'wiesental', day)).toBeUndefined();
    expect(postServing(s, [assignment('a', ['wiesental']), assignment('a', ['wiesental'], { fte: 0.5 })], 'wiesental', day)).toBeUndefined();
  });
});

test('the posts of several people by employer, in the order of the staff, unknown shares as none', () => {
  const staff = [person('a', 'kreis', { fte: 0.5 }), person('b', 'stadt'), person('c', 'kreis'), person('d', 'caritas'), person('e', 'awo')];
  const index = {
    assignmentsByStaff: new Map([
      ['a', [assignment('a', ['wiesental'])]],
      ['b', [assignment('b', ['wiesental'], { fte: 0.25 })]],
      ['c', [assignment('c', ['wiesental'])]],
      ['d', [assignment('d', ['wiesental', 'talheim'])]],
      ['e', [assignment('e', ['talheim'])]],
    ]),
  } as unknown as DatasetIndex;
  expect(localPosts(index, staff, 'wiesental', '2022-06-01')).toEqual({
    fte: 1.75,
    byEmployer: [
      { employer: 'kreis', fte: 1.5 },
      { employer: 'stadt', fte: 0.25 },
    ],
  });
  expect(localPosts(index, [person('x', 'kreis')], 'wiesental', '2022-06-01')).toEqual({ fte: 0, byEmployer: [] });
});
