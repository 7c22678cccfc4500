import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

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
  return (built?.source === source && built[key] ? built[key] : parse(source)) as T;
}
