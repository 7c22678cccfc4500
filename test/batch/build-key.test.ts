/**
 * kim build skips a report whose build key is unchanged; the key holds what the report's render read
 * (src/batch/recorded-reads.ts), not a hand-kept list. Each input a render reads, changed, rebuilds the
 * report and KIM_DEBUG=build names it; a field of another report the render does not read leaves it alone.
 */
import { appendFileSync, cpSync, readFileSync, writeFileSync } from 'node:fs';
import { crc32 } from 'node:zlib';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { canonical, hashOfRead, READ_NAMES } from '../../src/batch/recorded-reads.js';
import { packageRoot } from '../../src/paths.js';
import type { Dataset } from '../../src/model/types.js';
import { cleanUp, exampleRepo, runKim, tempDir } from '../workflow/helpers.js';

afterAll(cleanUp);

const A = '2021-11-16-kim-sachstand';
const B = '2022-03-16-kim-sachstand';

/** What KIM_DEBUG=build says about each report in one Markdown build of `repo`, by report id. */
function buildTraces(repo: string): Map<string, string> {
  const r = runKim(['build', '--format', 'md', '--jobs', '1'], { cwd: repo, env: { KIM_DEBUG: 'build' } });
  expect(r.code, r.stderr).toBe(0);
  return new Map(r.stderr.split('\n').flatMap((l): [string, string][] => {
    const m = /^kim:build (\S+): (.*)$/.exec(l);
    return m ? [[m[1]!, m[2]!]] : [];
  }));
}

/** What KIM_DEBUG=build says about report `id` in a Markdown build of `repo`. */
function buildTrace(repo: string, id: string): string {
  const line = buildTraces(repo).get(id);
  expect(line).toBeDefined();
  return line!;
}

const SKIPPED = /^übersprungen, weil der Build-Schlüssel unverändert ist/;

function edit(file: string, from: string, to: string): void {
  const text = readFileSync(file, 'utf8');
  expect(text).toContain(from);
  writeFileSync(file, text.replace(from, to));
}

describe('the build key of a report holds what its render read', () => {
  const repo = exampleRepo();
  const reportA = join(repo, 'data', 'reports', `${A}.yaml`);

  it('a second build skips the report', () => {
    buildTrace(repo, B);
    expect(buildTrace(repo, B)).toMatch(SKIPPED);
  });

  it('the previous report\'s Stand, which the Vorlage tells: rebuilt, and the trace names it', () => {
    edit(reportA, 'stand: 2021-10-01', 'stand: 2021-10-04');
    expect(buildTrace(repo, B)).toBe(`neu erzeugt, weil sich geändert hat: ${READ_NAMES.field('stand')}`);
  });

  it('the previous report\'s Drucksachennummer ({letzteVorlage}), which it did not have before: rebuilt', () => {
    edit(reportA, 'stand: 2021-10-04', 'reference: DS 2021/117\nstand: 2021-10-04');
    expect(buildTrace(repo, B)).toBe(`neu erzeugt, weil sich geändert hat: ${READ_NAMES.field('reference')}`);
  });

  it('a field of the previous report the render does not read (its title): skipped', () => {
    edit(reportA, 'title: Kommunales Integrationsmanagement - Sachstand', 'title: KIM - Sachstand');
    const traces = buildTraces(repo);
    expect(traces.get(A)).toBe(`neu erzeugt, weil sich geändert hat: reports/${A}.yaml`);
    expect(traces.get(B)).toMatch(SKIPPED);
  });

  it('a new report, which may be the previous one now: rebuilt for the list of reports', () => {
    const meetings = join(repo, 'data', 'meetings.yaml');
    const line = '  - { id: asi-2021-11-16, committee: asi, date: 2021-11-16, public: true }\n';
    edit(meetings, line, `${line}  - { id: asi-2022-01-19, committee: asi, date: 2022-01-19, public: true }\n`);
    expect(buildTrace(repo, B)).toMatch(/^neu erzeugt, weil sich geändert hat: meetings\.yaml$/);
    const copy = readFileSync(reportA, 'utf8').replace(`id: ${A}`, 'id: 2022-01-19-kim-sachstand').replace('session: asi-2021-11-16', 'session: asi-2022-01-19').replace('stand: 2021-10-04', 'stand: 2022-01-03').replace('reference: DS 2021/117\n', '');
    writeFileSync(join(repo, 'data', 'reports', '2022-01-19-kim-sachstand.yaml'), copy);
    expect(buildTrace(repo, B)).toContain(READ_NAMES.reportList);
  });

  it.each(['organisation.yaml', 'programme.yaml', 'staff.yaml', 'assignments.yaml', 'meetings.yaml'])('the shared data file %s: rebuilt', (file) => {
    appendFileSync(join(repo, 'data', file), '\n# geändert\n');
    expect(buildTrace(repo, B)).toBe(`neu erzeugt, weil sich geändert hat: ${file}`);
  });

  it('the report\'s own file: rebuilt', () => {
    appendFileSync(join(repo, 'data', 'reports', `${B}.yaml`), '\n# geändert\n');
    expect(buildTrace(repo, B)).toBe(`neu erzeugt, weil sich geändert hat: reports/${B}.yaml`);
  });
});

/** The same picture with a text chunk before its end: other bytes, still a valid PNG. */
function withText(png: Buffer, text: string): Buffer {
  const data = Buffer.from(`Comment\0${text}`, 'latin1');
  const type = Buffer.from('tEXt', 'latin1');
  const chunk = Buffer.alloc(12 + data.length);
  chunk.writeUInt32BE(data.length, 0);
  type.copy(chunk, 4);
  data.copy(chunk, 8);
  chunk.writeUInt32BE(crc32(Buffer.concat([type, data])), 8 + data.length);
  const end = png.length - 12; // the IEND chunk
  return Buffer.concat([png.subarray(0, end), chunk, png.subarray(end)]);
}

describe('a file of the data folder the render reads besides the data', () => {
  it('the letterhead\'s logo, a new picture under the same name: rebuilt', () => {
    const repo = tempDir();
    cpSync(join(packageRoot, 'test', 'fixtures', 'kreis-lindenau'), join(repo, 'data'), { recursive: true });
    const id = '2023-03-14-kim-umsetzung';
    const build = () => {
      const r = runKim(['build', '--format', 'pdf', '--jobs', '1'], { cwd: repo, env: { KIM_DEBUG: 'build' } });
      expect(r.code, r.stderr).toBe(0);
      return r.stderr.split('\n').find((l) => l.startsWith(`kim:build ${id}: `))!.slice(`kim:build ${id}: `.length);
    };
    build();
    expect(build()).toMatch(SKIPPED);
    writeFileSync(join(repo, 'data', 'wappen.png'), withText(readFileSync(join(repo, 'data', 'wappen.png')), 'Wappen, neu gezeichnet'));
    expect(build()).toBe(`neu erzeugt, weil sich geändert hat: ${READ_NAMES.file('wappen.png')}`);
  });
});

describe('hashOfRead and canonical', () => {
  const dataset = (reports: object[]) => ({ reports }) as unknown as Dataset;
  const hash = (name: string, reports: object[]) => hashOfRead(name, dataset(reports), '/');

  it('a field of the reports: its value in each, and whether each has it', async () => {
    const a = { id: 'a', stand: '2021-10-01' };
    expect(await hash(READ_NAMES.field('stand'), [a])).toBe(await hash(READ_NAMES.field('stand'), [{ ...a, title: 'anders' }]));
    expect(await hash(READ_NAMES.field('stand'), [a])).not.toBe(await hash(READ_NAMES.field('stand'), [{ ...a, stand: '2021-10-04' }]));
    expect(await hash(READ_NAMES.field('stand'), [a])).not.toBe(await hash(READ_NAMES.field('stand'), [a, { id: 'b', stand: '2021-10-01' }]));
    expect(await hash(READ_NAMES.field('reference'), [a])).not.toBe(await hash(READ_NAMES.field('reference'), [{ ...a, reference: undefined }]));
    expect(await hash(READ_NAMES.file('gibt-es-nicht.png'), [a])).toBe('fehlt');
  });

  it('equal values give equal text whatever the order of their keys; a Map is refused, not flattened to {}', () => {
    expect(canonical({ b: 1, a: [new Date(0), null] })).toBe(canonical({ a: [new Date(0), null], b: 1 }));
    expect(canonical({ a: 1 })).not.toBe(canonical({ a: '1' }));
    expect(() => canonical({ a: new Map([['x', 1]]) })).toThrow(/Map/);
  });
});
