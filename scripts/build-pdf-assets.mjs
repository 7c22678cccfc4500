// Build step (after tsc): the PDF stage's assets in dist/pdf-assets/, made once here instead of in every
// run. See src/emit/pdf/assets.ts.
//
// - hyphenation-de-1996.bin: hyphen's de-1996 pattern trie packed into typed arrays
//   (src/emit/pdf/layout/hyphenation-pack.ts): loads in well under a millisecond, where evaluating the
//   pattern module takes 130-150 ms.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
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

// - <PostScript name>.font per face of Source Sans 3: the subset for the characters of a German Vorlage
//   with its widths, ToUnicode, CIDToGIDMap and CIDSet, deflated, and the advance of every character
//   (src/emit/pdf/writer/font-asset.ts). A run embeds these bytes as they are instead of loading fontkit
//   and subsetting every document.
const { buildFontAsset, encodeFontAsset, VORLAGE_CHARACTERS } = await load('writer/font-asset.js');
const { FACES } = await load('writer/fonts.js');
const { fontAssetName } = await load('assets.js');
const fontkit = createRequire(require.resolve('pdfkit'))('fontkit');
for (const name of Object.values(FACES)) {
  const font = fontkit.create(readFileSync(require.resolve(`source-sans/TTF/${name}.ttf`)));
  write(fontAssetName(name), encodeFontAsset(buildFontAsset(font, VORLAGE_CHARACTERS)));
}
