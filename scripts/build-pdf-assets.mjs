// Build step (after tsc): the PDF stage's assets in dist/pdf-assets/, made once here instead of in every
// run. See src/emit/pdf/assets.ts.
//
// - hyphenation-de-1996.bin: hyphen's de-1996 pattern trie packed into typed arrays
//   (src/emit/pdf/layout/hyphenation-pack.ts): loads in well under a millisecond, where evaluating the
//   pattern module takes 130-150 ms.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist', 'src', 'emit', 'pdf');
const out = join(root, 'dist', 'pdf-assets');
const require = createRequire(join(root, 'package.json'));
const load = (path) => import(pathToFileURL(join(dist, path)).href);

mkdirSync(out, { recursive: true });
/** Atomic, so a test or a run that reads an asset while the build writes it never sees half a file. */
function write(name, bytes) {
  const temp = join(out, `.${name}.${process.pid}.tmp`);
  writeFileSync(temp, bytes);
  renameSync(temp, join(out, name));
}

const { packPatterns } = await load('layout/hyphenation-pack.js');
const { HYPHENATION_ASSET } = await load('assets.js');
write(HYPHENATION_ASSET, packPatterns(require('hyphen/patterns/de-1996.js')));
