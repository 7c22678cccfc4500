/**
 * What `npm pack` puts into kim's package: what a user runs (the built CLI and its bundle, the PDF
 * stage's prebuilt fonts and hyphenation patterns, kim's templates precompiled, schemas, templates, the scaffold, README and licence)
 * and nothing else (no tests, example data, scripts, sources or the machine-specific code cache, which
 * an installed kim writes on its first run).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/paths.js';
import { runNpm } from './npm.js';

interface PackedFile {
  path: string;
  size: number;
}

/** Files below a folder of the repository, as package paths. */
function filesBelow(folder: string): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else out.push(relative(packageRoot, path).split('\\').join('/'));
    }
  };
  walk(join(packageRoot, folder));
  return out.sort();
}

describe('npm pack', () => {
  // --ignore-scripts: `prepare` would rebuild dist/ under the feet of the other tests; the global setup built it.
  const packed = runNpm(['pack', '--dry-run', '--json', '--ignore-scripts'], packageRoot);
  const files: PackedFile[] = packed.code === 0 ? (JSON.parse(packed.stdout) as { files: PackedFile[] }[])[0]!.files : [];
  const paths = files.map((f) => f.path).sort();

  it('ships only what a user runs', () => {
    expect(packed.code, packed.stderr).toBe(0);
    const allowed = /^(package\.json|README\.md|LICENSE|dist\/src\/.+\.(js|cjs|d\.ts|d\.cts)|dist\/src\/kim-cli\.id|dist\/schemas\/validators\.(js|d\.ts)|dist\/schemas\/validation\.id|dist\/templates\/(compiled\.js|gliederung\.json|wortschatz\.json)|dist\/name-data\/confusables-latin\.json|dist\/pdf-assets\/[\w-]+\.(font|bin)|dist\/pdf-assets\/drawable-characters\.json|schemas\/([a-z]+\.schema\.json|template-messages\.yaml)|templates\/.+\.hbs|templates\/(gliederung(-kommune)?|wortschatz)\.yaml|scaffold\/.+)$/;
    expect(paths.filter((p) => !allowed.test(p))).toEqual([]);
    for (const never of ['test/', 'data/', 'scripts/', 'src/', 'dist/.code-cache/', '.ci/', 'out/']) {
      expect(paths.filter((p) => p.startsWith(never)), never).toEqual([]);
    }
  });

  it('ships the CLI, its bundle, the compiled validators, every schema, template and scaffold file', () => {
    for (const needed of ['LICENSE', 'README.md', 'package.json', 'dist/src/cli/main.js', 'dist/src/cli/run.js', 'dist/src/kim-cli.cjs', 'dist/src/api.js', 'dist/src/api.d.ts', 'dist/schemas/validators.js', 'dist/templates/compiled.js', 'dist/templates/gliederung.json', 'dist/templates/wortschatz.json', 'templates/wortschatz.yaml', 'dist/name-data/confusables-latin.json']) {
      expect(paths, needed).toContain(needed);
    }
    // The build's output that kim reads at run time: without the assets a PDF run loads fontkit and
    // subsets every face (and evaluates the hyphenation patterns), several times slower.
    for (const folder of ['schemas', 'templates', 'scaffold', 'dist/pdf-assets']) {
      const inRepo = filesBelow(folder);
      expect(inRepo.length, folder).toBeGreaterThan(0);
      expect(paths.filter((p) => p.startsWith(`${folder}/`)), folder).toEqual(inRepo);
    }
  });

  it('ships every chunk of the bundle and the id that marks it current (no file times)', () => {
    const bundle = readdirSync(join(packageRoot, 'dist', 'src')).filter((n) => /^kim-cli.*\.cjs$/.test(n));
    expect(bundle.length).toBeGreaterThan(1);
    for (const chunk of bundle) expect(paths, chunk).toContain(`dist/src/${chunk}`);
    expect(paths).toContain('dist/src/kim-cli.id');
    // The id in the packed fast-start.cjs is the one in kim-cli.id, so the installed kim runs the bundle.
    const fastStart = readFileSync(join(packageRoot, 'dist', 'src', 'cli', 'fast-start.cjs'), 'utf8');
    const id = readFileSync(join(packageRoot, 'dist', 'src', 'kim-cli.id'), 'utf8').trim();
    expect(fastStart).toContain(`exports.bundleId = "${id}";`);
  });
});
