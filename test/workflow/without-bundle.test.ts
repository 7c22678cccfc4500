/**
 * kim runs its bundle when it has one (src/cli/fast-start.cts); after a bare `tsc`, with KIM_BUNDLE=0, and
 * when a program uses kim as a library, Node's ES module loader runs the compiled modules instead. Both
 * must work and write the same bytes: the bundle resolves packages its own way and would hide an import
 * that Node cannot resolve (as `handlebars/runtime`, a package without an exports map, once was).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { runKim } from '../support/cli.js';
import { CURRENT, EXAMPLE_DIR } from '../support/example.js';
import { removeTempDirs, tempDir } from '../support/temp.js';

afterAll(removeTempDirs);

test('kim report without its bundle writes the same Markdown and PDF as with it', () => {
  const outputs = ['1', '0'].map((bundle) => {
    const out = tempDir('kim-bundle-');
    const r = runKim(['report', '--format', 'all', '--data', EXAMPLE_DIR, '--out', out, '--quiet'], { env: { KIM_BUNDLE: bundle } });
    expect(r.code, r.stderr).toBe(0);
    return ['md', 'pdf'].map((ext) => readFileSync(join(out, `${CURRENT}.${ext}`)));
  });
  expect(outputs[1]![0]!.equals(outputs[0]![0]!)).toBe(true);
  expect(outputs[1]![1]!.equals(outputs[0]![1]!)).toBe(true);
});
