/**
 * A new Kreis's first push, end to end and offline: kim is installed from a packed tarball and from a
 * git URL with a tag (a local git+file:// repository made from this working tree), `kim init` writes a
 * data repository whose package.json installs that same kim, and the repository installs, validates and
 * builds. Everything npm needs is in its cache after `npm ci` (prefer-offline), so no registry is asked.
 * The durations are printed (not asserted; see README "CI").
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { packageRoot } from '../../src/paths.js';
import { KIM_VERSION } from '../../src/version.js';
import { cleanUp, filesIn, tempDir } from './helpers.js';
import { runNpm } from './npm.js';

afterAll(cleanUp);

const ID = '2024-06-12-kim-sachstand';
const timings: string[] = [];
afterAll(() => console.info(`Installationstest (Dauer je Schritt):\n${timings.join('\n')}`));

/** Runs a step and records how long it took. */
function timed<T>(label: string, step: () => T): T {
  const started = performance.now();
  const result = step();
  timings.push(`  ${label}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return result;
}

function npm(label: string, args: string[], cwd: string): void {
  const r = timed(label, () => runNpm(args, cwd));
  expect(r.code, `${label}\n${r.stdout}\n${r.stderr}\n${String(r.error ?? '')}`).toBe(0);
}

/** A kim command through the given entry (an installed bin or main.js), like a user at a plain shell. */
function kim(entry: string, args: string[], cwd: string) {
  const { GITHUB_ACTIONS: _g, ...env } = process.env;
  const r = spawnSync(process.execPath, [entry, ...args], { cwd, env: { ...env, NO_COLOR: '1', FORCE_COLOR: '0' }, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A project folder with an empty package.json, as `npm init` would leave it. */
function project(dir: string): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ name: 'werkzeug', private: true }, null, 2)}\n`);
  return dir;
}

/** `kim init` with the kim installed in `tool`, then install, validate and build the new repository. */
function initInstallBuild(tool: string, repo: string, label: string): { spec: string; init: ReturnType<typeof kim> } {
  const init = kim(join(tool, 'node_modules', 'kim', 'dist', 'src', 'cli', 'main.js'), ['init', repo], tool);
  expect(init.code, init.stderr).toBe(0);
  const manifest = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'));
  const spec: string = manifest.dependencies.kim;
  npm(`${label}: npm install im neuen Datenrepository`, ['install'], repo);
  // The editor modelines point into node_modules/kim/schemas/: they resolve now.
  for (const file of ['data/staff.yaml', `data/reports/${ID}.yaml`]) {
    const target = /\$schema=(\S+)/.exec(readFileSync(join(repo, file), 'utf8').split('\n')[0]!)![1]!;
    expect(existsSync(join(repo, dirname(file), target)), `${file} → ${target}`).toBe(true);
  }
  expect(JSON.parse(readFileSync(join(repo, 'node_modules', 'kim', 'package.json'), 'utf8')).version).toBe(KIM_VERSION);
  const bin = join(repo, 'node_modules', '.bin', 'kim');
  const validate = timed(`${label}: kim validate`, () => kim(bin, ['validate'], repo));
  expect(validate.code, validate.stderr).toBe(0);
  const build = timed(`${label}: kim build`, () => kim(bin, ['build', '--format', 'all'], repo));
  expect(build.code, build.stderr).toBe(0);
  expect(readdirSync(join(repo, 'out')).filter((n) => !n.startsWith('.')).sort()).toEqual([`${ID}.docx`, `${ID}.md`, `${ID}.oparl.json`, `${ID}.pdf`]);
  return { spec, init };
}

describe('kim from a packed tarball', () => {
  const base = tempDir('kim-install-');
  let tarball = '';

  beforeAll(() => {
    mkdirSync(join(base, 'pack'));
    // --ignore-scripts: dist/ is built (global setup); prepare would rebuild it under the other tests' feet.
    const packed = timed('npm pack', () => runNpm(['pack', '--ignore-scripts', '--json', '--pack-destination', join(base, 'pack')], packageRoot));
    expect(packed.code, packed.stderr).toBe(0);
    tarball = join(base, 'pack', (JSON.parse(packed.stdout) as { filename: string }[])[0]!.filename);
  }, 120_000);

  it('kim init writes the tarball it was installed from; the new repository installs, validates and builds', () => {
    const tool = project(join(base, 'werkzeug'));
    npm('Tarball: npm install kim-….tgz', ['install', tarball], tool);
    const { spec, init } = initInstallBuild(tool, join(base, 'daten'), 'Tarball');
    expect(spec).toBe('file:../pack/kim-0.1.0.tgz'.replace('0.1.0', KIM_VERSION));
    expect(init.stderr).toContain(`kim wird installiert aus: ${spec} (die Quelle dieses kim)`);
    // A local path is no source for CI: kim says so.
    expect(init.stderr).toContain('die CI findet ihn nicht');
  }, 600_000);

  it('the installed kim runs its bundle and loads only what the command needs: a PDF from the prebuilt fonts without fontkit, no template compiler, no pdfkit for Markdown or validation', () => {
    const tool = join(base, 'werkzeug');
    const installed = join(tool, 'node_modules', 'kim');
    // Preloaded into the kim process: the CommonJS modules it loaded (the bundle's chunks, pdfkit, fontkit are CommonJS).
    const hook = join(base, 'loaded-modules.cjs');
    const record = join(base, 'loaded-modules.json');
    writeFileSync(hook, `process.on('exit', () => require('fs').writeFileSync(${JSON.stringify(record)}, JSON.stringify(Object.keys(require.cache))));\n`);
    const { GITHUB_ACTIONS: _g, ...env } = process.env;
    const loadedBy = (args: string[]): string[] => {
      const r = spawnSync(process.execPath, [join(tool, 'node_modules', '.bin', 'kim'), ...args, '--data', join(base, 'daten', 'data')], {
        cwd: tool,
        env: { ...env, NO_COLOR: '1', KIM_CACHE: 'off', NODE_OPTIONS: `--require ${hook}` },
        encoding: 'utf8',
        timeout: 120_000,
      });
      expect(r.status, r.stderr).toBe(0);
      return (JSON.parse(readFileSync(record, 'utf8')) as string[]).map((p) => p.split('\\').join('/'));
    };
    // The bundle marks where each package's code begins (`// node_modules/handlebars/…`): which chunks hold what.
    const holding = (files: string[], marker: string): string[] => files.filter((f) => readFileSync(f, 'utf8').includes(marker));
    const out = join(base, 'pdf-out');
    const pdf = loadedBy(['report', '--format', 'pdf', '--out', out]);
    expect(readFileSync(join(out, `${ID}.pdf`)).subarray(0, 5).toString()).toBe('%PDF-');
    // The bundle ran (not the ES modules beside it): npm's extraction order gives no file times to trust.
    expect(pdf).toContain(join(installed, 'dist', 'src', 'kim-cli.cjs').split('\\').join('/'));
    expect(pdf.some((p) => p.includes('/pdfkit/'))).toBe(true);
    expect(pdf.filter((p) => p.includes('/fontkit/'))).toEqual([]);
    // kim's own templates come precompiled: Handlebars' parser and compiler stay unloaded, its runtime renders.
    expect(holding(pdf, '// node_modules/handlebars/dist/cjs/handlebars/runtime.js').length).toBe(1);
    expect(holding(pdf, '// node_modules/handlebars/dist/cjs/handlebars/compiler/')).toEqual([]);
    // The first run wrote the code cache of its command into the installed package (the tarball has none: it is per Node version).
    const cache = join(installed, 'dist', '.code-cache', `v8-${process.versions.v8}-${process.arch}`, 'report-pdf');
    expect(readdirSync(cache).some((n) => n.startsWith('kim-cli.cjs-'))).toBe(true);

    const markdown = loadedBy(['report', '--format', 'md', '--out', out]);
    expect(markdown.filter((p) => /\/(pdfkit|fontkit)\//.test(p))).toEqual([]);
    expect(holding(markdown, '// node_modules/marked/')).toEqual([]);
    expect(holding(markdown, '// node_modules/handlebars/dist/cjs/handlebars/compiler/')).toEqual([]);

    const validate = loadedBy(['validate']);
    expect(validate.filter((p) => /\/(pdfkit|fontkit)\//.test(p))).toEqual([]);
    expect(holding(validate, '// node_modules/handlebars/')).toEqual([]);
  }, 240_000);

  it('the GitLab job uploads no stale Vorlage: not after a shared-file error, not after a failed install', () => {
    const repo = join(base, 'daten');
    const job = parse(readFileSync(join(repo, '.gitlab-ci.yml'), 'utf8')).kim as { script: string[]; artifacts: { when: string; paths: string[] } };
    expect(job.artifacts.when).toBe('always');
    // The job's script as the runner runs it (one bash, -e and pipefail), without GitLab's variables.
    const run = (env: Record<string, string> = {}) => {
      const { CI_NODE_INDEX: _i, CI_NODE_TOTAL: _t, GITHUB_ACTIONS: _g, ...rest } = process.env;
      const r = spawnSync('bash', ['-eo', 'pipefail', '-c', job.script.join('\n')], { cwd: repo, env: { ...rest, NO_COLOR: '1', ...env }, encoding: 'utf8', timeout: 300_000 });
      return { code: r.status, stderr: r.stderr };
    };
    /** What `artifacts: paths` would upload. */
    const artifacts = () => (existsSync(join(repo, 'out')) ? [...filesIn(join(repo, 'out'), '.pdf'), ...filesIn(join(repo, 'out'), '.md'), ...filesIn(join(repo, 'out'), '.oparl.json')] : []);

    const first = timed('GitLab-Skript, erster Lauf', () => run());
    expect(first.code, first.stderr).toBe(0);
    expect(artifacts()).toHaveLength(3);

    // out/ stays as the cache would bring it back; a shared file breaks: nothing is left to upload.
    const staff = join(repo, 'data', 'staff.yaml');
    const good = readFileSync(staff, 'utf8');
    writeFileSync(staff, good.replace(/fte: [0-9.]+/, 'fte: fünf'));
    const broken = run();
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain('staff.yaml');
    expect(artifacts()).toEqual([]);

    writeFileSync(staff, good);
    expect(run().code).toBe(0);
    expect(artifacts()).toHaveLength(3);
    // The install fails (registry down, say): kim never runs, and the restored cache is not uploaded.
    const fake = join(base, 'kaputt-bin');
    mkdirSync(fake, { recursive: true });
    writeFileSync(join(fake, 'npm'), '#!/bin/sh\necho "npm: Netzwerkfehler" >&2\nexit 1\n');
    chmodSync(join(fake, 'npm'), 0o755);
    const failed = run({ PATH: `${fake}:${process.env['PATH']}` });
    expect(failed.code).not.toBe(0);
    expect(failed.stderr).toContain('Netzwerkfehler');
    expect(artifacts()).toEqual([]);
  }, 600_000);
});

describe('kim from a git URL with a tag', () => {
  const base = tempDir('kim-git-');

  it('installs from git+file://…#v<version> (prepare builds it), and kim init writes that URL; the new repository installs, validates and builds', () => {
    // A git repository of this working tree (tracked and new files, not ignored ones), tagged like a release.
    const source = join(base, 'kim.git');
    const files = spawnSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], { cwd: packageRoot, encoding: 'utf8' }).stdout.split('\0').filter(Boolean);
    expect(files).toContain('package.json');
    for (const file of files) if (existsSync(join(packageRoot, file))) cpSync(join(packageRoot, file), join(source, file), { recursive: true });
    const git = (...args: string[]) => {
      const r = spawnSync('git', args, { cwd: source, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 'kim', GIT_AUTHOR_EMAIL: 'kim@example.invalid', GIT_COMMITTER_NAME: 'kim', GIT_COMMITTER_EMAIL: 'kim@example.invalid' } });
      expect(r.status, r.stderr).toBe(0);
    };
    git('init', '-q');
    git('add', '-A');
    git('-c', 'commit.gpgsign=false', 'commit', '-q', '-m', 'Release');
    git('tag', `v${KIM_VERSION}`);
    const url = `git+file://${source}#v${KIM_VERSION}`;

    const tool = project(join(base, 'werkzeug'));
    npm('Git: npm install git+file://…#v…', ['install', url], tool);
    // npm cloned it, installed its devDependencies and ran prepare (tsc, schemas, bundle) before packing.
    expect(existsSync(join(tool, 'node_modules', 'kim', 'dist', 'src', 'cli', 'main.js'))).toBe(true);
    expect(existsSync(join(tool, 'node_modules', 'kim', 'src'))).toBe(false);

    const repo = join(base, 'daten');
    const { spec, init } = initInstallBuild(tool, repo, 'Git');
    expect(spec).toBe(url);
    expect(init.stderr).toContain(`kim wird installiert aus: ${url}`);
    // npm runs a git dependency's prepare only for an allowed package: the repository allows this one.
    expect(JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')).allowScripts).toEqual({ [`git+file://${source}`]: true });
  }, 900_000);
});
