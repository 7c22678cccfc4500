import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { formatAmount, formatDecimal } from '../../src/german/index.js';

// How kim formatted numbers with Intl (it no longer does: loading ICU's locale data cost ~20 ms per cold start).
const decimal = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 2, useGrouping: true });
const euro = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 2, minimumFractionDigits: 0, useGrouping: true });
const intlAmount = (value: number) => {
  const hasCents = Math.round(value * 100) % 100 !== 0;
  return `${hasCents ? euro.format(value).replace(/,(\d)$/, ',$10') : euro.format(value)} €`;
};

function expectSameAsIntl(values: Iterable<number>): number {
  let count = 0;
  const wrong: [number, string, string][] = [];
  for (const value of values) {
    count++;
    if (formatDecimal(value) !== decimal.format(value)) wrong.push([value, formatDecimal(value), decimal.format(value)]);
    if (formatAmount(value) !== intlAmount(value)) wrong.push([value, formatAmount(value), intlAmount(value)]);
  }
  expect(wrong.slice(0, 10)).toEqual([]);
  return count;
}

function* range(from: number, to: number, divisor = 1): Generator<number> {
  for (let n = from; n <= to; n++) yield n / divisor;
}

describe('German numbers without Intl, the same as Intl de-DE', () => {
  test('integers, thousandths (every rounding boundary) and hundredths over a large range', () => {
    const count =
      expectSameAsIntl(range(-20_000, 50_000)) +
      expectSameAsIntl(range(-60_000, 60_000, 1000)) +
      expectSameAsIntl(range(-200_000, 200_000, 100)) +
      expectSameAsIntl(range(0, 20_000, 8)) +
      expectSameAsIntl(range(0, 10_000, 3));
    expect(count).toBeGreaterThan(600_000);
  });

  test('special and extreme values', () => {
    expectSameAsIntl([0, -0, Number.NaN, Infinity, -Infinity, 5e-324, -5e-324, 1e21, 1.5e-7, -0.004, -0.005, 0.1 + 0.2, 999.995, -999.995, 1.7976931348623157e308, 2 ** 53 + 2, 123456789.125]);
  });

  test('arbitrary doubles and integers', () => {
    fc.assert(
      fc.property(fc.oneof(fc.double(), fc.integer(), fc.double({ min: -1e7, max: 1e7 }), fc.integer({ min: -1e9, max: 1e9 }).map((n) => n / 1000)), (value) => {
        expect(formatDecimal(value)).toBe(decimal.format(value));
        expect(formatAmount(value)).toBe(intlAmount(value));
      }),
      { numRuns: 20_000 },
    );
  });
});
