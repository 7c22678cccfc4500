import { cp, mkdtemp, readdir, readFile, writeFile, mkdir } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildReports, loadValidData, writeReport } from '../../src/api.js';
import { DEFAULT_OPARL_BASE_URL } from '../../src/emit/oparl.js';
import { DataError } from '../../src/errors.js';
import { checkPublicOutputs } from '../../src/render/privacy-check.js';
import { EXAMPLE_DIR, renderWith, CURRENT } from '../support/example.js';
import { packageRoot } from '../../src/paths.js';

async function copyExample() {
  const root = await mkdtemp(join(tmpdir(), 'kim-privacy-'));
  await cp(EXAMPLE_DIR, join(root, 'data'), { recursive: true });
  return root;
}

async function rejection(promise: Promise<unknown>): Promise<DataError> {
  const e = await promise.then(() => undefined, (x: unknown) => x);
  expect(e).toBeInstanceOf(DataError);
  return e as DataError;
}

const REPORT = `reports/${CURRENT}.yaml`;

/** Replaces text in a data file of the copy; fails loudly when the example changed under the test. */
async function edit(root: string, file: string, from: string, to: string): Promise<void> {
  const path = join(root, 'data', file);
  const text = await readFile(path, 'utf8');
  if (!text.includes(from)) throw new Error(`test setup: "${from}" not in ${file}`);
  await writeFile(path, text.replace(from, to));
}

/** 1-based line and column of the first occurrence of `needle` in a data file. */
function positionIn(root: string, file: string, needle: string): { line: number; col: number } {
  const text = readFileSync(join(root, 'data', file), 'utf8');
  const before = text.slice(0, text.indexOf(needle));
  return { line: before.split('\n').length, col: before.length - before.lastIndexOf('\n') };
}

describe('privacy: no staff name in a public Vorlage', () => {
  test('a name typed into the report text fails, located in the report file, and nothing is written', async () => {
    const root = await copyExample();
    await edit(root, REPORT, 'Zu den Aufgaben der Case Managerinnen', 'Frau Halvorsen berichtet: Zu den Aufgaben der Case Managerinnen');
    const error = await rejection(writeReport({ dataDir: join(root, 'data'), outDir: join(root, 'out'), formats: ['md'] }));
    expect(error.diagnostics[0]).toMatchObject({ file: REPORT, path: 'text.modules.modul-2.work' });
    expect(error.diagnostics[0]!.line).toBeGreaterThan(1);
    expect(error.diagnostics[0]!.message).toContain('"Halvorsen"');
    await expect(readdir(join(root, 'out'))).rejects.toThrow(); // out/ was never created
  });

  test('a full name in a template override is located at the template line', async () => {
    const root = await copyExample();
    await mkdir(join(root, 'templates', 'partials'), { recursive: true });
    await writeFile(join(root, 'templates', 'partials', 'closing.hbs'), 'Zur Sitzung.\n\ngez. Andrea Wiesenthal\n');
    const error = await rejection(writeReport({ dataDir: join(root, 'data'), templatesDir: join(root, 'templates'), outDir: join(root, 'out'), formats: ['md'] }));
    expect(error.diagnostics[0]).toMatchObject({ file: join(root, 'templates', 'partials', 'closing.hbs'), line: 3, col: 6 });
  });

  test('a name that arrives through a data field is caught in the output', async () => {
    const e = await renderWith((d) => {
      d.programme.roles.find((r) => r.id === 'cm-koordination')!.qualifier = 'unter Leitung von Dąbrowska';
    }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(DataError);
    expect((e as DataError).diagnostics[0]!.message).toContain('"Dąbrowska"');
  });

  test('a non-public Vorlage may name staff', async () => {
    const text = await renderWith((d) => {
      const r = d.reports.find((x) => x.id === CURRENT)!;
      r.public = false;
      r.text!.modules!['modul-2']!.work = 'Ansprechpartnerin ist Frau Halvorsen.';
    });
    expect(text).toContain('Frau Halvorsen');
  });

  test('the shipped example passes', async () => {
    await expect(renderWith()).resolves.toContain('Case Managerinnen');
  });
});

// Each spelling typed into the report text; the staff name is changed first where the spelling needs it.
const SPELLINGS: { name: string; staff?: [string, string]; typed: string; found: string }[] = [
  { name: 'upper case', typed: 'DAVID OKONKWO', found: 'David Okonkwo" einer beschäftigten Person (geschrieben als "DAVID OKONKWO' },
  { name: 'lower case', typed: 'david okonkwo', found: 'David Okonkwo' },
  { name: 'genitive -s', typed: 'Okonkwos Beratung', found: 'Okonkwo' },
  { name: 'genitive -es', staff: ['Sabine Hollmichel', 'Sabine Wald'], typed: 'des Waldes Beratung', found: 'Wald' },
  { name: 'dative plural -n', staff: ['Sabine Hollmichel', 'Sabine Linde'], typed: 'bei den Linden', found: 'Linde' },
  { name: 'a soft hyphen inside', typed: 'Okon\u00ADkwo', found: 'Okonkwo' },
  { name: 'a typographic apostrophe', staff: ['Sabine Hollmichel', "Sean O'Neill"], typed: 'Herr O\u2019Neill', found: "O'Neill" },
  { name: 'umlaut written as ue', staff: ['Sabine Hollmichel', 'Jan Müller'], typed: 'Herr Mueller', found: 'Müller' },
  { name: 'diacritics dropped', typed: 'Frau Dabrowska', found: 'Dąbrowska' },
  { name: 'dotless i written as i', typed: 'Frau Yilmaz', found: 'Yılmaz' },
  { name: 'Markdown emphasis inside', typed: '**Okon**kwo', found: 'Okonkwo' },
  { name: 'a non-breaking space in the full name', typed: 'David\u00A0Okonkwo', found: 'David Okonkwo' },
  { name: 'an en dash compound', typed: 'Okonkwo\u2013Bericht', found: 'Okonkwo' },
  // The surname is not always the last word of the name in staff.yaml.
  { name: 'the surname of a name written surname first', staff: ['name: David Okonkwo', 'name: "Okonkwo, David"'], typed: 'Herr Okonkwo', found: 'Okonkwo' },
  { name: 'the full name of a name written surname first', staff: ['name: David Okonkwo', 'name: "Okonkwo, David"'], typed: 'David Okonkwo', found: 'David Okonkwo' },
  { name: 'the surname of a name with a remark in brackets', staff: ['David Okonkwo', 'David Okonkwo (Elternzeit)'], typed: 'Herr Okonkwo', found: 'Okonkwo' },
  { name: 'one part of a hyphenated double name', staff: ['David Okonkwo', 'David Okonkwo-Meier'], typed: 'Herr Okonkwo', found: 'Okonkwo' },
  { name: 'the first of two surnames', staff: ['Lea Ferreira', 'Lea Ferreira Santos'], typed: 'Frau Ferreira', found: 'Ferreira' },
  { name: 'a two-letter surname after a form of address', staff: ['David Okonkwo', 'Wei Li'], typed: 'Frau Li', found: 'Frau Li' },
  { name: 'a two-letter surname after "Dr."', staff: ['David Okonkwo', 'Minh Ng'], typed: 'Dr. Ng', found: 'Dr. Ng' },
  // Homoglyphs (Unicode TR39 confusables): they look like the name and are read as it.
  { name: 'a Cyrillic "о" inside the surname', typed: 'Herr Ok\u043Enkwo', found: 'Okonkwo" einer beschäftigten Person (geschrieben als "Ok<U+043E>nkwo' },
  { name: 'Greek capitals for the whole surname', typed: 'HERR \u039F\u039A\u039F\u039DKW\u039F', found: 'Okonkwo' },
  { name: 'a Cyrillic "І" for a capital I', staff: ['David Okonkwo', 'David Ilić'], typed: 'Herr \u0406lić', found: 'Ilić' },
  { name: 'digits for O and l inside a word', typed: 'Herr 0k0nkw0', found: 'Okonkwo' },
  { name: 'the name before "geb."', staff: ['Sabine Hollmichel', 'Sabine Hollmichel geb. Wald'], typed: 'Frau Hollmichel', found: 'Hollmichel' },
];

describe.each(SPELLINGS)('a name spelt differently: $name', ({ staff, typed, found }) => {
  test('fails, located in the report text', async () => {
    const root = await copyExample();
    if (staff) await edit(root, 'staff.yaml', staff[0], staff[1]);
    await edit(root, REPORT, 'Zu den Aufgaben der Case Managerinnen', `${typed} berichtet: Zu den Aufgaben der Case Managerinnen`);
    const error = await rejection(writeReport({ dataDir: join(root, 'data'), outDir: join(root, 'out'), formats: ['md'] }));
    expect(error.diagnostics).toHaveLength(1);
    expect(error.diagnostics[0]).toMatchObject({ file: REPORT, path: 'text.modules.modul-2.work' });
    expect(error.diagnostics[0]!.message).toContain(`"${found}"`);
    await expect(readdir(join(root, 'out'))).rejects.toThrow();
  });
});

// A name in a field outside the report's text: located at that field of its data file.
const FIELDS: { name: string; file: string; from: string; to: string; path: string; at: string }[] = [
  { name: 'the title', file: REPORT, from: 'title: Kommunales Integrationsmanagement - Aktueller Sachstand', to: 'title: Sachstand bei Okonkwo', path: 'title', at: 'Sachstand bei Okonkwo' },
  { name: 'the signature', file: REPORT, from: 'function: Amtsleiter des Kreissozialamtes', to: 'function: Amtsleiter Okonkwo', path: 'signature.function', at: 'Amtsleiter Okonkwo' },
  { name: 'an attachment title', file: REPORT, from: 'title: Geschäftsordnung der Lenkungsgruppe KIM', to: 'title: Vermerk Okonkwo', path: 'attachments[0].title', at: 'Vermerk Okonkwo' },
  { name: 'a steering-group outcome', file: 'meetings.yaml', from: 'wurden die einzelnen Themenschwerpunkte', to: 'wurden mit Frau Ekwueme die einzelnen Themenschwerpunkte', path: 'steeringGroupMeetings[1].outcome', at: '>-\n      wurden mit' },
  { name: 'a staff focus', file: 'staff.yaml', from: 'focus: frühkindliche Sprachförderung', to: 'focus: Sprachförderung nach Okonkwo', path: 'staff[5].focus', at: 'Sprachförderung nach Okonkwo' },
  { name: 'a role sentence', file: 'programme.yaml', from: 'one: Seit dem {date} steuert {who}', to: 'one: Seit dem {date} steuert mit Herrn Okonkwo {who}', path: 'roles[0].statement.one', at: 'Seit dem {date} steuert mit' },
  { name: 'a role qualifier', file: 'programme.yaml', from: 'qualifier: in der Koordination des Case Managements', to: 'qualifier: in der Koordination bei Okonkwo', path: 'roles[3].qualifier', at: 'in der Koordination bei Okonkwo' },
  { name: 'a department name', file: 'organisation.yaml', from: 'name: 2-07 - Kommunales Integrationszentrum -KI-', to: 'name: 2-07 - Kommunales Integrationszentrum (Okonkwo)', path: 'departments[0].name', at: '2-07 - Kommunales Integrationszentrum (Okonkwo)' },
];

describe.each(FIELDS)('a name in $name', ({ file, from, to, path, at }) => {
  test('is located at the data file and field', async () => {
    const root = await copyExample();
    await edit(root, file, from, to);
    const error = await rejection(writeReport({ dataDir: join(root, 'data'), outDir: join(root, 'out'), formats: ['md'] }));
    expect(error.diagnostics).toHaveLength(1);
    expect(error.diagnostics[0]).toMatchObject({ file, path, ...positionIn(root, file, at) });
  });
});

describe('every public output is checked, not only the Markdown', () => {
  test('a name in reference: (only in the OParl file) fails the report in kim build, nothing is written', async () => {
    const root = await copyExample();
    await edit(root, REPORT, 'stand: 2022-03-01\n', 'stand: 2022-03-01\nreference: Vorgang Okonkwo 12/2022\n');
    const outDir = join(root, 'out');
    const result = await buildReports({ dataDir: join(root, 'data'), outDir, formats: ['md'], oparlBaseUrl: DEFAULT_OPARL_BASE_URL });
    const outcome = result.outcomes.find((o) => o.id === CURRENT)!;
    expect(outcome.status).toBe('failed');
    expect(outcome.diagnostics[0]).toMatchObject({ file: REPORT, path: 'reference', ...positionIn(root, REPORT, 'Vorgang Okonkwo') });
    expect(outcome.diagnostics[0]!.message).toContain('in der OParl-Datei');
    expect((await readdir(outDir)).filter((f) => f.startsWith(CURRENT))).toEqual([]);
    // The other report is not affected.
    expect(result.outcomes.find((o) => o.id !== CURRENT)!.status).toBe('built');
  });

  test('a name in the report id reaches the file names', async () => {
    const root = await copyExample();
    await edit(root, REPORT, `id: ${CURRENT}`, 'id: 2022-03-16-okonkwo');
    await cp(join(root, 'data', REPORT), join(root, 'data', 'reports', '2022-03-16-okonkwo.yaml'));
    await import('node:fs/promises').then((fs) => fs.rm(join(root, 'data', REPORT)));
    const error = await rejection(writeReport({ dataDir: join(root, 'data'), outDir: join(root, 'out'), formats: ['md'], report: '2022-03-16-okonkwo' }));
    expect(error.diagnostics[0]).toMatchObject({ file: 'reports/2022-03-16-okonkwo.yaml', path: 'id' });
    expect(error.diagnostics[0]!.message).toContain('einem Dateinamen');
  });

  test("a name in the logo's alternate text (only in the PDF's structure tree) fails the report", async () => {
    const root = await copyExample();
    await cp(join(packageRoot, 'test', 'fixtures', 'logo.png'), join(root, 'data', 'logo.png'));
    await edit(root, 'organisation.yaml', '  fields: []\n', '  fields: []\n  logo: { file: logo.png, alt: Foto von Andrea Wiesenthal }\n');
    const error = await rejection(writeReport({ dataDir: join(root, 'data'), outDir: join(root, 'out'), formats: ['pdf'] }));
    expect(error.diagnostics[0]).toMatchObject({ file: 'organisation.yaml', path: 'letterhead.logo.alt', ...positionIn(root, 'organisation.yaml', 'Foto von') });
    expect(error.diagnostics[0]!.message).toContain('"Andrea Wiesenthal" einer beschäftigten Person in den PDF-Metadaten');
    await expect(readdir(join(root, 'out'))).rejects.toThrow();
  });

  test('the PDF metadata strings are checked', async () => {
    const { dataset } = await loadValidData({ dataDir: EXAMPLE_DIR });
    const report = dataset.reports.find((r) => r.id === CURRENT)!;
    const [d] = checkPublicOutputs({ pdfMetadataStrings: ['Titel', 'Amt von Wiesenthal'] }, { data: dataset, report, templateFiles: [] });
    expect(d!.message).toContain('"Wiesenthal" einer beschäftigten Person in den PDF-Metadaten');
  });
});

describe('ordinary text is not taken for a name', () => {
  test('the reference Vorlage and the sample Vorlage pass with the example staff', async () => {
    const { dataset } = await loadValidData({ dataDir: EXAMPLE_DIR });
    const report = dataset.reports.find((r) => r.id === CURRENT)!;
    for (const file of ['test/fixtures/reference/vorlage-2022-03-16-kim-sachstand.txt', 'test/fixtures/vorlage-sample.md']) {
      const markdown = readFileSync(join(packageRoot, file), 'utf8');
      expect(checkPublicOutputs({ markdown }, { data: dataset, report, templateFiles: [] }), file).toEqual([]);
    }
  });
  test('the particles and abbreviations of a name are not looked for alone', async () => {
    const { dataset } = await loadValidData({ dataDir: EXAMPLE_DIR });
    const report = dataset.reports.find((r) => r.id === CURRENT)!;
    const data = { ...dataset, staff: [{ ...dataset.staff[0]!, name: 'Dr. Hans van der Berg geb. Okonkwo' }] };
    expect(checkPublicOutputs({ markdown: 'Der Bericht von der Geschäftsstelle, geb. am 01.03.2022.' }, { data, report, templateFiles: [] })).toEqual([]);
    expect(checkPublicOutputs({ markdown: 'Herr Okonkwo.' }, { data, report, templateFiles: [] })).toHaveLength(1);
  });
  test('a two-letter surname alone is no hit (too short to tell from ordinary words), after "Frau" it is', async () => {
    const { dataset } = await loadValidData({ dataDir: EXAMPLE_DIR });
    const report = dataset.reports.find((r) => r.id === CURRENT)!;
    const data = { ...dataset, staff: [{ ...dataset.staff[0]!, name: 'Anna Im' }] };
    expect(checkPublicOutputs({ markdown: 'Im Rhein-Sieg-Kreis, im Modul 2.' }, { data, report, templateFiles: [] })).toEqual([]);
    expect(checkPublicOutputs({ markdown: 'Wie Frau Im berichtet.' }, { data, report, templateFiles: [] })).toHaveLength(1);
  });
  test('text in another script, and numbers, are no hit: only a word that reads as the name is', async () => {
    const { dataset } = await loadValidData({ dataDir: EXAMPLE_DIR });
    const report = dataset.reports.find((r) => r.id === CURRENT)!;
    const data = { ...dataset, staff: [{ ...dataset.staff[0]!, name: 'Olga Petrova' }] };
    const ordinary = 'Kurse in Русский язык und Ελληνικά, Sprachniveau B1, 10.000 € im Jahr 2011, Raum 0.10, Olgastraße.';
    expect(checkPublicOutputs({ markdown: ordinary }, { data, report, templateFiles: [] })).toEqual([]);
    // "Реtrоvа": Cyrillic Р, е, о and а in a Latin word.
    expect(checkPublicOutputs({ markdown: 'Wie Frau \u0420\u0435tr\u043Ev\u0430 berichtet.' }, { data, report, templateFiles: [] })).toHaveLength(1);
  });
  test('a surname inside a longer word is no hit', async () => {
    const { dataset } = await loadValidData({ dataDir: EXAMPLE_DIR });
    const report = dataset.reports.find((r) => r.id === CURRENT)!;
    const staff = [{ ...dataset.staff[0]!, name: 'Anna Berg' }];
    const data = { ...dataset, staff };
    expect(checkPublicOutputs({ markdown: 'Die Bergung, der Eisberg und Bergamo.' }, { data, report, templateFiles: [] })).toEqual([]);
    expect(checkPublicOutputs({ markdown: 'Am Berg.' }, { data, report, templateFiles: [] })).toHaveLength(1);
  });
});
