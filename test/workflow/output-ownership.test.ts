/**
 * kim build deletes only what it wrote (src/batch/output-folder.ts): a file in the output folder that
 * has no manifest entry or claim stays, whatever its name; and an output folder that holds the data or
 * is a repository's root is refused before anything is touched.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanUp, exampleRepo, runKim } from './helpers.js';

afterAll(cleanUp);

const A = '2021-11-16-kim-sachstand';
const B = '2022-03-16-kim-sachstand';

describe('kim build deletes only files it wrote', () => {
  it('keeps files it did not write in its output folder, named like outputs or not', () => {
    const repo = exampleRepo();
    const out = join(repo, 'out');
    mkdirSync(out);
    // Names kim could give outputs (lower case, hyphens, .md/.pdf/.oparl.json) but never wrote.
    const foreign = { 'changelog.md': '# Änderungen\n', 'satzung.pdf': '%PDF-1.4 fremd', 'alt-2020.oparl.json': '{}', 'notizen.txt': 'x' };
    for (const [name, text] of Object.entries(foreign)) writeFileSync(join(out, name), text);

    const r = runKim(['build', '--format', 'md'], { cwd: repo });
    expect(r.code, r.stderr).toBe(0);
    for (const [name, text] of Object.entries(foreign)) expect(readFileSync(join(out, name), 'utf8'), name).toBe(text);
    expect(r.stdout).not.toContain('entfernt');
  });

  it('still removes its own outputs of a report that is gone, and a file it claimed before a kill', () => {
    const repo = exampleRepo();
    const out = join(repo, 'out');
    expect(runKim(['build', '--format', 'md'], { cwd: repo }).code).toBe(0);
    expect(existsSync(join(out, `${A}.md`))).toBe(true);
    // A build killed between dropping B's entry and writing the next one leaves only B's claim.
    rmSync(join(out, '.kim', `${B}.json`));
    rmSync(join(repo, 'data', 'reports', `${A}.yaml`));
    rmSync(join(repo, 'data', 'reports', `${B}.yaml`));
    const r = runKim(['build', '--format', 'md'], { cwd: repo });
    expect(r.stdout + r.stderr).toContain('entfernt');
    expect(readdirSync(out).filter((n) => !n.startsWith('.'))).toEqual([]);
    expect(readdirSync(join(out, '.kim'))).toEqual([]);
  });
});

describe('kim build refuses an output folder it must not clear', () => {
  it.each([
    ['the repository root (.git)', '.', (repo: string) => mkdirSync(join(repo, '.git'))],
    ['a project root (package.json)', '.', (repo: string) => writeFileSync(join(repo, 'package.json'), '{}')],
    ['the parent of the data folder', '.', () => undefined],
  ])('%s: exit 2, nothing deleted', (_, out, prepare) => {
    const repo = exampleRepo();
    prepare(repo);
    writeFileSync(join(repo, 'changelog.md'), '# Änderungen\n');
    const before = readdirSync(repo).sort();
    const r = runKim(['build', '--format', 'md', '--out', out], { cwd: repo });
    expect(r.code, r.stdout).toBe(2);
    expect(r.stderr).toMatch(/Ausgabeordner \. (ist das Hauptverzeichnis|enthält den Datenordner)/);
    expect(r.stderr).toContain('z. B. --out out');
    expect(readdirSync(repo).sort()).toEqual(before);
  });

  it('kim report may still write one Vorlage into the current folder (it deletes nothing)', () => {
    const repo = exampleRepo();
    writeFileSync(join(repo, 'package.json'), '{}');
    const r = runKim(['report', B, '--out', '.'], { cwd: repo });
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(join(repo, `${B}.md`))).toBe(true);
  });
});
