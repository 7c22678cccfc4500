/**
 * docs/gliederung.md lists every fact block, text block and heading placeholder and shows kim's default
 * outline; both parts are generated (scripts/generate-docs-outline.mjs), and this test fails when the
 * registry, the schema or templates/gliederung.yaml changed without the guide.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { parse } from 'yaml';
import { FACT_BLOCKS, HEADING_PLACEHOLDERS } from '../../src/model/outline-blocks.js';
import { MODULE_TEXT_KEYS, TOP_TEXT_KEYS } from '../../src/model/types.js';
import { packageRoot } from '../../src/paths.js';
// @ts-expect-error: a plain .mjs helper of the build scripts, without types
import { defaultOutlineSection, outlineReference, withReference } from '../../scripts/outline-reference.mjs';

const DOC = join(packageRoot, 'docs', 'gliederung.md');

test('the guide lists every block of the registry and shows templates/gliederung.yaml as it is (node scripts/generate-docs-outline.mjs)', () => {
  const doc = readFileSync(DOC, 'utf8');
  const reportSchema = JSON.parse(readFileSync(join(packageRoot, 'schemas', 'report.schema.json'), 'utf8')) as unknown;
  const reference = outlineReference({ blocks: FACT_BLOCKS, topTextKeys: TOP_TEXT_KEYS, moduleTextKeys: MODULE_TEXT_KEYS, headingPlaceholders: HEADING_PLACEHOLDERS, reportSchema });
  const defaultSection = defaultOutlineSection(readFileSync(join(packageRoot, 'templates', 'gliederung.yaml'), 'utf8'));
  expect(withReference(doc, reference, defaultSection)).toBe(doc);
  for (const b of FACT_BLOCKS) expect(doc).toContain(`| \`${b.name}\` |`);
});

test("the guide's copy of kim's outline is the same outline as templates/gliederung.yaml", () => {
  const doc = readFileSync(DOC, 'utf8');
  const block = /<!-- Beginn der Vorgabe[^\n]*\n\n```yaml\n([\s\S]*?)```/.exec(doc)![1]!;
  const shipped = parse(readFileSync(join(packageRoot, 'templates', 'gliederung.yaml'), 'utf8')) as unknown;
  expect((parse(block) as { outline: unknown }).outline).toEqual(shipped);
});
