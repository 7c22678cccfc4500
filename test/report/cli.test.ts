import { cp, mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { EXAMPLE_DIR } from '../support/example.js';
import { runKim } from '../support/cli.js';
import { readFileSync } from 'node:fs';
import { packageRoot } from '../../src/paths.js';

describe('kim report (built CLI)', () => {
  test('writes the latest Vorlage as Markdown, prints its path, same bytes twice', async () => {
    const out = await mkdtemp(join(tmpdir(), 'kim-out-'));
    const first = runKim(['report', '--out', out]);
    expect(first.code).toBe(0);
    expect(first.stdout.trim()).toMatch(/2022-03-16-kim-sachstand\.md$/);
    const bytes = await readFile(join(out, '2022-03-16-kim-sachstand.md'));
    expect(bytes.toString('utf8')).toBe(readFileSync(join(packageRoot, 'test', 'report', 'golden', '2022-03-16-kim-sachstand.md'), 'utf8'));
    expect(runKim(['report', '--out', out]).code).toBe(0);
    expect((await readFile(join(out, '2022-03-16-kim-sachstand.md'))).equals(bytes)).toBe(true);
    expect((await readdir(out)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  test('selects a report by session date in either form', async () => {
    const out = await mkdtemp(join(tmpdir(), 'kim-out-'));
    expect(runKim(['report', '16.11.2021', '--out', out]).stdout).toContain('2021-11-16-kim-sachstand.md');
    expect(runKim(['report', '2021-11-16', '--out', out]).stdout).toContain('2021-11-16-kim-sachstand.md');
  });

  test('an unknown report is a usage error (exit 2) with the available ones', () => {
    const r = runKim(['report', '2099-01-01', '--out', join(tmpdir(), 'kim-never')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Keine Vorlage "2099-01-01"');
    expect(r.stderr).toContain('2022-03-16-kim-sachstand (2022-03-16)');
  });

  test('an unknown format is a usage error in German', () => {
    const r = runKim(['report', '--format', 'odt']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Ungültiger Wert/);
  });

  test('invalid data: exit 1, located message, no stack trace, nothing written', async () => {
    const root = await mkdtemp(join(tmpdir(), 'kim-bad-'));
    await cp(EXAMPLE_DIR, join(root, 'data'), { recursive: true });
    const staff = join(root, 'data', 'staff.yaml');
    const { writeFile } = await import('node:fs/promises');
    await writeFile(staff, (await readFile(staff, 'utf8')).replace('start: 2021-04-01', 'strat: 2021-04-01'));
    const r = runKim(['report', '--data', join(root, 'data'), '--out', join(root, 'out')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/staff\.yaml:\d+:\d+ {2}Fehler: Unbekanntes Feld "strat"\. Meinten Sie "start"\?/);
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
    await expect(readdir(join(root, 'out'))).rejects.toThrow();
  });
});
