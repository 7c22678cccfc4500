import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseShard, selectShard } from '../../src/batch/shard.js';
import { addReportCopies, cleanUp, ESC, exampleRepo, filesIn, runKim } from './helpers.js';

afterAll(cleanUp);

const A = '2021-11-16-kim-sachstand';
const B = '2022-03-16-kim-sachstand';
/** Report ids with a manifest entry (`out/.kim/<id>.json`). */
const manifestIds = (out: string): string[] => filesIn(join(out, '.kim'), '.json').map((n) => n.slice(0, -'.json'.length));

const stamp = (file: string) => {
  const s = statSync(file);
  return { ino: s.ino, mtime: s.mtimeMs };
};

describe('kim build: skipping unchanged reports', () => {
  const repo = exampleRepo();
  const out = join(repo, 'out');

  it('skips every report the second time and does not rewrite its files', () => {
    const first = runKim(['build', '--format', 'md'], { cwd: repo });
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain('2 Vorlagen erzeugt');
    const before = [A, B].map((id) => stamp(join(out, `${id}.md`)));
    expect(manifestIds(out)).toEqual([A, B]);

    const second = runKim(['build', '--format', 'md'], { cwd: repo });
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toContain(`übersprungen  ${A}`);
    expect(second.stdout).toContain('0 Vorlagen erzeugt, 2 unverändert übersprungen');
    expect([A, B].map((id) => stamp(join(out, `${id}.md`)))).toEqual(before);
    expect(second.stdout + second.stderr).not.toContain(ESC);
  });

  it('rebuilds after a data change, and a deleted output even without one', () => {
    appendFileSync(join(repo, 'data', 'staff.yaml'), '\n# geändert\n');
    const third = runKim(['build', '--format', 'md'], { cwd: repo });
    expect(third.code, third.stderr).toBe(0);
    expect(third.stdout).toContain('2 Vorlagen erzeugt');

    writeFileSync(join(out, `${A}.md`), 'von Hand verändert\n');
    const fourth = runKim(['build', '--format', 'md'], { cwd: repo });
    expect(fourth.stdout).toContain('1 Vorlage erzeugt, 1 unverändert übersprungen');
    expect(readFileSync(join(out, `${A}.md`), 'utf8')).not.toContain('von Hand');
  });

  it('rebuilds only the report whose own file changed', () => {
    const file = join(repo, 'data', 'reports', `${B}.yaml`);
    writeFileSync(file, readFileSync(file, 'utf8').replace('title: Kommunales Integrationsmanagement - Aktueller Sachstand', 'title: KIM - Aktueller Sachstand'));
    const run = runKim(['build', '--format', 'md'], { cwd: repo });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`übersprungen  ${A}`);
    expect(run.stdout).toMatch(new RegExp(`erzeugt +${B}`));
    expect(readFileSync(join(out, `${B}.md`), 'utf8')).toContain('KIM - Aktueller Sachstand');
  });
});

describe('kim build: formats', () => {
  it('a Markdown-only build after a full one leaves no stale PDF beside the new Markdown', () => {
    const repo = exampleRepo();
    const out = join(repo, 'out');
    expect(runKim(['build'], { cwd: repo }).code).toBe(0);
    expect(filesIn(out, '.pdf')).toEqual([`${A}.pdf`, `${B}.pdf`]);
    const file = join(repo, 'data', 'reports', `${B}.yaml`);
    writeFileSync(file, readFileSync(file, 'utf8').replace('title: Kommunales Integrationsmanagement - Aktueller Sachstand', 'title: KIM - Neuer Titel'));
    const run = runKim(['build', '--format', 'md'], { cwd: repo });
    expect(run.code, run.stderr).toBe(0);
    expect(readFileSync(join(out, `${B}.md`), 'utf8')).toContain('KIM - Neuer Titel');
    expect(filesIn(out, '.pdf')).toEqual([]);
    expect(JSON.parse(readFileSync(join(out, `${B}.oparl.json`), 'utf8')).mainFile).toBeUndefined();
  });
});

describe('kim build --shard', () => {
  it('splits the reports into disjoint parts that together are all of them', () => {
    const repo = exampleRepo();
    addReportCopies(repo, B, ['2022-03-16-kopie-a', '2022-03-16-kopie-b', '2022-03-16-kopie-c']);
    const all = runKim(['build', '--format', 'md', '--out', 'alle'], { cwd: repo });
    expect(all.code, all.stderr).toBe(0);
    const parts = ['1/2', '2/2'].map((shard, i) => {
      const r = runKim(['build', '--format', 'md', '--shard', shard, '--out', `teil${i + 1}`], { cwd: repo });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain(`Teil ${shard}`);
      return filesIn(join(repo, `teil${i + 1}`), '.md');
    });
    expect(parts[0]!.length).toBe(3);
    expect(parts[1]!.length).toBe(2);
    expect(parts[0]!.filter((f) => parts[1]!.includes(f))).toEqual([]);
    expect([...parts[0]!, ...parts[1]!].sort()).toEqual(filesIn(join(repo, 'alle'), '.md'));
  });

  it('parses K/N and selects every N-th sorted id', () => {
    expect(parseShard('2/3')).toEqual({ index: 2, count: 3 });
    for (const bad of ['0/2', '3/2', '1/0', 'a/b', '1']) expect(() => parseShard(bad)).toThrow(/--shard/);
    const ids = ['e', 'a', 'd', 'b', 'c'];
    expect(selectShard(ids, (x) => x, { index: 1, count: 2 })).toEqual(['a', 'c', 'e']);
    expect(selectShard(ids, (x) => x, { index: 2, count: 2 })).toEqual(['b', 'd']);
  });

  it('rejects a wrong --shard with exit 2', () => {
    const r = runKim(['build', '--shard', '3/2'], { cwd: exampleRepo() });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--shard');
  });
});

describe('kim build with a failing report', () => {
  it('builds the others, then exits 1 with a summary naming the failed report', () => {
    const repo = exampleRepo();
    addReportCopies(repo, B, ['2022-03-16-kopie']);
    const broken = join(repo, 'data', 'reports', `${B}.yaml`);
    writeFileSync(broken, readFileSync(broken, 'utf8').replace('template: sachstand', 'template: sachstnd'));
    const r = runKim(['build', '--format', 'md'], { cwd: repo });
    expect(r.code).toBe(1);
    expect(filesIn(join(repo, 'out'), '.md')).toEqual([`${A}.md`, '2022-03-16-kopie.md']);
    expect(r.stderr).toContain('Unbekanntes Vorlagenmuster "sachstnd"');
    expect(r.stderr).toContain(`reports/${B}.yaml`);
    expect(r.stderr).toMatch(/2 Vorlagen erzeugt, 0 unverändert übersprungen, 1 fehlgeschlagen/);
    expect(r.stderr).toContain(`Fehlgeschlagen: ${B}`);
    expect(manifestIds(join(repo, 'out'))).toEqual([A, '2022-03-16-kopie']);
    expect(r.stdout + r.stderr).not.toContain(ESC);
  });

  it('treats a privacy failure (a staff name in a public Vorlage) like any failing report', () => {
    const repo = exampleRepo();
    const name = /^\s*name: (.+)$/m.exec(readFileSync(join(repo, 'data', 'staff.yaml'), 'utf8'))![1]!;
    const file = join(repo, 'data', 'reports', `${A}.yaml`);
    writeFileSync(file, readFileSync(file, 'utf8').replace('Die Case Managerinnen und Case Manager führen', `${name} und die Case Managerinnen und Case Manager führen`));
    const r = runKim(['build', '--format', 'md'], { cwd: repo });
    expect(r.code).toBe(1);
    expect(filesIn(join(repo, 'out'), '.md')).toEqual([`${B}.md`]);
    expect(r.stderr).toContain(`Fehlgeschlagen: ${A}`);
    expect(r.stderr).toContain(name);
  });

  it('fails as a whole (exit 1, nothing built) when a shared data file is invalid', () => {
    const repo = exampleRepo();
    const staff = join(repo, 'data', 'staff.yaml');
    writeFileSync(staff, readFileSync(staff, 'utf8').replace('fte: 0.5', 'fte: fünf'));
    const r = runKim(['build', '--format', 'md'], { cwd: repo });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('staff.yaml');
  });
});

describe('kim build --jobs', () => {
  it('gives byte for byte the same outputs and manifest keys with 1 and 2 processes', () => {
    const repo = exampleRepo();
    addReportCopies(repo, B, ['2022-03-16-kopie-a', '2022-03-16-kopie-b', '2022-03-16-kopie-c']);
    const one = runKim(['build', '--jobs', '1', '--out', 'eins'], { cwd: repo });
    const two = runKim(['build', '--jobs', '2', '--out', 'zwei'], { cwd: repo });
    for (const r of [one, two]) {
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain('5 Vorlagen erzeugt, 0 unverändert übersprungen, 0 fehlgeschlagen');
      expect(r.stdout.match(/^erzeugt +\S+: /gm)).toHaveLength(5);
    }
    const names = readdirSync(join(repo, 'eins')).sort();
    expect(readdirSync(join(repo, 'zwei')).sort()).toEqual(names);
    for (const n of names.filter((f) => !f.startsWith('.'))) expect(readFileSync(join(repo, 'zwei', n)), n).toEqual(readFileSync(join(repo, 'eins', n)));
    expect(manifestIds(join(repo, 'zwei'))).toEqual(manifestIds(join(repo, 'eins')));
    for (const id of manifestIds(join(repo, 'eins'))) {
      const key = (dir: string) => JSON.parse(readFileSync(join(repo, dir, '.kim', `${id}.json`), 'utf8')).key;
      expect(key('zwei'), id).toBe(key('eins'));
    }
    // Skipping works across job counts.
    const again = runKim(['build', '--jobs', '2', '--out', 'eins'], { cwd: repo });
    expect(again.stdout).toContain('0 Vorlagen erzeugt, 5 unverändert übersprungen');
  });

  it('reports a failing report built by a worker like any other, and exits 1', () => {
    const repo = exampleRepo();
    addReportCopies(repo, B, ['2022-03-16-kopie-a', '2022-03-16-kopie-b']);
    // A privacy failure happens while rendering, so whichever process renders the report reports it.
    const name = /^\s*name: (.+)$/m.exec(readFileSync(join(repo, 'data', 'staff.yaml'), 'utf8'))![1]!;
    const file = join(repo, 'data', 'reports', `${A}.yaml`);
    writeFileSync(file, readFileSync(file, 'utf8').replace('Die Case Managerinnen und Case Manager führen', `${name} und die Case Managerinnen und Case Manager führen`));
    const r = runKim(['build', '--format', 'md', '--jobs', '2'], { cwd: repo });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/3 Vorlagen erzeugt, 0 unverändert übersprungen, 1 fehlgeschlagen/);
    expect(r.stderr).toContain(`Fehlgeschlagen: ${A}`);
    expect(r.stderr).toContain(name);
    expect(filesIn(join(repo, 'out'), '.md')).not.toContain(`${A}.md`);
  });

  it('a worker that dies fails the reports it held (a bug in kim: exit 3), the others are built, nothing hangs', () => {
    const repo = exampleRepo();
    const copies = Array.from({ length: 24 }, (_, i) => `2022-03-16-kopie-${i}`);
    addReportCopies(repo, B, copies);
    const total = copies.length + 2;
    // Enough reports with PDFs that the parent cannot finish them all before the worker has loaded the
    // data and asks for one (on a slow or busy machine too).
    const r = runKim(['build', '--jobs', '2'], { cwd: repo, env: { KIM_FAULT_WORKER_EXIT: '*' } });
    expect(r.code, r.stderr).toBe(3);
    expect(r.stderr).toMatch(/Hilfsprozess \d+ brach ab/);
    const failed = Number(/(\d+) fehlgeschlagen/.exec(r.stderr)![1]!);
    expect(failed).toBeGreaterThanOrEqual(1);
    expect(failed).toBeLessThanOrEqual(2);
    expect(filesIn(join(repo, 'out'), '.pdf')).toHaveLength(total - failed);
    expect(manifestIds(join(repo, 'out'))).toHaveLength(total - failed);
    // The next build completes what the dead worker left.
    const next = runKim(['build', '--jobs', '2'], { cwd: repo });
    expect(next.code, next.stderr).toBe(0);
    expect(next.stdout).toContain(`${failed} Vorlage${failed === 1 ? '' : 'n'} erzeugt, ${total - failed} unverändert übersprungen`);
  });

  it('rejects a wrong --jobs with exit 2; --worker is not for people', () => {
    const repo = exampleRepo();
    for (const bad of ['0', 'zwei', '1.5']) {
      const r = runKim(['build', '--jobs', bad], { cwd: repo });
      expect(r.code, bad).toBe(2);
      expect(r.stderr).toContain('--jobs');
    }
    const w = runKim(['build', '--worker'], { cwd: repo });
    expect(w.code).toBe(2);
    expect(w.stderr).toContain('--worker');
  });

  it('removes the single manifest of older versions and rebuilds what it listed', () => {
    const repo = exampleRepo();
    mkdirSync(join(repo, 'out'));
    writeFileSync(join(repo, 'out', '.kim-manifest.json'), JSON.stringify({ manifestVersion: 1, reports: {} }));
    const r = runKim(['build', '--format', 'md'], { cwd: repo });
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(join(repo, 'out', '.kim-manifest.json'))).toBe(false);
    expect(manifestIds(join(repo, 'out'))).toEqual([A, B]);
  });
});
