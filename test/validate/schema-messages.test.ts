/** Each JSON Schema keyword becomes a German sentence naming what was found and what is expected, located in the file. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseYamlFile, type SourceFile } from '../../src/load/yaml-file.js';
import { checkSchema } from '../../src/validate/schema-check.js';
import { jsonPath } from '../../src/diagnostics.js';
import type { SchemaName } from '../../src/load/data-files.js';
import type { Diagnostic } from '../../src/diagnostics.js';
import { ROOT } from './helpers.js';


function parse(file: string, text: string): SourceFile {
  const result = parseYamlFile(file, new TextEncoder().encode(text));
  if (!result.ok) throw new Error(result.diagnostics.map((d) => d.message).join('; '));
  return result.source;
}

const STAFF = (fields: string) => `staff:\n  - id: a\n    gender: w\n    role: case-manager\n    module: modul-2\n    employer: kreisverwaltung\n${fields}`;

async function only(schema: SchemaName, text: string): Promise<Diagnostic> {
  const diagnostics = await checkSchema(schema, parse(`${schema}.yaml`, text));
  expect(diagnostics, diagnostics.map((d) => d.message).join('\n')).toHaveLength(1);
  return diagnostics[0]!;
}

describe('one German message per keyword', () => {
  test('valid input gives no message', async () => {
    expect(await checkSchema('staff', parse('staff.yaml', STAFF('    fte: 0.5\n    start: 2021-04-01\n')))).toEqual([]);
  });
  test('required: names the missing field and what it is, at the object', async () => {
    const d = await only('staff', STAFF('    fte: 1\n'));
    expect(d.message).toBe('Das Pflichtfeld "start" fehlt. Erster Arbeitstag; ist nur der Monat bekannt, der Monat JJJJ-MM (z. B. 2021-09: die Vorlage schreibt "seit September 2021", die Person zählt ab dem Ersten).');
    expect(d).toMatchObject({ line: 2, col: 5, path: 'staff[0]' });
  });
  test('additionalProperties: "strat" suggests "start" and points at the KEY', async () => {
    const diagnostics = await checkSchema('staff', parse('staff.yaml', STAFF('    fte: 1\n    strat: 2021-04-01\n')));
    const d = diagnostics.find((x) => x.message.includes('strat'))!;
    expect(d.message).toContain('Unbekanntes Feld "strat". Meinten Sie "start"?');
    expect(d.message).toContain('Erlaubt sind hier: id, name, gender');
    expect(d).toMatchObject({ line: 8, col: 5, path: 'staff[0].strat' });
  });
  test('additionalProperties without a close match gives no hint', async () => {
    const d = await only('staff', `${STAFF('    fte: 1\n    start: 2021-04-01\n')}    bemerkung: x\n`);
    expect(d.message).not.toContain('Meinten Sie');
  });
  test('type: the found value and the expected type', async () => {
    const d = await only('staff', STAFF('    fte: eins\n    start: 2021-04-01\n'));
    expect(d.message).toBe('Feld "fte" (Stellenanteil): Erwartet wird eine Zahl, gefunden wurde der Text "eins".');
    expect(d).toMatchObject({ line: 7, col: 10, path: 'staff[0].fte' });
  });
  test('type: a list where a mapping belongs', async () => {
    const d = await only('staff', 'staff:\n  - [a, b]\n');
    expect(d.message).toContain('Erwartet wird eine Zuordnung (schlüssel: wert), gefunden wurde eine Liste.');
  });
  test('type: .nan and .inf are named as such, not as "die Zahl NaN"', async () => {
    expect((await only('staff', STAFF('    fte: .nan\n    start: 2021-04-01\n'))).message).toContain('gefunden wurde der Wert .nan (keine Zahl)');
    expect((await only('staff', STAFF('    fte: .inf\n    start: 2021-04-01\n'))).message).toContain('gefunden wurde der Wert .inf (unendlich)');
  });
  test('enum: the value, a hint and the allowed values', async () => {
    const d = await only('staff', STAFF('    fte: 1\n    start: 2021-04-01\n').replace('gender: w', 'gender: W'));
    expect(d.message).toBe('Feld "gender" (Geschlecht): "W" ist nicht zulässig. Meinten Sie "w"? Erlaubt sind: "w", "m", "d".');
    expect(d).toMatchObject({ line: 3, col: 13 });
  });
  test('enum: a mapping where a word belongs is described, not printed as [object Object]', async () => {
    const d = await only('staff', STAFF('    fte: 1\n    start: 2021-04-01\n').replace('gender: w', 'gender: { a: 1 }'));
    expect(d.message).toBe('Feld "gender" (Geschlecht): eine Zuordnung ist nicht zulässig. Erlaubt sind: "w", "m", "d".');
  });
  test('format date: an impossible calendar day', async () => {
    const d = await only('staff', STAFF('    fte: 1\n    start: 2022-02-30\n'));
    expect(d.message).toContain('"2022-02-30" ist kein gültiges Datum; erwartet wird ein Kalendertag im Format JJJJ-MM-TT');
    expect(d).toMatchObject({ line: 8, col: 12, path: 'staff[0].start' });
  });
  test('format date: German notation is explained too', async () => {
    expect((await only('staff', STAFF('    fte: 1\n    start: 01.04.2021\n'))).message).toContain('"01.04.2021" ist kein gültiges Datum');
  });
  test('pattern: an id with capitals and spaces', async () => {
    const d = await only('staff', STAFF('    fte: 1\n    start: 2021-04-01\n').replace('id: a', 'id: Case Manager'));
    expect(d.message).toContain('"Case Manager" ist keine gültige Kennung; erwartet werden Kleinbuchstaben');
  });
  test('exclusiveMinimum and maximum: the number in German notation and the bound', async () => {
    expect((await only('staff', STAFF('    fte: 0\n    start: 2021-04-01\n'))).message).toBe('Feld "fte" (Stellenanteil): Der Wert 0 ist nicht zulässig; er muss größer als 0 sein.');
    expect((await only('staff', STAFF('    fte: 1.5\n    start: 2021-04-01\n'))).message).toBe('Feld "fte" (Stellenanteil): Der Wert 1,5 ist nicht zulässig; er muss höchstens 1 sein.');
  });
  const PROGRAMME = (rates: string) =>
    `name: K\nshortName: K\ngenitive: des K\nleadEmployer: k\nsteeringGroup: { name: L, genitive: der L }\nfundingRates: ${rates}\nmodules: []\nroles: []\n`;
  test('minimum: a year before 2000', async () => {
    const d = await only('programme', PROGRAMME('[{ year: 1999, amount: 1 }]'));
    expect(d.message).toContain('Der Wert 1999 ist nicht zulässig; er muss mindestens 2000 sein.');
  });
  test('type integer: a fractional year', async () => {
    expect((await only('programme', PROGRAMME('[{ year: 2021.5, amount: 1 }]'))).message).toContain('Erwartet wird eine ganze Zahl, gefunden wurde die Zahl 2021,5.');
  });
  test('minLength: an empty text', async () => {
    const d = await only('staff', STAFF('    fte: 1\n    start: 2021-04-01\n    name: ""\n'));
    expect(d.message).toBe('Feld "name" (Name): Der Text darf nicht leer sein.');
  });
  test('maxLength: the length found and the limit', async () => {
    const d = await only('staff', STAFF(`    fte: 1\n    start: 2021-04-01\n    name: ${'x'.repeat(201)}\n`));
    expect(d.message).toBe('Feld "name" (Name): Der Text ist 201 Zeichen lang; erlaubt sind höchstens 200.');
  });
  test('minItems: an empty list that needs an entry', async () => {
    const d = await only('assignments', 'assignments:\n  - { staff: a, municipalities: [], from: 2021-01-01 }\n');
    expect(d.message).toBe('Feld "municipalities" (Kommunen): Die Liste braucht mindestens einen Eintrag.');
    expect(d).toMatchObject({ line: 2, col: 33 });
  });
  test('minItems: a plan of one part needs two, said in words ("zwei Einträge", not "2 Eintrag/Einträge")', async () => {
    const programme = readFileSync(join(ROOT, 'data', 'programme.yaml'), 'utf8').replace('      - { from: 2021-01-01, fte: 3.5 }', '      - { from: 2021-01-01, fte: 3.5, parts: [{ fte: 3.5, label: Koordinierung }] }');
    const d = await only('programme', programme);
    expect(d.message).toBe('Feld "parts" (Teile): Die Liste braucht mindestens zwei Einträge.');
  });
  test('uniqueItems: names both entries', async () => {
    const d = await only('assignments', 'assignments:\n  - { staff: a, municipalities: [x, y, x], from: 2021-01-01 }\n');
    expect(d.message).toContain('Die Liste enthält einen Eintrag doppelt (Einträge 1 und 3).');
  });
  test('!!binary data is named, not called a mapping', async () => {
    expect((await only('staff', STAFF('    fte: 1\n    start: 2021-04-01\n    name: !!binary aGVsbG8=\n'))).message).toContain('Erwartet wird ein Text, gefunden wurde ein Binärwert (!!binary).');
  });
  test('__proto__ is an unknown key like any other, located at the key', async () => {
    const d = await only('staff', STAFF('    fte: 1\n    start: 2021-04-01\n    __proto__: { fte: 3 }\n'));
    expect(d.message).toContain('Unbekanntes Feld "__proto__"');
    expect(d).toMatchObject({ line: 9, col: 5 });
  });
});

test('jsonPath turns pointers into the clerk\'s notation', () => {
  expect(jsonPath('/staff/3/fte')).toBe('staff[3].fte');
  expect(jsonPath('/a~1b/c~0d')).toBe('a/b.c~d');
  expect(jsonPath('')).toBe('');
});
