/** The CLI reads its process's environment once (src/cli/environment.ts), into typed values. */
import { describe, expect, it } from 'vitest';
import { childVariables, readEnvironment } from '../../src/cli/environment.js';

describe('readEnvironment', () => {
  it('SOURCE_DATE_EPOCH: a date, none when unset or empty, else what is wrong with it', () => {
    expect(readEnvironment({ SOURCE_DATE_EPOCH: '1700000000' }, '/').library.sourceDate).toEqual(new Date('2023-11-14T22:13:20Z'));
    for (const value of [undefined, '']) {
      const env = readEnvironment({ SOURCE_DATE_EPOCH: value }, '/');
      expect(env.library.sourceDate).toBeUndefined();
      expect(env.sourceDateProblem).toBeUndefined();
    }
    const bad = readEnvironment({ SOURCE_DATE_EPOCH: '1.5' }, '/');
    expect(bad.library.sourceDate).toBeUndefined();
    expect(bad.sourceDateProblem).toContain('SOURCE_DATE_EPOCH ist "1.5". Erwartet wird eine ganze Zahl von Sekunden');
  });

  it('passes a child process only the variables it needs, never the rest (tokens, passwords)', () => {
    const vars = { TZ: 'Europe/Berlin', LANG: 'de_DE.UTF-8', LC_ALL: 'C', NODE_OPTIONS: '--max-old-space-size=4096', PATH: '/usr/bin', GITHUB_TOKEN: 'ghp_geheim', KIM_DEBUG: '*', HOME: '/home/x' };
    expect(childVariables(vars)).toEqual({ TZ: 'Europe/Berlin', LANG: 'de_DE.UTF-8', LC_ALL: 'C', NODE_OPTIONS: '--max-old-space-size=4096', PATH: '/usr/bin' });
    expect(readEnvironment(vars, '/').library.childVariables).toEqual(childVariables(vars));
  });

  it('the current folder, debug mode and the faults for the tests come from the process once', () => {
    const env = readEnvironment({ KIM_DEBUG: 'build', KIM_FAULT_WORKER_EXIT: '*', KIM_FAULT_BUG: 'list' }, '/arbeit');
    expect(env.cwd).toBe('/arbeit');
    expect(env.debug).toBe(true);
    expect(env.library.faults).toEqual({ workerExit: '*' });
    expect(env.faultBug).toBe('list');
    expect(readEnvironment({}, '/').debug).toBe(false);
  });
});
