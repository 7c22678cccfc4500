/**
 * Write failures, injected: `node:fs/promises` is wrapped so a chosen call (mkdir, open, write, fsync,
 * rename) of a chosen file throws a chosen errno. Tests run as root, where a read-only folder (chmod 555)
 * does not stop writes, and a full disk cannot be had on demand: injection is the only reliable way.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { buildAll } from '../../src/batch/build.js';
import { DEFAULT_OPARL_BASE_URL } from '../../src/emit/oparl.js';
import { removeStaleTempFiles, TEMP_FILE, writeFailureReason, writeFileAtomic } from '../../src/files/atomic-write.js';
import { OutputError } from '../../src/errors.js';
import { A, B, checkOut, cleanUp, dataWithCopies, MANIFEST, readManifest, retitle, snapshot, tempDir } from './helpers.js';

type Stage = 'mkdir' | 'open' | 'write' | 'sync' | 'rename';

const fault = vi.hoisted(() => ({
  /** Throw `code` at `stage` for a path containing `match` (then disarm, unless `sticky`). */
  armed: undefined as { stage: string; code: string; match: string; sticky?: boolean } | undefined,
  /** Called at each stage with the path, before the real call (to look at the disk at that moment). */
  spy: undefined as ((stage: string, path: string) => void) | undefined,
}));

vi.mock('node:fs/promises', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs/promises')>();
  const hit = (stage: string, path: unknown): void => {
    fault.spy?.(stage, String(path));
    const f = fault.armed;
    if (!f || f.stage !== stage || !String(path).includes(f.match)) return;
    if (!f.sticky) fault.armed = undefined;
    throw Object.assign(new Error(`${f.code}: injiziert, ${stage} '${String(path)}'`), { code: f.code });
  };
  const open: typeof fs.open = async (path, ...rest) => {
    hit('open', path);
    const handle = await fs.open(path, ...rest);
    const { writeFile, sync } = handle;
    // A failing write leaves a partly written temporary file behind, as a full disk would.
    handle.writeFile = async (data, options) => {
      try {
        hit('write', path);
      } catch (cause) {
        await writeFile.call(handle, typeof data === 'string' ? data.slice(0, 10) : 'teilweise', options as never);
        throw cause;
      }
      return writeFile.call(handle, data, options as never);
    };
    handle.sync = async () => {
      hit('sync', path);
      return sync.call(handle);
    };
    return handle;
  };
  const mkdir = (async (path: Parameters<typeof fs.mkdir>[0], options?: Parameters<typeof fs.mkdir>[1]) => {
    hit('mkdir', path);
    return fs.mkdir(path, options);
  }) as typeof fs.mkdir;
  const rename: typeof fs.rename = async (from, to) => {
    hit('rename', to);
    return fs.rename(from, to);
  };
  const wrapped = { ...fs, open, mkdir, rename };
  return { ...wrapped, default: wrapped };
});

afterEach(() => {
  fault.armed = undefined;
  fault.spy = undefined;
});
afterAll(cleanUp);

/** Every errno a write can end in, the German reason the user reads, and a stage where it happens. */
const CASES: [code: string, stage: Stage, reason: RegExp][] = [
  ['EACCES', 'open', /keine Schreibberechtigung für den Ausgabeordner/],
  ['EPERM', 'rename', /keine Schreibberechtigung für den Ausgabeordner/],
  ['EROFS', 'mkdir', /das Dateisystem ist schreibgeschützt/],
  ['ENOSPC', 'write', /kein Speicherplatz mehr auf dem Datenträger/],
  ['ENOSPC', 'sync', /kein Speicherplatz mehr auf dem Datenträger/],
  ['EDQUOT', 'write', /Speicherkontingent \(Quota\) ist erschöpft/],
  ['ENOTDIR', 'mkdir', /der Ausgabepfad ist kein Ordner/],
  ['EISDIR', 'rename', /an ihrer Stelle liegt ein Ordner/],
  ['ENAMETOOLONG', 'open', /der Pfad ist zu lang/],
  ['EMFILE', 'open', /zu viele offene Dateien/],
  ['EIO', 'sync', /Ein-\/Ausgabefehler des Datenträgers/],
  ['ENOENT', 'rename', /während des Schreibens verschwunden/],
  ['EWHATEVER', 'write', /Systemfehler EWHATEVER/],
];

describe('writeFileAtomic: write errors', () => {
  // EEXIST at mkdir is no error for a folder that exists; for a file in the folder's place it is.
  it('a file where the output folder belongs: German reason, the file intact', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'out'), 'eine Datei\n');
    const error = await writeFileAtomic(join(dir, 'out', 'vorlage.md'), 'neu\n').then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(OutputError);
    expect((error as OutputError).message).toBe(`Die Datei ${join(dir, 'out', 'vorlage.md')} konnte nicht geschrieben werden: der Ausgabepfad ist kein Ordner.`);
    expect(readFileSync(join(dir, 'out'), 'utf8')).toBe('eine Datei\n');
  });

  it.each(CASES)('%s at %s: German reason, old file intact, no temporary file left', async (code, stage, reason) => {
    const dir = tempDir();
    const target = join(dir, 'vorlage.md');
    writeFileSync(target, 'alte Fassung\n');
    // mkdir gets the folder, the other calls the temporary file (named after the target).
    fault.armed = { stage, code, match: stage === 'mkdir' ? dir : 'vorlage.md' };
    const error = await writeFileAtomic(target, 'neue Fassung\n').then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(fault.armed, 'der Fehler wurde nicht ausgelöst').toBeUndefined();
    expect(error).toBeInstanceOf(OutputError);
    const message = (error as OutputError).message;
    expect(message).toMatch(new RegExp(`^Die Datei ${target.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} konnte nicht geschrieben werden: `));
    expect(message).toMatch(reason);
    expect(message).not.toMatch(/\n|at .*\.(ts|js)/);
    expect((error as OutputError).exitCode).toBe(1);
    expect(readFileSync(target, 'utf8')).toBe('alte Fassung\n');
    expect(readdirSync(dir)).toEqual(['vorlage.md']);
  });

  it('maps an error without code to a readable reason', () => {
    expect(writeFailureReason(new Error('kaputt'))).toBe('Systemfehler kaputt');
    expect(writeFailureReason(undefined)).toBe('Systemfehler undefined');
  });

  it('keeps the old content visible until the complete new file is renamed over it', async () => {
    const dir = tempDir();
    const target = join(dir, 'vorlage.pdf');
    writeFileSync(target, 'alt');
    const seen: string[] = [];
    fault.spy = (stage, path) => {
      if (stage !== 'sync' && stage !== 'rename') return;
      // At fsync and just before the rename: the target is untouched; the new bytes are in a hidden
      // temporary file in the same folder (same file system, so the rename is atomic).
      const temps = readdirSync(dir).filter((n) => TEMP_FILE.test(n));
      seen.push(`${stage}: ${readFileSync(target, 'utf8')} ${temps.length} ${temps.map((t) => readFileSync(join(dir, t), 'utf8')).join()}`);
      if (stage === 'sync') expect(path).toBe(join(dir, temps[0]!));
      expect(temps[0]).toMatch(new RegExp(`^\\.vorlage\\.pdf\\.${process.pid}\\.[0-9a-f]{8}\\.tmp$`));
    };
    await writeFileAtomic(target, 'neu');
    expect(seen).toEqual(['sync: alt 1 neu', 'rename: alt 1 neu']);
    expect(readFileSync(target, 'utf8')).toBe('neu');
    expect(readdirSync(dir)).toEqual(['vorlage.pdf']);
  });
});

describe('removeStaleTempFiles', () => {
  it('removes temporary files of dead processes only', async () => {
    const dir = tempDir();
    // A pid above the kernel's maximum (pid_max ≤ 4194304) belongs to no process.
    const dead = '.x.md.99999999.0123abcd.tmp';
    const mine = `.x.md.${process.pid}.0123abcd.tmp`;
    const parent = `.x.pdf.${process.ppid}.89abcdef.tmp`;
    const others = ['x.md', '.kim', '.x.md.tmp', '.x.md.99999999.nothex!.tmp'];
    for (const n of [dead, mine, parent, ...others]) writeFileSync(join(dir, n), '');
    expect(await removeStaleTempFiles(dir)).toEqual([dead]);
    expect(readdirSync(dir).sort()).toEqual([mine, parent, ...others].sort());
    expect(await removeStaleTempFiles(join(dir, 'fehlt'))).toEqual([]);
  });
});

describe('kim build (library): a write error stops the build cleanly', () => {
  it('ENOSPC in the middle: OutputError, the report is not left half replaced, the next build completes', async () => {
    const base = tempDir();
    const dataDir = join(base, 'data');
    dataWithCopies(dataDir, 0);
    const outDir = join(base, 'out');
    const options = { dataDir, outDir, formats: ['md' as const], oparlBaseUrl: DEFAULT_OPARL_BASE_URL };
    await buildAll(options);
    const old = snapshot(outDir);
    retitle(dataDir, '(Fassung 2)');
    // B's Markdown is written, then its OParl file hits a full disk.
    fault.armed = { stage: 'write', code: 'ENOSPC', match: `${B}.oparl.json` };
    const error = await buildAll(options).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(OutputError);
    expect((error as Error).message).toMatch(new RegExp(`${B}\\.oparl\\.json konnte nicht geschrieben werden: kein Speicherplatz mehr auf dem Datenträger\\. Der Build wurde abgebrochen\\.$`));
    const files = readdirSync(outDir);
    expect(files.filter((n) => n.endsWith('.tmp'))).toEqual([]);
    // A is complete and new; B (half new) was removed with its manifest entry rather than left mixed.
    expect(files.filter((n) => n.startsWith(B))).toEqual([]);
    expect([...readManifest(outDir).keys()]).toEqual([A]);
    expect(readFileSync(join(outDir, `${A}.md`), 'utf8')).toContain('(Fassung 2)');

    const again = await buildAll(options);
    expect(again.outcomes.map((o) => `${o.id} ${o.status}`)).toEqual([`${A} skipped`, `${B} built`]);
    expect(snapshot(outDir).size).toBe(old.size);
  });

  it('ENOSPC on a manifest entry: that report loses its new, unvouched outputs; the outdated outputs of the reports not yet rebuilt are gone too', async () => {
    const base = tempDir();
    const dataDir = join(base, 'data');
    dataWithCopies(dataDir, 0);
    const outDir = join(base, 'out');
    const options = { dataDir, outDir, formats: ['md' as const], oparlBaseUrl: DEFAULT_OPARL_BASE_URL };
    await buildAll(options);
    const old = snapshot(outDir);
    retitle(dataDir, '(Fassung 2)');
    fault.armed = { stage: 'write', code: 'ENOSPC', match: `${MANIFEST}/`, sticky: true };
    await expect(buildAll(options)).rejects.toThrow(new RegExp(`\\.kim/${A}\\.json konnte nicht geschrieben werden: kein Speicherplatz mehr auf dem Datenträger\\. Der Build wurde abgebrochen\\.$`));
    fault.armed = undefined;
    // A's entry could not be written after its files: its files (new, but vouched for by nothing) are
    // removed. B's old files and entry were removed before the build rendered anything (B was out of
    // date), so the folder holds no outdated Vorlage either: it is empty.
    expect([...readManifest(outDir).keys()]).toEqual([]);
    expect([...snapshot(outDir).keys()]).toEqual([]);
    expect(readdirSync(outDir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    expect(readdirSync(join(outDir, MANIFEST)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    checkOut(outDir, { old, new: new Map() }, 'nach ENOSPC am Manifest');

    const again = await buildAll(options);
    expect(again.outcomes.map((o) => `${o.id} ${o.status}`)).toEqual([`${A} built`, `${B} built`]);
  });

  it('a read-only output folder (EROFS everywhere) fails at the first file, with nothing written', async () => {
    const base = tempDir();
    const dataDir = join(base, 'data');
    dataWithCopies(dataDir, 0);
    const outDir = join(base, 'out');
    mkdirSync(outDir);
    fault.armed = { stage: 'open', code: 'EROFS', match: outDir, sticky: true };
    await expect(buildAll({ dataDir, outDir, formats: ['md'], oparlBaseUrl: DEFAULT_OPARL_BASE_URL })).rejects.toThrow(
      new RegExp(`^Die Datei ${outDir}/${A}\\.md konnte nicht geschrieben werden: das Dateisystem ist schreibgeschützt \\(nur lesbar eingehängt\\)\\. Der Build wurde abgebrochen\\.$`),
    );
    // (The injected fault lets mkdir through: the manifest folder is there, and empty.)
    expect(readdirSync(join(outDir, MANIFEST))).toEqual([]);
    expect(readdirSync(outDir)).toEqual([MANIFEST]);
  });

  it('the kill-test checks reject a torn file, a wrong manifest hash and a torn manifest', () => {
    // checkOut is shared with kill.test.ts; make sure it really rejects what it must.
    const dir = tempDir();
    const refs = { old: new Map([['x.md', Buffer.from('alt')]]), new: new Map([['x.md', Buffer.from('neu')]]) };
    writeFileSync(join(dir, 'x.md'), 'ne');
    expect(() => checkOut(dir, refs, 't')).toThrow(/weder die alte noch die neue/);
    writeFileSync(join(dir, 'x.md'), 'neu');
    mkdirSync(join(dir, MANIFEST));
    writeFileSync(join(dir, MANIFEST, 'x.json'), JSON.stringify({ manifestVersion: 2, id: 'x', key: 'k', outputs: { 'x.md': 'falsch' } }));
    expect(() => checkOut(dir, refs, 't')).toThrow(/Hash von x\.md/);
    writeFileSync(join(dir, MANIFEST, 'x.json'), JSON.stringify({ manifestVersion: 2, id: 'y', key: 'k', outputs: {} }));
    expect(() => checkOut(dir, refs, 't')).toThrow(/nennt die Vorlage y/);
    writeFileSync(join(dir, MANIFEST, 'x.json'), '{"manifestVersion": 2, "out');
    expect(() => checkOut(dir, refs, 't')).toThrow(/Manifest unlesbar/);
  });
});
