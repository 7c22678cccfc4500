// Writes the list of fact blocks, text blocks and heading placeholders into docs/gliederung.md from kim's
// block registry (run after `npm run build`): node scripts/generate-docs-outline.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { defaultOutlineSection, outlineReference, withReference } from './outline-reference.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const registry = await import(pathToFileURL(join(root, 'dist', 'src', 'model', 'outline-blocks.js')).href);
const types = await import(pathToFileURL(join(root, 'dist', 'src', 'model', 'types.js')).href);
const reportSchema = JSON.parse(readFileSync(join(root, 'schemas', 'report.schema.json'), 'utf8'));
const file = join(root, 'docs', 'gliederung.md');
const reference = outlineReference({
  blocks: registry.FACT_BLOCKS,
  topTextKeys: types.TOP_TEXT_KEYS,
  moduleTextKeys: types.MODULE_TEXT_KEYS,
  headingPlaceholders: registry.HEADING_PLACEHOLDERS,
  reportSchema,
});
const defaultSection = defaultOutlineSection(readFileSync(join(root, 'templates', 'gliederung.yaml'), 'utf8'));
writeFileSync(file, withReference(readFileSync(file, 'utf8'), reference, defaultSection));
