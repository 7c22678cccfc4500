import { spawnSync } from 'node:child_process';

/**
 * Runs the npm that runs the tests (`npm test` sets npm_execpath), else the one on PATH. Offline-first:
 * everything these tests install is in npm's cache after `npm ci`, so no test waits for the registry.
 */
export function runNpm(args: string[], cwd: string, env: Record<string, string> = {}) {
  const cli = process.env['npm_execpath'];
  const [command, prefix] = cli && /\.c?js$/.test(cli) ? [process.execPath, [cli]] : ['npm', []];
  // The variables `npm test` sets for its script (npm_package_*, npm_config_local_prefix …) describe
  // kim's own project, not the folder this npm runs in: only npm's cache location is passed on.
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k) || k === 'npm_config_cache'));
  const result = spawnSync(command, [...prefix, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...inherited, npm_config_prefer_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false', ...env },
    timeout: 600_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, error: result.error };
}
