// Compiles every schemas/*.schema.json into one standalone ESM module (dist/schemas/validators.js), so the
// CLI validates without loading Ajv's compiler or compiling schemas at start-up.
import { readdirSync, readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import standaloneCode from 'ajv/dist/standalone/index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const schemaDir = join(root, 'schemas');
const ajv = new Ajv2020({ allErrors: true, strict: true, code: { source: true, esm: true, lines: false } });
addFormats.default(ajv, ['date']);

const exports = {};
for (const file of readdirSync(schemaDir).filter((f) => f.endsWith('.schema.json')).sort()) {
  const schema = JSON.parse(readFileSync(join(schemaDir, file), 'utf8'));
  ajv.addSchema(schema);
  exports[file.replace('.schema.json', '')] = schema.$id;
}
const outDir = join(root, 'dist', 'schemas');
mkdirSync(outDir, { recursive: true });
// Ajv's standalone ESM output still calls require() for its small runtime helpers (formats, equal,
// ucs2length); give the module a require of its own so it loads as ESM.
const prelude = "import { createRequire } from 'node:module';\nconst require = createRequire(import.meta.url);\n";
const code = standaloneCode(ajv, exports).replace(/^"use strict";/, '');
writeFileSync(join(outDir, 'validators.js'), prelude + code);
writeFileSync(
  join(outDir, 'validators.d.ts'),
  Object.keys(exports)
    .map((name) => `export declare const ${name}: import('ajv').ValidateFunction;`)
    .join('\n') + '\n',
);
