// `npm run mutation [-- <file or glob> …]`: StrykerJS over src/german, src/model and src/emit/pdf/layout
// (stryker.config.mjs), then the mutation score per folder and every survivor that
// mutation-survivors.md does not argue as equivalent. Not part of CI: a full run takes long; results of
// unchanged files are reused (incremental). With arguments, only those files are mutated.
//
// Score as Stryker counts it: (killed + timeout) / (killed + timeout + survived + no coverage).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const FOLDERS = ['src/german', 'src/model', 'src/emit/pdf/layout'];
const TARGET = 90;
const report = join(root, 'reports', 'mutation', 'mutation.json');

const args = process.argv.slice(2);
const reportOnly = args[0] === '--report-only';
if (!reportOnly) {
  const stryker = join(root, 'node_modules', '@stryker-mutator', 'core', 'bin', 'stryker.js');
  const mutate = args.length > 0 ? ['--mutate', args.join(',')] : [];
  const run = spawnSync(process.execPath, [stryker, 'run', 'stryker.config.mjs', ...mutate], { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) process.exit(run.status ?? 1);
}
if (!existsSync(report)) {
  console.error('Kein Ergebnis: reports/mutation/mutation.json fehlt.');
  process.exit(1);
}

/** `path:line Mutator` of every survivor the survivors file argues (a line with both in backticks or plain). */
const argued = new Set();
const survivorsFile = join(root, 'mutation-survivors.md');
if (existsSync(survivorsFile)) {
  for (const match of readFileSync(survivorsFile, 'utf8').matchAll(/`(src\/[^`:]+):(\d+)`\s+(\w+)/g)) argued.add(`${match[1]}:${match[2]} ${match[3]}`);
}

const { files } = JSON.parse(readFileSync(report, 'utf8'));
const DETECTED = new Set(['Killed', 'Timeout']);
const UNDETECTED = new Set(['Survived', 'NoCoverage']);
const perFolder = new Map();
const unargued = [];
for (const [path, { mutants }] of Object.entries(files)) {
  const relative = path.replace(/\\/g, '/').replace(/^.*?(?=src\/)/, '');
  const folder = FOLDERS.filter((f) => relative.startsWith(`${f}/`)).sort((a, b) => b.length - a.length)[0] ?? 'other';
  const tally = perFolder.get(folder) ?? { detected: 0, undetected: 0 };
  for (const mutant of mutants) {
    if (DETECTED.has(mutant.status)) tally.detected++;
    else if (UNDETECTED.has(mutant.status)) {
      tally.undetected++;
      const key = `${relative}:${mutant.location.start.line} ${mutant.mutatorName}`;
      if (!argued.has(key)) unargued.push(`${key} (${mutant.status}) ${JSON.stringify(mutant.replacement ?? '')}`);
    }
  }
  perFolder.set(folder, tally);
}
// src/emit/pdf/layout is inside no other folder of the list; the longest prefix wins above all the same.
console.log('\nMutation score per folder (target ≥ 90 %):');
let below = false;
for (const folder of [...FOLDERS, 'other']) {
  const tally = perFolder.get(folder);
  if (!tally) continue;
  const total = tally.detected + tally.undetected;
  const score = total === 0 ? 100 : (100 * tally.detected) / total;
  if (score < TARGET) below = true;
  console.log(`  ${folder.padEnd(22)} ${score.toFixed(1).padStart(5)} %  (${tally.detected} of ${total} detected)`);
}
console.log(`\nSurvivors not argued in mutation-survivors.md: ${unargued.length}`);
for (const line of unargued.slice(0, 200)) console.log(`  ${line}`);
process.exitCode = below ? 1 : 0;
