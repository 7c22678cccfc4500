/**
 * The compiler enforces a rule's guard: `ctx.data` holds only the parts a rule names in `needs` (which
 * validation vouches for before it runs the rule), so reading anything else does not compile. The
 * fixture is compiled, not run; each line marked READS-UNDECLARED must be an error, and nothing else
 * but a rule declared with the bare `Rule` type that names a part (so new rules cannot bypass the guard).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { packageRoot } from '../../src/paths.js';

const FIXTURE = join('test', 'fixtures', 'rule-types', 'reads-undeclared.ts');

test('a rule that reads data it did not declare does not compile, nor one typed `Rule` that names a part; the declared parts do', () => {
  const tsc = join(packageRoot, 'node_modules', 'typescript', 'bin', 'tsc');
  const flags = ['--ignoreConfig', '--noEmit', '--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022', '--skipLibCheck', '--resolveJsonModule', '--esModuleInterop', '--types', 'node'];
  let output = '';
  try {
    execFileSync(process.execPath, [tsc, ...flags, FIXTURE], { cwd: packageRoot, encoding: 'utf8' });
  } catch (e) {
    output = String((e as { stdout?: string }).stdout ?? '');
  }
  const lines = readFileSync(join(packageRoot, FIXTURE), 'utf8').split('\n');
  const marked = lines.flatMap((line, i) => (line.includes('READS-UNDECLARED') ? [i + 1] : []));
  const missingProperty = [...output.matchAll(/reads-undeclared\.ts\((\d+),\d+\): error TS2339/g)].map((m) => Number(m[1]));
  const errorLines = [...new Set([...output.matchAll(/reads-undeclared\.ts\((\d+),\d+\): error/g)].map((m) => Number(m[1])))];
  const oldStyle = lines.findIndex((line) => line.includes('OLD-STYLE')) + 1;
  expect(marked).toHaveLength(2);
  expect([...new Set(missingProperty)], output).toEqual(marked);
  expect(errorLines, output).toEqual([...marked, oldStyle]);
}, 120_000);
