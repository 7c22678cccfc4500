/**
 * The staffing chart's facts (src/model/staffing-series.ts) and the coverage Anlage (src/model/coverage.ts),
 * computed from a few people laid out here on the example Kreis: the steps a reader sees in the chart and
 * the numbers its alternate text tells, and each municipality's posts by employer in the Anlage.
 * test/report/chart-coverage.test.ts checks both against whole data folders.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { coverageOf } from '../../src/model/coverage.js';
import { staffingChart } from '../../src/model/staffing-series.js';
import { termsOf } from '../../src/model/terms.js';
import type { Assignment, Dataset, StaffMember } from '../../src/model/types.js';
import { loadData } from '../support/example.js';
import { staffMember } from '../support/staff-member.js';

let example: Dataset;
beforeAll(async () => {
  example = (await loadData()).dataset;
});

const person = staffMember;

function dataWith(staff: StaffMember[], assignments: Assignment[] = [], plans?: Record<string, { from: string; fte: number }[]>): Dataset {
  const data = { ...structuredClone(example), staff, assignments };
  for (const m of data.programme.modules) m.plannedFte = plans?.[m.id] ?? [];
  return data;
}

const MODULES = [
  { id: 'modul-1', label: 'Modul 1' },
  { id: 'modul-2', label: 'Modul 2' },
];
const TERMS = termsOf({});

describe('the staffing chart', () => {
  test('nothing to draw: no plan and no staff by the Stand', () => {
    expect(staffingChart(dataWith([]), '2022-03-01', MODULES, TERMS)).toBeNull();
    expect(staffingChart(dataWith([person('a', '2022-04-01')], [], { 'modul-2': [{ from: '2022-05-01', fte: 2 }] }), '2022-03-01', MODULES, TERMS)).toBeNull();
  });

  test('staff before any plan: the chart begins with the first start, the plan null until its first period', () => {
    const chart = staffingChart(dataWith([person('a', '2021-03-01', { fte: 0.5 })], [], { 'modul-2': [{ from: '2021-06-01', fte: 2 }] }), '2022-03-01', MODULES, TERMS)!;
    expect(chart.from).toBe('2021-03-01');
    expect(chart.to).toBe('2022-03-01');
    expect(chart.series[0]!.steps).toEqual([{ date: '2021-03-01', planned: null, filled: 0 }]);
    expect(chart.series[1]!.steps).toEqual([
      { date: '2021-03-01', planned: null, filled: 0.5 },
      { date: '2021-06-01', planned: 2, filled: 0.5 },
    ]);
    expect(chart.alt).toBe(
      'Diagramm der geplanten und besetzten Vollzeitäquivalente je Modul vom 01.03.2021 bis zum 01.03.2022. ' +
        'Modul 1: noch ohne Plan, noch nicht besetzt. ' +
        'Modul 2: geplant 2 VZÄ seit dem 01.06.2021, besetzt 0,5 VZÄ seit dem 01.03.2021.',
    );
  });

  test('a plan beginning on the Stand: a chart of that one day', () => {
    const chart = staffingChart(dataWith([], [], { 'modul-1': [{ from: '2022-03-01', fte: 2 }] }), '2022-03-01', MODULES, TERMS)!;
    expect(chart.series[0]!.steps).toEqual([{ date: '2022-03-01', planned: 2, filled: 0 }]);
  });

  test('the steps in date order, also where a later module changed earlier', () => {
    const chart = staffingChart(
      dataWith([person('a', '2021-03-01')], [], { 'modul-1': [{ from: '2021-06-01', fte: 1 }], 'modul-2': [{ from: '2021-01-01', fte: 2 }] }),
      '2022-03-01',
      MODULES,
      TERMS,
    )!;
    expect(chart.series[1]!.steps).toEqual([
      { date: '2021-01-01', planned: 2, filled: 0 },
      { date: '2021-03-01', planned: 2, filled: 1 },
    ]);
    expect(chart.series[0]!.steps).toEqual([
      { date: '2021-01-01', planned: null, filled: 0 },
      { date: '2021-06-01', planned: 1, filled: 0 },
    ]);
  });

  test('a plan before any staff: the chart begins with the plan', () => {
    const chart = staffingChart(dataWith([person('a', '2021-03-01')], [], { 'modul-1': [{ from: '2021-01-01', fte: 1 }] }), '2022-03-01', MODULES, TERMS)!;
    expect(chart.from).toBe('2021-01-01');
  });

  test('a change of post and a leaver step the line; the day after the Stand and days without change add no step', () => {
    const chart = staffingChart(
      dataWith(
        [
          person('a', '2021-02-01', { fteChanges: [{ from: '2021-05-01', fte: 0.5 }] }),
          person('b', '2021-02-01', { end: '2021-08-31' }),
          person('c', '2021-09-01'),
          person('d', '2022-03-02'),
        ],
        [],
        { 'modul-2': [{ from: '2021-01-01', fte: 3 }] },
      ),
      '2022-03-01',
      MODULES,
      TERMS,
    )!;
    // b leaves after 31.08.2021 and c starts on 01.09.2021: the filled posts stay 1,5, no step.
    expect(chart.series[1]!.steps).toEqual([
      { date: '2021-01-01', planned: 3, filled: 0 },
      { date: '2021-02-01', planned: 3, filled: 2 },
      { date: '2021-05-01', planned: 3, filled: 1.5 },
    ]);
    expect(chart.alt).toContain('Modul 2: geplant 3 VZÄ seit dem 01.01.2021, besetzt 1,5 VZÄ seit dem 01.05.2021 (erstmals besetzt am 01.02.2021).');
  });

  test('someone leaving on the Stand still counts on it; the step the day after is beyond the chart', () => {
    const chart = staffingChart(dataWith([person('a', '2021-02-01', { end: '2022-03-01' })], [], { 'modul-2': [{ from: '2021-01-01', fte: 1 }] }), '2022-03-01', MODULES, TERMS)!;
    expect(chart.series[1]!.steps.at(-1)).toEqual({ date: '2021-02-01', planned: 1, filled: 1 });
    const left = staffingChart(dataWith([person('a', '2021-02-01', { end: '2022-02-28' })], [], { 'modul-2': [{ from: '2021-01-01', fte: 1 }] }), '2022-03-01', MODULES, TERMS)!;
    expect(left.series[1]!.steps.at(-1)).toEqual({ date: '2022-03-01', planned: 1, filled: 0 });
    expect(left.alt).toContain('Modul 2: geplant 1 VZÄ seit dem 01.01.2021, nicht mehr besetzt seit dem 01.03.2022 (erstmals besetzt am 01.02.2021).');
  });

  test('a plan cut and raised again: the plan at the Stand holds since the last change', () => {
    const chart = staffingChart(
      dataWith([], [], {
        'modul-1': [
          { from: '2021-01-01', fte: 2 },
          { from: '2021-06-01', fte: 1 },
          { from: '2021-09-01', fte: 2 },
        ],
      }),
      '2022-03-01',
      MODULES,
      TERMS,
    )!;
    expect(chart.series[0]!.steps.map((s) => s.planned)).toEqual([2, 1, 2]);
    expect(chart.alt).toContain('Modul 1: geplant 2 VZÄ seit dem 01.09.2021, noch nicht besetzt.');
  });
});

describe('the coverage Anlage', () => {
  test("shares from the data count for their municipality; the rest of the post splits equally among the others", () => {
    const coverage = coverageOf(
      dataWith(
        [person('a', '2021-01-01')],
        [
          { staff: 'a', municipalities: ['much'], from: '2021-01-01', fte: 0.25 },
          { staff: 'a', municipalities: ['lohmar', 'windeck', 'alfter'], from: '2021-01-01' },
        ],
      ),
      '2022-03-01',
    );
    const total = (name: string) => coverage.rows.find((r) => r.municipality === name)!.total;
    expect(total('Gemeinde Much')).toBe(0.25);
    expect(total('Stadt Lohmar')).toBe(0.25);
    expect(total('Gemeinde Alfter')).toBe(0.25);
    expect(coverage.total).toBe(1);
    expect(coverage.uncovered).toBe(15);
    expect(coverage.employers).toEqual(['Kreisverwaltung des Rhein-Sieg-Kreises']);
  });

  test('a share on two municipalities counts for each; shares beyond the post leave nothing to split', () => {
    const coverage = coverageOf(
      dataWith(
        [person('a', '2021-01-01', { fte: 0.5 })],
        [
          { staff: 'a', municipalities: ['much', 'lohmar'], from: '2021-01-01', fte: 0.5 },
          { staff: 'a', municipalities: ['windeck'], from: '2021-01-01' },
        ],
      ),
      '2022-03-01',
    );
    const total = (name: string) => coverage.rows.find((r) => r.municipality === name)!.total;
    expect([total('Gemeinde Much'), total('Stadt Lohmar'), total('Gemeinde Windeck')]).toEqual([0.5, 0.5, 0]);
    expect(coverage.uncovered).toBe(17);
  });

  test('by employer, in the order of organisation.yaml; only case management, only those in post at the Stand', () => {
    const coverage = coverageOf(
      dataWith(
        [
          person('t', '2021-01-01', { employer: 'stadt-troisdorf' }),
          person('k', '2021-01-01', { fte: 0.5 }),
          person('strategic', '2021-01-01', { module: 'modul-1' }),
          person('gone', '2021-01-01', { end: '2022-02-28' }),
          person('later', '2022-03-02'),
        ],
        [
          { staff: 't', municipalities: ['troisdorf'], from: '2021-01-01' },
          { staff: 'k', municipalities: ['troisdorf'], from: '2021-01-01' },
          { staff: 'strategic', municipalities: ['much'], from: '2021-01-01' },
          { staff: 'gone', municipalities: ['much'], from: '2021-01-01' },
          { staff: 'later', municipalities: ['much'], from: '2021-01-01' },
        ],
      ),
      '2022-03-01',
    );
    expect(coverage.employers).toEqual(['Kreisverwaltung des Rhein-Sieg-Kreises', 'Stadt Troisdorf']);
    const troisdorf = coverage.rows.find((r) => r.municipality === 'Stadt Troisdorf')!;
    expect(troisdorf.byEmployer).toEqual([{ fte: 0.5 }, { fte: 1 }]);
    expect(troisdorf.total).toBe(1.5);
    expect(coverage.rows.find((r) => r.municipality === 'Gemeinde Much')!.total).toBe(0);
    expect(coverage.totalByEmployer).toEqual([{ fte: 0.5 }, { fte: 1 }]);
    expect(coverage.total).toBe(1.5);
    expect(coverage.rows.map((r) => r.municipality).slice(0, 3)).toEqual(['Gemeinde Alfter', 'Stadt Bad Honnef', 'Stadt Bornheim']);
  });

  test('an employer whose staff serve no municipality has no column', () => {
    const coverage = coverageOf(dataWith([person('t', '2021-01-01', { employer: 'stadt-troisdorf' })], []), '2022-03-01');
    expect(coverage.employers).toEqual([]);
    expect(coverage.rows.every((r) => r.byEmployer.length === 0 && r.total === 0)).toBe(true);
    expect(coverage.uncovered).toBe(19);
  });
});
