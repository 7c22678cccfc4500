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

try {
  const { rolldown } = await import(pathToFileURL(rolldownEntry).href);
  const bundle = await rolldown({ input: join(srcOut, 'cli', 'run.js'), platform: 'node', logLevel: 'warn', plugins: [validatorsLiteral, templatesLiteral, commanderLazyChildProcess] });
  await bundle.write({ dir: srcOut, format: 'cjs', entryFileNames: 'kim-cli.cjs', chunkFileNames: 'kim-cli-[name].cjs' });
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
