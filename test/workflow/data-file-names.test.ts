/**
 * Which files of a data folder kim reads (src/load/folder-listing.ts): YAML whatever the spelling of its
 * extension, never an editor's lock or backup file or a macOS AppleDouble file (each named in a warning),
 * and an error naming both where two files hold the same thing.
 */
import { copyFileSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyReport } from '../support/report-copies.js';
import { cleanUp, exampleRepo, runKim } from './helpers.js';

afterAll(cleanUp);

const A = '2021-11-16-kim-sachstand';
const B = '2022-03-16-kim-sachstand';
const NEW = '2022-06-22-kim-sachstand';

describe('a report or data file saved with another YAML extension', () => {
  it.each(['yml', 'YAML', 'Yml'])('reports/<id>.%s is validated and rendered, not the previous Vorlage', (ext) => {
    const repo = exampleRepo();
    const reports = join(repo, 'data', 'reports');
    copyReport(join(repo, 'data'), B, NEW);
    const file = join(reports, `${NEW}.yaml`);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: .*$/m, 'title: Die neue Vorlage'));
    renameSync(file, join(reports, `${NEW}.${ext}`));

    const v = runKim(['validate'], { cwd: repo });
    expect(v.code, v.stderr).toBe(0);
    expect(v.stdout).toContain('3 Vorlagen');
    expect(v.stdout + v.stderr).toContain('0 Fehler und 0 Warnungen');

    const r = runKim(['report', '--out', '-'], { cwd: repo });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Die neue Vorlage');
  });

  it('Staff.YML is read as staff.yaml', () => {
    const repo = exampleRepo();
    renameSync(join(repo, 'data', 'staff.yaml'), join(repo, 'data', 'Staff.YML'));
    const v = runKim(['validate'], { cwd: repo });
    expect(v.code, v.stdout + v.stderr).toBe(0);
    expect(v.stdout + v.stderr).toContain('0 Fehler und 0 Warnungen');
  });

  it('staff.yaml beside staff.yml is an error naming both', () => {
    const repo = exampleRepo();
    copyFileSync(join(repo, 'data', 'staff.yaml'), join(repo, 'data', 'staff.yml'));
    const v = runKim(['validate'], { cwd: repo });
    expect(v.code).toBe(1);
    expect(v.stdout + v.stderr).toContain('data/staff.yaml  Fehler: Neben staff.yaml gibt es staff.yml für dieselben Daten; kim liest keine davon.');
    expect(v.stdout + v.stderr).toContain('data/staff.yml  Fehler: Neben staff.yml gibt es staff.yaml für dieselben Daten');
  });

  it('reports/<id>.yaml beside <id>.yml fails that report in kim build, naming both; the other is built', () => {
    const repo = exampleRepo();
    copyFileSync(join(repo, 'data', 'reports', `${B}.yaml`), join(repo, 'data', 'reports', `${B}.yml`));
    const r = runKim(['build', '--format', 'md'], { cwd: repo });
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).toContain(`Neben reports/${B}.yaml gibt es reports/${B}.yml für dieselbe Vorlage`);
    expect(r.stdout + r.stderr).toContain('1 Vorlage erzeugt');
  });
});

describe('lock, backup and AppleDouble files beside the data', () => {
  const HELPERS: [name: string, what: RegExp][] = [
    [`.#${B}.yaml`, /Sperrdatei eines Editors \(Emacs\)/],
    [`._${B}.yaml`, /Begleitdatei von macOS \(AppleDouble/],
    [`${B}.yaml~`, /Sicherungskopie eines Editors/],
    [`#${B}.yaml#`, /Sicherungsdatei eines Editors/],
    [`.${B}.yaml.swp`, /Auslagerungsdatei von vim/],
  ];

  it('are skipped with a warning naming each; every Vorlage of kim build is built', () => {
    const repo = exampleRepo();
    // An AppleDouble file holds binary metadata; a lock file is often a dangling link. Here: not YAML.
    for (const [name] of HELPERS) writeFileSync(join(repo, 'data', 'reports', name), '\0\x05\x16\x07 Mac OS X');
    const r = runKim(['build', '--format', 'md'], { cwd: repo });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain('2 Vorlagen erzeugt');
    const v = runKim(['validate'], { cwd: repo });
    expect(v.code).toBe(0);
    for (const [name, what] of HELPERS) {
      const line = (v.stdout + v.stderr).split('\n').find((l) => l.startsWith(`data/reports/${name}  Warnung: Übersprungen:`));
      expect(line, name).toMatch(what);
    }
  });

  it('a file in reports/ that is no YAML file is named in a warning; .gitkeep is not', () => {
    const repo = exampleRepo();
    writeFileSync(join(repo, 'data', 'reports', `${A}.yaml.bak`), 'alt');
    writeFileSync(join(repo, 'data', 'reports', '.gitkeep'), '');
    const v = runKim(['validate'], { cwd: repo });
    expect(v.code).toBe(0);
    expect(v.stdout + v.stderr).toContain(`data/reports/${A}.yaml.bak  Warnung: Übersprungen: kim liest in reports/ nur YAML-Dateien`);
    expect(v.stdout + v.stderr).not.toContain('.gitkeep');
  });
});
