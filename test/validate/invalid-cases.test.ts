/**
 * Table-driven: each case copies data/ into a temp folder, makes one small edit, runs checkData and expects
 * one diagnostic at the exact file, line and column (found by searching the edited file for the offending
 * text, so the cases survive edits of the example data elsewhere) with a German message.
 */
import { rmSync, mkdirSync, symlinkSync, writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { checkData } from '../../src/api.js';
import { hasErrors, type Severity } from '../../src/diagnostics.js';
import { copyData, describeDiagnostics, positionOf, removeScratch, replaceIn, tempDir, writeIn } from './helpers.js';

afterAll(removeScratch);

const LATEST = 'reports/2022-03-16-kim-sachstand.yaml';
const EARLIER = 'reports/2021-11-16-kim-sachstand.yaml';

interface Case {
  name: string;
  edit: (dir: string) => void;
  file: string;
  /** Text in the edited file where the diagnostic must point (plus `shift` characters), or an exact line:col. */
  at: { find: string; shift?: number } | { line: number; col: number };
  message: string;
  severity?: Severity;
  /** Warnings leave the data valid. */
  valid?: boolean;
}

/** Adds a line after the first line matching `after` (keeps YAML indentation the caller writes). */
const insertAfter = (file: string, after: string, text: string) => (dir: string) => replaceIn(dir, file, after, `${after}${text}`);
const sub = (file: string, from: string, to: string) => (dir: string) => replaceIn(dir, file, from, to);
const ATTACHMENT = '    title: Geschäftsordnung der Lenkungsgruppe KIM\n';
const withAttachmentFile = (file: string) => insertAfter(LATEST, ATTACHMENT, `    file: ${file}\n`);

const CASES: Case[] = [
  // YAML syntax
  { name: 'an unknown field that only looks like a known one (Cyrillic "а") is shown by its code, not as "name … Meinten Sie name"', edit: sub('organisation.yaml', '  - { name: Mitteilungsvorlage }', '  - { n\u0430me: Mitteilungsvorlage }'), file: 'organisation.yaml', at: { find: 'n\u0430me:' }, message: 'Meinten Sie "name"? Geschrieben ist "n<U+0430>me", mit einem Zeichen, das man leicht übersieht oder verwechselt.' },
  { name: 'YAML: unclosed flow mapping', edit: sub('meetings.yaml', '{ id: asi-2021-11-16,', '{ id: asi-2021-11-16'), file: 'meetings.yaml', at: { find: 'asi-2021-11-16 committee' }, message: 'Innerhalb von [ ] oder { } fehlt hier wohl ein Komma' },
  { name: 'YAML: unclosed quote', edit: sub('organisation.yaml', 'name: Kreissozialamt', 'name: "Kreissozialamt'), file: 'organisation.yaml', at: { find: '"Kreissozialamt' }, message: 'Ein Text in Anführungszeichen wird nicht geschlossen' },
  { name: 'YAML: tab indentation', edit: sub('staff.yaml', '    gender: w\n', '\tgender: w\n'), file: 'staff.yaml', at: { find: '\tgender' }, message: 'Tabulatorzeichen' },
  { name: 'YAML: duplicate key', edit: sub('staff.yaml', '    gender: w\n', '    gender: w\n    gender: m\n'), file: 'staff.yaml', at: { find: 'gender: m' }, message: 'doppelt' },
  { name: 'YAML: alias to a missing anchor', edit: sub('programme.yaml', 'leadEmployer: kreisverwaltung', 'leadEmployer: *lead'), file: 'programme.yaml', at: { find: '*lead' }, message: 'Der Alias *lead verweist auf keinen vorher definierten Anker' },
  { name: 'YAML: empty file', edit: (d) => writeIn(d, 'assignments.yaml', '# nichts\n'), file: 'assignments.yaml', at: { line: 1, col: 1 }, message: 'Die Datei ist leer' },
  // schema
  { name: 'wrong type: a number for a list', edit: sub('organisation.yaml', 'departments:\n', 'departments: 5\nunused:\n'), file: 'organisation.yaml', at: { find: '5\n' }, message: 'Feld "departments" (Ämter): Erwartet wird eine Liste, gefunden wurde die Zahl 5.' },
  { name: 'wrong type: "ja" for a boolean', edit: sub(LATEST, 'public: true', 'public: ja'), file: LATEST, at: { find: 'ja\n' }, message: 'Erwartet wird true oder false, gefunden wurde der Text "ja"' },
  { name: 'unknown key with did-you-mean, at the key', edit: sub('staff.yaml', '\n    start: ', '\n    strat: '), file: 'staff.yaml', at: { find: 'strat:' }, message: 'Unbekanntes Feld "strat". Meinten Sie "start"?' },
  { name: 'missing required field', edit: sub(LATEST, 'paperType: Mitteilungsvorlage\n', ''), file: LATEST, at: { find: 'id: 2022-03-16' }, message: 'Das Pflichtfeld "paperType" fehlt. Eine der Vorlagenarten aus organisation.yaml (paperTypes).' },
  { name: 'impossible date 2022-02-30', edit: sub('meetings.yaml', 'date: 2022-02-08', 'date: 2022-02-30'), file: 'meetings.yaml', at: { find: '2022-02-30' }, message: '"2022-02-30" ist kein gültiges Datum' },
  { name: 'FTE 0', edit: sub('staff.yaml', 'fte: 0.5', 'fte: 0'), file: 'staff.yaml', at: { find: 'fte: 0\n', shift: 5 }, message: 'Der Wert 0 ist nicht zulässig; er muss größer als 0 sein.' },
  { name: 'FTE 1.5', edit: sub('staff.yaml', 'fte: 0.5', 'fte: 1.5'), file: 'staff.yaml', at: { find: 'fte: 1.5', shift: 5 }, message: 'Der Wert 1,5 ist nicht zulässig; er muss höchstens 1 sein.' },
  { name: 'FTE "eins"', edit: sub('staff.yaml', 'fte: 0.5', 'fte: eins'), file: 'staff.yaml', at: { find: 'eins' }, message: 'Erwartet wird eine Zahl, gefunden wurde der Text "eins".' },
  { name: 'id with capitals', edit: sub('organisation.yaml', '- id: ki\n', '- id: KI\n'), file: 'organisation.yaml', at: { find: 'KI\n' }, message: '"KI" ist keine gültige Kennung' },
  { name: 'unknown enum value with hint', edit: sub('meetings.yaml', 'kind: konstituierend', 'kind: konstitutierend'), file: 'meetings.yaml', at: { find: 'konstitutierend' }, message: '"konstitutierend" ist nicht zulässig. Meinten Sie "konstituierend"?' },
  { name: 'unknown consultation role with hint', edit: sub(LATEST, 'role: Kenntnisnahme', 'role: Kentnisnahme'), file: LATEST, at: { find: 'Kentnisnahme' }, message: 'Unbekannte Zuständigkeit "Kentnisnahme". Meinten Sie "Kenntnisnahme"?' },
  { name: 'unknown paper type with hint', edit: sub(LATEST, 'paperType: Mitteilungsvorlage', 'paperType: Mitteilungsvorlag'), file: LATEST, at: { find: 'Mitteilungsvorlag\n' }, message: 'Unbekannte Vorlagenart "Mitteilungsvorlag". Meinten Sie "Mitteilungsvorlage"? Erwartet wird eine aus organisation.yaml (paperTypes)' },
  { name: 'a text block named as in kim 0.1 says where it goes now', edit: sub(LATEST, '  modules:\n', '  module2Work: alt\n  modules:\n'), file: LATEST, at: { find: 'module2Work' }, message: 'Unbekanntes Feld "module2Work". Erlaubt sind hier: preface, resolution, steeringGroup, modules, financialImpact, closing. Textbausteine eines Moduls stehen unter text.modules.<Kennung des Moduls>.work, z. B. text.modules.modul-2.work.' },
  { name: '__proto__ key is an unknown key', edit: sub('organisation.yaml', 'body:\n', '__proto__: { polluted: true }\nbody:\n'), file: 'organisation.yaml', at: { find: '__proto__' }, message: 'Unbekanntes Feld "__proto__"' },
  // references
  { name: 'unknown role', edit: sub('staff.yaml', 'role: kim-leitung', 'role: kim-leitun'), file: 'staff.yaml', at: { find: 'kim-leitun\n' }, message: 'Unbekannte Kennung für Rolle: "kim-leitun". Meinten Sie "kim-leitung"?' },
  { name: 'unknown module', edit: sub('staff.yaml', 'module: modul-1', 'module: modul-7'), file: 'staff.yaml', at: { find: 'modul-7' }, message: 'Unbekannte Kennung für Modul: "modul-7". Meinten Sie "modul-1"?' },
  { name: 'unknown employer', edit: sub('staff.yaml', 'employer: stadt-troisdorf', 'employer: stadt-troisdrf'), file: 'staff.yaml', at: { find: 'stadt-troisdrf' }, message: 'Meinten Sie "stadt-troisdorf"? Erwartet wird eine Kennung aus organisation.yaml (employers)' },
  { name: 'unknown municipality', edit: sub('assignments.yaml', 'municipalities: [meckenheim, rheinbach]', 'municipalities: [meckenheim, rheinbch]'), file: 'assignments.yaml', at: { find: 'rheinbch' }, message: 'Unbekannte Kennung für Kommune: "rheinbch". Meinten Sie "rheinbach"?' },
  { name: 'unknown committee', edit: sub('meetings.yaml', 'committee: asi, date: 2022', 'committee: as, date: 2022'), file: 'meetings.yaml', at: { find: 'as, date: 2022' }, message: 'Unbekannte Kennung für Gremium: "as". Meinten Sie "asi"?' },
  { name: 'consultation names a missing session', edit: sub(LATEST, 'session: asi-2022-03-16', 'session: asi-2022-03-17'), file: LATEST, at: { find: 'asi-2022-03-17' }, message: 'Unbekannte Kennung für Sitzung: "asi-2022-03-17". Meinten Sie "asi-2022-03-16"?' },
  { name: 'unknown department', edit: sub(LATEST, 'department: ki', 'department: kii'), file: LATEST, at: { find: 'kii' }, message: 'Unbekannte Kennung für Amt: "kii". Meinten Sie "ki"?' },
  { name: 'duplicate id', edit: sub('meetings.yaml', 'id: kv-bad-honnef', 'id: kv-koenigswinter'), file: 'meetings.yaml', at: { find: 'kv-koenigswinter, municipality: bad-honnef' }, message: 'Die Kennung "kv-koenigswinter" kommt doppelt vor (zuerst in meetings.yaml:' },
  // periods
  { name: 'end before start', edit: (d) => replaceIn(d, 'staff.yaml', 'workplace: windeck, start: 2021-10-15', 'workplace: windeck, start: 2021-10-15, end: 2021-10-14'), file: 'staff.yaml', at: { find: '2021-10-14' }, message: 'Das Ende (14.10.2021) liegt vor dem Beginn (15.10.2021)' },
  { name: 'assignment before staff start', edit: sub('assignments.yaml', '[windeck], from: 2021-10-15', '[windeck], from: 2021-10-01'), file: 'assignments.yaml', at: { find: '2021-10-01' }, message: 'Die Zuständigkeit beginnt am 01.10.2021, vor dem Dienstbeginn von "cm-windeck" am 15.10.2021.' },
  { name: 'assignment after staff end', edit: sub('staff.yaml', 'workplace: windeck, start: 2021-10-15', 'workplace: windeck, start: 2021-10-15, end: 2022-01-31'), file: 'assignments.yaml', at: { find: '2021-10-15 }\n  - { staff: cm-sankt' }, message: 'Die Zuständigkeit ist unbefristet, aber "cm-windeck" ist nur bis zum 31.01.2022 beschäftigt' },
  { name: 'overlapping assignments for the same municipality', edit: insertAfter('assignments.yaml', 'assignments:\n', '  - { staff: cm-bornheim, municipalities: [bornheim], from: 2021-12-01 }\n'), file: 'assignments.yaml', at: { find: '2021-12-01 }\n  - { staff: m1' }, message: '"cm-bornheim" ist ab 01.12.2021 doppelt für "bornheim" zuständig' },
  { name: 'filled FTE above planned is a warning', edit: sub('programme.yaml', '{ from: 2021-01-01, fte: 3.5 }', '{ from: 2021-01-01, fte: 0.5 }'), file: 'staff.yaml', at: { find: 'fte: 1\n', shift: 5 }, message: 'VZÄ besetzt, geplant sind nur 0,5', severity: 'warning', valid: true },
  // reports
  { name: 'attachment file missing', edit: withAttachmentFile('anlagen/go.pdf'), file: LATEST, at: { find: 'anlagen/go.pdf' }, message: 'Die Anlagendatei "anlagen/go.pdf" gibt es im Datenordner nicht.' },
  { name: 'attachment path ../x', edit: withAttachmentFile('../x'), file: LATEST, at: { find: '../x' }, message: 'Der Pfad "../x" führt aus dem Datenordner hinaus' },
  { name: 'attachment path via a subfolder ../../', edit: withAttachmentFile('reports/../../x'), file: LATEST, at: { find: 'reports/../../' }, message: 'führt aus dem Datenordner hinaus' },
  { name: 'absolute attachment path', edit: withAttachmentFile('/etc/passwd'), file: LATEST, at: { find: '/etc/passwd' }, message: 'Der Pfad "/etc/passwd" führt aus dem Datenordner hinaus' },
  { name: 'attachment path with a backslash', edit: withAttachmentFile('"..\\\\x"'), file: LATEST, at: { find: '"..' }, message: 'führt aus dem Datenordner hinaus' },
  {
    name: 'symlink pointing outside',
    edit: (d) => {
      const outside = join(tempDir(), 'geheim.pdf');
      writeFileSync(outside, 'geheim');
      mkdirSync(join(d, 'anlagen'));
      symlinkSync(outside, join(d, 'anlagen', 'go.pdf'));
      withAttachmentFile('anlagen/go.pdf')(d);
    },
    file: LATEST,
    at: { find: 'anlagen/go.pdf' },
    message: 'Der Pfad "anlagen/go.pdf" führt aus dem Datenordner hinaus',
  },
  { name: 'unknown template name', edit: sub(LATEST, 'template: sachstand', 'template: sachstnd'), file: LATEST, at: { find: 'sachstnd' }, message: 'Unbekanntes Vorlagenmuster "sachstnd". Meinten Sie "sachstand"?' },
  { name: 'unknown {anlage:x} slot', edit: sub(LATEST, '{anlage:geschaeftsordnung}', '{anlage:geschaeftsordnug}'), file: LATEST, at: { find: 'steeringGroup: ', shift: 15 }, message: '{anlage:geschaeftsordnug} verweist auf keine Anlage dieser Vorlage. Meinten Sie "geschaeftsordnung"?' },
  { name: 'unknown {dat} slot in a role statement', edit: sub('programme.yaml', 'Seit dem {date} steuert', 'Seit dem {dat} steuert'), file: 'programme.yaml', at: { find: 'Seit dem {dat}' }, message: 'Unbekannter Platzhalter {dat}. Meinten Sie {date}?' },
  { name: 'report Stand after its session', edit: sub(LATEST, 'stand: 2022-03-01', 'stand: 2022-03-17'), file: LATEST, at: { find: '2022-03-17' }, message: 'Der Datenstand 17.03.2022 liegt nach der Sitzung am 16.03.2022' },
  { name: 'missing funding rate for the Stand\'s year', edit: sub('programme.yaml', '  - { year: 2022, amount: 55000 }\n', ''), file: LATEST, at: { find: '2022-03-01\n' }, message: 'Für das Jahr 2022 des Datenstands ist in programme.yaml (fundingRates) keine Förderung je VZÄ hinterlegt; vorhanden: 2021.' },
  { name: 'previous report unknown', edit: insertAfter(LATEST, 'stand: 2022-03-01\n', 'previousReport: 2021-11-16-kim-sachstnd\n'), file: LATEST, at: { find: '2021-11-16-kim-sachstnd' }, message: 'Unbekannte Vorlage "2021-11-16-kim-sachstnd". Meinten Sie "2021-11-16-kim-sachstand"?' },
  { name: 'missing data file', edit: (d) => rmSync(join(d, 'meetings.yaml')), file: 'meetings.yaml', at: { line: 0, col: 0 }, message: 'Die Datei meetings.yaml fehlt im Datenordner; sie ist erforderlich.' },
  { name: 'stray staf.yaml', edit: (d) => writeIn(d, 'staf.yaml', 'staff: []\n'), file: 'staf.yaml', at: { line: 0, col: 0 }, message: 'kim liest diese Datei nicht. Meinten Sie staff.yaml?', severity: 'warning', valid: true },
  { name: 'report file name differs from its id', edit: sub(EARLIER, 'id: 2021-11-16-kim-sachstand', 'id: 2021-11-16-kim-bericht'), file: EARLIER, at: { find: '2021-11-16-kim-bericht' }, message: 'Die Datei heißt nicht wie die Vorlage; erwartet wird reports/2021-11-16-kim-bericht.yaml.', severity: 'warning', valid: true },
  {
    name: 'non-UTF-8 byte (Latin-1 ü)',
    edit: (d) => {
      const bytes = readFileSync(join(d, 'organisation.yaml'));
      const at = bytes.indexOf('name: Kreissozialamt') + 'name: Kreissozialamt'.length;
      writeIn(d, 'organisation.yaml', Buffer.concat([bytes.subarray(0, at), Buffer.from(' M\xfcnchen', 'latin1'), bytes.subarray(at)]));
    },
    file: 'organisation.yaml',
    at: { find: 'name: Kreissozialamt M', shift: 'name: Kreissozialamt M'.length },
    message: 'nicht UTF-8-kodiert (ungültiges Byte 0xfc)',
  },
];

test('the table has at least 30 cases', () => {
  expect(CASES.length).toBeGreaterThanOrEqual(30);
});

describe.each(CASES)('$name', (c) => {
  test(`${c.severity ?? 'error'} at the exact place`, async () => {
    const dir = copyData();
    c.edit(dir);
    const { validation } = await checkData({ dataDir: dir });
    const all = validation.diagnostics;
    const severity = c.severity ?? 'error';
    const found = all.filter((d) => d.file === c.file && d.severity === severity && d.message.includes(c.message));
    expect(found, describeDiagnostics(all)).toHaveLength(1);
    const expected = 'find' in c.at ? positionOf(dir, c.file, c.at.find, c.at.shift ?? 0) : c.at;
    expect({ line: found[0]!.line, col: found[0]!.col }, describeDiagnostics(found)).toEqual(expected);
    // Nothing in English, and no other errors drowning the one that matters.
    expect(hasErrors(all)).toBe(!c.valid);
    if (c.valid) expect(validation.dataset).toBeDefined();
    for (const d of all) expect(d.message).not.toMatch(/\b(expected|must|undefined|null|NaN|Error)\b/);
  });
});
