/**
 * An output held open by another program (on Windows a PDF reader: replacing the file fails with EPERM,
 * EACCES or EBUSY until the reader lets go), injected: `node:fs/promises` is wrapped so the rename over a
 * chosen file throws a chosen errno, a given number of times. kim tries again briefly, then names the
 * file in German, keeps its previous version, and a build finishes the other reports.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { buildAll } from '../../src/batch/build.js';
import { DEFAULT_OPARL_BASE_URL } from '../../src/emit/oparl.js';
import { FileInUseError, TEMP_FILE, writeFileAtomic } from '../../src/files/atomic-write.js';
import { OutputError } from '../../src/errors.js';
import { A, B, cleanUp, dataWithCopies, readManifest, retitle, tempDir } from './helpers.js';
import { readdirSync, writeFileSync } from 'node:fs';

const fault = vi.hoisted(() => ({
  /**
   * The rename over a path containing `match` throws `code`, `times` times (Infinity: until disarmed);
   * deleting a path ending in `match` throws it too while armed.
   */
  armed: undefined as { code: string; match: string; times: number } | undefined,
  tries: 0,
}));

vi.mock('node:fs/promises', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs/promises')>();
  const rename: typeof fs.rename = async (from, to) => {
    const f = fault.armed;
    if (f && String(to).includes(f.match)) {
      fault.tries++;
      if (f.times-- > 0) throw Object.assign(new Error(`${f.code}: injiziert, rename '${String(to)}'`), { code: f.code });
    }
    return fs.rename(from, to);
  };
  // Windows cannot delete a file that is held open either (kim deletes outdated outputs before a rebuild).
  const rm: typeof fs.rm = async (path, options) => {
    const f = fault.armed;
    if (f && f.times > 0 && String(path).endsWith(f.match)) throw Object.assign(new Error(`${f.code}: injiziert, rm '${String(path)}'`), { code: f.code });
    return fs.rm(path, options);
  };
  const wrapped = { ...fs, rename, rm };
  return { ...wrapped, default: wrapped };
});

afterEach(() => {
  fault.armed = undefined;
  fault.tries = 0;
});
afterAll(cleanUp);

const noTemps = (dir: string): void => expect(readdirSync(dir).filter((n) => TEMP_FILE.test(n))).toEqual([]);

describe('writing over a file another program holds open', () => {
  it.each(['EPERM', 'EACCES', 'EBUSY'])('Windows, %s until the end: German message naming the file, the old version kept', async (code) => {
    const dir = tempDir();
    const file = join(dir, 'vorlage.pdf');
    writeFileSync(file, 'alte Fassung');
    fault.armed = { code, match: 'vorlage.pdf', times: Infinity };
    const e = await writeFileAtomic(file, 'neue Fassung', { platform: 'win32', retryDelays: [1, 1, 1] }).then(() => undefined, (x: unknown) => x);
    expect(e).toBeInstanceOf(FileInUseError);
    expect((e as Error).message).toBe(
      `Die Datei ${file} konnte nicht ersetzt werden: ein anderes Programm hält sie geöffnet. Ist die Datei in einem PDF-Programm geöffnet? Dann schließen Sie sie dort und starten kim noch einmal; bis dahin bleibt die bisherige Fassung erhalten.`,
    );
    expect(fault.tries).toBe(4); // the first try and one after each pause
    expect(readFileSync(file, 'utf8')).toBe('alte Fassung');
    noTemps(dir);
  });

  it('Windows: a file released after a moment (a virus scanner) is replaced without a word', async () => {
    const dir = tempDir();
    const file = join(dir, 'vorlage.md');
    writeFileSync(file, 'alt');
    fault.armed = { code: 'EPERM', match: 'vorlage.md', times: 2 };
    await writeFileAtomic(file, 'neu', { platform: 'win32' });
    expect(readFileSync(file, 'utf8')).toBe('neu');
    expect(fault.tries).toBe(3);
  });

  it('elsewhere EPERM on rename is a missing permission, said at once (not taken for a file in use)', async () => {
    const dir = tempDir();
    fault.armed = { code: 'EPERM', match: 'vorlage.md', times: Infinity };
    const e = await writeFileAtomic(join(dir, 'vorlage.md'), 'neu', { platform: 'linux' }).then(() => undefined, (x: unknown) => x);
    expect(e).toBeInstanceOf(OutputError);
    expect(e).not.toBeInstanceOf(FileInUseError);
    expect((e as Error).message).toContain('keine Schreibberechtigung');
    expect(fault.tries).toBe(1);
  });
});

describe('kim build with a Vorlage open in a PDF reader', () => {
  it('fails that report only, naming the file; its previous PDF stays; the other reports are built', async () => {
    const base = tempDir();
    const dataDir = join(base, 'data');
    dataWithCopies(dataDir, 0);
    const outDir = join(base, 'out');
    const options = { dataDir, outDir, formats: ['md' as const, 'pdf' as const], oparlBaseUrl: DEFAULT_OPARL_BASE_URL };
    await buildAll(options);
    const oldPdf = readFileSync(join(outDir, `${A}.pdf`));
    retitle(dataDir, '(geändert)');

    // EBUSY: "in use" on every platform, so the build's own writes (not given a platform) see it here too.
    fault.armed = { code: 'EBUSY', match: `${A}.pdf`, times: Infinity };
    const result = await buildAll(options);
    const byId = new Map(result.outcomes.map((o) => [o.id, o]));
    expect(byId.get(B)?.status).toBe('built');
    expect(byId.get(A)?.status).toBe('failed');
    expect(byId.get(A)?.message).toContain(`Die Datei ${join(outDir, `${A}.pdf`)} konnte nicht ersetzt werden`);
    expect(byId.get(A)?.message).toContain('Ist die Datei in einem PDF-Programm geöffnet?');
    expect(readFileSync(join(outDir, `${A}.pdf`)).equals(oldPdf)).toBe(true);
    expect(readFileSync(join(outDir, `${A}.md`), 'utf8')).toContain('(geändert)'); // written before the PDF failed: kept
    expect([...readManifest(outDir).keys()]).toEqual([B]); // A has no entry: the next build redoes it
    noTemps(outDir);

    fault.armed = undefined; // the reader is closed
    const again = await buildAll(options);
    expect(again.outcomes.map((o) => `${o.id} ${o.status}`).sort()).toEqual([`${A} built`, `${B} skipped`]);
    expect(readFileSync(join(outDir, `${A}.pdf`)).equals(oldPdf)).toBe(false);
  }, 60_000);
});
