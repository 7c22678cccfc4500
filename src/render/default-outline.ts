import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Outline } from '../model/outline-blocks.js';
import { packageRoot } from '../paths.js';
import { parseOwnYaml, readBuiltYaml } from './built-yaml.js';
import { BUILTIN_TEMPLATES_DIR } from './template-registry.js';

/** kim's own outline, beside the templates: the Vorlage of a report whose folder gives none. */
export const DEFAULT_OUTLINE_FILE = join(BUILTIN_TEMPLATES_DIR, 'gliederung.yaml');

/** kim's outline for a town's Vorlage on its Kreis's programme (programme.yaml owner): without the Kreis-wide staff blocks. */
export const LOCAL_OUTLINE_FILE = join(BUILTIN_TEMPLATES_DIR, 'gliederung-kommune.yaml');

let cached: Outline | undefined;
let cachedLocal: Outline | undefined;

/**
 * The same outline parsed at build time (scripts/compile-templates.mjs), with the text it came from: a
 * cold `kim report` whose data come from kim's parse cache then runs no YAML parser at all.
 */
export const BUILT_OUTLINE_FILE = join(packageRoot, 'dist', 'templates', 'gliederung.json');

/** Read once per process; the file ships with kim and is checked by the tests (test/report/outline-default.test.ts). */
export function defaultOutline(): Outline {
  return (cached ??= readBuiltYaml<Outline>(DEFAULT_OUTLINE_FILE, BUILT_OUTLINE_FILE, 'outline'));
}

/** The default for a Vorlage whose author is not the programme's owner (test/report/town-report.test.ts). */
export function localOutline(): Outline {
  return (cachedLocal ??= parseOwnYaml(readFileSync(LOCAL_OUTLINE_FILE, 'utf8')) as Outline);
}
