/**
 * The layering of src/, read from its imports. The pipeline runs load → validate → model → render →
 * emit, and a stage imports only what comes before it, with one difference: the model is the pure domain
 * (data types, dates, FTE arithmetic, slots), which validation checks the data with, so validate may
 * import model while model imports no other stage. Validation is a side stage: what renders or writes a
 * report takes an already validated dataset and never imports validate. Below every stage is the base:
 * German language helpers, diagnostics, errors, paths. Above the stages are the library (api.ts and what
 * it offers: picking a report, the batch build, the scaffold for `kim init`) and, on top, src/cli/, the
 * shell, which nothing else imports. No modules import each other in a circle.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { describe, expect, test } from 'vitest';
import { packageRoot } from '../../src/paths.js';

const LAYERS = ['base', 'load', 'model', 'validate', 'render', 'emit', 'library', 'cli'] as const;
type Layer = (typeof LAYERS)[number];

/** The layers a layer may import from, besides its own. */
const MAY_IMPORT: Record<Layer, readonly Layer[]> = {
  base: [],
  load: ['base'],
  model: ['base'],
  validate: ['base', 'load', 'model'],
  render: ['base', 'load', 'model'],
  emit: ['base', 'model', 'render'],
  library: ['base', 'load', 'model', 'validate', 'render', 'emit'],
  cli: ['base', 'load', 'model', 'validate', 'render', 'emit', 'library'],
};

/** A file of src/ (relative, forward slashes) by its top folder, or by its name at the top. */
const LAYER_OF_TOP: Record<string, Layer> = {
  'german': 'base',
  'diagnostics.ts': 'base',
  'errors.ts': 'base',
  'paths.ts': 'base',
  'version.ts': 'base',
  'disk-cache.ts': 'base',
  'environment.ts': 'base',
  'trace.ts': 'base',
  'compare.ts': 'base',
  'files': 'base',
  'compare.ts': 'base',
  'files': 'base',
  'image-size.ts': 'base',
  'drawable-characters.ts': 'base',
  'report-run.ts': 'library',
  'valid-data.ts': 'library',
  'load': 'load',
  'model': 'model',
  'validate': 'validate',
  'render': 'render',
  'emit': 'emit',
  'api.ts': 'library',
  'select-report.ts': 'library',
  'batch': 'library',
  'init': 'library',
  'next': 'library',
  'migrate': 'library',
  'cli': 'cli',
};

// Known exceptions (none today): any violation fails, and so does an entry here that no longer occurs.
const KNOWN_CIRCLES: readonly (readonly string[])[] = [];
const KNOWN_WRONG_IMPORTS: readonly string[] = [];

/** The CLI's commands are a thin shell over the library: they import its API and the rest of cli/ only. */
function commandImportsBeyondApi(graph: Graph): string[] {
  const out: string[] = [];
  for (const [from, targets] of graph) {
    if (!from.startsWith('cli/commands/')) continue;
    for (const to of targets) if (to !== 'api.ts' && !to.startsWith('cli/')) out.push(`${from} -> ${to}`);
  }
  return out.sort();
}

/** Import graph: file → the files it imports, all relative to src/ with forward slashes. */
type Graph = Map<string, Set<string>>;

const IMPORT = /\b(?:import|export)\s(?:[^'";]*?\sfrom\s*)?['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;
const COMMENT = /\/\*[\s\S]*?\*\/|(^|[^:'"`])\/\/.*$/gm;

function readGraph(src: string): { graph: Graph; unresolved: string[] } {
  const files = listTs(src);
  const known = new Set(files);
  const graph: Graph = new Map();
  const unresolved: string[] = [];
  for (const file of files) {
    const targets = new Set<string>();
    for (const spec of importsOf(readFileSync(join(src, file), 'utf8'))) {
      if (!spec.startsWith('.')) continue; // a package
      const target = posix.normalize(posix.join(posix.dirname(file), spec)).replace(/\.js$/, '.ts').replace(/\.cjs$/, '.cts');
      if (target.startsWith('..')) continue; // outside src/ (package.json, schemas)
      if (known.has(target)) targets.add(target);
      else unresolved.push(`${file}: ${spec}`);
    }
    graph.set(file, targets);
  }
  return { graph, unresolved };
}

/** The module specifiers a TypeScript file imports: static, type-only, re-exports and dynamic `import()`. */
function importsOf(text: string): string[] {
  return [...text.replace(COMMENT, '$1').matchAll(IMPORT)].map((m) => m[1] ?? m[2]!);
}

function listTs(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((e) => {
    const path = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) return listTs(dir, path);
    return /\.c?ts$/.test(e.name) && !/\.d\.c?ts$/.test(e.name) ? [path] : [];
  });
}

function layerOf(file: string): Layer | undefined {
  return LAYER_OF_TOP[file.split('/')[0]!];
}

/** Imports from a layer to one it may not import, as `from -> to (layer -> layer)`. */
function wrongImports(graph: Graph): string[] {
  const out: string[] = [];
  for (const [from, targets] of graph) {
    for (const to of targets) {
      const a = layerOf(from)!;
      const b = layerOf(to)!;
      if (a !== b && !MAY_IMPORT[a].includes(b)) out.push(`${from} -> ${to} (${a} -> ${b})`);
    }
  }
  return out.sort();
}

/** Sets of files that import each other in a circle (strongly connected components of two or more, or a self-import). */
function circles(graph: Graph): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1 || graph.get(v)?.has(v)) out.push(component.sort());
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return out.sort((a, b) => a[0]!.localeCompare(b[0]!));
}

/** What is found beyond the allow-list, and what of the allow-list is no longer found. */
function againstKnown(found: string[], known: readonly string[]): { added: string[]; gone: string[] } {
  return { added: found.filter((f) => !known.includes(f)), gone: known.filter((k) => !found.includes(k)) };
}

describe('layers of src/', () => {
  const { graph, unresolved } = readGraph(join(packageRoot, 'src'));

  test('every file belongs to a layer, and every relative import names a file of src/', () => {
    expect([...graph.keys()].filter((f) => !layerOf(f)), 'a new top folder or file: give it a layer in LAYER_OF_TOP').toEqual([]);
    expect(unresolved).toEqual([]);
    expect(graph.size).toBeGreaterThan(50);
  });

  test('a layer imports only the layers below it, and nothing outside src/cli imports src/cli', () => {
    const { added, gone } = againstKnown(wrongImports(graph), KNOWN_WRONG_IMPORTS);
    expect(added, 'imports against the layering').toEqual([]);
    expect(gone, 'fixed: remove from KNOWN_WRONG_IMPORTS').toEqual([]);
  });

  test('the commands import only the API and cli/', () => {
    expect(commandImportsBeyondApi(graph)).toEqual([]);
  });

  test('no modules import each other in a circle', () => {
    const { added, gone } = againstKnown(circles(graph).map((c) => c.join(', ')), KNOWN_CIRCLES.map((c) => [...c].sort().join(', ')));
    expect(added, 'import circles (a known circle that grew shows here too)').toEqual([]);
    expect(gone, 'fixed or changed: update KNOWN_CIRCLES').toEqual([]);
  });
});

describe('the checks themselves', () => {
  const graphOf = (edges: Record<string, string[]>): Graph => new Map(Object.entries(edges).map(([f, ts]) => [f, new Set(ts)]));
  test('a command importing a stage is found', () => {
    expect(commandImportsBeyondApi(graphOf({ 'cli/commands/a.ts': ['api.ts', 'cli/terminal.ts', 'render/engine.ts'], 'cli/program.ts': ['render/engine.ts'] }))).toEqual(['cli/commands/a.ts -> render/engine.ts']);
  });

  test('every kind of import is read, and none in a comment', () => {
    const text = [
      "import { a } from './a.js';",
      "import type { B } from '../b.js';",
      'import {',
      '  c,',
      '  type C,',
      "} from './c.js';",
      "export { d } from './d.js';",
      "export * from './e.js';",
      "import './f.js';",
      "const { g } = await import('./g.js');",
      "import Handlebars from 'handlebars';",
      "// import { x } from './not-this.js';",
      "/* import('./nor-this.js') */",
      "const url = 'https://example.invalid/oparl/'; export const h = 1;",
    ].join('\n');
    expect(importsOf(text)).toEqual(['./a.js', '../b.js', './c.js', './d.js', './e.js', './f.js', './g.js', 'handlebars']);
  });

  test('an import up the pipeline, into validate from render, or into the CLI is found', () => {
    const graph = graphOf({
      'model/a.ts': ['render/b.ts', 'german/c.ts'],
      'render/b.ts': ['validate/d.ts', 'model/a.ts'],
      'validate/d.ts': ['model/a.ts', 'load/e.ts'],
      'load/e.ts': ['cli/f.ts'],
      'german/c.ts': [],
      'cli/f.ts': ['api.ts'],
      'api.ts': ['emit/g.ts'],
      'emit/g.ts': ['render/b.ts'],
    });
    expect(wrongImports(graph)).toEqual([
      'load/e.ts -> cli/f.ts (load -> cli)',
      'model/a.ts -> render/b.ts (model -> render)',
      'render/b.ts -> validate/d.ts (render -> validate)',
    ]);
  });

  test('circles are found, also across layers and through a file importing itself', () => {
    const graph = graphOf({ 'a.ts': ['b.ts'], 'b.ts': ['c.ts'], 'c.ts': ['a.ts'], 'd.ts': ['a.ts'], 'e.ts': ['e.ts'] });
    expect(circles(graph)).toEqual([['a.ts', 'b.ts', 'c.ts'], ['e.ts']]);
  });

  test('the layers and the table agree', () => {
    expect(Object.keys(MAY_IMPORT).sort()).toEqual([...LAYERS].sort());
    expect(new Set(Object.values(LAYER_OF_TOP))).toEqual(new Set(LAYERS));
    // Below means below: no two layers may import each other.
    for (const a of LAYERS) for (const b of MAY_IMPORT[a]) expect(MAY_IMPORT[b], `${a} and ${b}`).not.toContain(a);
  });
});
