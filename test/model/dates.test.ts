/**
 * The calendar under every date of a Vorlage (src/model/dates.ts): the last day of a month known only to
 * the month, the day after an assignment ends ("seit dem 01.03.2023"), who is in post on a Stand, and
 * whether two periods share a day. A wrong day here is a wrong date or a wrong person in the Vorlage.
 */
import { describe, expect, test } from 'vitest';
import { dayAfter, endDay, inPostOn, periodsOverlap, startDay, yearOf } from '../../src/model/dates.js';

describe('leap years (Gregorian: every fourth year, not the hundredth, but the four-hundredth)', () => {
  test("February's last day", () => {
    expect(['2023-02', '2024-02', '1900-02', '2000-02', '2100-02'].map(endDay)).toEqual(['2023-02-28', '2024-02-29', '1900-02-28', '2000-02-29', '2100-02-28']);
  });

  test('the day after 28 February', () => {
    expect(['2023-02-28', '2024-02-28', '1900-02-28', '2000-02-28', '2100-02-28'].map(dayAfter)).toEqual(['2023-03-01', '2024-02-29', '1900-03-01', '2000-02-29', '2100-03-01']);
  });
});

describe('a month known only to the month', () => {
  test('ends on its last day: 31, 30 or 31 in December', () => {
    expect(['2021-01', '2021-03', '2021-04', '2021-06', '2021-07', '2021-08', '2021-09', '2021-10', '2021-11', '2021-12'].map(endDay)).toEqual([
      '2021-01-31',
      '2021-03-31',
      '2021-04-30',
      '2021-06-30',
      '2021-07-31',
      '2021-08-31',
      '2021-09-30',
      '2021-10-31',
      '2021-11-30',
      '2021-12-31',
    ]);
  });

  test('a day stays itself, as start and as end', () => {
    expect([startDay('2021-09-15'), endDay('2021-09-15'), startDay('2021-09')]).toEqual(['2021-09-15', '2021-09-15', '2021-09-01']);
  });
});

describe('the day after', () => {
  test('within a month, at its end, at the end of the year, with leading zeros', () => {
    expect(['2022-07-30', '2022-07-31', '2022-06-30', '2022-11-30', '2022-12-31', '2022-09-09', '0999-12-31', '0999-05-01'].map(dayAfter)).toEqual([
      '2022-07-31',
      '2022-08-01',
      '2022-07-01',
      '2022-12-01',
      '2023-01-01',
      '2022-09-10',
      '1000-01-01',
      '0999-05-02',
    ]);
  });
});

test('the year of a date', () => {
  expect([yearOf('2022-03-16'), yearOf('2021-09')]).toEqual([2022, 2021]);
});

describe('in post on a day', () => {
  test('from the first day to the last working day, both included', () => {
    const person = { start: '2022-02-01', end: '2022-05-31' };
    expect(['2022-01-31', '2022-02-01', '2022-05-31', '2022-06-01'].map((d) => inPostOn(person, d))).toEqual([false, true, true, false]);
  });

  test('without an end, from the first day on', () => {
    const person = { start: '2022-02-01' };
    expect(['2022-01-31', '2022-02-01', '2030-12-31'].map((d) => inPostOn(person, d))).toEqual([false, true, true]);
  });
});

describe('two periods share a day', () => {
  test('closed periods: touching on one day counts, one day apart does not, in either order', () => {
    const march = { from: '2022-03-01', to: '2022-03-31' };
    expect(periodsOverlap(march, { from: '2022-03-31', to: '2022-04-30' })).toBe(true);
    expect(periodsOverlap({ from: '2022-03-31', to: '2022-04-30' }, march)).toBe(true);
    expect(periodsOverlap(march, { from: '2022-04-01', to: '2022-04-30' })).toBe(false);
    expect(periodsOverlap({ from: '2022-04-01', to: '2022-04-30' }, march)).toBe(false);
    expect(periodsOverlap({ from: '2022-02-01', to: '2022-02-28' }, march)).toBe(false);
  });

  test('an open period runs on for ever but not backwards', () => {
    expect(periodsOverlap({ from: '2022-03-01' }, { from: '2030-01-01', to: '2030-01-31' })).toBe(true);
    expect(periodsOverlap({ from: '2030-01-01', to: '2030-01-31' }, { from: '2022-03-01' })).toBe(true);
    expect(periodsOverlap({ from: '2022-03-01' }, { from: '2022-01-01', to: '2022-02-28' })).toBe(false);
    expect(periodsOverlap({ from: '2022-01-01', to: '2022-02-28' }, { from: '2022-03-01' })).toBe(false);
    expect(periodsOverlap({ from: '2022-03-01' }, { from: '2025-01-01' })).toBe(true);
  });
});
