// `npm run mutation [-- <folder name | file> …] [--report-only]`: StrykerJS over src/german, src/model and
// src/emit/pdf/layout, one run per folder against that folder's tests (scripts/mutation-folders.mjs says
// which and why), then the mutation score per folder and every survivor that mutation-survivors.md does
// not argue as equivalent. Not part of CI: a run takes long; results of unchanged code and tests are reused
// (incremental). `german`, `model`, `layout` run one folder; a file path runs only that file (its results
// are kept apart: reports/mutation/<folder>.partial.json); `--report-only` prints the last results.
//
// Every run's results are merged file by file into reports/mutation/<folder>.scores.json, so a run over
// one file updates that file's figures; a file whose source changed since it was measured is shown as
// stale (and fails the target) until it is measured again.
//
// Score as Stryker counts it: (killed + timeout) / (killed + timeout + survived + no coverage); static
// mutants are left out (stryker.config.mjs says why).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MUTATION_FOLDERS } from './mutation-folders.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const TARGET = 90;
const stryker = join(root, 'node_modules', '@stryker-mutator', 'core', 'bin', 'stryker.js');

const args = process.argv.slice(2);
const reportOnly = args.includes('--report-only') || args.includes('--merge');
// `--merge <stryker json>`: results measured elsewhere (another worktree, with the same folder tests) are
// taken into the scores file by file; stale sources are still caught below.
const mergeIndex = args.indexOf('--merge');
const merged = mergeIndex >= 0 ? args[mergeIndex + 1] : undefined;
const named = args.filter((a, i) => a !== '--report-only' && (mergeIndex < 0 || (i !== mergeIndex && i !== mergeIndex + 1)));
const files = named.filter((a) => a.includes('/'));
const folderOf = (file) => MUTATION_FOLDERS.find((f) => file.replace(/\\/g, '/').startsWith(`${f.folder}/`));
for (const file of files) {
  if (!folderOf(file)) {
    console.error(`${file}: liegt in keinem der Ordner ${MUTATION_FOLDERS.map((f) => f.folder).join(', ')}.`);
    process.exit(2);
  }
}
const unknown = named.filter((a) => !a.includes('/') && !MUTATION_FOLDERS.some((f) => f.name === a));
if (unknown.length > 0) {
  console.error(`Unbekannter Ordner: ${unknown.join(', ')} (bekannt: ${MUTATION_FOLDERS.map((f) => f.name).join(', ')}).`);
  process.exit(2);
}
const partial = files.length > 0;
const chosen = MUTATION_FOLDERS.filter((f) => (partial ? files.some((file) => folderOf(file) === f) : named.length === 0 || named.includes(f.name)));

const resultsOf = (folder) => join(root, 'reports', 'mutation', `${folder.name}${partial ? '.partial' : ''}.json`);

if (!reportOnly) {
  for (const folder of chosen) {
    const mutate = partial ? ['--mutate', files.filter((file) => folderOf(file) === folder).join(',')] : [];
    console.log(`\n== ${folder.folder}: Tests ${folder.tests.join(', ')}`);
    const env = {
      ...process.env,
      KIM_MUTATION_FOLDER: folder.name,
      ...(partial ? { KIM_MUTATION_PARTIAL: '1' } : {}),
    };
    const run = spawnSync(process.execPath, [stryker, 'run', 'stryker.config.mjs', ...mutate], { cwd: root, stdio: 'inherit', env });
    if (run.status !== 0) process.exit(run.status ?? 1);
  }
}

/** A file of imports and re-exports only (an index.ts) has nothing to mutate. */
const reExportsOnly = (text) =>
  text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .split('\n')
    .map((line) => line.replace(/\/\/.*$/, '').trim())
    .every((line) => line === '' || /^(import |export (type )?(\{[^}]*\}|\*) from )/.test(line));
/** Every .ts file of a folder that Stryker mutates (stryker.config.mjs: not types.ts, not generated/). */
const sourcesOf = (dir) =>
  readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return entry.name === 'generated' ? [] : sourcesOf(path);
    return entry.name.endsWith('.ts') && entry.name !== 'types.ts' && !reExportsOnly(readFileSync(join(root, path), 'utf8')) ? [path] : [];
  });
/** The folder's accumulated results: relative path → { source, mutants } of the file's last measurement. */
const scoresOf = (folder) => join(root, 'reports', 'mutation', `${folder.name}.scores.json`);
const relativeOf = (path) => path.replace(/\\/g, '/').replace(/^.*?(?=src\/)/, '');
for (const folder of chosen) {
  const scores = existsSync(scoresOf(folder)) ? JSON.parse(readFileSync(scoresOf(folder), 'utf8')) : {};
  const report = merged ?? (reportOnly ? undefined : resultsOf(folder));
  if (report && existsSync(report)) {
    // A Stryker report ({ files }) or another worktree's scores file (path → { source, mutants }).
    const parsed = JSON.parse(readFileSync(report, 'utf8'));
    for (const [path, { source, mutants }] of Object.entries(parsed.files ?? parsed)) {
      if (relativeOf(path).startsWith(`${folder.folder}/`)) scores[relativeOf(path)] = { source, mutants };
    }
    // A run over the whole folder lists only files with mutants; the others (re-exports) have none.
    if (!merged && !partial) {
      for (const relative of sourcesOf(folder.folder))
        scores[relative] ??= {
          source: readFileSync(join(root, relative), 'utf8'),
          mutants: [],
        };
    }
    writeFileSync(scoresOf(folder), JSON.stringify(scores));
  }
}

/** `path:line Mutator` of every survivor the survivors file argues. */
const argued = new Set();
const survivorsFile = join(root, 'mutation-survivors.md');
if (existsSync(survivorsFile)) {
  for (const match of readFileSync(survivorsFile, 'utf8').matchAll(/`(src\/[^`:]+):(\d+)`\s+(\w+)/g)) argued.add(`${match[1]}:${match[2]} ${match[3]}`);
}

const DETECTED = new Set(['Killed', 'Timeout']);
const UNDETECTED = new Set(['Survived', 'NoCoverage']);
const percent = (detected, total) => (total === 0 ? 100 : (100 * detected) / total).toFixed(1).padStart(5);
const unargued = [];
let below = false;
console.log(`\nMutation score per folder (target ≥ ${TARGET} %; static mutants left out):`);
for (const folder of MUTATION_FOLDERS.filter((f) => chosen.includes(f))) {
  const scores = existsSync(scoresOf(folder)) ? JSON.parse(readFileSync(scoresOf(folder), 'utf8')) : {};
  const perFile = [];
  let detected = 0;
  let undetected = 0;
  let incomplete = false;
  for (const relative of sourcesOf(folder.folder).sort()) {
    const measured = scores[relative];
    if (!measured) {
      perFile.push(`      ${relative.padEnd(44)}   –    nicht gemessen`);
      incomplete = true;
      continue;
    }
    const stale = measured.source !== readFileSync(join(root, relative), 'utf8');
    if (stale) incomplete = true;
    let fileDetected = 0;
    let fileUndetected = 0;
    for (const mutant of measured.mutants) {
      if (DETECTED.has(mutant.status)) fileDetected++;
      else if (UNDETECTED.has(mutant.status)) {
        fileUndetected++;
        const key = `${relative}:${mutant.location.start.line} ${mutant.mutatorName}`;
        if (!argued.has(key)) unargued.push(`${key} (${mutant.status}) ${JSON.stringify(mutant.replacement ?? '')}`);
      }
    }
    detected += fileDetected;
    undetected += fileUndetected;
    const total = fileDetected + fileUndetected;
    if (total > 0 || stale)
      perFile.push(
        `      ${relative.padEnd(44)} ${percent(fileDetected, total)} %  (${fileDetected} of ${total})${stale ? '  veraltet: Quelle seitdem geändert' : ''}`,
      );
  }
  const total = detected + undetected;
  if (incomplete || (100 * detected) / Math.max(total, 1) < TARGET) below = true;
  console.log(
    `  ${folder.folder.padEnd(22)} ${percent(detected, total)} %  (${detected} of ${total} detected${incomplete ? '; unvollständig' : ''}; tests: ${folder.tests.join(', ')})`,
  );
  for (const line of perFile) console.log(line);
}
console.log(`\nSurvivors not argued in mutation-survivors.md: ${unargued.length}`);
for (const line of unargued.slice(0, 300)) console.log(`  ${line}`);
process.exitCode = below ? 1 : 0;
