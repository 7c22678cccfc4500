/**
 * The scaffold's CI scripts run as the runners run them (bash -eo pipefail, the step's env), in a
 * repository fresh from `kim init` whose kim is this checkout: the install step's lockfile handling, one
 * annotation per problem across "Daten prüfen" and "Vorlagen erzeugen", the job summary, and GitLab's
 * code-quality report.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { cleanUp, scaffoldedRepo } from './helpers.js';

const REPORT = 'data/reports/2024-06-12-kim-sachstand.yaml';
let repo = '';

/** The environment of a runner: none of this test run's GitHub or npm variables, no colour. */
function runnerEnv(extra: Record<string, string>): Record<string, string> {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(npm_|GITHUB_|CI_)/i.test(k) || k === 'npm_config_cache')) as Record<string, string>;
  return { ...env, NO_COLOR: '1', npm_config_prefer_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false', ...extra };
}

function bash(script: string, extra: Record<string, string> = {}) {
  const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script], { cwd: repo, env: runnerEnv(extra), encoding: 'utf8', timeout: 300_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, output: r.stdout + r.stderr };
}

/** A step's output as the runner's log has it: stdout and stderr in one stream, in the order written. */
function log(script: string, extra: Record<string, string> = {}) {
  const r = bash(`exec 2>&1\n${script}`, extra);
  return { code: r.code, log: r.stdout };
}

const steps = () => parse(readFileSync(join(repo, '.github/workflows/kim.yml'), 'utf8')).jobs.vorlagen.steps as { name?: string; id?: string; run?: string }[];
const stepRun = (pred: (s: { name?: string; id?: string }) => boolean) => steps().find(pred)!.run!;

/**
 * The annotations GitHub makes of a step's output: `::error …` and `::warning …` lines, except between
 * `::stop-commands::TOKEN` and `::TOKEN::`, where the runner treats no line as a command.
 */
function annotations(output: string): string[] {
  const found: string[] = [];
  let stopped: string | undefined;
  for (const line of output.split('\n')) {
    if (stopped !== undefined) {
      if (line === `::${stopped}::`) stopped = undefined;
      continue;
    }
    const stop = /^::stop-commands::(.+)$/.exec(line);
    if (stop) stopped = stop[1];
    else if (/^::(error|warning)\b/.test(line)) found.push(line);
  }
  return found;
}

beforeAll(() => {
  repo = scaffoldedRepo('kim-ci-');
});
afterAll(cleanUp);

describe('GitHub steps', () => {
  it('install: npm install and a warning without a lockfile, nothing while node_modules matches, npm ci with a lockfile', () => {
    const install = stepRun((s) => s.id === 'install');
    const first = bash(install, { JOB_INDEX: '0' });
    expect(first.code, first.output).toBe(0);
    expect(annotations(first.output)).toEqual(['::warning file=package.json::package-lock.json fehlt: nach dem ersten npm install einchecken, dann installiert die CI genau diese Versionen (npm ci).']);
    expect(existsSync(join(repo, 'package-lock.json'))).toBe(true);
    expect(existsSync(join(repo, 'node_modules', '.bin', 'kim'))).toBe(true);

    // Another job of the matrix (Windows, another shard) says it in its log, not as a second annotation.
    rmSync(join(repo, 'node_modules', '.kim-installiert'));
    rmSync(join(repo, 'package-lock.json'));
    const other = bash(install, { JOB_INDEX: '1' });
    expect(other.code, other.output).toBe(0);
    expect(annotations(other.output)).toEqual([]);
    expect(other.output).toContain('Hinweis: package-lock.json fehlt');
    const cached = bash(install);
    expect(cached.code, cached.output).toBe(0);
    expect(cached.stdout).toBe('kim ist schon installiert (aus dem Cache).\n');

    // The lockfile committed, package.json changed since node_modules was made: npm ci, no warning.
    const manifest = join(repo, 'package.json');
    writeFileSync(manifest, readFileSync(manifest, 'utf8').replace('"private": true', '"private": true,\n  "version": "1.0.0"'));
    const ci = bash(install);
    expect(ci.code, ci.output).toBe(0);
    expect(annotations(ci.output)).toEqual([]);
    expect(ci.output).not.toContain('schon installiert');
    expect(ci.output).toMatch(/added \d+ package/);
  }, 300_000);

  it('each problem is one annotation, though validate and build both report it; the summary lists the Vorlagen', () => {
    const good = readFileSync(join(repo, REPORT), 'utf8');
    onTestFinished(() => writeFileSync(join(repo, REPORT), good));
    writeFileSync(join(repo, REPORT), good.replace('stand: 2024-05-31', 'stand: 2024-02-30'));
    const validate = log(stepRun((s) => s.name === 'Daten prüfen'), { GITHUB_ACTIONS: 'true' });
    expect(validate.code).toBe(1);
    const build = log(stepRun((s) => s.id === 'build'), { GITHUB_ACTIONS: 'true', SHARD: '1/1' });
    expect(build.code).toBe(1);
    // kim build did report it, in its log.
    expect(build.log).toContain(`${REPORT}:11:8  Fehler: Feld "stand" (Datum): "2024-02-30" ist kein gültiges Datum`);
    expect(annotations(validate.log + build.log)).toEqual([
      `::error file=${REPORT},line=11,col=8::Feld "stand" (Datum): "2024-02-30" ist kein gültiges Datum; erwartet wird ein Kalendertag im Format JJJJ-MM-TT, z. B. 2022-03-16.`,
    ]);
    const summaryFile = join(repo, '..', 'summary.md');
    const summary = stepRun((s) => s.name === 'Zusammenfassung');
    expect(bash(summary, { GITHUB_STEP_SUMMARY: summaryFile, SHARD: '1/1', OUTCOME: 'failure' }).code).toBe(0);
    expect(readFileSync(summaryFile, 'utf8')).toBe('### Vorlagen (Teil 1/1)\n\nKeine Vorlage erzeugt.\n\n**Nicht alle Vorlagen ließen sich erzeugen**: die Fehler stehen unter "Daten prüfen" und "Vorlagen erzeugen".\n');

    writeFileSync(join(repo, REPORT), good);
    const rebuilt = log(stepRun((s) => s.id === 'build'), { GITHUB_ACTIONS: 'true', SHARD: '1/1' });
    expect(rebuilt.code, rebuilt.log).toBe(0);
    writeFileSync(summaryFile, '');
    expect(bash(summary, { GITHUB_STEP_SUMMARY: summaryFile, SHARD: '1/1', OUTCOME: 'success' }).code).toBe(0);
    expect(readFileSync(summaryFile, 'utf8')).toBe('### Vorlagen (Teil 1/1)\n\n- `2024-06-12-kim-sachstand`: 2024-06-12-kim-sachstand.md 2024-06-12-kim-sachstand.pdf 2024-06-12-kim-sachstand.oparl.json\n');
  }, 300_000);
});

describe('GitLab job', () => {
  it('writes a code-quality report of every problem, and the log names them too', () => {
    const good = readFileSync(join(repo, REPORT), 'utf8');
    writeFileSync(join(repo, REPORT), good.replace('stand: 2024-05-31', 'stand: 2024-02-30'));
    const script = (parse(readFileSync(join(repo, '.gitlab-ci.yml'), 'utf8')).kim.script as string[]).join('\n');
    const job = bash(script);
    writeFileSync(join(repo, REPORT), good);
    expect(job.code).toBe(1);
    expect(job.stderr).toContain(`${REPORT}:11:8  Fehler: Feld "stand" (Datum)`);
    const report = JSON.parse(readFileSync(join(repo, 'gl-code-quality-report.json'), 'utf8'));
    expect(report).toEqual([
      {
        type: 'issue',
        check_name: 'kim/stand',
        description: 'Feld "stand" (Datum): "2024-02-30" ist kein gültiges Datum; erwartet wird ein Kalendertag im Format JJJJ-MM-TT, z. B. 2022-03-16.',
        categories: ['Bug Risk'],
        severity: 'major',
        fingerprint: expect.stringMatching(/^[0-9a-f]{32}$/),
        location: { path: REPORT, lines: { begin: 11 } },
      },
    ]);
    // Valid data: an empty report, and the job passes.
    const fixed = bash(script);
    expect(fixed.code, fixed.output).toBe(0);
    expect(JSON.parse(readFileSync(join(repo, 'gl-code-quality-report.json'), 'utf8'))).toEqual([]);
  }, 300_000);
});
