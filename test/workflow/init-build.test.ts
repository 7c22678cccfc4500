import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import Ajv from 'ajv';
import { parse } from 'yaml';
import addFormats from 'ajv-formats';
import { afterAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/paths.js';
import { cleanUp, ESC, runKim, tempDir } from './helpers.js';

/** The official OParl 1.1.1 schemas, vendored with their CC BY-SA 4.0 licence (test/fixtures/oparl-1.1/README.md). */
const OPARL = join(packageRoot, 'test', 'fixtures', 'oparl-1.1', 'schema');
const ID = '2024-06-12-kim-sachstand';

afterAll(cleanUp);

describe('kim init → validate → build', () => {
  const dir = tempDir();
  const repo = join(dir, 'neu');

  it('scaffolds a data repository that validates and builds right away', () => {
    const init = runKim(['init', 'neu'], { cwd: dir });
    expect(init.code, init.stderr).toBe(0);
    for (const f of ['data/organisation.yaml', 'data/programme.yaml', 'data/staff.yaml', 'data/assignments.yaml', 'data/meetings.yaml', `data/reports/${ID}.yaml`, 'templates/README.md', '.gitignore', '.github/workflows/kim.yml', '.gitlab-ci.yml', '.gitattributes', 'package.json', 'schemas/report.schema.json']) {
      expect(existsSync(join(repo, f)), f).toBe(true);
    }
    // The modelines point to the repository's own copies of the schemas: the editor has them before npm install.
    expect(readFileSync(join(repo, 'data/staff.yaml'), 'utf8').split('\n')[0]).toBe('# yaml-language-server: $schema=../schemas/staff.schema.json');
    expect(readFileSync(join(repo, `data/reports/${ID}.yaml`), 'utf8').split('\n')[0]).toBe('# yaml-language-server: $schema=../../schemas/report.schema.json');
    for (const name of ['assignments', 'meetings', 'organisation', 'programme', 'report', 'staff']) {
      const copy = JSON.parse(readFileSync(join(repo, 'schemas', `${name}.schema.json`), 'utf8'));
      expect(copy.$id, name).toBe(JSON.parse(readFileSync(join(packageRoot, 'schemas', `${name}.schema.json`), 'utf8')).$id);
    }
    expect(readFileSync(join(repo, '.gitignore'), 'utf8')).toMatch(/^out\/$/m);
    const workflow = readFileSync(join(repo, '.github/workflows/kim.yml'), 'utf8');
    expect(workflow).toContain('npm run --silent validate');
    expect(workflow).toContain('npm run --silent build');
    expect(workflow).toContain('upload-artifact');
    expect(readFileSync(join(repo, '.gitlab-ci.yml'), 'utf8')).toContain('artifacts:');
    expect(readFileSync(join(repo, 'package.json'), 'utf8')).not.toMatch(/__KIM_(VERSION|SOURCE)__/);
    // Run from this checkout, kim writes this checkout as its source (and says CI cannot reach it).
    const manifest = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'));
    expect(manifest.dependencies).toEqual({ kim: `file:${relative(repo, packageRoot)}` });
    expect(manifest.devDependencies).toBeUndefined();
    expect(init.stderr).toContain('die CI findet ihn nicht');
    // The next steps go through npm run: npx would ask the registry for a package named kim.
    expect(init.stderr).toContain('  npm run validate ');
    expect(init.stderr).not.toMatch(/^\s+npx /m);

    const validate = runKim(['validate'], { cwd: repo });
    expect(validate.code, validate.stderr).toBe(0);
    const build = runKim(['build'], { cwd: repo });
    expect(build.code, build.stderr).toBe(0);
    for (const ext of ['md', 'pdf', 'oparl.json']) expect(existsSync(join(repo, 'out', `${ID}.${ext}`)), ext).toBe(true);
    expect(existsSync(join(repo, 'out', '.kim', `${ID}.json`))).toBe(true);
    expect(build.stdout).toContain('1 Vorlage erzeugt');
    for (const text of [init.stdout, init.stderr, validate.stdout, validate.stderr, build.stdout, build.stderr]) expect(text).not.toContain(ESC);
  });

  it('writes an OParl 1.1 Paper that validates and whose checksum is the PDF\'s', () => {
    const paper = JSON.parse(readFileSync(join(repo, 'out', `${ID}.oparl.json`), 'utf8'));
    // The OParl schemas declare no $schema (draft-04 style, plain keywords) and add their own keywords
    // (references, backreference, cardinality, schema): Ajv's default class, not strict.
    // Their patterns escape ":" and "/" ("^https\\:\\/\\/…"), which is invalid with the u flag Ajv uses by default.
    const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
    addFormats.default(ajv);
    const load = (name: string) => ajv.compile(JSON.parse(readFileSync(join(OPARL, `${name}.json`), 'utf8')));
    const [validPaper, validFile, validConsultation] = [load('Paper'), load('File'), load('Consultation')];
    expect(validPaper(paper), JSON.stringify(validPaper.errors)).toBe(true);
    // "schema": "File.json" is not a JSON-Schema keyword: check the embedded objects ourselves.
    expect(validFile(paper.mainFile), JSON.stringify(validFile.errors)).toBe(true);
    for (const c of paper.consultation) expect(validConsultation(c), JSON.stringify(validConsultation.errors)).toBe(true);

    const pdf = readFileSync(join(repo, 'out', `${ID}.pdf`));
    expect(paper.mainFile.sha512Checksum).toBe(createHash('sha512').update(pdf).digest('hex'));
    expect(paper.mainFile.size).toBe(statSync(join(repo, 'out', `${ID}.pdf`)).size);
    expect(paper.mainFile.mimeType).toBe('application/pdf');
    expect(paper).toMatchObject({
      id: `https://example.invalid/oparl/paper/${ID}`,
      type: 'https://schema.oparl.org/1.1/Paper',
      reference: ID,
      paperType: 'Mitteilungsvorlage',
      underDirectionOf: ['https://example.invalid/oparl/organization/ki'],
      consultation: [{ role: 'Kenntnisnahme', authoritative: false, meeting: 'https://example.invalid/oparl/meeting/asi-2024-06-12', organization: ['https://example.invalid/oparl/organization/asi'] }],
    });
  });

  it.each([
    ['git+https://git.example.org/kreis/kim.git#v0.1.0', 'git+https://git.example.org/kreis/kim.git#v0.1.0', { 'git+https://git.example.org/kreis/kim.git': true }],
    ['kreis/kim#v0.1.0', 'github:kreis/kim#v0.1.0', { 'github:kreis/kim': true }],
    ['https://git.example.org/kreis/kim/releases/kim-0.1.0.tgz', 'https://git.example.org/kreis/kim/releases/kim-0.1.0.tgz', undefined],
  ])('--kim-source %s: written as %s, allowScripts %j, no warning', (given, written, allow) => {
    const target = join(dir, `quelle-${written.length}`);
    const r = runKim(['init', target, '--kim-source', given], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const manifest = JSON.parse(readFileSync(join(target, 'package.json'), 'utf8'));
    expect(manifest.dependencies.kim).toBe(written);
    expect(manifest.allowScripts).toEqual(allow);
    expect(r.stderr).toContain(`kim wird installiert aus: ${written}\n`);
    expect(r.stderr).not.toContain('die CI findet ihn nicht');
  });

  it.each([
    ['kim', 'wäre ein Paket aus der npm-Registry'],
    ['^0.1.0', 'wäre ein Paket aus der npm-Registry'],
    ['npm:kim@0.1.0', 'wäre ein Paket aus der npm-Registry'],
    ['git+https://git.example.org/kreis/kim.git', 'nennt keine Version'],
    ['./gibt-es-nicht.tgz', 'gibt es nicht'],
  ])('--kim-source %s: refused (exit 2), nothing written', (given, message) => {
    const target = join(dir, 'abgelehnt');
    const r = runKim(['init', target, '--kim-source', given], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(existsSync(target)).toBe(false);
  });

  it('CI: current Node LTS and action majors; kim build runs even when validate fails, the upload only after kim build', () => {
    const workflow = parse(readFileSync(join(repo, '.github/workflows/kim.yml'), 'utf8'));
    const steps: { uses?: string; id?: string; if?: string; run?: string; with?: Record<string, unknown> }[] = workflow.jobs.vorlagen.steps;
    expect(steps.filter((s) => s.uses).map((s) => s.uses)).toEqual(['actions/checkout@v7', 'actions/setup-node@v7', 'actions/cache/restore@v6', 'actions/cache/save@v6', 'actions/cache/restore@v6', 'actions/cache/save@v6', 'actions/upload-artifact@v7']);
    expect(steps[1]!.with).toEqual({ 'node-version': 26, cache: 'npm', 'cache-dependency-path': 'package*.json' });
    const index = (pred: (s: (typeof steps)[number]) => boolean) => steps.findIndex(pred);
    const install = index((s) => s.id === 'install');
    const validate = index((s) => s.run === 'npm run --silent validate');
    const restore = index((s) => s.uses === 'actions/cache/restore@v6' && s.with?.['path'] === 'out');
    const build = index((s) => s.id === 'build');
    const upload = index((s) => s.uses === 'actions/upload-artifact@v7');
    expect([install, validate, restore, build, upload].every((i, k, all) => i >= 0 && (k === 0 || i > all[k - 1]!))).toBe(true);
    // A step's `if` without a status function means "only after success": these name !cancelled(),
    // so kim build runs after a failed validate, and nothing uploads when kim build did not run.
    for (const i of [restore, build]) expect(steps[i]!.if).toBe("${{ !cancelled() && steps.install.outcome == 'success' }}");
    expect(steps[upload]!.if).toBe("${{ !cancelled() && runner.os == 'Linux' && (steps.build.outcome == 'success' || steps.build.outcome == 'failure') }}");
    expect(parse(readFileSync(join(repo, '.gitlab-ci.yml'), 'utf8')).kim.image).toBe('node:26');
  });

  it('refuses to overwrite existing files (exit 2, naming them) unless --force', () => {
    const staff = join(repo, 'data/staff.yaml');
    const before = statSync(staff).mtimeMs;
    const again = runKim(['init', 'neu'], { cwd: dir });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('data/staff.yaml');
    expect(again.stderr).toContain('--force');
    expect(statSync(staff).mtimeMs).toBe(before);
    const forced = runKim(['init', 'neu', '--force'], { cwd: dir });
    expect(forced.code, forced.stderr).toBe(0);
  });
});
