/**
 * A worker of `kim build --jobs N` gets what it needs from the build process, not the caller's whole
 * environment: a token in the environment of a CI job stays with the process the job started.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fromWorkerEnvironment, toWorkerEnvironment, workerForkOptions } from '../../src/batch/pool.js';
import { cleanUp, exampleRepo, runKim, tempDir } from '../workflow/helpers.js';

afterAll(cleanUp);

describe('the environment of a worker process', () => {
  it('holds no variable of the caller that kim does not pass on (a secret stays in the build process)', () => {
    const repo = exampleRepo();
    const seen = tempDir();
    // Node runs this before kim in every process of the run; a worker writes down the variables it has.
    const spy = join(seen, 'spy.cjs');
    writeFileSync(spy, `if (process.argv.includes('--worker')) require('node:fs').writeFileSync(${JSON.stringify(seen)} + '/worker-' + process.pid + '.json', JSON.stringify(process.env));\n`);
    const r = runKim(['build', '--format', 'md', '--jobs', '2'], { cwd: repo, env: { KIM_TEST_SECRET: 'geheim', TZ: 'Europe/Berlin', NODE_OPTIONS: `--require ${spy}` } });
    expect(r.code, r.stderr).toBe(0);
    const workers = readdirSync(seen).filter((f) => f.startsWith('worker-'));
    expect(workers).toHaveLength(1);
    const env = JSON.parse(readFileSync(join(seen, workers[0]!), 'utf8')) as Record<string, string>;
    expect(env['KIM_TEST_SECRET']).toBeUndefined();
    expect(JSON.stringify(env)).not.toContain('geheim');
    // What it needs to render as the build process does: the time zone, and Node's own options.
    expect(env['TZ']).toBe('Europe/Berlin');
    expect(env['NODE_OPTIONS']).toBe(`--require ${spy}`);
    expect(env['NO_COLOR']).toBe('1');
  });

  it('is started with the variables the CLI chose and no others', () => {
    expect(workerForkOptions({ childVariables: { TZ: 'UTC' } }).env).toEqual({ TZ: 'UTC', NO_COLOR: '1' });
    expect(workerForkOptions({}).env).toEqual({ NO_COLOR: '1' });
  });

  it('gets SOURCE_DATE_EPOCH, the cache folder and the faults from the build process, over IPC', () => {
    const env = { sourceDate: new Date('2023-11-14T22:13:20Z'), cacheDir: '/cache', faults: { workerExit: '*' }, trace: () => undefined };
    const sent = JSON.parse(JSON.stringify(toWorkerEnvironment(env))) as ReturnType<typeof toWorkerEnvironment>;
    expect(fromWorkerEnvironment(sent)).toEqual({ sourceDate: env.sourceDate, cacheDir: '/cache', faults: { workerExit: '*' } });
    expect(fromWorkerEnvironment(JSON.parse(JSON.stringify(toWorkerEnvironment({}))))).toEqual({ cacheDir: undefined, faults: undefined });
  });
});
