/**
 * The data repository must work for a colleague on Windows: a path written with backslashes and a name
 * Windows reserves for a device (con, nul, aux, prn, com1…com9, lpt1…lpt9, with or without extension,
 * any case) get their own located message in kim validate, on every platform.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { reservedDeviceName } from '../../src/validate/rules/windows-names.js';
import { copyReport } from '../support/report-copies.js';
import { cleanUp, exampleRepo, runKim } from './helpers.js';

afterAll(cleanUp);

const B = '2022-03-16-kim-sachstand';

/** Gives report B's first attachment a file. */
function attach(repo: string, file: string): void {
  const report = join(repo, 'data', 'reports', `${B}.yaml`);
  writeFileSync(report, readFileSync(report, 'utf8').replace('  - id: geschaeftsordnung\n', `  - id: geschaeftsordnung\n    file: '${file}'\n`));
}

describe('reserved device names', () => {
  it.each(['con', 'nul', 'aux', 'prn', 'com1', 'lpt9'])('the report id %s is refused with its own message', (id) => {
    const repo = exampleRepo();
    copyReport(join(repo, 'data'), B, id);
    const v = runKim(['validate'], { cwd: repo });
    expect(v.code).toBe(1);
    expect(v.stdout + v.stderr).toMatch(
      new RegExp(`data/reports/${id}\\.yaml:\\d+:\\d+  Fehler: Die Vorlagen-Kennung "${id}" ist unter Windows ein reservierter Gerätename \\(${id.toUpperCase()}\\)`),
    );
  });

  it('an attachment named nul.pdf is refused, although the file is there', () => {
    const repo = exampleRepo();
    mkdirSync(join(repo, 'data', 'anlagen'));
    writeFileSync(join(repo, 'data', 'anlagen', 'nul.pdf'), '%PDF-1.4\n');
    attach(repo, 'anlagen/nul.pdf');
    const v = runKim(['validate'], { cwd: repo });
    expect(v.code).toBe(1);
    expect(v.stdout + v.stderr).toMatch(/Fehler: Die Anlagendatei "anlagen\/nul\.pdf": "nul\.pdf" ist unter Windows ein reservierter Gerätename \(NUL\)/);
  });

  it('knows the names in any case, with any extension, and nothing else', () => {
    for (const name of ['CON', 'con.txt', 'Aux.tar.gz', 'nul ', 'COM9.pdf', 'lpt1']) expect(reservedDeviceName(name), name).toBeDefined();
    for (const name of ['console', 'com', 'com0', 'lpt10', 'nul-bericht', '2024-con', 'prn-1.pdf']) expect(reservedDeviceName(name), name).toBeUndefined();
  });
});

describe('a path written with backslashes', () => {
  it('anlagen\\x.pdf is told to use slashes, not that it leaves the data folder', () => {
    const repo = exampleRepo();
    mkdirSync(join(repo, 'data', 'anlagen'));
    writeFileSync(join(repo, 'data', 'anlagen', 'go.pdf'), '%PDF-1.4\n');
    attach(repo, 'anlagen\\go.pdf');
    const v = runKim(['validate'], { cwd: repo });
    expect(v.code).toBe(1);
    const out = v.stdout + v.stderr;
    expect(out).toContain('Fehler: Der Pfad "anlagen\\go.pdf" enthält einen umgekehrten Schrägstrich (\\); erwartet werden Schrägstriche wie in "anlagen/go.pdf"');
    expect(out).not.toContain('führt aus dem Datenordner hinaus');
  });
});
