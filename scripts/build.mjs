// Build step run by `npm install` (prepare) and `npm run build`: compile TypeScript, then compile the
// JSON Schemas into standalone validator modules so `kim validate` never compiles a schema at start-up.
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
if (!existsSync(tsc)) {
  // Installed as a dependency without devDependencies: the published package ships dist/ already.
  process.exit(0);
}
// The data files' types come from the JSON Schemas (src/model/generated/), so they are made first.
execFileSync(process.execPath, [join(root, 'scripts', 'generate-types.mjs')], { stdio: 'inherit' });
execFileSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.json')], { stdio: 'inherit' });
// npm links bin entries before prepare runs, so make sure the freshly built CLI is executable.
for (const entry of ['main.cjs', 'main.js']) chmodSync(join(root, 'dist', 'src', 'cli', entry), 0o755);
const compileSchemas = join(root, 'scripts', 'compile-schemas.mjs');
if (existsSync(compileSchemas)) execFileSync(process.execPath, [compileSchemas], { stdio: 'inherit' });
// The validation cache's key for kim's own validation code (after tsc and the validators).
execFileSync(process.execPath, [join(root, 'scripts', 'validation-id.mjs')], { stdio: 'inherit' });
// The privacy check's small confusables table (the letters of European names).
execFileSync(process.execPath, [join(root, 'scripts', 'build-name-data.mjs')], { stdio: 'inherit' });
// kim's own templates, precompiled (before bundling: the bundle includes them).
execFileSync(process.execPath, [join(root, 'scripts', 'compile-templates.mjs')], { stdio: 'inherit' });
// The PDF stage's prebuilt fonts and packed hyphenation patterns (before bundling: the warm-up uses them).
execFileSync(process.execPath, [join(root, 'scripts', 'build-pdf-assets.mjs')], { stdio: 'inherit' });
// Last: bundle the CLI and warm its code cache (a fast cold start; optional, see the script).
const bundle = join(root, 'scripts', 'bundle.mjs');
if (existsSync(bundle)) execFileSync(process.execPath, [bundle], { stdio: 'inherit' });
