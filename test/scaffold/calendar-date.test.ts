/**
 * The calendar-day pattern of the editor's schemas (src/init/calendar-date.ts) admits exactly the days
 * Ajv's `date` format admits, which kim validate uses: every day of a whole 400-year cycle of the
 * Gregorian calendar and more (1900–2399), with the impossible days and months around them, and every
 * month/day pair 00–99 in the years where leap-year rules differ.
 */
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { CALENDAR_DATE_PATTERN } from '../../src/init/calendar-date.js';

const ajv = new Ajv2020();
addFormats.default(ajv, ['date']);
const ajvDate = ajv.compile({ type: 'string', format: 'date' });
// As the editor reads it: a JSON Schema pattern is an ECMAScript regular expression (Ajv adds the u flag).
const pattern = new RegExp(CALENDAR_DATE_PATTERN, 'u');

const pad = (n: number, width: number) => String(n).padStart(width, '0');

describe('calendar-day pattern', () => {
  it('agrees with Ajv\'s date format on days 00–32 of months 00–13 in 500 consecutive years (a whole 400-year cycle and more)', () => {
    const disagreements: string[] = [];
    let real = 0;
    for (let year = 1900; year < 2400; year++) {
      for (let month = 0; month <= 13; month++) {
        for (let day = 0; day <= 32; day++) {
          const text = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
          const expected = ajvDate(text);
          if (expected) real++;
          if (pattern.test(text) !== expected) disagreements.push(text);
        }
      }
    }
    expect(disagreements).toEqual([]);
    // 500 years, of which 121 leap years (1904–2396 without 2100, 2200, 2300; 2000 is one): the check
    // saw every real day.
    expect(real).toBe(500 * 365 + 121);
  });

  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2000-02-29', true],
    ['1900-02-29', false],
    ['2100-02-29', false],
    ['2400-02-29', true],
    ['0000-02-29', true],
    ['9999-12-31', true],
    ['2024-02-30', false],
    ['2024-04-31', false],
    ['2024-13-01', false],
    ['2024-00-10', false],
    ['2024-1-01', false],
    ['2024-01-01 ', false],
    ['24-01-01', false],
  ])('%s: %s, as Ajv', (text, real) => {
    expect(ajvDate(text)).toBe(real);
    expect(pattern.test(text)).toBe(real);
  });

  it('every month/day pair 00–99 in years with a different leap rule', () => {
    for (const year of ['0000', '0004', '0100', '0400', '1600', '1700', '1996', '1999', '2000', '2024', '2100', '9996', '9999']) {
      for (let month = 0; month < 100; month++) {
        for (let day = 0; day < 100; day++) {
          const text = `${year}-${pad(month, 2)}-${pad(day, 2)}`;
          if (pattern.test(text) !== ajvDate(text)) expect.fail(text);
        }
      }
    }
  });
});
