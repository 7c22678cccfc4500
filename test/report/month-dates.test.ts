/**
 * Dates known only to the month (`2021-09`, staff start and end, cooperation agreements): printed as the
 * month, never as an invented day; counted from the month's first day (start, agreement) or to its last
 * (end); refused where the month holds a report's Stand or session (src/model/dates.ts,
 * src/validate/rules/month-dates.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { formatDate, formatDateShort, onDate, sinceDate } from '../../src/german/index.js';
import { endDay, inPostOn, startDay } from '../../src/model/dates.js';
import { DAY_OR_MONTH_PATTERN } from '../../src/init/calendar-date.js';
import { editorSchema } from '../../src/init/editor-schema.js';
import { parseYamlFile } from '../../src/load/yaml-file.js';
import { checkSchema } from '../../src/validate/schema-check.js';
import { loadSources, type LoadedSources } from '../../src/load/dataset.js';
import { validateSources } from '../../src/validate/index.js';
import { RULES } from '../../src/validate/rules/index.js';
import type { Dataset } from '../../src/model/types.js';
import { ruleContextFor } from '../validate/rule-context-fixture.js';
import { renderWith, TALHEIM_DIR, TALHEIM_FIRST, TALHEIM_NEXT } from '../support/example.js';
import { packageRoot } from '../../src/paths.js';

describe('German forms of a month', () => {
  test('a month prints as its name and year, with the prepositions that fit it', () => {
    expect(formatDate('2021-09')).toBe('September 2021');
    expect(formatDateShort('2022-03')).toBe('März 2022');
    expect(onDate('2021-09')).toBe('im September 2021');
    expect(onDate('2021-09-15')).toBe('am 15.09.2021');
    expect(sinceDate('2021-09', true)).toBe('seit September 2021');
    expect(sinceDate('2021-10-15', true)).toBe('seit dem 15.10.21');
  });

  test('a start counts from the month\'s first day, an end to its last (also in a leap year)', () => {
    expect(startDay('2021-09')).toBe('2021-09-01');
    expect(endDay('2021-09')).toBe('2021-09-30');
    expect(endDay('2024-02')).toBe('2024-02-29');
    expect(endDay('2023-02')).toBe('2023-02-28');
    const person = { start: '2021-09', end: '2022-03' };
    expect([inPostOn(person, '2021-08-31'), inPostOn(person, '2021-09-01'), inPostOn(person, '2022-03-31'), inPostOn(person, '2022-04-01')]).toEqual([false, true, true, false]);
  });
});

describe('the schemas', () => {
  const parse = (text: string) => {
    const r = parseYamlFile('staff.yaml', new TextEncoder().encode(text));
    if (!r.ok) throw new Error('parse');
    return r.source;
  };
  const staff = (start: string) => `staff:\n  - { id: a, name: A B, gender: w, role: r, module: m, fte: 1, employer: e, start: ${start} }\n`;

  test('staff start takes a day or a month, and says so in German when it is neither', async () => {
    expect(await checkSchema('staff', parse(staff('2021-09')))).toEqual([]);
    expect(await checkSchema('staff', parse(staff('2021-09-30')))).toEqual([]);
    const [d, ...more] = await checkSchema('staff', parse(staff('2021-13')));
    expect(more).toEqual([]);
    expect(d!.message).toBe(
      'Feld "start" (Datum oder Monat): "2021-13" ist kein gültiges Datum; erwartet wird ein Kalendertag im Format JJJJ-MM-TT, z. B. 2022-03-16, oder, wenn nur der Monat bekannt ist, der Monat im Format JJJJ-MM, z. B. 2021-09.',
    );
    expect((await checkSchema('staff', parse(staff('2021-02-29'))))[0]!.message).toContain('"2021-02-29" ist kein gültiges Datum');
  });

  test('the schemas write the pattern kim checks, and the editor\'s copy explains it in German', () => {
    for (const file of ['staff', 'meetings']) {
      const schema = JSON.parse(readFileSync(join(packageRoot, 'schemas', `${file}.schema.json`), 'utf8')) as { $defs: { dayOrMonth: { pattern: string } } };
      expect(schema.$defs.dayOrMonth.pattern, file).toBe(DAY_OR_MONTH_PATTERN);
      const editor = editorSchema(schema) as unknown as { $defs: { dayOrMonth: { patternErrorMessage: string } } };
      expect(editor.$defs.dayOrMonth.patternErrorMessage).toContain('wenn nur der Monat bekannt ist, JJJJ-MM, z. B. 2021-09');
    }
    const re = new RegExp(DAY_OR_MONTH_PATTERN, 'u');
    expect(['2021-09', '2024-02-29', '2022-03-16'].map((d) => re.test(d))).toEqual([true, true, true]);
    expect(['2021-00', '2021-13', '2023-02-29', '2021-9', '2021-09-'].map((d) => re.test(d))).toEqual([false, false, false, false, false]);
  });
});

describe('the Vorlage', () => {
  const staffOf = (d: Dataset, id: string) => d.staff.find((s) => s.id === id)!;

  test('a start known to the month is "seit Februar 2022" in the list, and counts as in post from the first', async () => {
    const text = await renderWith((d) => (staffOf(d, 'cm-4').start = '2022-02'), TALHEIM_NEXT, TALHEIM_DIR);
    expect(text).toContain('1) Gemeinde Mühlbach seit Februar 2022');
    expect(text).not.toContain('1) Gemeinde Mühlbach seit dem');
    expect(text).toContain('| Modul II – Rechtskreisübergreifendes Case Management | 12 | 4,5 |');
  });

  test('a statement\'s "Am {date}" becomes "Im …" for a month', async () => {
    const text = await renderWith((d) => {
      d.programme.roles.find((r) => r.id === 'sachbearbeitung')!.statement = { one: 'Am {date} wurde {who} {employer} eingestellt.', many: 'Am {date} wurden {who} {employer} eingestellt.' };
      staffOf(d, 'sb-1').start = '2022-01';
    }, TALHEIM_NEXT, TALHEIM_DIR);
    expect(text).toContain('Im Januar 2022 wurde ein Sachbearbeiter beim Landratsamt eingestellt.');
  });

  test('an end known to the month: "Im März 2022 ist … ausgeschieden"', async () => {
    const text = await renderWith((d) => (staffOf(d, 'cm-2').end = '2022-03'), TALHEIM_NEXT, TALHEIM_DIR);
    expect(text).toContain('Im März 2022 ist der Case Manager des Caritasverbandes für den Landkreis Talheim e. V. für die Stadt Talheim und die Gemeinde Eichenau ausgeschieden.');
  });

  test('an agreement known to the month is dated by its month', async () => {
    const text = await renderWith((d) => (d.meetings.cooperationAgreements![1]!.date = '2022-01'), TALHEIM_NEXT, TALHEIM_DIR);
    expect(text).toContain('mit dem Markt Oberried (Januar 2022)');
  });

  test('a first report lists a month-only start too', async () => {
    const text = await renderWith((d) => (staffOf(d, 'cm-3').start = '2021-10'), TALHEIM_FIRST, TALHEIM_DIR);
    expect(text).toMatch(/Markt Oberried seit Oktober 2021 \(eine Vollzeitstelle\)/);
  });
});

describe('month-dates-clear-of-reports', () => {
  let sources: LoadedSources;
  let base: Dataset;
  beforeAll(async () => {
    sources = await loadSources(TALHEIM_DIR);
    base = (await validateSources(sources, ['sachstand'])).dataset!;
  }, 120_000);
  const check = (change: (d: Dataset) => void = () => undefined) => RULES.find((r) => r.name === 'month-dates-clear-of-reports')!.check(ruleContextFor(base, sources, change));

  test('passes on the fixture and on months clear of every Stand and session', () => {
    expect(check()).toEqual([]);
    expect(check((d) => {
      d.staff.find((s) => s.id === 'cm-4')!.start = '2022-02';
      d.staff.find((s) => s.id === 'cm-2')!.end = '2022-03';
    })).toEqual([]);
  });

  test('a month holding a report\'s Stand is refused at the date, in German', () => {
    const [d, ...more] = check((x) => (x.staff.find((s) => s.id === 'cm-1')!.start = '2021-11'));
    expect(more).toEqual([]);
    expect(d!.message).toBe(
      'Der Beginn ist nur auf den Monat genau (November 2021), und der Datenstand 01.11.2021 der Vorlage 2021-11-23-kim-sachstand liegt in diesem Monat: ob es davor oder danach war, sagt die Angabe nicht. Erwartet wird der Tag im Format JJJJ-MM-TT.',
    );
    expect(`${d!.file.split('/').pop()}:${d!.line}`).toBe('staff.yaml:7');
  });

  test('an agreement in the month of a session is refused too', () => {
    const [d] = check((x) => (x.meetings.cooperationAgreements![2]!.date = '2022-05'));
    expect(d!.message).toContain('Der Abschluss ist nur auf den Monat genau (Mai 2022), und die Sitzung 10.05.2022 der Vorlage 2022-05-10-kim-sachstand liegt in diesem Monat');
  });
});
