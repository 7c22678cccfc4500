/**
 * All errors in one run: an error in one part of a data file must not hide the problems elsewhere. Each
 * case makes two unrelated mistakes and expects both messages; rules that truly depend on the broken
 * part stay quiet (no follow-on noise).
 */
import { afterAll, describe, expect, test } from 'vitest';
import { checkData } from '../../src/api.js';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { copyData, describeDiagnostics, removeScratch, replaceIn, runCli } from './helpers.js';

afterAll(removeScratch);

const LATEST = 'reports/2022-03-16-kim-sachstand.yaml';
const EARLIER = 'reports/2021-11-16-kim-sachstand.yaml';

interface Edit {
  file: string;
  from: string;
  to: string;
}
interface Case {
  name: string;
  edits: Edit[];
  /** [file, part of the message] that must each be reported exactly once. */
  expected: [string, string][];
  /** Messages that must not appear: follow-on errors of the broken part. */
  absent?: string[];
}

const CASES: Case[] = [
  {
    name: 'a wrong genus in organisation.yaml does not hide an unknown paper type or consultation role in a report',
    edits: [
      { file: 'organisation.yaml', from: 'paperTypes:\n', to: 'municipalityWord: { singular: Stadtteil, plural: Stadtteile, genus: männlich, pluralDative: Stadtteilen }\npaperTypes:\n' },
      { file: LATEST, from: 'paperType: Mitteilungsvorlage', to: 'paperType: Mitteilungsvorlag' },
      { file: LATEST, from: 'role: Kenntnisnahme }', to: 'role: Kenntnis }' },
    ],
    expected: [
      ['organisation.yaml', '"männlich" ist nicht zulässig'],
      [LATEST, 'Unbekannte Vorlagenart "Mitteilungsvorlag"'],
      [LATEST, '"Kenntnis"'],
    ],
  },
  {
    name: 'a wrong funding rate in programme.yaml does not hide an unknown module in a report text',
    edits: [
      { file: 'programme.yaml', from: '{ year: 2021, amount: 55000 }', to: '{ year: 2021, amount: viel }' },
      { file: LATEST, from: '  modules:\n', to: '  modules:\n    modul-9: { work: Text }\n' },
    ],
    expected: [
      ['programme.yaml', 'gefunden wurde der Text "viel"'],
      [LATEST, 'Unbekanntes Modul "modul-9" in text.modules.'],
    ],
  },
  {
    name: 'a wrong steering-group meeting does not hide a Stand after the session',
    edits: [
      { file: 'meetings.yaml', from: '    date: 2021-11-25\n', to: '    date: 25.11.2021\n' },
      { file: LATEST, from: 'stand: 2022-03-01', to: 'stand: 2022-03-20' },
    ],
    expected: [
      ['meetings.yaml', '25.11.2021'],
      [LATEST, '20.03.2022'],
    ],
  },
  {
    name: 'an error in organisation.yaml\'s body does not hide an unknown department in a report',
    edits: [
      { file: 'organisation.yaml', from: 'genitive: des Rhein-Sieg-Kreises', to: 'genitiv: des Rhein-Sieg-Kreises' },
      { file: EARLIER, from: 'department: ki', to: 'department: jugendamt' },
    ],
    expected: [
      ['organisation.yaml', 'Unbekanntes Feld "genitiv"'],
      ['organisation.yaml', 'Das Pflichtfeld "genitive" fehlt'],
      [EARLIER, 'Unbekannte Kennung für Amt: "jugendamt"'],
    ],
  },
  {
    name: 'a wrong FTE of one person does not hide an unknown person in assignments.yaml',
    edits: [
      { file: 'staff.yaml', from: '    fte: 0.5\n', to: '    fte: halb\n' },
      { file: 'assignments.yaml', from: 'staff: cm-windeck', to: 'staff: cm-windek' },
    ],
    expected: [
      ['staff.yaml', 'gefunden wurde der Text "halb"'],
      ['assignments.yaml', 'Unbekannte Kennung für Person: "cm-windek". Meinten Sie "cm-windeck"?'],
    ],
  },
  {
    name: 'a wrong module name does not hide an unknown role of a person',
    edits: [
      { file: 'programme.yaml', from: 'name: Case-Management\n', to: 'name: 2\n' },
      { file: 'staff.yaml', from: 'role: kim-leitung', to: 'role: kim-leitun' },
    ],
    expected: [
      ['programme.yaml', 'Erwartet wird ein Text, gefunden wurde die Zahl 2'],
      ['staff.yaml', 'Unbekannte Kennung für Rolle: "kim-leitun"'],
    ],
  },
  {
    name: 'a wrong steering-group meeting does not hide an unknown session or a duplicate funding year',
    edits: [
      { file: 'meetings.yaml', from: 'kind: ordentlich', to: 'kind: ordentliche' },
      { file: LATEST, from: 'session: asi-2022-03-16', to: 'session: asi-2022-03-15' },
      { file: 'programme.yaml', from: 'plannedFte: []', to: 'plannedFte: 3' },
      { file: 'programme.yaml', from: '  - { year: 2022, amount: 55000 }\n', to: '  - { year: 2022, amount: 55000 }\n  - { year: 2022, amount: 57000 }\n' },
    ],
    expected: [
      ['meetings.yaml', '"ordentliche" ist nicht zulässig'],
      [LATEST, 'Unbekannte Kennung für Sitzung: "asi-2022-03-15"'],
      ['programme.yaml', 'Erwartet wird eine Liste, gefunden wurde die Zahl 3'],
      ['programme.yaml', 'Für das Jahr 2022 gibt es schon eine Förderung je VZÄ'],
    ],
  },
  {
    name: 'a duplicate municipality id and an end before start are found next to unrelated errors',
    edits: [
      { file: 'organisation.yaml', from: 'id: eitorf', to: 'id: alfter' },
      { file: 'organisation.yaml', from: 'in: im Rhein-Sieg-Kreis', to: 'in: [im Rhein-Sieg-Kreis]' },
      { file: 'staff.yaml', from: 'workplace: windeck, start: 2021-10-15', to: 'workplace: windeck, start: 2021-10-15, end: 2021-10-14' },
      { file: 'staff.yaml', from: '    gender: w\n', to: '    gender: x\n' },
    ],
    expected: [
      ['organisation.yaml', 'Die Kennung "alfter" kommt doppelt vor'],
      ['organisation.yaml', 'Erwartet wird ein Text, gefunden wurde eine Liste'],
      ['staff.yaml', 'Das Ende (14.10.2021) liegt vor dem Beginn (15.10.2021)'],
      ['staff.yaml', '"x" ist nicht zulässig'],
    ],
  },
  {
    name: 'an invisible character in organisation.yaml does not hide an unknown department',
    edits: [
      { file: 'organisation.yaml', from: 'name: Kreissozialamt', to: 'name: Kreis\u200Bsozialamt' },
      { file: EARLIER, from: 'department: ki', to: 'department: jugendamt' },
    ],
    expected: [
      ['organisation.yaml', 'U+200B'],
      [EARLIER, 'Unbekannte Kennung für Amt: "jugendamt"'],
    ],
  },
  {
    name: 'an unknown key in a report does not hide its unknown department and session',
    edits: [
      { file: LATEST, from: 'paperType: Mitteilungsvorlage', to: 'paperTyp: Mitteilungsvorlage\npaperType: Mitteilungsvorlage' },
      { file: LATEST, from: 'department: ki', to: 'department: jugendamt' },
      { file: LATEST, from: 'session: asi-2022-03-16', to: 'session: asi-2022-03-15' },
    ],
    expected: [
      [LATEST, 'Unbekanntes Feld "paperTyp"'],
      [LATEST, 'Unbekannte Kennung für Amt: "jugendamt"'],
      [LATEST, 'Unbekannte Kennung für Sitzung: "asi-2022-03-15"'],
    ],
  },
  {
    name: 'a broken department id is not followed by "unknown department" in the reports',
    edits: [{ file: 'organisation.yaml', from: '- id: ki\n', to: '- id: KI\n' }],
    expected: [['organisation.yaml', '"KI" ist keine gültige Kennung']],
    absent: ['Unbekannte Kennung für Amt'],
  },
  {
    name: 'a broken person is not followed by reports about the references in that entry',
    edits: [
      { file: 'staff.yaml', from: '    role: kim-leitung\n', to: '    role: [kim-leitun]\n' },
      { file: 'staff.yaml', from: '    module: modul-1\n', to: '    module: modul-9\n' },
    ],
    expected: [
      ['staff.yaml', 'Erwartet wird ein Text, gefunden wurde eine Liste'],
      ['staff.yaml', 'Unbekannte Kennung für Modul: "modul-9"'],
    ],
    absent: ['kim-leitun"'],
  },
];

describe.each(CASES)('$name', (c) => {
  test('every problem in one run', async () => {
    const dir = copyData();
    for (const e of c.edits) replaceIn(dir, e.file, e.from, e.to);
    const { validation } = await checkData({ dataDir: dir });
    const all = validation.diagnostics;
    for (const [file, message] of c.expected) {
      expect(all.filter((d) => d.file === file && d.severity === 'error' && d.message.includes(message)), `${file}: ${message}\n${describeDiagnostics(all)}`).toHaveLength(1);
      const found = all.find((d) => d.file === file && d.message.includes(message))!;
      expect(found.line, describeDiagnostics([found])).toBeGreaterThan(0);
    }
    for (const message of c.absent ?? []) expect(all.filter((d) => d.message.includes(message)), describeDiagnostics(all)).toEqual([]);
    expect(all.filter((d) => d.severity === 'error'), describeDiagnostics(all)).toHaveLength(c.expected.length);
  });
});

test('kim report shows the schema error and the report\'s unknown paper type together, exit 1, nothing written', () => {
  const dir = copyData();
  const [genus, paperType] = CASES[0]!.edits;
  for (const e of [genus!, paperType!]) replaceIn(dir, e.file, e.from, e.to);
  const out = join(dir, '..', 'out');
  const r = runCli(['report', '--data', dir, '--out', out]);
  expect(r.status).toBe(1);
  expect(r.stderr).toMatch(/organisation\.yaml:\d+:\d+ {2}Fehler: .*"männlich" ist nicht zulässig/);
  expect(r.stderr).toMatch(/2022-03-16-kim-sachstand\.yaml:\d+:\d+ {2}Fehler: Unbekannte Vorlagenart "Mitteilungsvorlag"/);
  expect(existsSync(out)).toBe(false);
});
