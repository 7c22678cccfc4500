/**
 * Every command runs through one runner (src/cli/runner.ts): the same exit codes (1 invalid data, 2 usage,
 * 3 a bug in kim), the same German messages located in the data, no stack trace unless KIM_DEBUG is set,
 * and every path or data value it prints with its control characters escaped. Run through the built CLI,
 * command by command, as a clerk or a CI job would.
 */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/paths.js';
import { cleanUp, exampleRepo, runKim, startKim, tempDir } from '../workflow/helpers.js';

afterAll(cleanUp);

const B = '2022-03-16-kim-sachstand';
const STACK_LINE = /^\s+at /m;

/** The example data in `<repo>/<folder>`, with the report B's paper type one the organisation does not know. */
function brokenRepo(folder = 'data'): string {
  const repo = exampleRepo();
  if (folder !== 'data') cpSync(join(repo, 'data'), join(repo, folder), { recursive: true });
  const file = join(repo, folder, 'reports', `${B}.yaml`);
  writeFileSync(file, readFileSync(file, 'utf8').replace('paperType: Mitteilungsvorlage', 'paperType: Mitteilung'));
  return repo;
}

/** The example data with one more session of the committee, so `kim next` has one to write a report for. */
function repoWithNextSession(folder = 'data'): string {
  const repo = exampleRepo();
  if (folder !== 'data') cpSync(join(repo, 'data'), join(repo, folder), { recursive: true });
  const meetings = join(repo, folder, 'meetings.yaml');
  const line = '  - { id: asi-2022-03-16, committee: asi, date: 2022-03-16, public: true }\n';
  writeFileSync(meetings, readFileSync(meetings, 'utf8').replace(line, `${line}  - { id: asi-2022-06-22, committee: asi, date: 2022-06-22, public: true }\n`));
  return repo;
}

/** The located message the broken paper type gives, as the clerk reads it. */
const LOCATED = `data/reports/${B}.yaml:9:12  Fehler: Unbekannte Vorlagenart "Mitteilung". Erwartet wird eine aus organisation.yaml`;

/** Runs `kim watch` until `ready` holds for its output, then ends it with Ctrl-C; its exit code and output. */
async function watchUntil(args: string[], cwd: string, ready: (out: { stdout: string; stderr: string }) => boolean) {
  const kim = startKim(['watch', ...args], cwd);
  try {
    await kim.until(ready, 20_000);
  } finally {
    kim.child.kill('SIGINT');
  }
  return { code: await kim.exited, stdout: kim.stdout, stderr: kim.stderr };
}

describe('invalid data: exit 1, the problem located in the data, in German', () => {
  it.each([['validate'], ['report', B], ['next'], ['build', '--format', 'md', '--jobs', '1']])('kim %s', (...args) => {
    const r = runKim(args, { cwd: brokenRepo() });
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toContain(LOCATED);
    expect(r.stderr).not.toMatch(STACK_LINE);
  });

  it('kim list: exit 1, the report marked invalid, and where to find out more', () => {
    const r = runKim(['list'], { cwd: brokenRepo() });
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toMatch(new RegExp(`^${B} .* ungültig \\(1 Fehler\\)$`, 'm'));
    expect(r.stderr).toContain('Nicht alle Vorlagen sind gültig; Einzelheiten zeigt kim validate.');
  });

  it('kim migrate: a data folder of a newer format, named with its file', () => {
    const repo = exampleRepo();
    writeFileSync(join(repo, 'data', 'organisation.yaml'), `${readFileSync(join(repo, 'data', 'organisation.yaml'), 'utf8')}format: 3\n`);
    const r = runKim(['migrate'], { cwd: repo });
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toContain('data/organisation.yaml  Fehler: Die Daten haben das Datenformat 3; diese kim-Version kennt nur bis Format 2. Bitte kim aktualisieren.');
  });

  it('kim watch: the located problem, nothing written, and the watch goes on (exit 0 on Ctrl-C)', async () => {
    const r = await watchUntil([B, '--format', 'md'], brokenRepo(), ({ stderr }) => stderr.includes('wartet auf die nächste Änderung'));
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(LOCATED);
    expect(r.stderr).toContain('Die Daten sind ungültig.\nNichts wurde geschrieben (1 Fehler und 0 Warnungen); kim wartet auf die nächste Änderung.');
  });
});

describe('a usage error: exit 2, in German', () => {
  it.each(['validate', 'report', 'next', 'migrate', 'build', 'list', 'watch'])('kim %s --data <a folder that is not there>', (command) => {
    const r = runKim([command, '--data', 'gibt-es-nicht'], { cwd: exampleRepo() });
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/^Fehler: Der Datenordner .*gibt-es-nicht existiert nicht oder ist kein Ordner\.$/m);
  });

  it('kim init into a repository that is there already', () => {
    const dir = tempDir();
    expect(runKim(['init', 'repo', '-q'], { cwd: dir }).code).toBe(0);
    const r = runKim(['init', 'repo'], { cwd: dir });
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain('--force');
  });
});

describe('a bug in kim: exit 3, said to be kim\'s fault, the stack trace only with KIM_DEBUG', () => {
  it.each(['init', 'validate', 'report', 'next', 'migrate', 'build', 'watch', 'list'])('kim %s', (command) => {
    const repo = exampleRepo();
    const r = runKim([command], { cwd: repo, env: { KIM_FAULT_BUG: command } });
    expect(r.code, r.stderr).toBe(3);
    expect(r.stderr).toContain(`Interner Fehler in kim (ein Programmfehler, nicht Ihre Daten): TypeError: eingeschleuster Programmfehler in kim ${command}. Bitte melden Sie ihn.`);
    expect(r.stderr).toContain('KIM_DEBUG=*');
    expect(r.stderr).not.toMatch(STACK_LINE);
    const debug = runKim([command], { cwd: repo, env: { KIM_FAULT_BUG: command, KIM_DEBUG: '*' } });
    expect(debug.code).toBe(3);
    expect(debug.stderr).toMatch(STACK_LINE);
  });
});

/**
 * A folder name with a line break and a GitHub Actions command after it: printed as it is, it would be a
 * line of its own, and GitHub would take it for an annotation of kim's. Every command shows it escaped.
 */
describe('control characters in a file name or a data value are escaped in every command\'s output', () => {
  const EVIL = 'ordner\n::error::gefälscht';
  const ESCAPED = 'ordner\\n::error::gefälscht';
  const expectEscaped = (r: { stdout: string; stderr: string }): void => {
    const output = r.stdout + r.stderr;
    expect(output).not.toMatch(/^::error::gefälscht/m);
    expect(output).toContain(ESCAPED);
  };

  it('kim init: the files it wrote', () => {
    const dir = tempDir();
    const r = runKim(['init', EVIL], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expectEscaped(r);
  });

  it('kim validate: the data folder in its summary', () => {
    const r = runKim(['validate', '--data', EVIL], { cwd: brokenRepo(EVIL) });
    expect(r.code, r.stderr).toBe(1);
    expectEscaped(r);
    expect(r.stderr).toContain(`Die Daten in ${ESCAPED} sind ungültig`);
  });

  it('kim validate: a value from the data in a message', () => {
    const repo = exampleRepo();
    const file = join(repo, 'data', 'reports', `${B}.yaml`);
    writeFileSync(file, readFileSync(file, 'utf8').replace('paperType: Mitteilungsvorlage', 'paperType: "Mitteilung\\n::error::gefälscht"'));
    const r = runKim(['validate'], { cwd: repo });
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).not.toMatch(/^::error::gefälscht/m);
    expect(r.stderr).toContain('"Mitteilung\\n::error::gefälscht"');
  });

  it('kim report: the files it wrote', () => {
    const r = runKim(['report', B, '--out', EVIL], { cwd: exampleRepo() });
    expect(r.code, r.stderr).toBe(0);
    expectEscaped(r);
  });

  it('kim build: the files it wrote and the output folder in its summary', () => {
    const r = runKim(['build', '--format', 'md', '--jobs', '1', '--out', EVIL], { cwd: exampleRepo() });
    expect(r.code, r.stderr).toBe(0);
    expectEscaped(r);
    expect(r.stdout).toContain(`Ausgabe in ${ESCAPED}/.`);
  });

  it('kim watch: the folders it watches and the files it wrote', async () => {
    const r = await watchUntil([B, '--format', 'md', '--out', EVIL], exampleRepo(), ({ stdout }) => stdout.includes('aktualisiert'));
    expect(r.code).toBe(0);
    expectEscaped(r);
    expect(r.stdout).toMatch(new RegExp(`^aktualisiert .* ${ESCAPED.replace(/\\/g, '\\\\')}/${B}\\.md`, 'm'));
  });

  it('kim next: the file it wrote', () => {
    const r = runKim(['next', '--data', EVIL], { cwd: repoWithNextSession(EVIL) });
    expect(r.code, r.stderr).toBe(0);
    expectEscaped(r);
  });

  it('kim migrate: the data folder in the located message', () => {
    const repo = exampleRepo();
    mkdirSync(join(repo, EVIL));
    cpSync(join(repo, 'data'), join(repo, EVIL), { recursive: true });
    writeFileSync(join(repo, EVIL, 'organisation.yaml'), `${readFileSync(join(repo, EVIL, 'organisation.yaml'), 'utf8')}format: 3\n`);
    const r = runKim(['migrate', '--data', EVIL], { cwd: repo });
    expect(r.code, r.stderr).toBe(1);
    expectEscaped(r);
  });

  it('kim list: a value from the data in its table', () => {
    const repo = exampleRepo();
    const file = join(repo, 'data', 'reports', `${B}.yaml`);
    writeFileSync(file, readFileSync(file, 'utf8').replace('template: sachstand', 'template: "sachstand\\n::error::gefälscht"'));
    const r = runKim(['list'], { cwd: repo });
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).not.toMatch(/^::error::gefälscht/m);
    expect(r.stdout).toContain('sachstand\\n::error::gefälscht');
  });
});

// The example data the tests copy must be what they expect, or they would pass for the wrong reason.
it('the example report has the paper type and template the tests change', () => {
  const text = readFileSync(join(packageRoot, 'data', 'reports', `${B}.yaml`), 'utf8');
  expect(text).toContain('paperType: Mitteilungsvorlage');
  expect(text).toContain('template: sachstand');
});
