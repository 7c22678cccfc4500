// One cold run of the Typst Node binding (@myriaddreamin/typst-ts-node-compiler, Typst 0.14) for
// `npm run bench -- --peers DIR`: compiles vorlage.typ (the sample Vorlage) to PDF/A-2a, as kim writes it.
// node scripts/bench-peers/typst-node.mjs <peers folder> <out.pdf>
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const [peers, out] = process.argv.slice(2);
const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(join(resolve(peers), 'package.json'));
const { NodeCompiler } = require('@myriaddreamin/typst-ts-node-compiler');
const fonts = dirname(createRequire(join(here, '..', '..', 'package.json')).resolve('source-sans/TTF/SourceSans3-Regular.ttf'));
const compiler = NodeCompiler.create({ fontArgs: [{ fontPaths: [fonts] }] });
const pdf = compiler.pdf({ mainFileContent: readFileSync(join(here, 'vorlage.typ'), 'utf8') }, { pdfStandard: 'a-2a' });
writeFileSync(out, pdf);
