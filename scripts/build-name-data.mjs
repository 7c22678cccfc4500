// Build step: the entries of Unicode's confusables table (the `unhomoglyph` package) for characters below
// U+0250, into dist/name-data/confusables-latin.json. The privacy check's name folding reads this small
// file for the letters of European names and the whole table only for other scripts
// (src/render/name-matching.ts).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const table = JSON.parse(readFileSync(createRequire(join(root, 'package.json')).resolve('unhomoglyph/data.json'), 'utf8'));
const latin = Object.fromEntries(Object.entries(table).filter(([ch]) => ch.length === 1 && ch.charCodeAt(0) < 0x250));
const outDir = join(root, 'dist', 'name-data');
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'confusables-latin.json'), `${JSON.stringify(latin)}\n`);
