// One date style per Vorlage, chosen in the data (issue 20): the lists of people hired write their dates
// with a two-digit year ("seit dem 01.02.22", as the Rhein-Sieg-Kreis's Vorlage of 16.03.2022 does and kim
// always did) unless organisation.yaml says `listDates: long` ("seit dem 01.02.2022", as the sentences).
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderFromFiles } from '../support/example.js';
import { copyData, removeScratch } from '../validate/helpers.js';

afterAll(removeScratch);

describe('the date style of the lists (organisation.yaml listDates)', () => {
  it('long: the lines of the list write the year in full, like the sentences; short: two digits', async () => {
    const dir = copyData();
    const file = join(dir, 'organisation.yaml');
    const short = await renderFromFiles(dir);
    expect(short).toMatch(/^\d+\) .* seit dem \d\d\.\d\d\.\d\d$/m);
    writeFileSync(file, readFileSync(file, 'utf8').replace('listDates: short\n', ''));
    // Without the field: today's two-digit year, so no data repository's Vorlage changes on upgrade.
    expect(await renderFromFiles(dir)).toBe(short);
    appendFileSync(file, 'listDates: long\n');
    const long = await renderFromFiles(dir);
    expect(long).not.toMatch(/seit dem \d\d\.\d\d\.\d\d(?!\d)/);
    expect(long).toMatch(/^\d+\) .* seit dem \d\d\.\d\d\.\d{4}$/m);
    // Only the list dates changed: "01.02.22" → "01.02.2022".
    expect(long.replace(/(seit dem \d\d\.\d\d\.)20(\d\d)/g, '$1$2')).toBe(short);
  });
});
