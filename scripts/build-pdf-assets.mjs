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

// - drawable-characters.json: the code points both faces of running text (regular; bold for headings and
//   emphasis, as src/emit/pdf/renderer.ts judges) have a glyph for, as ranges, read from the assets
//   just made (the advances the renderer measures with). `kim validate` judges text with it
//   (src/drawable-characters.ts) and so never loads fontkit or the font assets.
const { decodeFontAsset, NO_GLYPH } = await load('writer/font-asset.js');
const { ASSET_DIR } = await load('assets.js');
let drawable;
for (const name of [FACES.regular, FACES.bold]) {
  const asset = decodeFontAsset(readFileSync(join(ASSET_DIR, fontAssetName(name))));
  const has = new Set(asset.high.map(([cp]) => cp));
  asset.flatAdvances.forEach((advance, cp) => advance !== NO_GLYPH && has.add(cp));
  drawable = drawable ? new Set([...drawable].filter((cp) => has.has(cp))) : has;
}
const ranges = [];
for (const cp of [...drawable].sort((a, b) => a - b)) {
  const last = ranges.at(-1);
  if (last && last[1] === cp - 1) last[1] = cp;
  else ranges.push([cp, cp]);
}
write('drawable-characters.json', JSON.stringify({ ranges }));
