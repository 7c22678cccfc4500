import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { Vocabulary } from '../model/vocabulary.js';
import { packageRoot } from '../paths.js';
import { BUILTIN_TEMPLATES_DIR } from './template-registry.js';

/** kim's fixed words of a Vorlage, beside the templates; organisation.yaml `wortschatz:` overrides them. */
export const DEFAULT_VOCABULARY_FILE = join(BUILTIN_TEMPLATES_DIR, 'wortschatz.yaml');

/** The same file parsed at build time (scripts/compile-templates.mjs), with the text it came from, as for gliederung.json. */
export const BUILT_VOCABULARY_FILE = join(packageRoot, 'dist', 'templates', 'wortschatz.json');

let cached: Vocabulary | undefined;

/** Read once per process; the file ships with kim and is checked by test/report/vocabulary.test.ts. */
export function defaultVocabulary(): Vocabulary {
  if (cached) return cached;
  const source = readFileSync(DEFAULT_VOCABULARY_FILE, 'utf8');
  let built: { source?: unknown; vocabulary?: Vocabulary } | undefined;
  try {
    built = JSON.parse(readFileSync(BUILT_VOCABULARY_FILE, 'utf8')) as typeof built;
  } catch {
    // Not built (a bare `tsc`): parsed below.
  }
  // Only for the very text it was made from: an edited wortschatz.yaml in a checkout is parsed afresh.
  return (cached = built?.source === source && built.vocabulary ? built.vocabulary : (parse(source) as Vocabulary));
}
