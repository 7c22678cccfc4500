/**
 * `kim build` without --jobs starts worker processes only where they pay for themselves (many reports
 * per core); an explicit --jobs is honoured. See src/cli/jobs.ts and docs/performance.md.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { automaticJobs, REPORTS_PER_PROCESS } from '../../src/cli/jobs.js';
import { cleanUp, exampleRepo, runKim, tempDir } from './helpers.js';

afterAll(cleanUp);

describe('the automatic number of build processes', () => {
  it('stays at one process for a small or middling build, where a worker costs more than it saves', () => {
    // 200 reports on 2 cores: --jobs 2 took 34.6 ms per report, --jobs 1 27.6 ms.
    expect(automaticJobs(2, 200)).toBe(1);
    expect(automaticJobs(2, 2 * REPORTS_PER_PROCESS - 1)).toBe(1);
    expect(automaticJobs(8, 0)).toBe(1);
  });

  it('adds a process for every REPORTS_PER_PROCESS reports, at most one per core and 8', () => {
    expect(automaticJobs(2, 2 * REPORTS_PER_PROCESS)).toBe(2);
    expect(automaticJobs(4, 3 * REPORTS_PER_PROCESS + 7)).toBe(3);
    expect(automaticJobs(2, 100 * REPORTS_PER_PROCESS)).toBe(2);
    expect(automaticJobs(1, 100 * REPORTS_PER_PROCESS)).toBe(1);
    expect(automaticJobs(64, 100 * REPORTS_PER_PROCESS)).toBe(8);
  });
});

describe('kim build without --jobs', () => {
  /** Runs kim build with a preloaded hook that records the arguments of every kim process (workers too). */
  function processesOf(args: string[]): string[][] {
    const repo = exampleRepo();
    const record = tempDir('kim-jobs-');
    const hook = join(record, 'argv.cjs');
    writeFileSync(hook, `require('fs').writeFileSync(require('path').join(${JSON.stringify(record)}, 'argv-' + process.pid + '.json'), JSON.stringify(process.argv.slice(2)));\n`);
    const r = runKim(['build', '--format', 'md', ...args], { cwd: repo, env: { NODE_OPTIONS: `--require ${hook}` } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('2 Vorlagen erzeugt');
    return readdirSync(record)
      .filter((n) => n.startsWith('argv-'))
      .map((n) => JSON.parse(readFileSync(join(record, n), 'utf8')) as string[]);
  }

  it('builds the example (2 reports) in one process, without a worker', () => {
    const processes = processesOf([]);
    expect(processes).toHaveLength(1);
    expect(processes[0]).not.toContain('--worker');
  });

  it('still starts a worker when --jobs 2 is asked for', () => {
    const processes = processesOf(['--jobs', '2']);
    expect(processes).toHaveLength(2);
    expect(processes.filter((argv) => argv.includes('--worker'))).toHaveLength(1);
  });
});
