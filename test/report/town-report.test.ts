/**
 * A town's Vorlage on its Kreis's programme (test/fixtures/stadt-wiesental: programme.yaml owner,
 * organisation.yaml body.municipality): the plan stated as the Kreis's, the posts serving the town by
 * employer, every employer named, nothing said of the Kreis's other staff.
 */
import { describe, expect, test } from 'vitest';
import { expectGolden } from '../support/golden.js';
import { CURRENT, renderWith, TOWN_DIR, TOWN_FIRST, TOWN_NEXT } from '../support/example.js';
import type { Dataset } from '../../src/model/types.js';

const staffOf = (d: Dataset, id: string) => d.staff.find((s) => s.id === id)!;

describe('golden files', () => {
  test.each([
    ['the first report', TOWN_FIRST, 'stadt-wiesental-2021-11-30-kim-bericht.md'],
    ['the follow-up', TOWN_NEXT, 'stadt-wiesental-2022-05-17-kim-bericht.md'],
  ])('%s', async (_name, id, golden) => {
    expectGolden(golden, await renderWith(undefined, id, TOWN_DIR));
  });
});

describe('the facts and whose they are', () => {
  test('the plan is the owner\'s, named as such', async () => {
    const text = await renderWith((d) => (d.programme.owner!.nominative = 'der Kreis Auental'), TOWN_NEXT, TOWN_DIR);
    expect(text).toContain('Der Kreis Auental hat für das Modul II zwölf Vollzeitstellen geplant.');
    expect(text).not.toContain('Der Landkreis Talheim hat');
  });

  test('the posts serving the town follow the shares of assignments.yaml, per employer', async () => {
    const text = await renderWith((d) => (d.assignments.find((a) => a.staff === 'cm-w3')!.fte = 0.25), TOWN_NEXT, TOWN_DIR);
    expect(text).toContain('Für die Stadt Wiesental sind davon 2,25 Vollzeitstellen besetzt, 1,25 Vollzeitstellen beim Landratsamt Talheim und eine Vollzeitstelle bei der Stadt selbst.');
  });

  test('the town\'s own administration is "bei der Stadt selbst", in the genus of its kind, not the town named twice', async () => {
    const town = await renderWith(undefined, TOWN_FIRST, TOWN_DIR);
    expect(town).toContain('Für die Stadt Wiesental sind davon 0,5 Vollzeitstellen bei der Stadt selbst besetzt.');
    expect(town).not.toMatch(/Für die Stadt Wiesental [^.]*bei der Stadt Wiesental/);
    const markt = await renderWith(
      (d) => {
        const wiesental = d.organisation.municipalities.find((m) => m.id === 'wiesental')!;
        wiesental.type = 'Markt';
        wiesental.genus = 'masculine';
      },
      TOWN_FIRST,
      TOWN_DIR,
    );
    expect(markt).toContain('Für den Markt Wiesental sind davon 0,5 Vollzeitstellen beim Markt selbst besetzt.');
    // Another town's employer keeps its own name.
    const other = await renderWith((d) => (d.organisation.employers.find((e) => e.id === 'stadt')!.municipality = 'eichenau'), TOWN_FIRST, TOWN_DIR);
    expect(other).toContain('Für die Stadt Wiesental sind davon 0,5 Vollzeitstellen bei der Stadt Wiesental besetzt.');
  });

  test('one employer is named in the sentence, none gives "noch keine"', async () => {
    const one = await renderWith((d) => (staffOf(d, 'cm-w2').employer = 'landratsamt'), TOWN_NEXT, TOWN_DIR);
    expect(one).toContain('Für die Stadt Wiesental sind davon 2,5 Vollzeitstellen beim Landratsamt Talheim besetzt.');
    const none = await renderWith((d) => (staffOf(d, 'ko-w').end = '2022-03-31'), TOWN_NEXT, TOWN_DIR);
    expect(none).toContain('Der Landkreis Talheim hat für das Modul I 1,5 Vollzeitstellen geplant. Für die Stadt Wiesental ist davon noch keine besetzt.');
  });

  test('the Kreis\'s own employer is named too (it is not the author\'s)', async () => {
    const text = await renderWith((d) => (staffOf(d, 'cm-w1').end = '2022-03-31'), TOWN_NEXT, TOWN_DIR);
    expect(text).toContain('Zum 31.03.2022 ist der Case Manager des Landratsamtes Talheim für die Stadt Wiesental ausgeschieden.');
  });

  test('the plan list (modulplaene) gives the town\'s posts beside the Kreis\'s plan, not the filled ones', async () => {
    const text = await renderWith((d) => {
      const r = d.reports.find((x) => x.id === TOWN_NEXT)!;
      r.outline = [{ body: ['modulplaene'] }];
      delete r.text;
    }, TOWN_NEXT, TOWN_DIR);
    expect(text).toBe(
      '- Modul I (Strategische Steuerung): geplant 1,5 Vollzeitstellen, für die Stadt Wiesental 0,5 Vollzeitstellen\n- Modul II (Rechtskreisübergreifendes Case Management): geplant zwölf Vollzeitstellen, für die Stadt Wiesental 2,5 Vollzeitstellen\n',
    );
  });

  test('without an owner the same data are the Kreis\'s own Vorlage: kim\'s outline, the staffing of the whole programme', async () => {
    const text = await renderWith((d) => {
      delete d.programme.owner;
      delete d.reports.find((r) => r.id === TOWN_NEXT)!.text; // its slots name the owner: validation would refuse them
    }, TOWN_NEXT, TOWN_DIR);
    expect(text).not.toContain('Der Landkreis Talheim hat');
    expect(text).toContain('| Modul II – Rechtskreisübergreifendes Case Management | 12 |');
  });
});

test('a unit with an abbreviation is named once before its parts, as in the staffing sentence', async () => {
  const text = await renderWith((d) => {
    d.programme.owner = { name: 'Rhein-Sieg-Kreis', nominative: 'der Rhein-Sieg-Kreis', genitive: 'des Rhein-Sieg-Kreises' };
    d.organisation.body.municipality = 'troisdorf';
    d.programme.modules.find((m) => m.id === 'modul-1')!.plannedFte[0]!.parts = [{ fte: 3, label: 'Koordinierung' }, { fte: 0.5, label: 'Verwaltungsassistenz' }];
    d.reports.find((r) => r.id === CURRENT)!.outline = [{ body: ['vorOrt:modul-1'] }];
  });
  expect(text).toBe(
    'Der Rhein-Sieg-Kreis hat für das Modul 1 3,5 Vollzeitäquivalente (VZÄ; davon 3 VZÄ Koordinierung und 0,5 VZÄ Verwaltungsassistenz) geplant. Für die Stadt Troisdorf sind davon 0,5 VZÄ bei der Stadt selbst besetzt.\n',
  );
});
