import { join } from 'node:path';
import type { Vocabulary } from '../model/vocabulary.js';
import { packageRoot } from '../paths.js';
import { readBuiltYaml } from './built-yaml.js';
import { BUILTIN_TEMPLATES_DIR } from './template-registry.js';

/** kim's fixed words of a Vorlage, beside the templates; organisation.yaml `wortschatz:` overrides them. */
export const DEFAULT_VOCABULARY_FILE = join(BUILTIN_TEMPLATES_DIR, 'wortschatz.yaml');

/** The same file parsed at build time (scripts/compile-templates.mjs), with the text it came from, as for gliederung.json. */
export const BUILT_VOCABULARY_FILE = join(packageRoot, 'dist', 'templates', 'wortschatz.json');

let cached: Vocabulary | undefined;

/** Read once per process; the file ships with kim and is checked by test/report/vocabulary.test.ts. */
export function defaultVocabulary(): Vocabulary {
  return (cached ??= readBuiltYaml<Vocabulary>(DEFAULT_VOCABULARY_FILE, BUILT_VOCABULARY_FILE, 'vocabulary'));
}
