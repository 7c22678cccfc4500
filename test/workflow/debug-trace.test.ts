import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanUp, exampleRepo, runKim, tempDir } from './helpers.js';

afterAll(cleanUp);

const A = '2021-11-16-kim-sachstand';
const B = '2022-03-16-kim-sachstand';
/** The trace lines of one namespace in a run's stderr. */
const traced = (stderr: string, namespace: string): string[] => stderr.split('\n').filter((l) => l.startsWith(`kim:${namespace} `));

describe('KIM_DEBUG: why a report was rebuilt or skipped', () => {
  const repo = exampleRepo();
  const build = (env: Record<string, string> = {}) => runKim(['build', '--format', 'md'], { cwd: repo, env });

  it('says a first build has no manifest entry, and a second skips each report for its unchanged build key', () => {
    const first = build({ KIM_DEBUG: 'build' });
    expect(first.code, first.stderr).toBe(0);
    expect(traced(first.stderr, 'build')).toEqual([A, B].map((id) => expect.stringMatching(new RegExp(`^kim:build ${id}: neu erzeugt, weil kein Manifest-Eintrag da ist`))));

    const second = build({ KIM_DEBUG: 'build' });
    expect(second.code, second.stderr).toBe(0);
    expect(traced(second.stderr, 'build')).toEqual([A, B].map((id) => expect.stringMatching(new RegExp(`^kim:build ${id}: übersprungen, weil der Build-Schlüssel unverändert ist`))));
  });

  it('names the data file whose change rebuilds the reports', () => {
    appendFileSync(join(repo, 'data', 'staff.yaml'), '\n# geändert\n');
    const run = build({ KIM_DEBUG: 'build' });
    expect(run.code, run.stderr).toBe(0);
    expect(traced(run.stderr, 'build')).toEqual([`kim:build ${A}: neu erzeugt, weil sich geändert hat: staff.yaml`, `kim:build ${B}: neu erzeugt, weil sich geändert hat: staff.yaml`]);
  });

  it('traces only the namespaces asked for, and all of them for *', () => {
    const pool = build({ KIM_DEBUG: 'pool' });
    expect(traced(pool.stderr, 'build')).toEqual([]);
    expect(traced(pool.stderr, 'pool')).toEqual(['kim:pool keine Hilfsprozesse: --jobs ist 1, dieser Prozess erzeugt alle Vorlagen']);
    const all = build({ KIM_DEBUG: '*' });
    expect(traced(all.stderr, 'build')).toHaveLength(2);
    expect(traced(all.stderr, 'pool')).toHaveLength(1);
  });

  it('prints nothing extra without KIM_DEBUG', () => {
    const quiet = build({ KIM_DEBUG: '' });
    const unset = runKim(['build', '--format', 'md'], { cwd: repo });
    for (const run of [quiet, unset]) {
      expect(run.code, run.stderr).toBe(0);
      expect(run.stderr).not.toContain('kim:');
    }
  });
});

describe('KIM_DEBUG=cache: which disk cache entry was hit', () => {
  it('misses each data file on a cold cache and hits it on the next run, naming files and never the cache folder', () => {
    const repo = exampleRepo();
    const cache = tempDir('kim-debug-cache-');
    const validate = () => runKim(['validate'], { cwd: repo, env: { KIM_DEBUG: 'cache', KIM_CACHE: 'on', KIM_CACHE_DIR: cache } });
    const cold = validate();
    expect(cold.code, cold.stderr).toBe(0);
    expect(traced(cold.stderr, 'cache')).toContainEqual(expect.stringMatching(/^kim:cache Datendatei staff\.yaml: nicht im Disk-Cache \(parsed\/[0-9a-f]{12}\), wird neu erzeugt$/));
    const warm = validate();
    expect(traced(warm.stderr, 'cache')).toContainEqual(expect.stringMatching(/^kim:cache Datendatei staff\.yaml: Treffer im Disk-Cache \(parsed\/[0-9a-f]{12}\)$/));
    expect(traced(warm.stderr, 'cache').filter((l) => l.includes('nicht im Disk-Cache'))).toEqual([]);
    expect(cold.stderr + warm.stderr).not.toContain(cache);
  });

  it('says so when the cache is switched off', () => {
    const run = runKim(['validate'], { cwd: exampleRepo(), env: { KIM_DEBUG: 'cache', KIM_CACHE: 'off' } });
    expect(traced(run.stderr, 'cache')).toEqual([expect.stringContaining('Disk-Cache ausgeschaltet (KIM_CACHE=off)')]);
  });
});
