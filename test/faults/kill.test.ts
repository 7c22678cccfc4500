/**
 * `kim build` killed at random moments (SIGKILL, no chance to clean up) and two builds into one folder
 * at once: the output folder must only ever hold complete files (each the old or the new version, byte
 * for byte), a manifest that matches the disk, and — after a normal build — exactly the full set.
 *
 * The kill delays come from a seeded PRNG (KIM_FAULT_SEED overrides the seed; every failure message
 * names it). Where exactly a kill lands depends on the machine's speed, but the checked guarantees must
 * hold at every moment, so the outcome does not.
 */
import { cpSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkOut, cleanUp, dataWithCopies, MANIFEST, retitle, rng, snapshot, spawnKim, tempDir } from './helpers.js';

const SEED = Number(process.env['KIM_FAULT_SEED'] ?? 20_220_316);
const KILLS = 10;
const COPIES = 3; // 2 + 2·3 = 8 reports

afterAll(cleanUp);

describe('kim build: faults', () => {
  const base = tempDir();
  let ids: string[] = [];
  const refs = { old: new Map<string, Buffer>(), new: new Map<string, Buffer>() };
  /** Wall time of a full build of the new data (the upper bound of the kill delays). */
  let fullMs = 0;

  beforeAll(async () => {
    ids = dataWithCopies(join(base, 'data-old'), COPIES);
    cpSync(join(base, 'data-old'), join(base, 'data-new'), { recursive: true });
    retitle(join(base, 'data-new'), '(Fassung 2)');
    // Known-good renderings of both versions: uninterrupted builds, one after the other (the time of a
    // build alone bounds the kill delays; side by side each would take longer).
    const neu = await spawnKim(['build', '--data', 'data-new', '--out', 'ref-new'], base);
    const old = await spawnKim(['build', '--data', 'data-old', '--out', 'ref-old'], base);
    expect(old.code, old.stderr).toBe(0);
    expect(neu.code, neu.stderr).toBe(0);
    refs.old = snapshot(join(base, 'ref-old'));
    refs.new = snapshot(join(base, 'ref-new'));
    fullMs = neu.ms;
    expect(refs.new.size).toBe(ids.length * 4);
    // Every output differs between the versions, so "old or new" is a real check for each file.
    for (const [name, bytes] of refs.new) expect(refs.old.get(name)?.equals(bytes), name).toBe(false);
  });

  it(`SIGKILL at ${KILLS} random moments leaves only complete files and a true manifest (seed ${SEED})`, async () => {
    const out = join(base, 'out');
    cpSync(join(base, 'ref-old'), out, { recursive: true });
    const random = rng(SEED);
    const log: string[] = [];
    let killed = 0;
    let leftovers = 0;
    for (let run = 0; run < KILLS; run++) {
      // Alternate the versions, so every run has reports to replace, and each starts from the last one's wreck.
      const data = run % 2 === 0 ? 'data-new' : 'data-old';
      const delay = Math.round(random() * fullMs);
      const label = `seed ${SEED}, Lauf ${run + 1}/${KILLS} (${data}, Abbruch nach ${delay} ms von ${Math.round(fullMs)} ms)`;
      // --jobs 2: a worker process writes half the reports; killing the build must stop it too.
      const result = await spawnKim(['build', '--data', data, '--out', 'out', '--jobs', '2'], base, delay);
      if (result.signal === 'SIGKILL') killed++;
      else expect(result.code, `${label}: ${result.stderr}`).toBe(0);
      const state = checkOut(out, refs, label);
      leftovers += state.temps.length;
      log.push(`${label}: ${result.signal ?? `exit ${result.code}`}, ${[...state.versions.values()].filter((v) => v === 'new').length} neu, ${state.temps.length} tmp, Manifest ${state.manifestIds.length}`);
    }

    // The delays lie within one full build, so most runs must really have been killed mid-way; a test
    // whose builds all finished before the kill would prove nothing.
    expect(killed, `abgebrochene Läufe\n${log.join('\n')}`).toBeGreaterThanOrEqual(Math.ceil(KILLS / 2));

    // A normal build after all that: exit 0, exactly the new set, no temporary files, a full manifest.
    const last = await spawnKim(['build', '--data', 'data-new', '--out', 'out'], base);
    const label = `seed ${SEED}, Build nach den Abbrüchen`;
    expect(last.code, `${label}: ${last.stderr}\n${log.join('\n')}`).toBe(0);
    const state = checkOut(out, refs, label);
    expect(state.temps, label).toEqual([]);
    expect(state.manifestIds, label).toEqual(ids);
    expect(snapshot(out), label).toEqual(refs.new);
    console.info(`Abbruchtest (seed ${SEED}): ${killed} von ${KILLS} Läufen abgebrochen, ${leftovers} übrig gebliebene .tmp-Dateien gesehen und vom nächsten Build entfernt.\n${log.join('\n')}`);
  }, 120_000);

  it('two builds into the same folder at once both succeed and leave the complete, correct set', async () => {
    // Over the old version, so both replace files (and drop manifest entries) while the other writes.
    const out = join(base, 'out-2');
    cpSync(join(base, 'ref-old'), out, { recursive: true });
    const [one, two] = await Promise.all([0, 1].map(() => spawnKim(['build', '--data', 'data-new', '--out', 'out-2', '--jobs', '2'], base)));
    expect(one!.code, one!.stderr).toBe(0);
    expect(two!.code, two!.stderr).toBe(0);
    const state = checkOut(out, refs, 'zwei Builds gleichzeitig');
    expect(state.temps).toEqual([]);
    expect(snapshot(out)).toEqual(refs.new);
    expect(readdirSync(out)).toContain(MANIFEST);
    // One manifest entry per report, each written last by whoever built the report: neither run loses
    // the other's entries, so the next build skips everything.
    expect(state.manifestIds).toEqual(ids);
    const again = await spawnKim(['build', '--data', 'data-new', '--out', 'out-2'], base);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain(`0 Vorlagen erzeugt, ${ids.length} unverändert übersprungen`);
    expect(snapshot(out)).toEqual(refs.new);
    expect(checkOut(out, refs, 'danach').manifestIds).toEqual(ids);
  }, 90_000);
});
