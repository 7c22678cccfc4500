/**
 * Fact slots through the built CLI: a filled slot lands in the Vorlage; one without a value stops both
 * `kim validate` and `kim report` with its place in the text block, and no Vorlage is written.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { runKim } from '../support/cli.js';
import { copyData, positionOf, removeScratch, replaceIn, tempDir } from '../validate/helpers.js';

afterAll(removeScratch);

const LATEST = 'reports/2022-03-16-kim-sachstand.yaml';
const AFTER = 'jeweils tageweise\n        vor Ort.';

test('kim report fills fact slots in a module text block', () => {
  const data = copyData();
  replaceIn(data, LATEST, AFTER, `${AFTER} Im {modul:modul-2} sind {besetzt:modul-2} von {geplant:modul-2} besetzt; betreut werden {anzahlKommunen:modul-2}.`);
  const out = tempDir();
  const r = runKim(['report', '--data', data, '--out', out]);
  expect(r.code, r.stderr).toBe(0);
  const md = readFileSync(join(out, '2022-03-16-kim-sachstand.md'), 'utf8');
  expect(md).toContain('vor Ort. Im Modul 2 sind 12 VZÄ von 12 VZÄ besetzt; betreut werden 16 Kommunen.');
});

test('a slot without a value stops kim validate and kim report at the slot, and nothing is written', () => {
  const data = copyData();
  replaceIn(data, LATEST, AFTER, `${AFTER} Im Modul 3 sind {geplant:modul-3} geplant.`);
  const { line, col } = positionOf(data, LATEST, '{geplant:modul-3}');
  const expected = `${LATEST}:${line}:${col}  Fehler: {geplant:modul-3} hat in dieser Vorlage keinen Wert: das Modul "modul-3" hat am 01.03.2022 noch keinen Plan`;
  const validate = runKim(['validate', '--data', data]);
  expect(validate.code).toBe(1);
  expect(validate.stdout + validate.stderr).toContain(expected);
  const out = tempDir();
  const report = runKim(['report', '--data', data, '--out', out]);
  expect(report.code).toBe(1);
  expect(report.stdout + report.stderr).toContain(expected);
  expect(existsSync(join(out, '2022-03-16-kim-sachstand.md'))).toBe(false);
});
