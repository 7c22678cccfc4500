import { describe, expect, test } from 'vitest';
import { renderWith, TALHEIM_DIR, TALHEIM_FIRST, TALHEIM_NEXT } from '../support/example.js';
import type { Dataset } from '../../src/model/types.js';

/** The decision of a module's first plan period, given to Talheim's strategic module. */
const founded = (d: Dataset): void => {
  d.programme.modules.find((m) => m.id === 'modul-1')!.plannedFte[0]!.decision = { name: 'Beschluss des Kreistages', date: '2021-06-24', reference: '088/21' };
};

describe('the decision that founded a plan', () => {
  test('a first report cites it before the staffing sentence', async () => {
    const text = await renderWith(founded, TALHEIM_FIRST, TALHEIM_DIR);
    expect(text).toContain(
      'Mit Beschluss des Kreistages vom 24.06.2021 (Vorlage 088/21) wurde der Stellenumfang für das Modul I zum 01.07.2021 auf 1,5 Vollzeitstellen festgelegt.\n\nDie für das Modul I einzurichtenden',
    );
  });

  test('without the decision in the data, nothing is cited', async () => {
    const text = await renderWith(undefined, TALHEIM_FIRST, TALHEIM_DIR);
    expect(text).not.toContain('auf 1,5 Vollzeitstellen festgelegt');
  });

  test('a decision taken after the Stand is not cited yet', async () => {
    const text = await renderWith((d) => {
      founded(d);
      d.programme.modules.find((m) => m.id === 'modul-1')!.plannedFte[0]!.decision!.date = '2021-11-02';
    }, TALHEIM_FIRST, TALHEIM_DIR);
    expect(text).not.toContain('auf 1,5 Vollzeitstellen festgelegt');
  });

  test('a follow-up does not cite it again (the committee has heard of it)', async () => {
    const text = await renderWith(founded, TALHEIM_NEXT, TALHEIM_DIR);
    expect(text).not.toContain('auf 1,5 Vollzeitstellen festgelegt');
  });
});
