import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
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
    for (const f of ['data/organisation.yaml', 'data/programme.yaml', 'data/staff.yaml', 'data/assignments.yaml', 'data/meetings.yaml', `data/reports/${ID}.yaml`, 'templates/README.md', '.gitignore', '.github/workflows/kim.yml', '.gitlab-ci.yml', 'package.json']) {
      expect(existsSync(join(repo, f)), f).toBe(true);
    }
    expect(readFileSync(join(repo, 'data/staff.yaml'), 'utf8').split('\n')[0]).toBe('# yaml-language-server: $schema=../node_modules/kim/schemas/staff.schema.json');
    expect(readFileSync(join(repo, `data/reports/${ID}.yaml`), 'utf8').split('\n')[0]).toBe('# yaml-language-server: $schema=../../node_modules/kim/schemas/report.schema.json');
    expect(readFileSync(join(repo, '.gitignore'), 'utf8')).toMatch(/^out\/$/m);
    const workflow = readFileSync(join(repo, '.github/workflows/kim.yml'), 'utf8');
    expect(workflow).toContain('npx kim validate');
    expect(workflow).toContain('npx kim build');
    expect(workflow).toContain('upload-artifact');
    expect(readFileSync(join(repo, '.gitlab-ci.yml'), 'utf8')).toContain('artifacts:');
    expect(readFileSync(join(repo, 'package.json'), 'utf8')).not.toContain('__KIM_VERSION__');

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
