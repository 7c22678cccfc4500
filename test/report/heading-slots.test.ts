/**
 * Fact slots in outline headings (docs/gliederung.md, "Überschriften mit Platzhaltern"): filled by the same
 * filler as the clerk's text blocks, so the heading follows the fact; next to a heading's own placeholders.
 */
import { expect, test } from 'vitest';
import type { Dataset } from '../../src/model/types.js';
import type { Outline } from '../../src/model/outline-blocks.js';
import { FACT_SLOTS } from '../../src/model/fact-slots.js';
import { HEADING_PLACEHOLDERS } from '../../src/model/outline-blocks.js';
import { CURRENT, renderWith } from '../support/example.js';

const staffOf = (d: Dataset, id: string) => d.staff.find((s) => s.id === id)!;

/** The example's Vorlage of 16.03.2022 with an outline of two headed sections. */
const withOutline = (outline: Outline, change: (d: Dataset) => void = () => undefined) =>
  renderWith((d) => {
    const report = d.reports.find((r) => r.id === CURRENT)!;
    report.outline = outline;
    report.text = { preface: report.text?.preface };
    change(d);
  });

const OUTLINE: Outline = [
  { heading: 'Stand der Besetzung: {besetzt} von {geplant}', body: ['text.preface'] },
  { modules: ['modul-1'], heading: '{bezeichnung}: {besetzt:modul-1} besetzt, Stand {stand}', body: ['besetzung'] },
];

test('a heading with fact slots prints the figures, and the changed figures when the data change', async () => {
  const before = await withOutline(OUTLINE);
  expect(before).toContain('## Stand der Besetzung: 15,5 VZÄ von 15,5 VZÄ\n');
  expect(before).toContain('## Modul 1: 3,5 VZÄ besetzt, Stand 01.03.2022\n');
  const after = await withOutline(OUTLINE, (d) => (staffOf(d, 'm1-gs-rechts').end = '2022-02-28'));
  expect(after).toContain('## Stand der Besetzung: 14,5 VZÄ von 15,5 VZÄ\n');
  expect(after).toContain('## Modul 1: 2,5 VZÄ besetzt, Stand 01.03.2022\n');
});

test("the Kreis's outline in organisation.yaml fills its heading's slots for each report", async () => {
  const markdown = await renderWith((d) => {
    d.organisation.outline = OUTLINE;
    for (const r of d.reports) r.text = { preface: r.text?.preface };
  });
  expect(markdown).toContain('## Stand der Besetzung: 15,5 VZÄ von 15,5 VZÄ\n');
});

test("a heading's own placeholders and the fact slots have no name in common", () => {
  // Were a name in both, the heading's own would win (outline-assemble.ts) and the fact slot be out of reach.
  const own = [...HEADING_PLACEHOLDERS.report, ...HEADING_PLACEHOLDERS.module].map((p) => p.split(':')[0]);
  expect(FACT_SLOTS.map((s) => s.name).filter((n) => own.includes(n))).toEqual([]);
});
