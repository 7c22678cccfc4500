/**
 * What a cold run costs depends on what it loads: a Markdown or PDF run without a chart loads neither the
 * Word stage (the `docx` package, about 1 MB) nor the staffing chart, and `kim validate` loads neither.
 * Checked on the built CLI as a user runs it, by the code its process loaded: the bundle's chunks are
 * CommonJS (require.cache at exit), and each module in a chunk starts with a `// dist/src/…` or
 * `// node_modules/…` line, so the check holds however scripts/bundle.mjs groups modules into chunks.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { packageRoot } from '../../src/paths.js';
import { ensureBuilt, runKim } from '../support/cli.js';
import { CURRENT } from '../support/example.js';
import { cleanUp, tempDir } from './helpers.js';

afterAll(cleanUp);
beforeAll(ensureBuilt);

/** The example data, with `show.chart` set on the current report or not. */
function exampleData(chart: boolean): string {
  const dir = join(tempDir('kim-stages-'), 'data');
  cpSync(join(packageRoot, 'data'), dir, { recursive: true });
  const file = join(dir, 'reports', `${CURRENT}.yaml`);
  const text = readFileSync(file, 'utf8');
  expect(text).toContain('show:\n');
  writeFileSync(file, text.replace('show:\n', `show:\n  chart: ${chart}\n`));
  return dir;
}

/** The modules (paths below dist/ or node_modules/) of the code a kim process loaded. */
function modulesLoaded(args: string[]): string[] {
  const dir = tempDir('kim-stages-run-');
  const hook = join(dir, 'hook.cjs');
  const record = join(dir, 'loaded.json');
  writeFileSync(hook, `process.on('exit', () => require('fs').writeFileSync(${JSON.stringify(record)}, JSON.stringify(Object.keys(require.cache))));\n`);
  const r = runKim(args, { env: { NODE_OPTIONS: `--require ${hook}` } });
  expect(r.code, r.stderr).toBe(0);
  const files = (JSON.parse(readFileSync(record, 'utf8')) as string[]).map((f) => f.split('\\').join('/'));
  // The bundle ran, not the ES modules beside it (those would not be in require.cache).
  expect(files.some((f) => f.endsWith('/dist/src/kim-cli.cjs'))).toBe(true);
  return files.flatMap((f) => {
    if (!/\/kim-cli[^/]*\.cjs$/.test(f)) return [f.replace(/^.*\/node_modules\//, 'node_modules/')];
    return [...readFileSync(f, 'utf8').matchAll(/^\/\/ ((?:dist|node_modules)\/\S+)$/gm)].map((m) => m[1]!);
  });
}

const wordCode = (modules: string[]) => modules.filter((m) => m.startsWith('node_modules/docx/') || m.startsWith('dist/src/emit/docx/'));
const chartCode = (modules: string[]) => modules.filter((m) => m.startsWith('dist/src/emit/chart/') || m === 'dist/src/model/staffing-series.js');

describe('a run loads the Word stage and the chart only when it writes Word or shows the chart', () => {
  let plain: string;
  let withChart: string;
  beforeAll(() => {
    plain = exampleData(false);
    withChart = exampleData(true);
  });
  const report = (data: string, format: string) => modulesLoaded(['report', CURRENT, '--data', data, '--format', format, '--out', join(tempDir('kim-stages-out-'), 'out'), '--quiet']);

  test.each(['md', 'pdf'])('kim report --format %s without show.chart: no Word code, no chart code', (format) => {
    const modules = report(plain, format);
    expect(modules).toContain('dist/src/report-run.js');
    expect(wordCode(modules)).toEqual([]);
    expect(chartCode(modules)).toEqual([]);
  });

  test('kim validate: no Word code, no chart code', () => {
    const modules = modulesLoaded(['validate', '--data', plain, '--quiet']);
    expect(modules).toContain('dist/src/valid-data.js');
    expect(wordCode(modules)).toEqual([]);
    expect(chartCode(modules)).toEqual([]);
  });

  // The same checks see the code when a run needs it.
  test('kim report --format md with show.chart loads the chart, still no Word code', () => {
    const modules = report(withChart, 'md');
    expect(chartCode(modules).sort()).toEqual(['dist/src/emit/chart/index.js', 'dist/src/emit/chart/staffing-drawing.js', 'dist/src/emit/chart/svg.js', 'dist/src/model/staffing-series.js']);
    expect(wordCode(modules)).toEqual([]);
  });

  test('kim report --format docx loads the docx package', () => {
    expect(wordCode(report(plain, 'docx'))).toContain('node_modules/docx/dist/index.mjs');
  });
});
