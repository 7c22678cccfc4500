/**
 * A Markdown or PDF run never loads the `docx` package (about 1 MB of JavaScript): it is imported on the
 * first Word render only. Checked on the built, bundled CLI as a user runs it, by the files its process
 * loaded (the bundle and its chunks are CommonJS, so they are in require.cache).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { packageRoot } from '../../src/paths.js';
import { removeTempDirs, tempDir } from '../support/temp.js';

afterAll(removeTempDirs);

const MAIN = join(packageRoot, 'dist', 'src', 'cli', 'main.cjs');

/** The files a `kim report --format <format>` process loaded. */
function loadedBy(format: string): string[] {
  const dir = tempDir('kim-docx-lazy-');
  const hook = join(dir, 'hook.cjs');
  const record = join(dir, 'loaded.json');
  writeFileSync(hook, `process.on('exit', () => require('fs').writeFileSync(${JSON.stringify(record)}, JSON.stringify(Object.keys(require.cache))));\n`);
  const r = spawnSync(process.execPath, [MAIN, 'report', '--format', format, '--data', join(packageRoot, 'data'), '--out', join(dir, 'out')], {
    env: { ...process.env, NO_COLOR: '1', KIM_CACHE: 'off', NODE_OPTIONS: `--require ${hook}` },
    encoding: 'utf8',
    timeout: 120_000,
  });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(readFileSync(record, 'utf8')) as string[];
}

/** Whether one of the files is the docx package (its Packer class), bundled or from node_modules. */
const hasDocx = (files: string[]): boolean => files.some((f) => f.includes('/node_modules/docx/') || /\bclass Packer\b/.test(readFileSync(f, 'utf8')));

describe('the docx package is loaded only for Word', () => {
  test.each(['md', 'pdf'])('kim report --format %s does not load it', (format) => {
    const files = loadedBy(format);
    expect(files.some((f) => f.endsWith('kim-cli.cjs')), 'the bundle ran').toBe(true);
    expect(hasDocx(files)).toBe(false);
  });

  test('kim report --format docx loads it (so the check above can see it)', () => {
    expect(hasDocx(loadedBy('docx'))).toBe(true);
  });
});
