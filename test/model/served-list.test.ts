/**
 * The list under "Betreut werden folgende Kommunen:" (src/model/served-list.ts), computed from a handful of
 * case managers of the example Kreis laid out here: which municipalities each line names, with how many
 * posts, since when, in which order, and how many municipalities the heading counts. test/report/served-list
 * .test.ts reads the same lists in whole Vorlagen.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { indexOf } from '../../src/model/dataset-index.js';
import { servedList } from '../../src/model/served-list.js';
import type { Assignment, Dataset, StaffMember } from '../../src/model/types.js';
import { loadData } from '../support/example.js';
import { staffMember } from '../support/staff-member.js';

const VZAE = { singular: 'Vollzeitäquivalent', plural: 'Vollzeitäquivalente', abbreviation: 'VZÄ', genus: 'neuter' } as const;
const STAND = '2022-03-01';
let example: Dataset;
beforeAll(async () => {
  example = (await loadData()).dataset;
});

const person = (id: string, start: string, fte = 1, more: Partial<StaffMember> = {}): StaffMember => staffMember(id, start, { fte, ...more });

/** The lines as the Vorlage prints them: "1) Stadt Lohmar seit dem 01.03.22 (1,5 VZÄ)". */
function lines(staff: StaffMember[], assignments: Assignment[], options: { stand?: string; short?: boolean } = {}): { text: string[]; count: number } {
  const data = { ...structuredClone(example), staff, assignments };
  const list = servedList(indexOf(data), staff, options.stand ?? STAND, VZAE, options.short ?? true);
  return {
    text: list.lines.map((l) => `${l.number}) ${l.municipalities.join(' und ') || '—'} ${l.since}${l.share ? ` (${l.share})` : ''}`),
    count: list.municipalityCount,
  };
}

describe('one line per municipality', () => {
  test('two people for one town: one line, their posts summed, since the first of them', () => {
    const list = lines(
      [person('a', '2021-10-01', 0.5), person('b', '2021-11-15')],
      [
        { staff: 'a', municipalities: ['lohmar'], from: '2021-10-01' },
        { staff: 'b', municipalities: ['lohmar'], from: '2021-11-15' },
      ],
    );
    expect(list).toEqual({ text: ['1) Stadt Lohmar seit dem 01.10.21 (1,5 VZÄ)'], count: 1 });
  });

  test('every line exactly one post: no line names its posts', () => {
    const list = lines(
      [person('a', '2021-10-01'), person('b', '2021-11-15')],
      [
        { staff: 'a', municipalities: ['lohmar'], from: '2021-10-01' },
        { staff: 'b', municipalities: ['much'], from: '2021-11-15' },
      ],
    );
    expect(list).toEqual({ text: ['1) Stadt Lohmar seit dem 01.10.21', '2) Gemeinde Much seit dem 15.11.21'], count: 2 });
  });

  test('a share per municipality counts for it alone; the rest of the post serves the others jointly on one line', () => {
    const list = lines(
      [person('a', '2021-10-01')],
      [
        { staff: 'a', municipalities: ['much'], from: '2021-10-01', fte: 0.25 },
        { staff: 'a', municipalities: ['lohmar', 'windeck'], from: '2021-10-01' },
      ],
    );
    expect(list).toEqual({ text: ['1) Gemeinde Much seit dem 01.10.21 (0,25 VZÄ)', '2) Stadt Lohmar und Gemeinde Windeck seit dem 01.10.21 (0,75 VZÄ)'], count: 3 });
  });

  test('shares beyond the post leave nothing for the joint line, never less than nothing', () => {
    const list = lines(
      [person('a', '2021-10-01', 0.5)],
      [
        { staff: 'a', municipalities: ['much'], from: '2021-10-01', fte: 0.75 },
        { staff: 'a', municipalities: ['lohmar'], from: '2021-10-01' },
      ],
    );
    expect(list.text).toEqual(['1) Gemeinde Much seit dem 01.10.21 (0,75 VZÄ)', '2) Stadt Lohmar seit dem 01.10.21 (0 VZÄ)']);
  });

  test('lines sharing a municipality become one, also through a third line that links two', () => {
    const list = lines(
      [person('a', '2021-10-01'), person('b', '2021-11-01'), person('c', '2021-12-01')],
      [
        { staff: 'a', municipalities: ['lohmar'], from: '2021-10-01' },
        { staff: 'b', municipalities: ['much'], from: '2021-11-01' },
        { staff: 'c', municipalities: ['much', 'lohmar'], from: '2021-12-01' },
      ],
    );
    expect(list).toEqual({ text: ['1) Stadt Lohmar und Gemeinde Much seit dem 01.10.21 (3 VZÄ)'], count: 2 });
  });
});

describe('lines that share a municipality', () => {
  test('a person with shares only has no line for the rest of the post', () => {
    const list = lines([person('a', '2021-10-01')], [{ staff: 'a', municipalities: ['much'], from: '2021-10-01', fte: 0.5 }]);
    expect(list.text).toEqual(['1) Gemeinde Much seit dem 01.10.21 (0,5 VZÄ)']);
  });

  test('a line sharing a municipality with only one of the lines already joined joins them', () => {
    const list = lines(
      [person('a', '2021-10-01'), person('b', '2021-11-01'), person('c', '2021-12-01')],
      [
        { staff: 'a', municipalities: ['lohmar'], from: '2021-10-01' },
        { staff: 'b', municipalities: ['lohmar', 'much'], from: '2021-11-01' },
        { staff: 'c', municipalities: ['much'], from: '2021-12-01' },
      ],
    );
    expect(list).toEqual({ text: ['1) Stadt Lohmar und Gemeinde Much seit dem 01.10.21 (3 VZÄ)'], count: 2 });
  });

  test('joined lines are served since the earliest of them, wherever it stands in the data; on one day as first written', () => {
    const list = lines(
      [person('a', '2021-11-01'), person('b', '2021-10-01')],
      [
        { staff: 'a', municipalities: ['lohmar'], from: '2021-11-01' },
        { staff: 'b', municipalities: ['lohmar'], from: '2021-10-01' },
      ],
    );
    expect(list.text).toEqual(['1) Stadt Lohmar seit dem 01.10.21 (2 VZÄ)']);
    const sameDay = lines(
      [person('a', '2021-09-01'), person('b', '2021-09')],
      [
        { staff: 'a', municipalities: ['lohmar'], from: '2021-09-01' },
        { staff: 'b', municipalities: ['lohmar'], from: '2021-09-01' },
      ],
    );
    expect(sameDay.text).toEqual(['1) Stadt Lohmar seit dem 01.09.21 (2 VZÄ)']);
  });
});

describe('since when', () => {
  test('a later assignment for the same town does not move the start of the current one', () => {
    const list = lines(
      [person('a', '2021-01-01')],
      [
        { staff: 'a', municipalities: ['lohmar'], from: '2022-07-01' },
        { staff: 'a', municipalities: ['lohmar'], from: '2021-07-01', to: '2022-05-31' },
      ],
    );
    expect(list.text).toEqual(['1) Stadt Lohmar seit dem 01.07.21']);
  });

  test('a later assignment counts from its own start; a person who started later than the assignment from their start', () => {
    const list = lines(
      [person('a', '2021-10-01'), person('b', '2021-12-01')],
      [
        { staff: 'a', municipalities: ['lohmar'], from: '2022-01-15' },
        { staff: 'b', municipalities: ['much'], from: '2021-09-01' },
      ],
    );
    expect(list.text).toEqual(['1) Gemeinde Much seit dem 01.12.21', '2) Stadt Lohmar seit dem 15.01.22']);
  });

  test('an assignment renewed the day after it ended counts from the first; after a gap from the renewal', () => {
    const renewed = lines(
      [person('a', '2021-01-01')],
      [
        { staff: 'a', municipalities: ['lohmar'], from: '2021-02-01', to: '2021-06-30' },
        { staff: 'a', municipalities: ['lohmar'], from: '2021-07-01', to: '2021-12-31' },
        { staff: 'a', municipalities: ['lohmar'], from: '2022-01-01' },
      ],
    );
    expect(renewed.text).toEqual(['1) Stadt Lohmar seit dem 01.02.21']);
    const gap = lines(
      [person('a', '2021-01-01')],
      [
        { staff: 'a', municipalities: ['lohmar'], from: '2021-02-01', to: '2021-06-29' },
        { staff: 'a', municipalities: ['lohmar'], from: '2021-07-01' },
      ],
    );
    expect(gap.text).toEqual(['1) Stadt Lohmar seit dem 01.07.21']);
  });

  test('an assignment for another town before does not count for this one', () => {
    const list = lines(
      [person('a', '2021-01-01')],
      [
        { staff: 'a', municipalities: ['much'], from: '2021-02-01', to: '2021-06-30' },
        { staff: 'a', municipalities: ['lohmar'], from: '2021-07-01' },
      ],
    );
    expect(list.text).toEqual(['1) Stadt Lohmar seit dem 01.07.21']);
  });

  test('a start known to the month only: "seit September 2021"; long dates where the organisation wants them', () => {
    expect(lines([person('a', '2021-09')], [{ staff: 'a', municipalities: ['lohmar'], from: '2021-09-01' }]).text).toEqual(['1) Stadt Lohmar seit September 2021']);
    expect(lines([person('a', '2021-10-01')], [{ staff: 'a', municipalities: ['lohmar'], from: '2021-10-01' }], { short: false }).text).toEqual(['1) Stadt Lohmar seit dem 01.10.2021']);
  });
});

describe('which assignments count at the Stand', () => {
  test('one ending on the Stand counts, one ending the day before or beginning after does not', () => {
    const list = lines(
      [person('a', '2021-01-01'), person('b', '2021-01-01'), person('c', '2021-01-01')],
      [
        { staff: 'a', municipalities: ['lohmar'], from: '2021-01-01', to: STAND },
        { staff: 'b', municipalities: ['much'], from: '2021-01-01', to: '2022-02-28' },
        { staff: 'c', municipalities: ['windeck'], from: '2022-03-02' },
      ],
    );
    // b and c have no assignment at the Stand: each a line of its own, after the assigned ones.
    expect(list).toEqual({ text: ['1) Stadt Lohmar seit dem 01.01.21', '2) — seit dem 01.01.21', '3) — seit dem 01.01.21'], count: 1 });
  });

  test('one beginning on the Stand counts', () => {
    expect(lines([person('a', '2021-01-01')], [{ staff: 'a', municipalities: ['lohmar'], from: STAND }]).text).toEqual(['1) Stadt Lohmar seit dem 01.03.22']);
  });
});

describe('order', () => {
  test('by since, the earliest first; on one day in the order of the data; people without a municipality last, each with their post', () => {
    const list = lines(
      [person('x', '2020-01-01', 0.5), person('a', '2021-11-01'), person('b', '2021-10-01'), person('c', '2021-10-01')],
      [
        { staff: 'a', municipalities: ['lohmar'], from: '2021-11-01' },
        { staff: 'b', municipalities: ['windeck'], from: '2021-10-01' },
        { staff: 'c', municipalities: ['much'], from: '2021-10-01' },
      ],
    );
    expect(list.text).toEqual([
      '1) Gemeinde Windeck seit dem 01.10.21 (1 VZÄ)',
      '2) Gemeinde Much seit dem 01.10.21 (1 VZÄ)',
      '3) Stadt Lohmar seit dem 01.11.21 (1 VZÄ)',
      '4) — seit dem 01.01.20 (0,5 VZÄ)',
    ]);
    expect(list.count).toBe(3);
  });

  test('many lines: by day, ties in the order of the data', () => {
    const days = ['2021-12-01', '2021-10-01', '2021-11-01', '2021-10-01', '2021-12-01', '2021-09-01', '2021-11-01'];
    const towns = ['alfter', 'bornheim', 'eitorf', 'hennef', 'lohmar', 'much', 'windeck'];
    const list = lines(
      days.map((d, i) => person(`p${i}`, d)),
      days.map((d, i) => ({ staff: `p${i}`, municipalities: [towns[i]!], from: d })),
    );
    expect(list.text).toEqual([
      '1) Gemeinde Much seit dem 01.09.21',
      '2) Stadt Bornheim seit dem 01.10.21',
      '3) Stadt Hennef seit dem 01.10.21',
      '4) Gemeinde Eitorf seit dem 01.11.21',
      '5) Gemeinde Windeck seit dem 01.11.21',
      '6) Gemeinde Alfter seit dem 01.12.21',
      '7) Stadt Lohmar seit dem 01.12.21',
    ]);
  });

  test('a month-only start sorts by its first day, before a later day of that month', () => {
    const list = lines(
      [person('a', '2021-09-15'), person('b', '2021-09')],
      [
        { staff: 'a', municipalities: ['lohmar'], from: '2021-09-15' },
        { staff: 'b', municipalities: ['much'], from: '2021-09-01' },
      ],
    );
    expect(list.text).toEqual(['1) Gemeinde Much seit September 2021', '2) Stadt Lohmar seit dem 15.09.21']);
  });
});
