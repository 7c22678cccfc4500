/** Faults through the built CLI: unwritable output paths, stale outputs of failing reports, leftover temp files. */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runKim } from '../support/cli.js';
import { A, B, cleanUp, dataWithCopies, MANIFEST, readManifest, tempDir } from './helpers.js';

afterAll(cleanUp);

/** A data folder `data` in a fresh folder, which is the working directory of the runs. */
function repo(): string {
  const dir = tempDir();
  dataWithCopies(join(dir, 'data'), 0);
  return dir;
}

const noStackTrace = (text: string): void => {
  expect(text).not.toMatch(/^\s+at /m);
  expect(text).not.toContain('Interner Fehler');
};

describe('an output path that cannot be written', () => {
  // Tests run as root, where chmod 555 does not stop writes; a regular file in the path does, for anyone.
  it.each([
    ['below a regular file', 'datei/out'],
    ['that is a regular file', 'datei'],
  ])('kim build --out %s: exit 1, German reason, no stack trace', (_, out) => {
    const dir = repo();
    writeFileSync(join(dir, 'datei'), 'kein Ordner\n');
    const r = runKim(['build', '--format', 'md', '--out', out], { cwd: dir });
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toContain(`Die Datei ${join(dir, out, `${A}.md`)} konnte nicht geschrieben werden: der Ausgabepfad ist kein Ordner. Der Build wurde abgebrochen.`);
    noStackTrace(r.stderr);
    expect(readFileSync(join(dir, 'datei'), 'utf8')).toBe('kein Ordner\n');
    expect(readdirSync(dir).sort()).toEqual(['data', 'datei']);
  });

  it('kim report --out below a regular file: exit 1, German reason', () => {
    const dir = repo();
    writeFileSync(join(dir, 'datei'), '');
    const r = runKim(['report', B, '--out', 'datei/out'], { cwd: dir });
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/konnte nicht geschrieben werden: der Ausgabepfad ist kein Ordner/);
    noStackTrace(r.stderr);
  });
});

describe('kim build: a failing report', () => {
  it('has its outputs from an earlier build removed, and the summary says so', () => {
    const dir = repo();
    const first = runKim(['build', '--format', 'md'], { cwd: dir });
    expect(first.code, first.stderr).toBe(0);
    // As if an earlier `--format all` had made a PDF too: a stale file of any format goes.
    writeFileSync(join(dir, 'out', `${B}.pdf`), '%PDF-1.7 alt');
    // The later report fails (the earlier one failing would fail the later one as well, see build.test.ts).
    const file = join(dir, 'data', 'reports', `${B}.yaml`);
    writeFileSync(file, readFileSync(file, 'utf8').replace('template: sachstand', 'template: sachstnd'));

    const r = runKim(['build', '--format', 'md'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(readdirSync(join(dir, 'out')).sort()).toEqual([MANIFEST, `${A}.md`, `${A}.oparl.json`]);
    expect(r.stderr).toContain(
      `Build unvollständig: 1 Vorlage erzeugt, 0 unverändert übersprungen, 1 fehlgeschlagen. Fehlgeschlagen: ${B}. Veraltete Ausgaben der fehlgeschlagenen Vorlagen entfernt: out/${B}.md, out/${B}.pdf, out/${B}.oparl.json.`,
    );
    expect([...readManifest(join(dir, 'out')).keys()]).toEqual([A]);

    // Fixed again: built anew; failing with nothing left to remove says nothing about removal.
    writeFileSync(file, readFileSync(file, 'utf8').replace('template: sachstnd', 'template: sachstand'));
    expect(runKim(['build', '--format', 'md'], { cwd: dir }).code).toBe(0);
    expect(existsSync(join(dir, 'out', `${B}.md`))).toBe(true);
  });

  it('a broken report file named like another file\'s valid report leaves that report\'s outputs alone', () => {
    const dir = repo();
    // reports/umbenannt.yaml holds report B (a warning: file named differently), reports/B.yaml is broken.
    const reports = join(dir, 'data', 'reports');
    writeFileSync(join(reports, 'umbenannt.yaml'), readFileSync(join(reports, `${B}.yaml`)));
    // Its Stand is still readable, so it is known not to be the previous report of A or of umbenannt.yaml.
    writeFileSync(join(reports, `${B}.yaml`), 'id: [kaputt\nstand: 2022-03-01\n');
    const r = runKim(['build', '--format', 'md'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`Fehlgeschlagen: ${B}.`);
    expect(r.stderr).not.toContain('Veraltete Ausgaben');
    expect(readdirSync(join(dir, 'out')).sort()).toEqual([MANIFEST, `${A}.md`, `${A}.oparl.json`, `${B}.md`, `${B}.oparl.json`]);
    expect([...readManifest(join(dir, 'out')).keys()]).toEqual([A, B]);
  });
});

describe('kim build: temporary files left by a killed run', () => {
  it('removes those of dead processes and keeps those of running ones', () => {
    const dir = repo();
    expect(runKim(['build', '--format', 'md'], { cwd: dir }).code).toBe(0);
    const dead = `.${A}.md.99999999.0123abcd.tmp`; // above any pid_max: no such process
    const alive = `.${B}.md.${process.pid}.89abcdef.tmp`; // this test process: still writing, say
    for (const n of [dead, alive]) writeFileSync(join(dir, 'out', n), 'halb');
    const r = runKim(['build', '--format', 'md'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('0 Vorlagen erzeugt, 2 unverändert übersprungen');
    const names = readdirSync(join(dir, 'out'));
    expect(names).not.toContain(dead);
    expect(names).toContain(alive);
  });
});
