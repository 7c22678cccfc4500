import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { removeTempDirs, tempDir as makeTempDir } from '../support/temp.js';
import { packageRoot } from '../../src/paths.js';
import { TEMP_FILE } from '../../src/files/atomic-write.js';
import { CLI } from '../support/cli.js';
import { copyReport } from '../support/report-copies.js';

export const A = '2021-11-16-kim-sachstand';
export const B = '2022-03-16-kim-sachstand';
/** The manifest folder in the output folder: one `<id>.json` per report (src/batch/manifest.ts). */
export const MANIFEST = '.kim';

/** The manifest entries of an output folder: report id → entry (temporary files in the folder skipped). */
export function readManifest(out: string): Map<string, { manifestVersion: number; id: string; key: string; outputs: Record<string, string> }> {
  const dir = join(out, MANIFEST);
  const names = existsSync(dir) ? readdirSync(dir).filter((n) => n.endsWith('.json') && !TEMP_FILE.test(n)) : [];
  return new Map(names.sort().map((n) => [n.slice(0, -'.json'.length), JSON.parse(readFileSync(join(dir, n), 'utf8'))]));
}

export const tempDir = (prefix = 'kim-faults-'): string => makeTempDir(prefix);
export { removeTempDirs as cleanUp };

/**
 * A copy of the example data at `dir`, with `copies` extra copies of each of its two reports under new
 * ids (each for a session of its own on the same day), so a build has 2 + 2·copies reports.
 */
export function dataWithCopies(dir: string, copies: number): string[] {
  cpSync(join(packageRoot, 'data'), dir, { recursive: true });
  const ids = [A, B];
  for (const from of [A, B]) {
    for (let i = 1; i <= copies; i++) {
      const id = `${from.slice(0, 10)}-kopie-${i}`;
      copyReport(dir, from, id);
      ids.push(id);
    }
  }
  return ids.sort();
}

/** Changes every report's title in a data folder, so that every output (md, pdf, oparl.json) differs. */
export function retitle(dir: string, suffix: string): void {
  for (const name of readdirSync(join(dir, 'reports'))) {
    const file = join(dir, 'reports', name);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: (.*)$/m, `title: $1 ${suffix}`));
  }
}

export const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** Runs the built CLI asynchronously (so two can run at once, or one can be killed); resolves on exit. */
export function spawnKim(args: string[], cwd: string, killAfterMs?: number) {
  const started = performance.now();
  const child = spawn(process.execPath, [CLI, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  let stdout = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const timer = killAfterMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), killAfterMs);
  // 'close' comes once the process has exited and its stdout and stderr are closed, i.e. also after any
  // worker process of kim build (which shares the stdout) has exited.
  return new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string; ms: number }>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, ms: performance.now() - started });
    });
  });
}

/** Small seeded PRNG (mulberry32): the same seed gives the same kill delays on every run. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Every output file of a reference build: name → bytes. */
export function snapshot(dir: string): Map<string, Buffer> {
  return new Map(
    readdirSync(dir)
      .filter((n) => !n.startsWith('.'))
      .sort()
      .map((n) => [n, readFileSync(join(dir, n))]),
  );
}

export interface OutState {
  /** Output name → which reference it equals. */
  versions: Map<string, 'old' | 'new' | 'both'>;
  /** Leftover temporary files (allowed after SIGKILL only). */
  temps: string[];
  /** Report ids in the manifest, sorted (every entry already checked against the disk). */
  manifestIds: string[];
}

/**
 * Checks the fault guarantees for an output folder and returns what it found; throws (with `label`,
 * which carries the seed) on the first violation:
 * - every visible file is an output a reference build also made, byte for byte the old or the new one,
 *   and parses (PDF header and %%EOF trailer, OParl JSON);
 * - hidden files are only the manifest folder (entries and claims) and temporary files named like
 *   writeFileAtomic's (there and in the manifest folder);
 * - each manifest entry parses, names its own report, and its output hashes match the files on disk.
 */
export function checkOut(out: string, refs: { old: Map<string, Buffer>; new: Map<string, Buffer> }, label: string): OutState {
  const fail = (what: string): never => {
    throw new Error(`${label}: ${what}`);
  };
  const versions = new Map<string, 'old' | 'new' | 'both'>();
  const temps: string[] = [];
  const names = existsSync(out) ? readdirSync(out) : [];
  for (const name of names) {
    if (name === MANIFEST) {
      for (const inner of readdirSync(join(out, MANIFEST))) {
        if (TEMP_FILE.test(inner)) temps.push(`${MANIFEST}/${inner}`);
        else if (!inner.endsWith('.json') && !inner.endsWith('.claim')) fail(`unerwartete Datei ${MANIFEST}/${inner}`);
      }
      continue;
    }
    if (name.startsWith('.')) {
      if (!TEMP_FILE.test(name)) fail(`unerwartete versteckte Datei ${name}`);
      temps.push(name);
      continue;
    }
    const bytes = readFileSync(join(out, name));
    const old = refs.old.get(name);
    const neu = refs.new.get(name);
    if (!old && !neu) fail(`unerwartete Datei ${name}`);
    const isOld = old?.equals(bytes) ?? false;
    const isNew = neu?.equals(bytes) ?? false;
    if (!isOld && !isNew) fail(`${name} (${bytes.length} Bytes) ist weder die alte noch die neue Fassung`);
    versions.set(name, isOld && isNew ? 'both' : isOld ? 'old' : 'new');
    if (name.endsWith('.pdf') && !pdfComplete(bytes)) fail(`${name} ist kein vollständiges PDF`);
    if (name.endsWith('.json')) JSON.parse(bytes.toString('utf8'));
    if (name.endsWith('.md') && bytes.length === 0) fail(`${name} ist leer`);
  }
  let manifest: ReturnType<typeof readManifest>;
  try {
    manifest = readManifest(out);
  } catch (cause) {
    return fail(`Manifest unlesbar: ${String(cause)}`);
  }
  const manifestIds = [...manifest.keys()];
  for (const [id, entry] of manifest) {
    if (entry.manifestVersion !== 2) fail(`Manifest von ${id} hat eine falsche Version`);
    if (entry.id !== id) fail(`Manifest ${id}.json nennt die Vorlage ${entry.id}`);
    for (const [name, hash] of Object.entries(entry.outputs)) {
      const path = join(out, name);
      if (!existsSync(path)) fail(`Manifest nennt ${name} (${id}), die Datei fehlt`);
      if (sha256(readFileSync(path)) !== hash) fail(`Manifest: Hash von ${name} (${id}) stimmt nicht mit der Datei überein`);
    }
    // Files of one report the manifest vouches for belong together: the OParl file describes that PDF.
    if (entry.outputs[`${id}.pdf`] && entry.outputs[`${id}.oparl.json`]) {
      const pdf = readFileSync(join(out, `${id}.pdf`));
      const paper = JSON.parse(readFileSync(join(out, `${id}.oparl.json`), 'utf8')) as { mainFile?: { size: number; sha512Checksum: string } };
      if (paper.mainFile?.sha512Checksum !== createHash('sha512').update(pdf).digest('hex') || paper.mainFile.size !== pdf.length) {
        fail(`${id}.oparl.json beschreibt nicht die ${id}.pdf daneben`);
      }
    }
  }
  return { versions, temps, manifestIds };
}

/**
 * A quick trailer check: `%PDF-` at the start, `startxref <offset> %%EOF` at the end, and the offset
 * points at the cross-reference table. A truncated file fails all three.
 */
export function pdfComplete(bytes: Uint8Array): boolean {
  const buf = Buffer.from(bytes);
  if (buf.subarray(0, 5).toString('latin1') !== '%PDF-') return false;
  const m = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(buf.subarray(-64).toString('latin1'));
  if (!m) return false;
  return buf.subarray(Number(m[1]), Number(m[1]) + 4).toString('latin1') === 'xref';
}
