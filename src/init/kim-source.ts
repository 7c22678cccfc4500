/**
 * Where a new data repository installs kim from: the dependency `kim init` writes into its package.json.
 *
 * kim is not in the npm registry, and the name there is free: a bare `"kim": "^0.1.0"` fails with 404,
 * and whoever published a package of that name would have it run in every Kreis's CI. So the
 * dependency is always a source that resolves to the kim that wrote the scaffold:
 * - `--kim-source SPEC`: a git URL with a tag (`git+https://…/kim.git#v0.1.0`, `github:owner/kim#v0.1.0`),
 *   a release tarball (`https://…/kim-0.1.0.tgz`) or a local tarball or folder;
 * - otherwise the source this kim was installed from, as npm recorded it: the spec in the package.json
 *   of the project (or npx cache) that has kim in its node_modules, else the `resolved` of its lockfile;
 * - otherwise (kim runs from a folder of its own, e.g. a clone) that folder.
 * A local path is written relative to the new repository; CI cannot reach it, which `reachable` says.
 */
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { UsageError } from '../errors.js';
import { packageRoot } from '../paths.js';

export interface KimSource {
  /** The dependency spec for package.json. */
  spec: string;
  /** How it was found. */
  origin: 'option' | 'installed' | 'folder';
  /** False for a local path: installs here, but not on a CI machine. */
  reachable: boolean;
  /** A git repository (npm builds kim from it with its `prepare` script). */
  git: boolean;
}

type Kind = { kind: 'git' | 'tarball-url'; spec: string } | { kind: 'local'; path: string };

const GIT_URL = /^git(\+(https?|ssh|file))?:\/\//;
const GIT_HOST = /^(github|gitlab|bitbucket|gist):/;
const GITHUB_SHORT = /^[A-Za-z0-9][\w.-]*\/[\w.-]+#.+$/;

/**
 * What kind of source a spec is; undefined for anything npm would look up in its registry (a name,
 * a version range, a dist-tag, `npm:` aliases), which kim never writes.
 */
function classify(spec: string, base: string): Kind | undefined {
  if (GIT_URL.test(spec) || GIT_HOST.test(spec)) return { kind: 'git', spec };
  if (GITHUB_SHORT.test(spec)) return { kind: 'git', spec: `github:${spec}` };
  if (/^https?:\/\//.test(spec)) return { kind: 'tarball-url', spec };
  if (spec.startsWith('file:')) return { kind: 'local', path: resolve(base, spec.slice('file:'.length)) };
  if (/^(\.{1,2}\/|\/|~\/)/.test(spec) || /\.(tgz|tar\.gz)$/.test(spec)) return { kind: 'local', path: resolve(base, spec.replace(/^~(?=\/)/, homedir())) };
  return undefined;
}

/** The spec as the new repository at `target` must write it (a local path relative to it). */
function specFor(kind: Kind, target: string): string {
  if (kind.kind !== 'local') return kind.spec;
  const rel = relative(target, kind.path).split('\\').join('/');
  return `file:${rel === '' ? '.' : isAbsolute(rel) || rel.startsWith('..') ? rel : `./${rel}`}`;
}

const reachable = (kind: Kind): boolean => kind.kind !== 'local' && !kind.spec.startsWith('git+file:');

/** `--kim-source`: the spec as typed, and the folder a relative path in it is taken from (where kim was called). */
export interface KimSourceOption {
  spec: string;
  base: string;
}

/** The kim source for a new data repository in `target` (absolute); `option` from `--kim-source`. */
export function kimSource(target: string, option?: KimSourceOption): KimSource {
  if (option !== undefined) {
    const override = option.spec;
    const kind = classify(override.trim(), option.base);
    if (!kind) {
      throw new UsageError(
        `--kim-source "${override}" wäre ein Paket aus der npm-Registry; dort gehört der Name kim nicht diesem Programm. Erwartet wird ein Git-URL mit Version (git+https://…/kim.git#v0.1.0, github:besitzer/kim#v0.1.0), ein Release-Tarball (https://…/kim-0.1.0.tgz) oder ein lokaler Pfad.`,
      );
    }
    if (kind.kind === 'git' && !kind.spec.includes('#')) {
      throw new UsageError(`--kim-source "${override}" nennt keine Version: ohne #v… installiert jede CI den jeweils neuesten Stand. Erwartet wird z. B. ${kind.spec}#v0.1.0.`);
    }
    if (kind.kind === 'local' && !existsSync(kind.path)) throw new UsageError(`--kim-source: ${kind.path} gibt es nicht.`);
    return { spec: specFor(kind, target), origin: 'option', reachable: reachable(kind), git: kind.kind === 'git' };
  }
  const installed = installedFrom();
  if (installed) return { spec: specFor(installed, target), origin: 'installed', reachable: reachable(installed), git: installed.kind === 'git' };
  const folder: Kind = { kind: 'local', path: resolve(packageRoot) };
  return { spec: specFor(folder, target), origin: 'folder', reachable: false, git: false };
}

/**
 * The source npm installed this kim from, if kim lies in a node_modules folder: the spec the project's
 * package.json gives it (that is what the user asked for, with its tag), else what the project's lockfile
 * or npm's hidden lockfile (node_modules/.package-lock.json) recorded as resolved.
 */
function installedFrom(): Kind | undefined {
  const root = resolve(packageRoot);
  const modules = dirname(root);
  if (basename(modules) !== 'node_modules') return undefined;
  const project = dirname(modules);
  const manifest = readJson(join(project, 'package.json'));
  for (const field of ['dependencies', 'devDependencies', 'optionalDependencies']) {
    const spec = (manifest?.[field] as Record<string, unknown> | undefined)?.[basename(root)];
    const kind = typeof spec === 'string' ? classify(spec, project) : undefined;
    if (kind) return kind;
  }
  for (const lock of [join(project, 'package-lock.json'), join(modules, '.package-lock.json')]) {
    const entry = (readJson(lock)?.['packages'] as Record<string, { resolved?: unknown }> | undefined)?.[`node_modules/${basename(root)}`];
    const kind = typeof entry?.resolved === 'string' ? classify(entry.resolved, project) : undefined;
    if (kind) return kind;
  }
  return undefined;
}

function readJson(file: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(readFileSync(file, 'utf8'));
    return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
