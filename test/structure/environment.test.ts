/**
 * The environment is read once, by the CLI (src/cli/environment.ts), and passed down as typed options:
 * nothing below src/cli reads `process.env` or `process.cwd()`, so the library does the same whatever
 * variables its caller's process has, tests give it an environment instead of changing the process's,
 * and no secret of the caller's environment travels further than the CLI decides (a worker of kim build
 * gets only what Node needs, see Environment.childVariables).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { describe, expect, test } from 'vitest';
import { packageRoot } from '../../src/paths.js';

const SRC = join(packageRoot, 'src');

/** Files outside src/cli that may read the process's environment, each with the reason. Empty: none needs to. */
const ALLOWED: Record<string, string> = {};

/** Every TypeScript file of src/ outside src/cli, relative with forward slashes. */
function libraryFiles(dir = SRC, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const rel = prefix ? posix.join(prefix, e.name) : e.name;
    if (e.isDirectory()) return rel === 'cli' ? [] : libraryFiles(join(dir, e.name), rel);
    return /\.c?ts$/.test(e.name) ? [rel] : [];
  });
}

/** The code of a file without its comments (a comment may name `process.env` to say it is not read). */
const code = (text: string): string => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');

const READS = /\bprocess\s*\.\s*(env\b|cwd\s*\()|\bprocess\s*\[\s*['"]env['"]\s*\]/;

describe('nothing below src/cli reads the environment', () => {
  const files = libraryFiles();

  test('the library files are found', () => {
    expect(files).toContain('api.ts');
    expect(files).toContain('batch/pool.ts');
    expect(files.some((f) => f.startsWith('cli/'))).toBe(false);
  });

  test('no process.env, no process.cwd() outside src/cli', () => {
    const offenders = files.filter((f) => !(f in ALLOWED) && READS.test(code(readFileSync(join(SRC, f), 'utf8'))));
    expect(offenders).toEqual([]);
  });

  test('each allowed file still needs its exception', () => {
    for (const f of Object.keys(ALLOWED)) expect(READS.test(code(readFileSync(join(SRC, f), 'utf8'))), f).toBe(true);
  });

  test('the check sees a read in code and not in a comment', () => {
    expect(READS.test(code("const x = process.env['KIM_FAULT'];"))).toBe(true);
    expect(READS.test(code('const here = process.cwd();'))).toBe(true);
    expect(READS.test(code('/** never reads `process.env` */\n// nor process.cwd()\nconst a = 1;'))).toBe(false);
  });
});
