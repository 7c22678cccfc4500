// Build step (after tsc and compile-schemas): bundle the CLI for a fast cold start, then warm its V8 code
// cache by running the example once per command. See src/cli/fast-start.ts and README "Performance".
//
// dist/src/kim-cli.cjs is the CLI (run.js) with commander, chalk, yaml, handlebars, marked and the
// compiled validators in one CommonJS file; each command and the PDF stage is a chunk beside it
// (kim-cli-*.cjs), loaded when used. The chunks sit in dist/src/ so that paths.ts finds the package root
// as from any other file there. pdfkit and fontkit stay in node_modules (they read data files next to
// themselves) and are code-cached there. Bundling is an optimisation: if it fails, the build goes on and
// dist/src/cli/main.cjs (the `kim` command) runs the ES modules.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const srcOut = join(root, 'dist', 'src');
const cacheDir = join(root, 'dist', '.code-cache');

// The bundle's id (src/cli/fast-start.cts): in kim-cli.id and as a last line of the compiled fast-start.cjs.
const idFile = join(srcOut, 'kim-cli.id');
const fastStart = join(srcOut, 'cli', 'fast-start.cjs');
const STAMP = /\nexports\.bundleId = "[0-9a-f]*";\n$/;
const removeBundle = () => {
  for (const name of readdirSync(srcOut)) if (/^kim-cli.*\.cjs$/.test(name)) rmSync(join(srcOut, name));
  rmSync(idFile, { force: true });
  writeFileSync(fastStart, readFileSync(fastStart, 'utf8').replace(STAMP, '\n'));
};
removeBundle();
rmSync(cacheDir, { recursive: true, force: true });

const rolldownEntry = join(root, 'node_modules', 'rolldown', 'dist', 'index.mjs');
if (!existsSync(rolldownEntry)) {
  console.warn('bundle: rolldown fehlt, kim läuft ohne Bündel (langsamerer Start).');
  process.exit(0);
}

/**
 * A build output that a module of dist/src/<folder>/ imports by a computed path from the package root
 * (`import(pathToFileURL(join(packageRoot, 'dist', …)).href)`, so that the ES modules find it wherever
 * they run): made a literal relative import, so that the bundle includes it as a chunk.
 */
const literalImport = (importer, folder, file) => ({
  name: `kim-literal-${file}`,
  transform(code, id) {
    if (!id.endsWith(`/${importer}`)) return null;
    const computed = `import(pathToFileURL(join(packageRoot, 'dist', '${folder}', '${file}')).href)`;
    const out = code.replace(computed, `import('../../${folder}/${file}')`);
    if (out === code) this.warn(`dist/${folder}/${file} is loaded at run time (its import not found in ${importer})`);
    return out;
  },
});
// The JSON Schemas compiled to validators (scripts/compile-schemas.mjs), kim's templates precompiled (scripts/compile-templates.mjs).
const validatorsLiteral = literalImport('validate/schema-check.js', 'schemas', 'validators.js');
const templatesLiteral = literalImport('render/precompiled-templates.js', 'templates', 'compiled.js');

/** A plugin that replaces one text in one built file; a warning when the text is not there (the file changed). */
const replaceIn = (name, file, text, replacement, warning) => ({
  name,
  transform(code, id) {
    if (!id.split('\\').join('/').endsWith(file)) return null;
    const out = code.replace(text, replacement);
    if (out === code) this.warn(warning);
    return out;
  },
});

/**
 * The compiled validators require Ajv's runtime helpers (ajv/dist/runtime/equal …) through createRequire,
 * which works for the ES modules; in the bundle those would be four more files from node_modules, each
 * resolved through its package.json. A plain require() is bundled by rolldown like an import.
 */
const validatorsBundleAjv = replaceIn(
  'kim-validators-bundle-ajv',
  '/dist/schemas/validators.js',
  "import { createRequire } from 'node:module';\nconst require = createRequire(import.meta.url);\n",
  '',
  "validators.js: createRequire not found; Ajv's runtime helpers load from node_modules",
);

/**
 * render/built-yaml.js loads the YAML library on first use through createRequire (the ES modules get
 * node_modules/yaml). In the bundle a plain require() of the bundled copy: the yaml chunk is then read
 * with the report chunk but evaluated only when kim parses one of its own YAML files.
 */
const builtYamlBundledRequire = replaceIn(
  'kim-built-yaml-bundled-require',
  '/dist/src/render/built-yaml.js',
  "createRequire(import.meta.url)('yaml')",
  "require('yaml')",
  "render/built-yaml.js: createRequire(…)('yaml') not found; the bundle loads a second YAML library from node_modules",
);

/**
 * That require() alone is not enough: rolldown hoists the yaml chunk's require to the top of every chunk
 * that uses it, so the report chunk read and compiled the 210 kB yaml chunk on every Markdown and PDF run
 * (about 3 ms of CPU per run, measured with --cpu-prof on the installed copy), though it ran none of it.
 * The chunk's only export is `require_dist` (the library's lazy CommonJS wrapper); the hoisted constant
 * becomes a stand-in that requires the chunk on the first call. Left as it is, with a warning, when the
 * chunk uses the constant in any other way.
 */
const YAML_CHUNK_REQUIRE = 'const require_yaml = require("./kim-cli-yaml.cjs");';
const lazyYamlChunk = {
  name: 'kim-lazy-yaml-chunk',
  renderChunk(code, chunk) {
    if (!code.includes(YAML_CHUNK_REQUIRE)) return null;
    const uses = code.split(YAML_CHUNK_REQUIRE).join('').match(/\brequire_yaml\b.{0,15}/g) ?? [];
    if (!uses.every((use) => use.startsWith('require_yaml.require_dist()'))) {
      this.warn(`${chunk.fileName}: require_yaml used other than as require_yaml.require_dist(); the yaml chunk loads with it`);
      return null;
    }
    return code.replace(YAML_CHUNK_REQUIRE, 'const require_yaml = { require_dist: () => require("./kim-cli-yaml.cjs").require_dist() };');
  },
};

/**
 * node:crypto on first use: loading it costs a cold start 2–6 ms (it loads Node's streams, ciphers and key
 * handling), and a run on unchanged data hashes nothing (load/content-keys.ts, the validation cache's
 * address by folder) and names its temporary files without it (files/atomic-write.ts), so `kim validate`
 * and a Markdown run need it only after an edit. Rolldown hoists every built-in's require to the top of
 * the chunk; here the constant becomes an object whose properties require the module when first read.
 */
const CRYPTO_REQUIRE = 'let node_crypto = require("node:crypto");';
const lazyCrypto = {
  name: 'kim-lazy-crypto',
  renderChunk(code, chunk) {
    if (!code.includes(CRYPTO_REQUIRE)) return null;
    const rest = code.split(CRYPTO_REQUIRE).join('');
    const names = [...new Set([...rest.matchAll(/\bnode_crypto\.(\w+)/g)].map((m) => m[1]))];
    if ((rest.match(/\bnode_crypto\b/g) ?? []).length !== [...rest.matchAll(/\bnode_crypto\.\w+/g)].length) {
      this.warn(`${chunk.fileName}: node_crypto used other than as node_crypto.<name>; node:crypto loads with the chunk`);
      return null;
    }
    const getters = names.map((name) => `get ${name}() { return require("node:crypto").${name}; }`).join(', ');
    return code.replace(CRYPTO_REQUIRE, `let node_crypto = { ${getters} };`);
  },
};

/**
 * commander requires node:child_process when it loads (≈ 5 ms of a cold start), for executable
 * subcommands, which kim has none of. Loaded on first use instead.
 */
const commanderLazyChildProcess = {
  name: 'kim-commander-lazy-child-process',
  transform(code, id) {
    if (!/[\\/]commander[\\/]lib[\\/]command\.js$/.test(id)) return null;
    const out = code.replace(
      "const childProcess = require('node:child_process');",
      "let childProcessModule;\nconst childProcess = { spawn: (...args) => (childProcessModule ??= require('node:child_process')).spawn(...args) };",
    );
    if (out === code) this.warn('commander loads child_process eagerly (pattern not found in lib/command.js)');
    else if (/childProcess\.(?!spawn\b)\w+/.test(out)) this.warn('commander uses more of child_process than spawn; the lazy stand-in lacks it');
    return out;
  },
};

/**
 * Chunks by what a run loads, not one per corner of the module graph: rolldown's automatic splitting made a
 * chunk for every set of dynamic imports sharing a module (64 files, of which `kim validate` resolved,
 * read and compiled 31, Markdown 35, PDF 40). Each group takes the modules its test names and everything they import
 * statically (includeDependenciesRecursively) that no group of higher priority has taken. So the groups
 * go from what every run needs to what few runs need: a module lands in the group of the first run that
 * needs it, and a stage loaded for one format never drags in code of another.
 *
 * - yaml: the YAML parser, only when a data file is not in kim's parse cache (first, so that no group
 *   takes it in because one of its modules imports it);
 * - core: the CLI and what every command that reads data runs (load, the validation cache, model, the
 *   terminal, the checks validation shares with report and pdf: logo size, drawable characters), which
 *   rolldown makes the entry chunk itself: `kim validate` reads it, the validate chunk and rolldown's
 *   small runtime chunk;
 * - report: Markdown (report-run, the template engine, Handlebars' runtime, kim's precompiled templates);
 * - pdf: the PDF stage and marked (pdfkit stays in node_modules, see the header);
 * - validate (after pdf): the compiled validators with Ajv's runtime helpers and the rules, loaded
 *   only when validation runs (not when kim's validation cache has the result);
 * - docx, chart, staffing-series: only for a run that writes Word or shows the chart, and last, so that
 *   they take only what nothing else needs (with a higher priority the chart took half of src/german/, and
 *   every run, `kim validate` included, loaded it and the docx package: test/workflow/stage-loading.test.ts).
 *
 * The other commands (build, watch, init, next, migrate, list) and the template compiler stay split
 * automatically: they load their own chunks on top.
 */
const inDist = (path) => (id) => id.split('\\').join('/').includes(`/dist/${path}`);
const inPackage = (name) => (id) => id.split('\\').join('/').includes(`/node_modules/${name}/`);
const anyOf = (...tests) => (id) => tests.some((t) => t(id));
const CHUNK_GROUPS = [
  { name: 'yaml', priority: 60, test: inPackage('yaml') },
  {
    name: 'core',
    priority: 50,
    test: anyOf(
      // The entry's own modules too (commander, the program): else a module the entry shares with a later
      // group (cli/output-formats.js with the report command) would go there, and every run would load it.
      inDist('src/cli/run.js'),
      inDist('src/valid-data.js'),
      inDist('src/cli/commands/validate.js'),
      inDist('src/init/editor-schemas.js'),
      // What validation shares with the report and PDF stages (the logo's size and format, the characters
      // the PDF fonts can draw; 10 kB), and rolldown's runtime helpers (2 kB): in a chunk of their own they
      // were two more files for every Markdown and PDF run to resolve, read and compile, each with its
      // code-cache entry. Here, the validate chunk still requires neither the report nor the pdf chunk.
      inDist('src/image-size.js'),
      inDist('src/files/zlib-on-demand.js'),
      inDist('src/drawable-characters.js'),
      (id) => id.includes('rolldown/runtime'),
    ),
  },
  { name: 'report', priority: 40, test: anyOf(inDist('src/report-run.js'), inDist('src/cli/commands/report.js'), inDist('templates/compiled.js')) },
  { name: 'pdf', priority: 30, test: anyOf(inDist('src/emit/pdf/'), inPackage('marked')) },
  // Validation proper: a run whose validation comes from kim's disk cache (src/validate/validation-cache.ts)
  // never loads it. After report and pdf, so that what they share with the rules (undrawable characters,
  // the logo's size) goes with them and their chunks do not require this one.
  { name: 'validate', priority: 25, test: anyOf(inDist('src/validate/index.js'), inDist('schemas/validators.js')) },
  { name: 'docx', priority: 20, test: anyOf(inDist('src/emit/docx/'), inPackage('docx')) },
  { name: 'chart', priority: 20, test: inDist('src/emit/chart/') },
  { name: 'staffing-series', priority: 20, test: inDist('src/model/staffing-series.js') },
];

try {
  const { rolldown } = await import(pathToFileURL(rolldownEntry).href);
  const bundle = await rolldown({
    input: join(srcOut, 'cli', 'run.js'),
    platform: 'node',
    logLevel: 'warn',
    // editor-schemas.js is in the core group on purpose (kim validate runs it): api.ts's dynamic import of it stays inside that chunk.
    onLog: (level, log, handler) => (log.code === 'INEFFECTIVE_DYNAMIC_IMPORT' && log.message.includes('editor-schemas') ? undefined : handler(level, log)),
    plugins: [validatorsLiteral, templatesLiteral, validatorsBundleAjv, builtYamlBundledRequire, commanderLazyChildProcess, lazyYamlChunk, lazyCrypto],
  });
  await bundle.write({
    dir: srcOut,
    format: 'cjs',
    entryFileNames: 'kim-cli.cjs',
    chunkFileNames: 'kim-cli-[name].cjs',
    codeSplitting: { groups: CHUNK_GROUPS },
    // Pure ASCII files (non-ASCII characters escaped, JSDoc comments left out; the `// dist/…` lines that
    // mark each module stay): V8 keeps a one-byte string instead of a two-byte one, and Node decodes the
    // file faster (1 MB: 2.2 against 4.0 ms); the JSDoc was a tenth of the size.
    charset: 'ascii',
    comments: { legal: true, annotation: true, jsdoc: false },
  });
  await bundle.close();
  // A hash of what was bundled, not a file time: an installed copy's times are those of npm's extraction.
  const hash = createHash('sha256');
  for (const name of readdirSync(srcOut).filter((n) => /^kim-cli.*\.cjs$/.test(n)).sort()) hash.update(name).update('\0').update(readFileSync(join(srcOut, name)));
  const id = hash.digest('hex').slice(0, 16);
  writeFileSync(idFile, `${id}\n`);
  writeFileSync(fastStart, `${readFileSync(fastStart, 'utf8').replace(/\n*$/, '')}\nexports.bundleId = "${id}";\n`);
} catch (error) {
  removeBundle();
  console.warn(`bundle: Bündeln fehlgeschlagen, kim läuft ohne Bündel: ${error instanceof Error ? error.message : error}`);
  process.exit(0);
}

// Warm the code cache: every command path once, each run adding the functions it compiled.
const example = join(root, 'data');
if (existsSync(join(example, 'reports'))) {
  const out = mkdtempSync(join(tmpdir(), 'kim-warm-'));
  const kim = (...args) => {
    try {
      execFileSync(process.execPath, [join(srcOut, 'cli', 'main.cjs'), ...args], {
        cwd: root,
        stdio: 'ignore',
        env: { ...process.env, KIM_CODE_CACHE: 'accumulate', NO_COLOR: '1' },
      });
    } catch {
      // A failing example (work in progress) only means a colder cache.
    }
  };
  kim('report', '--format', 'all', '--data', example, '--out', out);
  kim('validate', '--data', example);
  kim('build', '--format', 'all', '--data', example, '--out', join(out, 'build'), '--quiet');
  kim('--help');
  rmSync(out, { recursive: true, force: true });
}
