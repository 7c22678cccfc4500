// The identity of kim's validation code, for the validation cache (src/validate/validation-cache.ts): a
// hash of the compiled validators, the schemas and every compiled module (the rules, the messages, the loader and
// what they import), written to dist/schemas/validation.id. Any change to kim's code gives a new id, so a
// result stored by another build is never reused. Run by scripts/build.mjs after tsc and compile-schemas.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
// The schemas' own files too: their messages (schema-messages.ts) read them.
const files = [join(dist, 'schemas', 'validators.js'), ...listJs(join(dist, 'src')), ...readdirSync(join(root, 'schemas')).map((n) => join(root, 'schemas', n))].sort();
const hash = createHash('sha256');
for (const file of files) hash.update(relative(root, file).split('\\').join('/')).update('\0').update(readFileSync(file)).update('\0');
writeFileSync(join(dist, 'schemas', 'validation.id'), `${hash.digest('hex').slice(0, 32)}\n`);

function listJs(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? listJs(join(dir, e.name)) : e.name.endsWith('.js') ? [join(dir, e.name)] : []));
}
