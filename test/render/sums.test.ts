// Posts are added in whole millionths everywhere (src/model/millionths.ts), so no Vorlage prints
// 0,30000000000000004 for 0,1 + 0,2, and a report's period ends on its Stand.
import { describe, expect, it } from 'vitest';
import { HELPERS } from '../../src/render/helpers.js';
import { inReportPeriod } from '../../src/model/report-period.js';

describe('sums and periods', () => {
  it('{{sum}} adds posts exactly', () => {
    expect(HELPERS.sum([{ count: 0.1 }, { count: 0.2 }])).toBe(0.3);
    expect(HELPERS.sum([{ count: 2 }, { count: 9 }])).toBe(11);
  });

  it("a report's period begins after the previous Stand and ends on its own Stand", () => {
    const inPeriod = inReportPeriod('2021-11-01', '2022-03-01');
    expect(['2021-11-01', '2021-11-02', '2022-03-01', '2022-03-02'].map(inPeriod)).toEqual([false, true, true, false]);
    expect(inReportPeriod(undefined, '2022-03-01')('2019-01-01')).toBe(true);
  });
});
