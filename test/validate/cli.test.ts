/** `kim validate` through the built CLI: exit codes, located German messages, JSON and GitHub annotations. */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { copyData, positionOf, removeScratch, replaceIn, runCli, STACK_TRACE, tempDir } from './helpers.js';

afterAll(removeScratch);

let broken: string;
beforeAll(() => {
  broken = copyData();
  replaceIn(broken, 'staff.yaml', 'fte: 0.5', 'fte: 1.5');
  replaceIn(broken, 'staff.yaml', '\n    start: ', '\n    strat: ');
});

describe('kim validate', () => {
  test('the example data is valid: exit 0, "Daten gültig"', () => {
    const r = runCli(['validate', '--data', 'data']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('Daten gültig');
    expect(r.status).toBe(0);
  });

  test('broken data: exit 1, every problem located on stderr, no stack trace', () => {
    const r = runCli(['validate', '--data', broken]);
    expect(r.status).toBe(1);
    const fte = positionOf(broken, 'staff.yaml', 'fte: 1.5', 5);
    const strat = positionOf(broken, 'staff.yaml', 'strat:');
    expect(r.stderr).toContain(`staff.yaml:${fte.line}:${fte.col}  Fehler: Feld "fte" (Stellenanteil): Der Wert 1,5 ist nicht zulässig; er muss höchstens 1 sein.`);
    expect(r.stderr).toContain(`staff.yaml:${strat.line}:${strat.col}  Fehler: Unbekanntes Feld "strat". Meinten Sie "start"?`);
    expect(r.stderr).toMatch(/sind ungültig: 3 Fehler und 0 Warnungen\./);
    expect(r.stderr).not.toMatch(STACK_TRACE);
    expect(r.stdout).toBe('');
  });

  test('--format json parses and carries the diagnostics', () => {
    const r = runCli(['validate', '--data', broken, '--format', 'json']);
    expect(r.status).toBe(1);
    const out = JSON.parse(r.stdout) as { valid: boolean; diagnostics: { severity: string; file: string; line: number; col: number; path: string; message: string }[] };
    expect(out.valid).toBe(false);
    const fte = out.diagnostics.find((d) => d.path.endsWith('.fte'))!;
    expect(fte).toMatchObject({ severity: 'error', ...positionOf(broken, 'staff.yaml', 'fte: 1.5', 5) });
    expect(fte.file.endsWith(join('data', 'staff.yaml'))).toBe(true);
    expect(out.diagnostics.map((d) => d.message).join('\n')).toContain('Meinten Sie "start"?');
  });

  test('--format json on valid data', () => {
    const r = runCli(['validate', '--data', 'data', '--format', 'json']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ valid: true, diagnostics: [] });
  });

  test('GITHUB_ACTIONS=true adds ::error annotations with file, line and col', () => {
    const r = runCli(['validate', '--data', broken], { GITHUB_ACTIONS: 'true' });
    expect(r.status).toBe(1);
    const fte = positionOf(broken, 'staff.yaml', 'fte: 1.5', 5);
    expect(r.stderr).toMatch(new RegExp(`^::error file=[^,]*staff\\.yaml,line=${fte.line},col=${fte.col}::Feld "fte"`, 'm'));
  });

  test('a warning only: exit 0, the warning is shown', () => {
    const dir = copyData();
    replaceIn(dir, 'reports/2021-11-16-kim-sachstand.yaml', 'id: 2021-11-16-kim-sachstand', 'id: 2021-11-16-kim-bericht');
    const r = runCli(['validate', '--data', dir]);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('Warnung: Die Datei heißt nicht wie die Vorlage');
    expect(r.stdout).toContain('Daten gültig: 2 Vorlagen, 0 Fehler und 1 Warnung.');
  });

  test('a YAML syntax error: exit 1, located', () => {
    const dir = copyData();
    replaceIn(dir, 'meetings.yaml', 'sessions:\n', 'sessions:\n\t- x\n');
    const r = runCli(['validate', '--data', dir]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/meetings\.yaml:5:1 {2}Fehler: Diese Zeile ist mit einem Tabulatorzeichen eingerückt/);
    expect(r.stderr).not.toMatch(STACK_TRACE);
  });

  test('an alias bomb and absurd nesting: exit 1 quickly, no stack trace', () => {
    const dir = copyData();
    replaceIn(dir, 'organisation.yaml', 'body:\n', `x: ${'['.repeat(100_000)}\nbody:\n`);
    const r = runCli(['validate', '--data', dir]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('zu tief verschachtelt');
    expect(r.stderr).not.toMatch(STACK_TRACE);
  });

  test('unknown option: exit 2, German message', () => {
    const r = runCli(['validate', '--daten', 'data']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('Unbekannte Option --daten');
    expect(r.stderr).not.toMatch(STACK_TRACE);
  });

  test('invalid --format value: exit 2', () => {
    const r = runCli(['validate', '--data', 'data', '--format', 'xml']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('Ungültiger Wert');
  });

  test('missing data folder: exit 2, German message naming it', () => {
    const missing = join(tempDir(), 'gibt-es-nicht');
    const r = runCli(['validate', '--data', missing]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('existiert nicht oder ist kein Ordner');
    expect(r.stderr).toContain('gibt-es-nicht');
    expect(r.stderr).not.toMatch(STACK_TRACE);
  });
});
