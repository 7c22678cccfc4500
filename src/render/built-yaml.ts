import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * A YAML file of kim's own (templates/gliederung.yaml, templates/wortschatz.yaml), taken from its build-time
 * parse (scripts/compile-templates.mjs writes `{ source, [key]: parsed }` to dist/templates/) when that was
 * made from the very same text: a cold `kim report` then runs no YAML parser, and an edited file in a
 * checkout is parsed afresh.
 */
export function readBuiltYaml<T>(yamlFile: string, builtFile: string, key: string): T {
  const source = readFileSync(yamlFile, 'utf8');
  let built: Record<string, unknown> | undefined;
  try {
    built = JSON.parse(readFileSync(builtFile, 'utf8')) as Record<string, unknown>;
  } catch {
    // Not built (a bare `tsc`): parsed below.
  }
  return (built?.source === source && built[key] ? built[key] : parseOwnYaml(source)) as T;
}

type YamlLibrary = typeof import('yaml');
let yaml: YamlLibrary | undefined;

/**
 * Parses a YAML file of kim's own (the outlines, the vocabulary, Handlebars' message table), loading the
 * YAML library on the first call rather than with this module: these files are parsed at build time or
 * read only now and then (a stale build, a town's outline, a template error), and a cold `kim report`
 * whose data come from kim's parse cache then never evaluates the library (docs/performance.md). A
 * synchronous require, because the callers are synchronous; scripts/bundle.mjs makes it a require of the
 * bundled copy.
 */
export function parseOwnYaml(text: string): unknown {
  yaml ??= createRequire(import.meta.url)('yaml') as YamlLibrary;
  return yaml.parse(text);
}
