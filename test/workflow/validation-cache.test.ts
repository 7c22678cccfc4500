/**
 * kim's validation cache (src/validate/validation-cache.ts): a second `kim report` on unchanged files
 * takes validation's result from the disk cache and does not load the validators; any change, and any
 * doubt about the cache, means validating again. Run on the built CLI as a user runs it, with the disk
 * cache on in a folder of its own (the suite runs with KIM_CACHE=off).
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { packageRoot } from '../../src/paths.js';
import { ensureBuilt, runKim } from '../support/cli.js';
import { CURRENT } from '../support/example.js';
import { cleanUp, tempDir } from './helpers.js';

afterAll(cleanUp);
beforeAll(ensureBuilt);

interface Run {
  code: number | null;
  stderr: string;
  /** The modules (paths below dist/ or node_modules/) the process loaded, as in stage-loading.test.ts. */
  modules: string[];
  /** The output folder. */
  out: string;
  /** The bundle's files the process read (kim-cli*.cjs), sorted. */
  chunks: string[];
  /** Node's built-in modules the process loaded (`crypto`, `fs/promises` …). */
  builtins: string[];
}

function exampleData(): string {
  const dir = join(tempDir('kim-vcache-'), 'data');
  cpSync(join(packageRoot, 'data'), dir, { recursive: true });
  return dir;
}

/** `kim report CURRENT --format md` on `data` with the disk cache in `cache` (or with `KIM_CACHE=off`). */
function report(data: string, cache: string, extraEnv: Record<string, string> = {}): Run {
  const dir = tempDir('kim-vcache-run-');
  const hook = join(dir, 'hook.cjs');
  const record = join(dir, 'loaded.json');
  // The modules in require.cache, and Node's built-in modules the process loaded (process.moduleLoadList).
  writeFileSync(hook, `process.on('exit', () => require('fs').writeFileSync(${JSON.stringify(record)}, JSON.stringify({ files: Object.keys(require.cache), loadList: process.moduleLoadList })));\n`);
  const out = join(dir, 'out');
  const r = runKim(['report', CURRENT, '--data', data, '--format', 'md', '--out', out], {
    env: { KIM_CACHE: 'on', KIM_CACHE_DIR: cache, NODE_OPTIONS: `--require ${hook}`, ...extraEnv },
  });
  const loaded = JSON.parse(readFileSync(record, 'utf8')) as { files: string[]; loadList: string[] };
  const builtins = loaded.loadList.filter((m) => m.startsWith('NativeModule ')).map((m) => m.slice('NativeModule '.length));
  const files = loaded.files.map((f) => f.split('\\').join('/'));
  expect(files.some((f) => f.endsWith('/dist/src/kim-cli.cjs'))).toBe(true);
  const modules = files.flatMap((f) =>
    /\/kim-cli[^/]*\.cjs$/.test(f) ? [...readFileSync(f, 'utf8').matchAll(/^\/\/ ((?:dist|node_modules)\/\S+)$/gm)].map((m) => m[1]!) : [f.replace(/^.*\/node_modules\//, 'node_modules/')],
  );
  const chunks = files.filter((f) => /\/kim-cli[^/]*\.cjs$/.test(f)).map((f) => f.replace(/^.*\//, '')).sort();
  return { code: r.code, stderr: r.stderr, modules, out, chunks, builtins };
}

const validated = (run: Run): boolean => run.modules.includes('dist/schemas/validators.js');
/** Whether the process loaded any of the YAML library's code (parsing a data file or one of kim's own). */
const yamlLoaded = (run: Run): boolean => run.modules.some((m) => m.startsWith('node_modules/yaml/'));

/** Every file of the cache's validation results. */
function entries(cache: string): string[] {
  const root = join(cache, 'validated');
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .map((f) => join(root, f))
    .filter((f) => statSync(f).isFile());
}

describe('kim report reuses the validation of unchanged data', () => {
  test('the second Markdown run on unchanged data does not load the validators', () => {
    const data = exampleData();
    const cache = tempDir('kim-vcache-cache-');
    const first = report(data, cache);
    expect(first.code, first.stderr).toBe(0);
    expect(validated(first)).toBe(true);
    const second = report(data, cache);
    expect(second.code, second.stderr).toBe(0);
    expect(validated(second)).toBe(false);
  });

  // scripts/bundle.mjs: the report chunk requires the yaml chunk only when kim parses YAML, not with itself.
  test('the second Markdown run loads no YAML code at all and writes the same bytes', () => {
    const data = exampleData();
    const cache = tempDir('kim-vcache-cache-');
    const first = report(data, cache);
    expect(first.code, first.stderr).toBe(0);
    expect(yamlLoaded(first)).toBe(true);
    const second = report(data, cache);
    expect(second.code, second.stderr).toBe(0);
    expect(yamlLoaded(second)).toBe(false);
    // Each file is resolved, read and compiled with its code-cache entry: the entry chunk, rolldown's
    // runtime helpers and the Markdown stage, nothing else (scripts/bundle.mjs CHUNK_GROUPS).
    expect(second.chunks).toEqual(['kim-cli-report.cjs', 'kim-cli-rolldown-runtime.cjs', 'kim-cli.cjs']);
    const file = `${CURRENT}.md`;
    expect(readFileSync(join(second.out, file), 'utf8')).toBe(readFileSync(join(first.out, file), 'utf8'));
  });

  // load/content-keys.ts, the validation entry's address by folder, atomic-write's temporary names, and
  // scripts/bundle.mjs requiring node:crypto on first use: unchanged data are not hashed again.
  test('the second Markdown run on unchanged data does not load node:crypto; after an edit it does', () => {
    const data = exampleData();
    const cache = tempDir('kim-vcache-cache-');
    const first = report(data, cache);
    expect(first.code, first.stderr).toBe(0);
    expect(first.builtins).toContain('crypto');
    const second = report(data, cache);
    expect(second.code, second.stderr).toBe(0);
    expect(second.builtins).not.toContain('crypto');
    expect(second.builtins).toContain('fs/promises');
    const staff = join(data, 'staff.yaml');
    writeFileSync(staff, `# geändert\n${readFileSync(staff, 'utf8')}`);
    const edited = report(data, cache);
    expect(edited.code, edited.stderr).toBe(0);
    expect(edited.builtins).toContain('crypto');
    expect(validated(edited)).toBe(true);
  });

  test('a data file changed after a valid run is validated again, its error located (exit 1)', () => {
    const data = exampleData();
    const cache = tempDir('kim-vcache-cache-');
    expect(report(data, cache).code).toBe(0);
    const staff = join(data, 'staff.yaml');
    const text = readFileSync(staff, 'utf8');
    expect(text).toContain('    fte: 1\n');
    writeFileSync(staff, text.replace('    fte: 1\n', '    fte: viel\n'));
    const changed = report(data, cache);
    expect(changed.code).toBe(1);
    expect(changed.stderr).toContain('staff.yaml:15:10  Fehler: Feld "fte" (Stellenanteil): Erwartet wird eine Zahl, gefunden wurde der Text "viel".');
  });

  test('an Anlage deleted after a valid run is missed again, though no data file changed (exit 1)', () => {
    const data = exampleData();
    const cache = tempDir('kim-vcache-cache-');
    const reportFile = join(data, 'reports', `${CURRENT}.yaml`);
    const title = '    title: Geschäftsordnung der Lenkungsgruppe KIM\n';
    expect(readFileSync(reportFile, 'utf8')).toContain(title);
    writeFileSync(reportFile, readFileSync(reportFile, 'utf8').replace(title, `${title}    file: anlagen/go.pdf\n`));
    mkdirSync(join(data, 'anlagen'));
    writeFileSync(join(data, 'anlagen', 'go.pdf'), '%PDF-1.7\n');
    expect(report(data, cache).code).toBe(0);
    rmSync(join(data, 'anlagen', 'go.pdf'));
    const run = report(data, cache);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Die Anlagendatei "anlagen/go.pdf" gibt es im Datenordner nicht.');
  });

  test('warnings are still printed when the result comes from the cache', () => {
    const data = exampleData();
    const cache = tempDir('kim-vcache-cache-');
    // A report file not named after its id: a warning, not an error.
    renameSync(join(data, 'reports', `${CURRENT}.yaml`), join(data, 'reports', 'aktuell.yaml'));
    const warning = 'Die Datei heißt nicht wie die Vorlage';
    const first = report(data, cache);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toContain(warning);
    const second = report(data, cache);
    expect(second.code, second.stderr).toBe(0);
    expect(validated(second)).toBe(false);
    expect(second.stderr).toContain(warning);
    expect(second.stderr).toMatch(/reports\/aktuell\.yaml:\d+:\d+/);
  });

  test('KIM_CACHE=off validates every time', () => {
    const data = exampleData();
    const cache = tempDir('kim-vcache-cache-');
    expect(report(data, cache, { KIM_CACHE: 'off' }).code).toBe(0);
    const second = report(data, cache, { KIM_CACHE: 'off' });
    expect(second.code, second.stderr).toBe(0);
    expect(validated(second)).toBe(true);
  });

  test.each([
    ['not JSON', '{"diagnostics": ['],
    ['an error among the diagnostics', JSON.stringify({ diagnostics: [{ severity: 'error', file: 'staff.yaml', line: 1, col: 1, path: '', message: 'x' }], reads: [] })],
    ['no list of reads', JSON.stringify({ diagnostics: [] })],
    // One entry per data folder: it must name exactly these files' bytes, this kim and these templates.
    ['the key of other files', JSON.stringify({ key: 'validation anders', diagnostics: [], reads: [] })],
  ])('a corrupt cache entry (%s) means validating again, without a crash', (_what, content) => {
    const data = exampleData();
    const cache = tempDir('kim-vcache-cache-');
    expect(report(data, cache).code).toBe(0);
    const files = entries(cache);
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) writeFileSync(file, content);
    const run = report(data, cache);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).not.toMatch(/Error|at .*\.c?js:\d+/);
    expect(validated(run)).toBe(true);
  });
});
