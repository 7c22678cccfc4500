/**
 * docs/platzhalter.md is generated from the registry of slots (scripts/generate-slot-docs.mjs): a slot
 * added to src/model/fact-slots.ts without regenerating the page fails here, so none goes undocumented.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { FACT_SLOTS, slotForms } from '../../src/model/fact-slots.js';
// @ts-expect-error: a plain .mjs build script without type declarations
import { slotDocs, SLOT_DOCS_FILE } from '../../scripts/generate-slot-docs.mjs';

test('docs/platzhalter.md is what the script makes of the registry (node scripts/generate-slot-docs.mjs)', () => {
  expect(readFileSync(SLOT_DOCS_FILE as string, 'utf8')).toBe((slotDocs as (s: typeof FACT_SLOTS) => string)(FACT_SLOTS));
});

test('the page names every slot in every form, with its example', () => {
  const page = readFileSync(SLOT_DOCS_FILE as string, 'utf8');
  for (const slot of FACT_SLOTS) {
    for (const form of slotForms(slot)) expect(page, form).toContain(`\`${form}\``);
    expect(page, slot.name).toContain(`„${slot.example.filled}“`);
  }
});

test('the report schema\'s description of the text blocks (what the editor shows) names every slot', async () => {
  const schema = JSON.parse(readFileSync(new URL('../../schemas/report.schema.json', import.meta.url), 'utf8')) as { properties: { text: { description: string } } };
  for (const slot of FACT_SLOTS) expect(schema.properties.text.description, slot.name).toMatch(new RegExp(`\\{${slot.name}[:}]`));
});
