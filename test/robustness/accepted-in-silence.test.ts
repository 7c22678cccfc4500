/**
 * Mistakes kim used to accept without a word (and print into the Vorlage), each now refused with one
 * located German message. Table-driven like test/validate/invalid-cases.test.ts: a copy of the example
 * data, one small edit, `checkData`, exactly one diagnostic at the place the clerk has to change.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { checkData } from '../../src/api.js';
import { hasErrors } from '../../src/diagnostics.js';
import { CLI, copyData, describeDiagnostics, positionOf, removeScratch, replaceIn, writeIn } from '../validate/helpers.js';

afterAll(removeScratch);

const LATEST = 'reports/2022-03-16-kim-sachstand.yaml';
const ATTACHMENT = '    title: Geschäftsordnung der Lenkungsgruppe KIM\n';

interface Case {
  name: string;
  edit: (dir: string) => void;
  file: string;
  /** Text in the edited file where the diagnostic must point (plus `shift` characters), or an exact line:col. */
  at: { find: string; shift?: number } | { line: number; col: number };
  message: string;
  /** Wording that must be gone (what the clerk used to see instead). */
  not?: string;
}

const sub = (file: string, from: string, to: string) => (dir: string) => replaceIn(dir, file, from, to);
const mkfifo = (path: string) => execFileSync('mkfifo', [path]);

const CASES: Case[] = [
  {
    name: 'a name of blanks only (it printed as a gap: "Die  traf sich …")',
    edit: sub('programme.yaml', '  name: Lenkungsgruppe', '  name: "  "'),
    file: 'programme.yaml',
    at: { find: '"  "' },
    message: 'Der Text besteht nur aus Leerzeichen oder Zeilenumbrüchen; erwartet wird ein Text mit Inhalt',
  },
  {
    name: 'a title of one no-break space',
    edit: sub(LATEST, 'title: Kommunales Integrationsmanagement - Aktueller Sachstand', 'title: "\\u00a0"'),
    file: LATEST,
    at: { find: '"\\u00a0"' },
    message: 'Der Text besteht nur aus Leerzeichen oder Zeilenumbrüchen',
  },
  {
    name: 'a plan whose two parts have one label ("davon 3 VZÄ Koordinierung und 0,5 VZÄ Koordinierung")',
    edit: sub('programme.yaml', '      - { from: 2021-01-01, fte: 3.5 }', '      - { from: 2021-01-01, fte: 3.5, parts: [{ fte: 3, label: Koordinierung }, { fte: 0.5, label: Koordinierung }] }'),
    file: 'programme.yaml',
    at: { find: 'Koordinierung }]' },
    message: 'Der Teil "Koordinierung" kommt in diesem Plan doppelt vor (zuerst in programme.yaml:',
  },
  {
    name: 'a slot in a meeting\'s outcome (it printed as "{letzteSitzung}": only text blocks and statements are filled)',
    edit: sub('meetings.yaml', '      Fortentwicklung des kreisweiten KIM-Konzeptes abgestimmt', '      Fortentwicklung des kreisweiten KIM-Konzeptes seit {letzteSitzung} abgestimmt'),
    file: 'meetings.yaml',
    at: { find: '>-\n      wurden die einzelnen' },
    message: 'Der Platzhalter {letzteSitzung} wird hier nicht ausgefüllt und käme so in die Vorlage; Platzhalter gelten nur in den Textbausteinen einer Vorlage (text) und den Sätzen der Rollen (statement).',
  },
  {
    name: 'a slot in a report\'s title',
    edit: sub(LATEST, 'title: Kommunales Integrationsmanagement - Aktueller Sachstand', 'title: Kommunales Integrationsmanagement - Sachstand zum {stand}'),
    file: LATEST,
    at: { find: 'Kommunales Integrationsmanagement - Sachstand' },
    message: 'Der Platzhalter {stand} wird hier nicht ausgefüllt',
  },
  {
    name: 'two steering-group meetings on one day (the Vorlage told the same day twice)',
    edit: sub('meetings.yaml', '  - id: lg-2022-02-08\n    date: 2022-02-08', '  - id: lg-2022-02-08\n    date: 2021-11-25'),
    file: 'meetings.yaml',
    at: { find: '2021-11-25\n    kind: ordentlich' },
    message: 'Am 25.11.2021 gibt es schon eine Sitzung für "Lenkungsgruppe" (meetings.yaml:10:11); je Tag ist eine erlaubt.',
  },
  {
    name: 'a second constituent meeting of the steering group',
    edit: sub('meetings.yaml', '    date: 2022-02-08\n    kind: ordentlich', '    date: 2022-02-08\n    kind: konstituierend'),
    file: 'meetings.yaml',
    at: { find: 'konstituierend\n    # Das' },
    message: 'Für "Lenkungsgruppe" gibt es schon eine konstituierende Sitzung (meetings.yaml:11:11); erwartet wird hier ordentlich oder außerordentlich.',
  },
  {
    name: 'a funding amount written in hexadecimal (YAML 1.2 reads 0xD6D8 as 55000)',
    edit: sub('programme.yaml', '{ year: 2022, amount: 55000 }', '{ year: 2022, amount: 0xD6D8 }'),
    file: 'programme.yaml',
    at: { find: '0xD6D8' },
    message: 'Die Zahl 0xD6D8 ist hexadezimal geschrieben (gelesen als 55000); erwartet wird eine Dezimalzahl wie 55000',
  },
  {
    name: 'a Stellenanteil written in octal (0o1)',
    edit: sub('staff.yaml', 'module: modul-2, fte: 1, employer: kreisverwaltung, workplace: koenigswinter', 'module: modul-2, fte: 0o1, employer: kreisverwaltung, workplace: koenigswinter'),
    file: 'staff.yaml',
    at: { find: '0o1' },
    message: 'Die Zahl 0o1 ist oktal geschrieben (gelesen als 1)',
  },
  {
    name: 'a German thousands separator in a funding amount (55.000 is 55)',
    edit: sub('programme.yaml', '{ year: 2022, amount: 55000 }', '{ year: 2022, amount: 55.000 }'),
    file: 'programme.yaml',
    at: { find: '55.000' },
    message: '"55.000" ist in YAML die Zahl 55 (der Punkt ist dort ein Dezimalpunkt, kein Tausenderpunkt). Gemeint ist wohl 55000: bitte ohne Punkt schreiben, amount: 55000',
  },
  {
    name: 'a thousands separator in a block-style amount',
    edit: sub('programme.yaml', '  - { year: 2021, amount: 55000 }\n', '  - year: 2021\n    amount: 58.000\n'),
    file: 'programme.yaml',
    at: { find: '58.000' },
    message: 'Gemeint ist wohl 58000',
  },
  {
    name: 'a decimal comma inside { } (fte: 3,5)',
    edit: sub('programme.yaml', '{ from: 2021-01-01, fte: 3.5 }', '{ from: 2021-01-01, fte: 3,5 }'),
    file: 'programme.yaml',
    at: { find: '3,5' },
    message: 'hier steht wohl die Dezimalzahl 3,5 mit Komma. In { } trennt das Komma zwei Einträge, so wurden daraus "fte: 3" und ein Feld "5". In YAML wird der Dezimalpunkt geschrieben: fte: 3.5',
  },
  {
    name: 'a decimal comma inside { } where the integer part breaks a limit (fte: 0,5)',
    edit: sub('staff.yaml', 'module: modul-2, fte: 1, employer: kreisverwaltung, workplace: koenigswinter', 'module: modul-2, fte: 0,5, employer: kreisverwaltung, workplace: koenigswinter'),
    file: 'staff.yaml',
    at: { find: '0,5' },
    message: 'Dezimalzahl 0,5 mit Komma',
    not: 'größer als 0',
  },
  {
    name: 'a decimal comma in a block value says how to write it',
    edit: sub('staff.yaml', '    fte: 0.5\n', '    fte: 0,5\n'),
    file: 'staff.yaml',
    at: { find: '0,5' },
    message: 'Erwartet wird eine Zahl, gefunden wurde der Text "0,5". In YAML wird der Dezimalpunkt geschrieben: 0.5.',
  },
  {
    name: 'two funding rates for one year',
    edit: sub('programme.yaml', '  - { year: 2022, amount: 55000 }\n', '  - { year: 2022, amount: 55000 }\n  - { year: 2022, amount: 57000 }\n'),
    file: 'programme.yaml',
    at: { find: '2022, amount: 57000' },
    message: 'Für das Jahr 2022 gibt es schon eine Förderung je VZÄ (programme.yaml:18:',
  },
  {
    name: 'two planned FTE figures for a module from the same day',
    edit: sub('programme.yaml', '      - { from: 2021-01-01, fte: 3.5 }\n', '      - { from: 2021-01-01, fte: 3.5 }\n      - { from: 2021-01-01, fte: 4 }\n'),
    file: 'programme.yaml',
    at: { find: '2021-01-01, fte: 4' },
    message: 'Für modul-1 gibt es ab dem 01.01.2021 schon geplante VZÄ',
  },
  {
    name: 'an umlaut in a slot id: {anlage:geschäftsordnung}',
    edit: sub(LATEST, '{anlage:geschaeftsordnung}', '{anlage:geschäftsordnung}'),
    file: LATEST,
    at: { find: 'steeringGroup: ', shift: 15 },
    message: '"{anlage:geschäftsordnung}" ist kein gültiger Platzhalter und käme so in die Vorlage. Gemeint ist wohl {anlage:geschaeftsordnung}. Erlaubt sind {anlage:KENNUNG}, {letzteSitzung}, {letzteVorlage}, {sitzung}, {stand}',
  },
  {
    name: 'a space in a slot: {anlage: geschaeftsordnung}',
    edit: sub(LATEST, '{anlage:geschaeftsordnung}', '{anlage: geschaeftsordnung}'),
    file: LATEST,
    at: { find: 'steeringGroup: ', shift: 15 },
    message: '"{anlage: geschaeftsordnung}" ist kein gültiger Platzhalter',
  },
  {
    name: 'an unclosed slot: {anlage:geschaeftsordnung',
    edit: sub(LATEST, '{anlage:geschaeftsordnung}', '{anlage:geschaeftsordnung'),
    file: LATEST,
    at: { find: 'steeringGroup: ', shift: 15 },
    message: 'Gemeint ist wohl {anlage:geschaeftsordnung}',
  },
  {
    name: 'a space in a role statement slot: {date }',
    edit: sub('programme.yaml', 'Seit dem {date} steuert', 'Seit dem {date } steuert'),
    file: 'programme.yaml',
    at: { find: 'Seit dem {date }' },
    message: '"{date }" ist kein gültiger Platzhalter und käme so in die Vorlage. Gemeint ist wohl {date}. Erlaubt sind {date}, {who}, {employer}, {which}, {all}',
  },
  {
    name: 'an attachment file that is a folder',
    edit: (d) => {
      mkdirSync(join(d, 'anlagen'));
      replaceIn(d, LATEST, ATTACHMENT, `${ATTACHMENT}    file: anlagen/\n`);
    },
    file: LATEST,
    at: { find: 'anlagen/' },
    message: '"anlagen/" ist ein Ordner; erwartet wird der Pfad einer Datei im Datenordner',
  },
  {
    name: 'an attachment file that is a named pipe',
    edit: (d) => {
      mkdirSync(join(d, 'anlagen'));
      mkfifo(join(d, 'anlagen', 'go.pdf'));
      replaceIn(d, LATEST, ATTACHMENT, `${ATTACHMENT}    file: anlagen/go.pdf\n`);
    },
    file: LATEST,
    at: { find: 'anlagen/go.pdf' },
    message: '"anlagen/go.pdf" ist keine gewöhnliche Datei',
  },
  {
    name: 'a public Vorlage for a non-public session',
    edit: sub('meetings.yaml', '{ id: asi-2022-03-16, committee: asi, date: 2022-03-16, public: true }', '{ id: asi-2022-03-16, committee: asi, date: 2022-03-16, public: false }'),
    file: LATEST,
    at: { find: 'public: true', shift: 8 },
    message: 'Die Vorlage ist öffentlich (public: true), die Sitzung "asi-2022-03-16" am 16.03.2022 ist aber nichtöffentlich (meetings.yaml:6:',
  },
  {
    name: 'an unknown YAML tag in a data file',
    edit: sub('staff.yaml', '    fte: 0.5\n', '    fte: !!js/function "return 1"\n'),
    file: 'staff.yaml',
    at: { find: '!!js/function' },
    message: 'Unbekanntes YAML-Tag „!!js/function“',
  },
  {
    name: 'an !include tag',
    edit: sub(LATEST, 'signature:\n', 'signature: !include unterschrift.yaml\nx_signature:\n'),
    file: LATEST,
    at: { find: '!include' },
    message: 'Unbekanntes YAML-Tag „!include“',
  },
  {
    name: 'a right-to-left override in a report title (Trojan Source)',
    edit: sub(LATEST, 'title: Kommunales Integrationsmanagement', 'title: Kommunales \u202EtnemeganamsnoitargetnI\u202C'),
    file: LATEST,
    at: { find: '\u202E' },
    message: 'Unsichtbares Zeichen U+202E',
  },
  {
    name: 'a zero-width space in a staff focus',
    edit: sub('staff.yaml', 'focus: ', 'focus: Sprach\u200Bförderung '),
    file: 'staff.yaml',
    at: { find: '\u200B' },
    message: 'Unsichtbares Zeichen U+200B (Leerzeichen ohne Breite)',
  },
  {
    name: '%YAML 1.1 makes dates timestamps: refused at its line, and no date is "eine Zuordnung"',
    edit: (d) => writeIn(d, 'meetings.yaml', `%YAML 1.1\n---\n${readFileSync(join(d, 'meetings.yaml'), 'utf8')}`),
    file: 'meetings.yaml',
    at: { line: 1, col: 1 },
    message: 'Die Zeile „%YAML 1.1“ verlangt die alte YAML-Fassung',
    not: 'Zuordnung',
  },
  {
    name: 'a second colon in the title',
    edit: sub(LATEST, 'title: Kommunales Integrationsmanagement - Aktueller Sachstand', 'title: Kommunales Integrationsmanagement: Aktueller Sachstand'),
    file: LATEST,
    at: { find: 'Kommunales Integrationsmanagement: ' },
    message: 'ein solcher Wert muss in Anführungszeichen stehen: title: "Kommunales Integrationsmanagement: Aktueller Sachstand"',
    not: 'mehrere Zeilen',
  },
  {
    name: 'a 3-space indent in staff.yaml',
    edit: sub('staff.yaml', '    gender: w\n    role: kim-koordination-kommune', '   gender: w\n    role: kim-koordination-kommune'),
    file: 'staff.yaml',
    at: { find: '   gender: w\n    role: kim-koordination-kommune', shift: 3 },
    message: 'diese Zeile ist mit 3 Leerzeichen eingerückt, erwartet wird eine Einrückung mit 2 oder 4 Leerzeichen',
    not: 'Hier fehlt ein Zeichen',
  },
  {
    name: 'a data file that is a named pipe (used to hang)',
    edit: (d) => {
      rmSync(join(d, 'staff.yaml'));
      mkfifo(join(d, 'staff.yaml'));
    },
    file: 'staff.yaml',
    at: { line: 0, col: 0 },
    message: 'staff.yaml ist eine benannte Pipe (FIFO), keine gewöhnliche Datei',
  },
];

describe.each(CASES)('$name', (c) => {
  test('one located German error', async () => {
    const dir = copyData();
    c.edit(dir);
    const { validation } = await checkData({ dataDir: dir });
    const all = validation.diagnostics;
    const found = all.filter((d) => d.file === c.file && d.severity === 'error' && d.message.includes(c.message));
    expect(found, describeDiagnostics(all)).toHaveLength(1);
    const expected = 'find' in c.at ? positionOf(dir, c.file, c.at.find, c.at.shift ?? 0) : c.at;
    expect({ line: found[0]!.line, col: found[0]!.col }, describeDiagnostics(found)).toEqual(expected);
    expect(hasErrors(all)).toBe(true);
    if (c.not) for (const d of all) expect(d.message, describeDiagnostics(all)).not.toContain(c.not);
  });
});

describe('read as meant', () => {
  test('CR-only line ends (old Mac files) in every data file are valid', async () => {
    const dir = copyData();
    for (const f of ['organisation.yaml', 'programme.yaml', 'staff.yaml', 'assignments.yaml', 'meetings.yaml', LATEST]) {
      writeFileSync(join(dir, f), readFileSync(join(dir, f), 'utf8').replace(/\n/g, '\r'));
    }
    const { validation } = await checkData({ dataDir: dir });
    expect(validation.diagnostics.filter((d) => d.severity === 'error'), describeDiagnostics(validation.diagnostics)).toEqual([]);
  });

  test('kim validate answers at once when a data file is a named pipe', () => {
    const dir = copyData();
    rmSync(join(dir, 'meetings.yaml'));
    mkfifo(join(dir, 'meetings.yaml'));
    const r = spawnSync(process.execPath, [CLI, 'validate', '--data', dir], { encoding: 'utf8', timeout: 20_000, env: { ...process.env, NO_COLOR: '1' } });
    expect(r.signal, 'kim validate hung on the FIFO and was killed').toBeNull();
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('meetings.yaml ist eine benannte Pipe (FIFO)');
  });
});
