/**
 * `kim build`'s output folder holds exactly the Vorlagen of the current data: no report is built from
 * data that would make it silently wrong, and no output of a report that failed, was deleted, belongs to
 * another shard, or of a build whose shared data are invalid is left for CI to upload.
 */
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanUp, exampleRepo, filesIn, runKim } from './helpers.js';

afterAll(cleanUp);

const A = '2021-11-16-kim-sachstand';
const B = '2022-03-16-kim-sachstand';
const report = (repo: string, id: string): string => join(repo, 'data', 'reports', `${id}.yaml`);
const edit = (file: string, from: string | RegExp, to: string): void => {
  const text = readFileSync(file, 'utf8');
  const changed = text.replace(from, to);
  if (changed === text) throw new Error(`${file}: ${String(from)} nicht gefunden`);
  writeFileSync(file, changed);
};
/** Every file in the output folder, the manifest folder's entries and claims included (`.kim/<id>.json`, `.claim`). */
const outFiles = (repo: string): string[] => {
  const out = join(repo, 'out');
  if (!existsSync(out)) return [];
  const entries = existsSync(join(out, '.kim')) ? readdirSync(join(out, '.kim')).map((n) => `.kim/${n}`) : [];
  return [...readdirSync(out).filter((n) => n !== '.kim'), ...entries].sort();
};
const outputsOf = (...ids: string[]): string[] => ids.flatMap((id) => [`${id}.md`, `${id}.pdf`, `${id}.docx`, `${id}.oparl.json`, `.kim/${id}.json`, `.kim/${id}.claim`]).sort();

/** The example repository, built once (both reports, all formats). */
function builtRepo(): string {
  const repo = exampleRepo();
  const first = runKim(['build', '--jobs', '1'], { cwd: repo });
  expect(first.code, first.stderr).toBe(0);
  expect(outFiles(repo)).toEqual(outputsOf(A, B));
  return repo;
}

describe('a report whose previous report is invalid', () => {
  it('fails too, with a message naming the previous report, and loses its outputs', () => {
    const repo = builtRepo();
    edit(report(repo, A), 'department: ki', 'department: kj');
    const r = runKim(['build', '--jobs', '1'], { cwd: repo });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`data/reports/${B}.yaml:`);
    expect(r.stderr).toContain(`Die vorige Vorlage "${A}" (reports/${A}.yaml) ist ungültig; diese Vorlage wird erst erzeugt, wenn jene berichtigt ist`);
    expect(r.stderr).toContain(`Fehlgeschlagen: ${A}, ${B}.`);
    expect(outFiles(repo)).toEqual([]);

    edit(report(repo, A), 'department: kj', 'department: ki');
    const fixed = runKim(['build', '--jobs', '1'], { cwd: repo });
    expect(fixed.code, fixed.stderr).toBe(0);
    expect(outFiles(repo)).toEqual(outputsOf(A, B));
  });

  it('is built when the previous report is refused only for a staff name in its own text (that one alone fails)', () => {
    const repo = builtRepo();
    const cleanB = readFileSync(join(repo, 'out', `${B}.md`), 'utf8');
    edit(report(repo, A), 'Mit dieser Vorlage wird', 'Frau Wiesenthal berichtet. Mit dieser Vorlage wird');
    // kim validate refuses what the build refuses, at the line in the report file.
    const validate = runKim(['validate'], { cwd: repo });
    expect(validate.code).toBe(1);
    expect(validate.stderr + validate.stdout).toMatch(new RegExp(`reports/${A}\\.yaml:\\d+:\\d+  Fehler: Die öffentliche Vorlage ${A} enthält den Namen "Wiesenthal" einer beschäftigten Person`));
    const r = runKim(['build', '--jobs', '1'], { cwd: repo });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`Die öffentliche Vorlage ${A} enthält den Namen "Wiesenthal"`);
    expect(r.stderr).toContain(`Fehlgeschlagen: ${A}.`);
    expect(r.stderr).not.toContain('Die vorige Vorlage');
    expect(outFiles(repo)).toEqual(outputsOf(B));
    // B still measures "since the last session" from A's Stand: the same Vorlage as before.
    expect(readFileSync(join(repo, 'out', `${B}.md`), 'utf8')).toBe(cleanB);
    // kim report likewise: B is written, A is refused with the name.
    const reportB = runKim(['report', B, '--format', 'md', '--out', 'single'], { cwd: repo });
    expect(reportB.code, reportB.stderr).toBe(0);
    expect(readFileSync(join(repo, 'single', `${B}.md`), 'utf8')).toBe(cleanB);
    const reportA = runKim(['report', A, '--format', 'md', '--out', 'single'], { cwd: repo });
    expect(reportA.code).toBe(1);
    expect(reportA.stderr).toContain(`Die öffentliche Vorlage ${A} enthält den Namen "Wiesenthal"`);
  });

  it('fails when the previous report file has a YAML error but its Stand is readable', () => {
    const repo = exampleRepo();
    edit(report(repo, A), /^title: /m, 'title: [kaputt ');
    const r = runKim(['build', '--format', 'md', '--jobs', '1'], { cwd: repo });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`Die vorige Vorlage "${A}" (reports/${A}.yaml) ist ungültig`);
    expect(outFiles(repo)).toEqual([]);
  });

  it('fails when an invalid report file has no readable Stand: it might be the previous one', () => {
    const repo = exampleRepo();
    writeFileSync(report(repo, A), '{ kaputt: [\n');
    const r = runKim(['build', '--format', 'md', '--jobs', '1'], { cwd: repo });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`Die Vorlagendatei reports/${A}.yaml ist ungültig und ihr Datenstand (stand) nicht lesbar`);
    expect(r.stderr).toContain(`Fehlgeschlagen: ${A}, ${B}.`);
  });

  it('does not stop a report whose previous report is valid (the invalid one is later)', () => {
    const repo = exampleRepo();
    edit(report(repo, B), 'department: ki', 'department: kj');
    const r = runKim(['build', '--format', 'md', '--jobs', '1'], { cwd: repo });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`Fehlgeschlagen: ${B}.`);
    expect(filesIn(join(repo, 'out'), '.md')).toEqual([`${A}.md`]);
  });
});

describe('report ids and sessions', () => {
  it('two report files with one id: an error in both files, and neither is built under that name', () => {
    const repo = builtRepo();
    // The earlier report's file given the later one's id (a copied file whose id was edited in the wrong file).
    edit(report(repo, A), `id: ${A}`, `id: ${B}`);
    const r = runKim(['build', '--jobs', '1'], { cwd: repo });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`data/reports/${A}\\.yaml:\\d+:\\d+  Fehler: Die Vorlagen-Kennung "${B}" gibt es noch einmal in reports/${B}\\.yaml:\\d+:\\d+`));
    expect(r.stderr).toMatch(new RegExp(`data/reports/${B}\\.yaml:\\d+:\\d+  Fehler: Die Vorlagen-Kennung "${B}" gibt es schon in reports/${A}\\.yaml:\\d+:\\d+`));
    // Before, the 2021 file was built as out/2022-03-16-kim-sachstand.*: now no Vorlage carries that name.
    expect(outFiles(repo)).toEqual([]);
  });

  it('two reports for one session: an error in both files, naming the other', () => {
    const repo = exampleRepo();
    const copy = '2022-03-16-kim-sachstand-entwurf';
    writeFileSync(report(repo, copy), readFileSync(report(repo, B), 'utf8').replace(`id: ${B}`, `id: ${copy}`).replace('stand: 2022-03-01', 'stand: 2022-03-02'));
    const r = runKim(['build', '--format', 'md', '--jobs', '1'], { cwd: repo });
    expect(r.code).toBe(1);
    for (const [file, other] of [[B, copy], [copy, B]]) {
      expect(r.stderr).toMatch(new RegExp(`data/reports/${file}\\.yaml:\\d+:\\d+  Fehler: Für die Sitzung "asi-2022-03-16" gibt es auch die Vorlage "${other}" \\(reports/${other}\\.yaml:\\d+:\\d+\\)`));
    }
    expect(filesIn(join(repo, 'out'), '.md')).toEqual([`${A}.md`]);
  });
});

describe('reports that are gone', () => {
  it('a deleted report loses its outputs and manifest entry, and the summary names them', () => {
    const repo = builtRepo();
    // The later one goes: without the earlier one, the later one (its text names the previous session) would fail.
    rmSync(report(repo, B));
    const r = runKim(['build', '--jobs', '1'], { cwd: repo });
    expect(r.code, r.stderr).toBe(0);
    expect(outFiles(repo)).toEqual(outputsOf(A));
    expect(r.stderr).toContain(`Ausgaben von Vorlagen entfernt, die es in den Daten nicht mehr gibt: out/${B}.md, out/${B}.pdf, out/${B}.docx, out/${B}.oparl.json.`);
  });

  it('a renamed report (new id) leaves nothing under its old id', () => {
    const repo = builtRepo();
    const renamed = '2022-03-16-kim-sachstand-neu';
    edit(report(repo, B), `id: ${B}`, `id: ${renamed}`);
    renameSync(report(repo, B), report(repo, renamed));
    const r = runKim(['build', '--jobs', '1'], { cwd: repo });
    expect(r.code, r.stderr).toBe(0);
    expect(outFiles(repo)).toEqual(outputsOf(A, renamed));
  });

  it('with --shard, the folder holds that part only', () => {
    const repo = builtRepo();
    const r = runKim(['build', '--shard', '2/2', '--jobs', '1'], { cwd: repo });
    expect(r.code, r.stderr).toBe(0);
    expect(outFiles(repo)).toEqual(outputsOf(B));
    expect(r.stderr).toContain('die es in den Daten nicht gibt oder die zu einem anderen Teil gehören');
  });

  it('leaves files alone that kim does not name so (not an output name)', () => {
    const repo = builtRepo();
    writeFileSync(join(repo, 'out', 'README.md'), 'von Hand\n');
    writeFileSync(join(repo, 'out', 'notizen.txt'), 'von Hand\n');
    rmSync(report(repo, B));
    expect(runKim(['build', '--jobs', '1'], { cwd: repo }).code).toBe(0);
    expect(outFiles(repo)).toEqual([...outputsOf(A), 'README.md', 'notizen.txt'].sort());
  });
});

describe('a shared data file with an error', () => {
  it('fails the build and empties the output folder of every Vorlage, so CI has nothing stale to upload', () => {
    const repo = builtRepo();
    edit(join(repo, 'data', 'staff.yaml'), 'fte: 0.5', 'fte: fünf');
    const r = runKim(['build', '--jobs', '1'], { cwd: repo });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('staff.yaml');
    expect(r.stderr).toContain('Die Daten sind ungültig; keine Vorlage wurde erzeugt. Die 8 Ausgabedateien früherer Builds im Ausgabeordner wurden entfernt');
    expect(outFiles(repo)).toEqual([]);
  });

  it('with worker processes: exit 1, and no worker has to be killed (it ends by itself)', () => {
    const repo = exampleRepo();
    edit(join(repo, 'data', 'staff.yaml'), 'fte: 0.5', 'fte: fünf');
    const r = runKim(['build', '--jobs', '2'], { cwd: repo });
    expect(r.stderr).not.toContain('endete nicht von selbst');
    expect(r.code, r.stderr).toBe(1);
  });
});

describe('no report file parses', () => {
  it('prints the diagnostics of each and exits 1, without a stack trace', () => {
    const repo = exampleRepo();
    for (const id of [A, B]) edit(report(repo, id), /^title: /m, 'title: [kaputt ');
    const r = runKim(['build', '--jobs', '1'], { cwd: repo });
    expect(r.code).toBe(1);
    for (const id of [A, B]) expect(r.stderr).toMatch(new RegExp(`data/reports/${id}\\.yaml:\\d+:\\d+  Fehler: `));
    expect(r.stderr).toContain(`Fehlgeschlagen: ${A}, ${B}.`);
    expect(r.stderr).not.toContain('Interner Fehler');
    expect(r.stderr).not.toMatch(/^\s+at /m);
  });
});
