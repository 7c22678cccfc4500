/** `--format docx` and `all` in kim report, build and watch's choice; what out/ holds after a build. */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { packageRoot } from '../../src/paths.js';
import { CLI, runKim } from '../support/cli.js';
import { removeTempDirs, tempDir } from '../support/temp.js';

afterAll(removeTempDirs);
const DATA = join(packageRoot, 'data');
const ID = '2022-03-16-kim-sachstand';
const isDocx = (bytes: Buffer) => bytes.subarray(0, 2).toString() === 'PK' && bytes.includes(Buffer.from('word/document.xml'));

describe('kim report', () => {
  test('--format docx writes the Word file only; --format all writes Markdown, PDF and Word', () => {
    const out = tempDir('kim-docx-cli-');
    const r = runKim(['report', ID, '--data', DATA, '--out', join(out, 'a'), '--format', 'docx']);
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(join(out, 'a'))).toEqual([`${ID}.docx`]);
    expect(r.stdout.trim().endsWith(`${ID}.docx`)).toBe(true);
    expect(isDocx(readFileSync(join(out, 'a', `${ID}.docx`)))).toBe(true);
    expect(runKim(['report', ID, '--data', DATA, '--out', join(out, 'b'), '--format', 'all']).code).toBe(0);
    expect(readdirSync(join(out, 'b')).sort()).toEqual([`${ID}.docx`, `${ID}.md`, `${ID}.pdf`]);
    // The same bytes from another process.
    expect(readFileSync(join(out, 'b', `${ID}.docx`)).equals(readFileSync(join(out, 'a', `${ID}.docx`)))).toBe(true);
  });

  test('--out - writes the Word file into a pipe', () => {
    const r = spawnSync(process.execPath, [CLI, 'report', ID, '--data', DATA, '--out', '-', '--format', 'docx'], { env: { ...process.env, NO_COLOR: '1' } });
    expect(r.status, r.stderr.toString()).toBe(0);
    expect(isDocx(r.stdout)).toBe(true);
  });

  test('--help names docx among the formats', () => {
    const help = runKim(['report', '--help']).stdout;
    expect(help).toMatch(/Ausgabeformat \(Werte: "md", "pdf", "docx", "all";/);
    expect(help).toContain('--format docx');
  });
});

describe('kim build', () => {
  test('writes <id>.docx with each Vorlage and records it; a later --format md build removes it', () => {
    const out = tempDir('kim-docx-build-');
    const r = runKim(['build', '--data', DATA, '--out', out, '--jobs', '1']);
    expect(r.code, r.stderr).toBe(0);
    const docx = readdirSync(out).filter((n) => n.endsWith('.docx'));
    expect(docx.length).toBeGreaterThan(1);
    const entry = JSON.parse(readFileSync(join(out, '.kim', `${ID}.json`), 'utf8')) as { outputs: Record<string, string> };
    expect(Object.keys(entry.outputs)).toContain(`${ID}.docx`);
    expect(runKim(['build', '--data', DATA, '--out', out, '--jobs', '1', '--format', 'md']).code).toBe(0);
    expect(existsSync(join(out, `${ID}.docx`))).toBe(false);
  });
});
