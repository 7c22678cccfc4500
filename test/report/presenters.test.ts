/**
 * A presenter on the staff list (report.yaml presenters[].staff) is named in that report's Vorlage, in the
 * sentence of the fact block berichterstattung, and nowhere else: every other place her name could reach
 * a public output is still refused (src/render/privacy-check.ts, permittedNames).
 */
import { describe, expect, test } from 'vitest';
import { DataError } from '../../src/errors.js';
import type { Dataset, Report } from '../../src/model/types.js';
import { defaultOutline } from '../../src/render/default-outline.js';
import { CURRENT, renderWith } from '../support/example.js';

const PREVIOUS = '2021-11-16-kim-sachstand';
const SENTENCE = 'In der Sitzung berichtet Frau Andrea Wiesenthal, Leiterin des Kommunalen Integrationsmanagements.';
const reportOf = (d: Dataset, id = CURRENT): Report => d.reports.find((r) => r.id === id)!;
/** Andrea Wiesenthal (m1-leitung) presents the current report. */
const presents = (d: Dataset): void => {
  reportOf(d).presenters = [{ staff: 'm1-leitung', salutation: 'Frau', function: 'Leiterin des Kommunalen Integrationsmanagements' }];
};

async function refusal(mutate: (d: Dataset) => void, id = CURRENT): Promise<string[]> {
  const e = await renderWith(mutate, id).then(() => undefined, (x: unknown) => x);
  expect(e).toBeInstanceOf(DataError);
  return (e as DataError).diagnostics.map((d) => d.message);
}

describe('a presenter named by presenters', () => {
  test("is named in that report's Vorlage, before the closing line", async () => {
    const md = await renderWith(presents);
    expect(md).toContain(`${SENTENCE}\n\nZur Sitzung des Ausschusses`);
    // Without presenters the Vorlage has no such sentence.
    expect(await renderWith()).not.toContain('In der Sitzung berichte');
  });

  test('two presenters, one off the staff list, and the forms the data give', async () => {
    const md = await renderWith((d) => {
      presents(d);
      reportOf(d).presenters!.push({ name: 'Max Beispiel', salutation: 'Herr', academicTitle: 'Dr.', function: 'Leiter des Kreissozialamtes' });
    });
    expect(md).toContain('In der Sitzung berichten Frau Andrea Wiesenthal, Leiterin des Kommunalen Integrationsmanagements, und Herr Dr. Max Beispiel, Leiter des Kreissozialamtes.');
    // No salutation given: none guessed.
    const plain = await renderWith((d) => (reportOf(d).presenters = [{ staff: 'm1-leitung' }]));
    expect(plain).toContain('In der Sitzung berichtet Andrea Wiesenthal.');
  });

  test('is still refused in another report (no presenters there)', async () => {
    const messages = await refusal((d) => {
      presents(d);
      reportOf(d, PREVIOUS).text!.preface = 'Frau Andrea Wiesenthal berichtet.';
    }, PREVIOUS);
    expect(messages[0]).toContain(`Die öffentliche Vorlage ${PREVIOUS} enthält den Namen "Andrea Wiesenthal"`);
  });

  test("is still refused in a text block of the same report, also in another spelling", async () => {
    const same = await refusal((d) => {
      presents(d);
      reportOf(d).text!.preface = 'Frau Andrea Wiesenthal berichtet.';
    });
    expect(same[0]).toContain(`Die öffentliche Vorlage ${CURRENT} enthält den Namen "Andrea Wiesenthal"`);
    const other = await refusal((d) => {
      presents(d);
      reportOf(d).text!.preface = 'Frau WIESENTHALS Bericht.';
    });
    expect(other[0]).toContain('enthält den Namen "Wiesenthal" einer beschäftigten Person (geschrieben als "WIESENTHALS")');
  });

  test('is still refused when the name arrives through organisation.yaml', async () => {
    const messages = await refusal((d) => {
      presents(d);
      d.organisation.departments.find((x) => x.id === 'ki')!.name = 'Büro Frau Andrea Wiesenthal';
    });
    // In the Vorlage's text (the department's name is in the PDF metadata too, where no name is let through).
    expect(messages[0]).toContain('enthält den Namen "Andrea Wiesenthal" einer beschäftigten Person in der Vorlage (Markdown und PDF)');
  });

  test('is refused when the outline does not place the block berichterstattung', async () => {
    const outline = defaultOutline().map((s) => ({ ...s, body: s.body.filter((e) => e !== 'berichterstattung') }));
    // The block left out: the sentence is gone, and nothing lets the same words through elsewhere.
    expect(await renderWith((d) => (presents(d), (reportOf(d).outline = outline)))).not.toContain('Wiesenthal');
    const messages = await refusal((d) => {
      presents(d);
      reportOf(d).outline = outline;
      d.organisation.departments.find((x) => x.id === 'ki')!.name = 'Büro Frau Andrea Wiesenthal';
    });
    // In the Vorlage's text (the department's name is in the PDF metadata too, where no name is let through).
    expect(messages[0]).toContain('enthält den Namen "Andrea Wiesenthal" einer beschäftigten Person in der Vorlage (Markdown und PDF)');
  });

  test('names only the staff member named: a second staff name in the same Vorlage is refused', async () => {
    const messages = await refusal((d) => {
      presents(d);
      reportOf(d).presenters![0]!.function = 'Vertreterin von Petra Oyelaran';
    });
    expect(messages[0]).toContain('enthält den Namen "Petra Oyelaran"');
  });
});
