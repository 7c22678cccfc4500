/**
 * A module's genus (programme.yaml modules[].genus): the heading's pronoun follows the module's name
 * ("des strategischen Overheads … seiner Arbeit"), and an outline heading can say {ihrer}.
 */
import { expect, test } from 'vitest';
import type { Dataset } from '../../src/model/types.js';
import { CURRENT, renderWith } from '../support/example.js';

const moduleOf = (d: Dataset, id: string) => d.programme.modules.find((m) => m.id === id)!;
const overhead = (d: Dataset) => {
  const m = moduleOf(d, 'modul-1');
  m.name = 'Strategischer Overhead';
  m.genitive = 'des strategischen Overheads';
};

test("kim's heading for a module says \"ihrer Arbeit\" by default and \"seiner Arbeit\" for a masculine name", async () => {
  const feminine = await renderWith(overhead);
  expect(feminine).toContain('Personelle Besetzung des strategischen Overheads (Modul 1), aktueller Stand ihrer Arbeit');
  const masculine = await renderWith((d) => {
    overhead(d);
    moduleOf(d, 'modul-1').genus = 'masculine';
  });
  expect(masculine).toContain('Personelle Besetzung des strategischen Overheads (Modul 1), aktueller Stand seiner Arbeit und der Lenkungsgruppe');
  const neuter = await renderWith((d) => (moduleOf(d, 'modul-2').genus = 'neuter'));
  expect(neuter).toContain('Besetzung der Personalstellen des Case-Managements (Modul 2) und aktueller Stand seiner Arbeit');
});

test('an outline heading names the module with {ihrer} by its genus', async () => {
  const render = (genus: 'masculine' | 'feminine') =>
    renderWith((d) => {
      overhead(d);
      moduleOf(d, 'modul-1').genus = genus;
      const report = d.reports.find((r) => r.id === CURRENT)!;
      report.outline = [{ modules: ['modul-1'], heading: '{name} ({bezeichnung}) und der Stand {ihrer} Arbeit', body: ['besetzung'] }];
      report.text = {};
    });
  expect(await render('masculine')).toContain('## Strategischer Overhead (Modul 1) und der Stand seiner Arbeit\n');
  expect(await render('feminine')).toContain('## Strategischer Overhead (Modul 1) und der Stand ihrer Arbeit\n');
});
