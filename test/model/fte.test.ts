/**
 * The figures under a module's plan and a person's post (src/model/fte.ts, millionths.ts, report-period.ts):
 * which plan is in force on the Stand, which post a person holds, which plan changes a Vorlage tells and the
 * sums of posts. A wrong pick here is a wrong figure in the overview table or a plan change told wrongly.
 */
import { describe, expect, test } from 'vitest';
import { fteOn, fundingRateFor, planChangesBetween, planOn, plannedFteOn } from '../../src/model/fte.js';
import { fromMicro, micro, roundPost } from '../../src/model/millionths.js';
import { inReportPeriod } from '../../src/model/report-period.js';
import type { ProgrammeModule } from '../../src/model/types.js';

const decision = (date: string) => ({ name: 'Kreistag', date, reference: 'KT/1/2022' });
const moduleWith = (plannedFte: object[]): ProgrammeModule => ({ id: 'modul-1', plannedFte }) as unknown as ProgrammeModule;

describe('the plan in force on a day', () => {
  // Listed out of order on purpose: the data may list plan periods in any order.
  const module = moduleWith([
    { from: '2022-04-01', fte: 6 },
    { from: '2021-10-01', fte: 3 },
    { from: '2023-01-01', fte: 8 },
  ]);

  test('before the first plan period there is none; on its first day it is in force', () => {
    expect(planOn(module, '2021-09-30')).toBeUndefined();
    expect(plannedFteOn(module, '2021-09-30')).toBeUndefined();
    expect(plannedFteOn(module, '2021-10-01')).toBe(3);
  });

  test('the latest plan period that has begun, whatever the order of the list', () => {
    expect(['2022-03-31', '2022-04-01', '2022-12-31', '2023-01-01', '2030-01-01'].map((d) => plannedFteOn(module, d))).toEqual([3, 6, 6, 8, 8]);
    expect(plannedFteOn(moduleWith([{ from: '2023-01-01', fte: 8 }, { from: '2022-04-01', fte: 6 }, { from: '2021-10-01', fte: 3 }]), '2022-06-01')).toBe(6);
  });
});

describe("a person's post on a day", () => {
  const person = { fte: 1, fteChanges: [{ from: '2022-05-01', fte: 0.5 }, { from: '2022-04-01', fte: 0.75 }] };

  test('the post from the start until the first change; a change counts from its own day', () => {
    expect(['2022-03-31', '2022-04-01', '2022-04-30', '2022-05-01', '2030-01-01'].map((d) => fteOn(person, d))).toEqual([1, 0.75, 0.75, 0.5, 0.5]);
  });

  test('without changes, the post from the start', () => {
    expect(fteOn({ fte: 0.5 }, '2022-06-01')).toBe(0.5);
  });
});

test("the funding rate of the Stand's year, none for a year without one", () => {
  const programme = { fundingRates: [{ year: 2021, amount: 55_000 }, { year: 2022, amount: 57_000 }] };
  expect([fundingRateFor(programme, 2021), fundingRateFor(programme, 2022), fundingRateFor(programme, 2023)]).toEqual([55_000, 57_000, undefined]);
});

describe('the plan changes a Vorlage tells', () => {
  test("a change after the previous Stand up to and including the Stand, with the plan before it; the first plan period is no change", () => {
    const module = moduleWith([
      { from: '2022-06-01', fte: 12 },
      { from: '2021-10-01', fte: 6 },
      { from: '2022-03-01', fte: 8 },
    ]);
    expect(planChangesBetween(module, '2022-03-01', '2022-06-01').map((c) => [c.period.from, c.previousFte, c.period.fte, c.future])).toEqual([['2022-06-01', 8, 12, false]]);
    // The previous report told the change of its own Stand day; this one tells both after an earlier Stand.
    expect(planChangesBetween(module, '2022-02-28', '2022-06-01').map((c) => c.period.from)).toEqual(['2022-03-01', '2022-06-01']);
    // A change the day after the Stand is the next report's (it has no decision to tell early).
    expect(planChangesBetween(module, '2022-03-01', '2022-05-31')).toEqual([]);
  });

  test('without a previous report, every change up to the Stand', () => {
    const module = moduleWith([{ from: '2021-10-01', fte: 6 }, { from: '2022-03-01', fte: 8 }]);
    expect(planChangesBetween(module, undefined, '2022-06-01').map((c) => [c.previousFte, c.period.fte])).toEqual([[6, 8]]);
  });

  test('a later change is told as future when decided in the period, not when decided before it', () => {
    const future = (decidedOn: string) => moduleWith([{ from: '2021-10-01', fte: 6 }, { from: '2023-01-01', fte: 12, decision: decision(decidedOn) }]);
    expect(planChangesBetween(future('2022-05-10'), '2022-03-01', '2022-06-01').map((c) => [c.period.fte, c.future])).toEqual([[12, true]]);
    expect(planChangesBetween(future('2022-06-01'), '2022-03-01', '2022-06-01')).toHaveLength(1);
    expect(planChangesBetween(future('2022-03-01'), '2022-03-01', '2022-06-01')).toEqual([]);
    expect(planChangesBetween(moduleWith([{ from: '2021-10-01', fte: 6 }, { from: '2023-01-01', fte: 12 }]), '2022-03-01', '2022-06-01')).toEqual([]);
  });

  test('a plan period with the same posts is no change', () => {
    const module = moduleWith([{ from: '2021-10-01', fte: 6 }, { from: '2022-04-01', fte: 6 }]);
    expect(planChangesBetween(module, '2022-03-01', '2022-06-01')).toEqual([]);
  });
});

describe("the report's period", () => {
  test("after the previous Stand, up to and including this Stand", () => {
    const inPeriod = inReportPeriod('2022-03-01', '2022-06-01');
    expect(['2022-03-01', '2022-03-02', '2022-06-01', '2022-06-02'].map(inPeriod)).toEqual([false, true, true, false]);
  });

  test('without a previous report, everything up to the Stand', () => {
    const inPeriod = inReportPeriod(undefined, '2022-06-01');
    expect(['2000-01-01', '2022-06-01', '2022-06-02'].map(inPeriod)).toEqual([true, true, false]);
  });
});

describe('posts in millionths', () => {
  test('0,1 and 0,2 posts add to exactly 0,3', () => {
    expect(roundPost(0.1 + 0.2)).toBe(0.3);
    expect(fromMicro(micro(0.1) + micro(0.2))).toBe(0.3);
  });

  test('a post is a whole number of millionths and back', () => {
    expect([micro(1), micro(0.5), micro(0.000001), micro(2.4999996)]).toEqual([1_000_000, 500_000, 1, 2_500_000]);
    expect([fromMicro(1_500_000), roundPost(3.5)]).toEqual([1.5, 3.5]);
  });
});
