/** `kim validate --format codeclimate`: GitLab's Code Quality report (a subset of the CodeClimate issue format). */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { codeClimateReport } from '../../src/cli/code-climate.js';
import { error, warning } from '../../src/diagnostics.js';
import { copyData, positionOf, removeScratch, replaceIn, runCli } from './helpers.js';

afterAll(removeScratch);

describe('codeClimateReport', () => {
  const path = (d: { file: string }) => `data/${d.file}`;

  test('the fields GitLab reads, for an error and a warning', () => {
    const report = codeClimateReport([error('staff.yaml', 12, 5, 'staff[3].fte', 'Zu groß.'), warning('reports/a.yaml', 0, 0, '', 'Datei ohne Vorlage.')], path);
    expect(report).toEqual([
      { type: 'issue', check_name: 'kim/staff[].fte', description: 'Zu groß.', categories: ['Bug Risk'], severity: 'major', fingerprint: expect.stringMatching(/^[0-9a-f]{32}$/), location: { path: 'data/staff.yaml', lines: { begin: 12 } } },
      { type: 'issue', check_name: 'kim/datei', description: 'Datei ohne Vorlage.', categories: ['Bug Risk'], severity: 'minor', fingerprint: expect.stringMatching(/^[0-9a-f]{32}$/), location: { path: 'data/reports/a.yaml', lines: { begin: 1 } } },
    ]);
  });

  test('a fingerprint stays when lines above the problem are added, and tells identical problems apart', () => {
    const [before] = codeClimateReport([error('staff.yaml', 12, 5, 'staff[3].fte', 'Zu groß.')], path);
    const [after] = codeClimateReport([error('staff.yaml', 20, 5, 'staff[3].fte', 'Zu groß.')], path);
    expect(after!.fingerprint).toBe(before!.fingerprint);
    const twice = codeClimateReport([error('staff.yaml', 12, 5, 'staff[3].fte', 'Zu groß.'), error('staff.yaml', 14, 5, 'staff[3].fte', 'Zu groß.')], path);
    expect(new Set(twice.map((i) => i.fingerprint)).size).toBe(2);
    const [other] = codeClimateReport([error('staff.yaml', 12, 5, 'staff[3].fte', 'Zu klein.')], path);
    expect(other!.fingerprint).not.toBe(before!.fingerprint);
  });

  test('a Windows path is written with forward slashes', () => {
    expect(codeClimateReport([error('a.yaml', 1, 1, '', 'x')], () => 'data\\reports\\a.yaml')[0]!.location.path).toBe('data/reports/a.yaml');
  });
});

describe('kim validate --format codeclimate', () => {
  let broken: string;
  beforeAll(() => {
    broken = copyData();
    replaceIn(broken, 'staff.yaml', 'fte: 0.5', 'fte: 1.5');
  });

  test('broken data: the report on stdout, the usual lines on stderr, exit 1', () => {
    const r = runCli(['validate', '--data', broken, '--format', 'codeclimate']);
    expect(r.status).toBe(1);
    const report = JSON.parse(r.stdout) as ReturnType<typeof codeClimateReport>;
    const fte = positionOf(broken, 'staff.yaml', 'fte: 1.5', 5);
    const issue = report.find((i) => i.check_name === 'kim/staff[].fte')!;
    expect(issue).toMatchObject({ severity: 'major', description: 'Feld "fte" (Stellenanteil): Der Wert 1,5 ist nicht zulässig; er muss höchstens 1 sein.', location: { lines: { begin: fte.line } } });
    expect(issue.location.path).toMatch(/(^|\/)data\/staff\.yaml$/);
    expect(r.stderr).toContain(`staff.yaml:${fte.line}:${fte.col}  Fehler: Feld "fte" (Stellenanteil)`);
  });

  test('valid data: an empty report, the summary on stderr, exit 0', () => {
    const r = runCli(['validate', '--data', 'data', '--format', 'codeclimate']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([]);
    expect(r.stderr).toContain('Daten gültig');
  });
});
