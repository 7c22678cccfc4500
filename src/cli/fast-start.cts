/**
 * Fast cold start for the built CLI (see docs/performance.md).
 *
 * Most of a cold `kim` run is not kim's work but Node loading and compiling JavaScript: some hundred
 * ES module files (kim, commander, yaml, handlebars, the compiled validators …) and, for PDF, pdfkit
 * and fontkit. Two things remove most of that:
 *
 * 1. The bundle. `npm run build` bundles the CLI into a few CommonJS files, dist/src/kim-cli*.cjs
 *    (scripts/bundle.mjs): a few file reads and compiles per command instead of a module graph. The
 *    chunks follow the runs: `kim validate` reads two, Markdown adds its own, PDF, Word and the chart
 *    theirs, each loaded only when used.
 * 2. A V8 code cache: every CommonJS file the CLI loads — the bundle and pdfkit in node_modules — is
 *    compiled with the bytecode V8 produced for it last time, taken after a run so that it also holds
 *    the functions that ran (Node 22's `module.enableCompileCache()` takes it right after compiling,
 *    before most functions have run: kim uses that one only when the ES modules run, see startBundled). The build warms it by running the example (scripts/bundle.mjs); a missing or stale
 *    entry is rewritten when the process exits. Entries are kept per V8 version and command (dist/.code-cache/v8-…/<command>/),
 *    keyed by path and checked against the file's size and mtime, and V8 itself rejects bytecode of
 *    another Node version or source length. The package ships no cache (it would fit one Node version
 *    only): an installed kim writes its own on its first run, into the installed package (a read-only
 *    installation runs without one).
 *
 * The bundle is used only when it belongs to the compiled code beside it. scripts/bundle.mjs hashes the
 * bundle's files and writes that id twice: into dist/src/kim-cli.id and, as `exports.bundleId`, at the
 * end of this file's compiled form (dist/src/cli/fast-start.cjs). A bare `tsc` run rewrites that file
 * without the line, so the bundle counts as stale and the ES modules run as before. No file times: npm
 * extracts a package in its own order, so in an installed copy the bundle may look older than the entry.
 * KIM_BUNDLE=0 turns the bundle off, KIM_CODE_CACHE=off the cache; KIM_CODE_CACHE=accumulate (used by
 * the build) keeps what the cache held and adds this run.
 *
 * CommonJS (like the `kim` entry main.cts), so that a run of the bundle never starts Node's ES module
 * loader: that costs several milliseconds of a cold start.
 */
import { mkdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import vm from 'node:vm';

/** Starts the bundled CLI if there is a current bundle; returns false when the caller should import run.js. */
export function startBundled(mainFile: string): boolean {
  const mode = process.env['KIM_CODE_CACHE'];
  const srcDir = dirname(dirname(mainFile));
  const bundle = join(srcDir, 'kim-cli.cjs');
  if (process.env['KIM_BUNDLE'] === '0' || !bundleIsCurrent(srcDir)) {
    // The ES modules run: Node's own compile cache where it has one (22.1+; in the system's temporary
    // folder unless NODE_COMPILE_CACHE says otherwise). Not for the bundle: measured on Node 24, it saves
    // less than the cache below (bytecode taken after the run), 268 against 226 ms CPU for a PDF.
    if (mode !== 'off') (require('node:module') as { enableCompileCache?: () => unknown }).enableCompileCache?.();
    return false;
  }
  // One folder per V8 version: bytecode of another Node is rejected, and two Nodes sharing one folder
  // would rewrite each other's entries on every run. Within it one folder per command: an entry holds the
  // functions of the run that wrote it and is kept while V8 accepts it, so with one shared folder the
  // first command run after an install (often `kim validate`) decided for all others, and `kim report`
  // compiled its functions in the shared chunks afresh on every run.
  if (mode !== 'off') installCodeCache(join(dirname(srcDir), '.code-cache', `v8-${process.versions.v8}-${process.arch}`, commandOf(process.argv.slice(2))), mode === 'accumulate');
  require(bundle);
  return true;
}

/**
 * The command of a run (its first word: options come after it in kim's usage), as the name of its code
 * cache folder; `report-pdf` apart from `report`, for the PDF stage's functions in the shared chunks.
 */
export function commandOf(args: string[]): string {
  const command = args.find((a) => !a.startsWith('-')) ?? 'none';
  const name = /^[a-z]{2,12}$/.test(command) ? command : 'other';
  const pdf = args.some((a, i) => /^--format=(pdf|all)$/.test(a) || (a === '--format' && /^(pdf|all)$/.test(args[i + 1] ?? '')));
  return name === 'report' && pdf ? 'report-pdf' : name;
}

/** Whether the bundle in srcDir was made from the compiled code beside it (see the header). */
export function bundleIsCurrent(srcDir: string): boolean {
  // Appended by scripts/bundle.mjs; read at call time, after this file has run to its end.
  const stamped = (module.exports as { bundleId?: unknown }).bundleId;
  if (typeof stamped !== 'string' || stamped === '') return false;
  try {
    return readFileSync(join(srcDir, BUNDLE_ID_FILE), 'utf8').trim() === stamped;
  } catch {
    return false;
  }
}

/** The bundle's id beside it in dist/src/ (scripts/bundle.mjs writes it). */
export const BUNDLE_ID_FILE = 'kim-cli.id';

interface ModuleLike {
  exports: unknown;
  require(id: string): unknown;
}
interface ModuleStatics {
  prototype: { _compile(this: ModuleLike, content: string, filename: string): unknown };
  wrap(content: string): string;
  _resolveFilename(request: string, parent: ModuleLike, isMain: boolean, options?: unknown): string;
  _extensions: unknown;
  _cache: unknown;
}

/** Header of a cache entry: the source file's size and mtime, so an edited file never gets old bytecode. */
const HEADER = 16;

/** Compiles every CommonJS file loaded from now on with its cached bytecode; writes new bytecode at exit. */
export function installCodeCache(cacheDir: string, accumulate = false): void {
  const Module = require('node:module') as ModuleStatics;
  const original = Module.prototype._compile;
  const pending: { script: vm.Script; file: string; stamp: Buffer }[] = [];

  Module.prototype._compile = function compileWithCache(this: ModuleLike, content: string, filename: string): unknown {
    let stamp: Buffer;
    try {
      const info = statSync(filename);
      // In the machine's byte order (the cache never leaves it); Buffer#writeDoubleLE is JavaScript
      // that a cold start would compile first.
      stamp = Buffer.from(new Float64Array([info.size, info.mtimeMs]).buffer);
    } catch {
      return original.call(this, content, filename);
    }
    const file = join(cacheDir, `${basename(filename)}-${hash(filename)}.v8`);
    let cachedData: Buffer | undefined;
    try {
      const bytes = readFileSync(file);
      if (bytes.subarray(0, HEADER).equals(stamp)) cachedData = bytes.subarray(HEADER);
    } catch {
      // No entry yet.
    }
    const source = content.startsWith('#!') ? `//${content}` : content;
    const script = new vm.Script(Module.wrap(source), {
      filename,
      ...(cachedData ? { cachedData } : {}),
      // A dynamic import() inside a cached file resolves like one in the file itself.
      importModuleDynamically: ((specifier: string) =>
        import(specifier.startsWith('.') ? pathToFileURL(join(dirname(filename), specifier)).href : specifier)) as never,
    });
    if (accumulate || !cachedData || script.cachedDataRejected) pending.push({ script, file, stamp });
    const wrapper = script.runInThisContext({ displayErrors: true }) as (...args: unknown[]) => unknown;
    const mod = this;
    const require = Object.assign((id: string) => mod.require(id), {
      resolve: (request: string, options?: unknown) => Module._resolveFilename(request, mod, false, options),
      main: process.mainModule,
      extensions: Module._extensions,
      cache: Module._cache,
    });
    return wrapper.call(mod.exports, mod.exports, require, mod, filename, dirname(filename));
  };

  // After the run, so the bytecode includes every function that ran (V8 compiles functions lazily).
  process.once('exit', () => {
    if (pending.length === 0) return;
    try {
      mkdirSync(cacheDir, { recursive: true });
    } catch {
      return;
    }
    for (const { script, file, stamp } of pending) {
      const temp = `${file}.${process.pid}.tmp`;
      try {
        writeFileSync(temp, Buffer.concat([stamp, script.createCachedData()]));
        renameSync(temp, file);
      } catch {
        // A read-only installation simply runs without a cache.
        try {
          unlinkSync(temp);
        } catch {
          // Nothing was written.
        }
      }
    }
  });
}

/** FNV-1a of the path: the cache file name, short and stable. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}
