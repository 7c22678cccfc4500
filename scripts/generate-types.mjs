// Build step (before tsc): the TypeScript types of the data files, generated from schemas/*.schema.json,
// so the schemas that validate the data and the types the code reads it with cannot drift apart.
// Output: src/model/generated/<name>.ts (not checked in; src/model/types.ts gives them their names).
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const schemaDir = join(root, 'schemas');
const outDir = join(root, 'src', 'model', 'generated');
const { compile } = await import(pathToFileURL(join(root, 'node_modules', 'json-schema-to-typescript', 'dist', 'src', 'index.js')).href);

/**
 * Titles and examples are for people (the editor shows them); as type names they would give every field
 * an alias of its own ("Kennung", "Genitiv1"), so they go and the types stay inline. Descriptions stay as
 * doc comments.
 */
function forTypes(node) {
  if (Array.isArray(node)) return node.map(forTypes);
  if (!node || typeof node !== 'object') return node;
  const out = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'title' || key === 'examples' || key === '$id') continue;
    out[key] = key === 'properties' || key === '$defs' ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, forTypes(v)])) : forTypes(value);
  }
  return out;
}

const typeName = (file) => `${file.replace('.schema.json', '').replace(/^./, (c) => c.toUpperCase())}File`;

mkdirSync(outDir, { recursive: true });
for (const file of readdirSync(schemaDir).filter((f) => f.endsWith('.schema.json')).sort()) {
  const schema = forTypes(JSON.parse(readFileSync(join(schemaDir, file), 'utf8')));
  const code = await compile(schema, typeName(file), {
    bannerComment: `/* Generated from schemas/${file} by scripts/generate-types.mjs; do not edit. */`,
    additionalProperties: false,
    ignoreMinAndMaxItems: true,
    strictIndexSignatures: true,
    format: true,
  });
  writeFileSync(join(outDir, file.replace('.schema.json', '.ts')), code);
}
