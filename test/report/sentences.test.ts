import { describe, expect, test } from 'vitest';
import type { Dataset } from '../../src/model/types.js';
import { renderWith } from '../support/example.js';

/**
 * The sentences of issue 20's table ("kim wrote | a clerk would write"), each on the data that made kim
 * write the clumsy one: the shipped Rhein-Sieg-Kreis data with a single change.
 */
const staff = (d: Dataset, id: string) => d.staff.find((s) => s.id === id)!;

describe('who left', () => {
  test('one of two posts called the same: "eine der beiden Case Managerinnen für …"', async () => {
    const text = await renderWith((d) => (staff(d, 'm2-sprache-1').end = '2022-01-31'));
    expect(text).toContain('Zum 31.01.2022 ist eine der beiden Case Managerinnen für frühkindliche Sprachförderung ausgeschieden.');
  });

  test('two of one description leaving on one day: one sentence', async () => {
    const text = await renderWith((d) => {
      staff(d, 'm2-sprache-1').end = '2022-01-31';
      staff(d, 'm2-sprache-2').end = '2022-01-31';
    });
    expect(text).toContain('Zum 31.01.2022 sind die beiden Case Managerinnen für frühkindliche Sprachförderung ausgeschieden.');
    expect(text.match(/ausgeschieden/g)).toHaveLength(1);
  });
});
