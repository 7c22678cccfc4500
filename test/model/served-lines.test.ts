/**
 * The numbered list under a hiring sentence ("Zudem wurden für folgende Kommunen … eingestellt:",
 * src/model/served-lines.ts): one line per person while no municipality is named twice, else one line per
 * municipality with its first start and the posts that serve it. A wrong line is a municipality named twice,
 * a wrong "seit" date or a wrong figure in the list.
 */
import { describe, expect, test } from 'vitest';
import { indexOf } from '../../src/model/dataset-index.js';
import { servedLines, type PersonLine, type ServedContext } from '../../src/model/served-lines.js';
import type { StaffMember } from '../../src/model/types.js';
import { FOLLOW_UP_DIR, loadData } from '../support/example.js';

const unit = { singular: 'Vollzeitäquivalent', plural: 'Vollzeitäquivalente', abbreviation: 'VZÄ', genus: 'neuter' as const };
const person = (id: string, start: string, fte = 1): StaffMember => ({ id, start, fte }) as StaffMember;
/** Who serves what, as the module finds it on the Stand: municipality ids with the share an assignment gives. */
type Served = Record<string, { municipality: string; fte?: number }[]>;

async function linesOf(served: Served, people: StaffMember[], shortDates = false): Promise<Omit<PersonLine, 'start' | 'startShort'>[]> {
  const index = indexOf((await loadData(FOLLOW_UP_DIR)).dataset);
  const ctx: ServedContext = {
    index,
    stand: '2022-06-01',
    unit,
    shortDates,
    servedBy: (s) => (served[s.id] ?? []).map((a) => ({ municipality: a.municipality, fte: a.fte })),
    fte: (s) => s.fte,
  };
  const perPerson = (s: StaffMember, i: number): PersonLine => ({ number: i + 1, municipalities: [`Person ${s.id}`], start: s.start, startShort: '', since: 'eigene Zeile', partTime: '' });
  return servedLines(ctx, people, perPerson).map(({ number, municipalities, since, partTime }) => ({ number, municipalities, since, partTime }));
}

describe('one line per person', () => {
  test('while no municipality is named twice', async () => {
    const lines = await linesOf({ a: [{ municipality: 'lohmar' }], b: [{ municipality: 'much' }, { municipality: 'eitorf' }] }, [person('a', '2022-04-01'), person('b', '2022-05-01')]);
    expect(lines.map((l) => [l.number, l.municipalities])).toEqual([
      [1, ['Person a']],
      [2, ['Person b']],
    ]);
  });
});

describe('one line per municipality, once two people serve one', () => {
  test('the first start and the posts added; a full post shows no figure', async () => {
    const lines = await linesOf(
      { a: [{ municipality: 'lohmar' }], b: [{ municipality: 'lohmar' }], c: [{ municipality: 'much' }] },
      [person('a', '2022-05-02', 0.5), person('b', '2022-04-01', 0.25), person('c', '2022-04-15')],
    );
    expect(lines).toEqual([
      { number: 1, municipalities: ['Stadt Lohmar'], since: 'seit dem 01.04.2022', partTime: '0,75 VZÄ' },
      { number: 2, municipalities: ['Gemeinde Much'], since: 'seit dem 15.04.2022', partTime: '' },
    ]);
  });

  test('short dates when the list asks for them', async () => {
    const lines = await linesOf({ a: [{ municipality: 'lohmar' }], b: [{ municipality: 'lohmar' }] }, [person('a', '2022-04-01', 0.5), person('b', '2022-05-02', 0.5)], true);
    expect(lines).toEqual([{ number: 1, municipalities: ['Stadt Lohmar'], since: 'seit dem 01.04.22', partTime: '' }]);
  });

  test("an assignment's share counts; a person serving several without shares leaves the line without a figure", async () => {
    const shared = await linesOf(
      { a: [{ municipality: 'lohmar', fte: 0.5 }, { municipality: 'much', fte: 0.5 }], b: [{ municipality: 'lohmar' }] },
      [person('a', '2022-04-01'), person('b', '2022-05-01', 0.5)],
    );
    expect(shared.map((l) => [l.municipalities[0], l.partTime])).toEqual([
      ['Stadt Lohmar', ''], // 0,5 + 0,5: one full post
      ['Gemeinde Much', '0,5 VZÄ'],
    ]);
    const unknown = await linesOf({ a: [{ municipality: 'lohmar' }, { municipality: 'much' }], b: [{ municipality: 'lohmar' }] }, [person('a', '2022-04-01'), person('b', '2022-05-01', 0.5)]);
    expect(unknown.map((l) => [l.municipalities[0], l.partTime])).toEqual([
      ['Stadt Lohmar', ''],
      ['Gemeinde Much', ''],
    ]);
    // The unknown share first, then a known one: still unknown.
    const unknownFirst = await linesOf({ a: [{ municipality: 'lohmar' }, { municipality: 'much' }], b: [{ municipality: 'lohmar', fte: 0.5 }] }, [person('a', '2022-04-01'), person('b', '2022-05-01')]);
    expect(unknownFirst[0]!.partTime).toBe('');
    const knownFirst = await linesOf({ b: [{ municipality: 'lohmar', fte: 0.5 }], a: [{ municipality: 'lohmar' }, { municipality: 'much' }] }, [person('b', '2022-04-01'), person('a', '2022-05-01')]);
    expect(knownFirst[0]!.partTime).toBe('');
  });

  test('people serving no municipality yet keep their own line at the end, numbered on', async () => {
    const lines = await linesOf({ a: [{ municipality: 'lohmar' }], b: [{ municipality: 'lohmar' }] }, [person('a', '2022-04-01'), person('x', '2022-04-01'), person('b', '2022-05-01'), person('y', '2022-05-01')]);
    expect(lines.map((l) => [l.number, l.municipalities[0], l.since])).toEqual([
      [1, 'Stadt Lohmar', 'seit dem 01.04.2022'],
      [2, 'Person x', 'eigene Zeile'],
      [3, 'Person y', 'eigene Zeile'],
    ]);
  });
});
