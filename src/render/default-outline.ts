import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { Outline } from '../model/outline-blocks.js';
import { BUILTIN_TEMPLATES_DIR } from './template-registry.js';

/** kim's own outline, beside the templates: the Vorlage of a report whose folder gives none. */
export const DEFAULT_OUTLINE_FILE = join(BUILTIN_TEMPLATES_DIR, 'gliederung.yaml');

let cached: Outline | undefined;

/** Read once per process; the file ships with kim and is checked by the tests (test/report/outline-default.test.ts). */
export function defaultOutline(): Outline {
  return (cached ??= parse(readFileSync(DEFAULT_OUTLINE_FILE, 'utf8')) as Outline);
}
