import { describe, expect, test } from 'vitest';
import { buildReportModel } from '../../src/model/report-model.js';
import { defaultVocabulary } from '../../src/render/default-vocabulary.js';
import { CURRENT, loadExample, renderWith } from '../support/example.js';

/** Each test changes the example data in memory and checks the Vorlage follows: nothing is fixed in the template. */
describe('the Vorlage follows the data', () => {
  test('dropping the last hire gives "acht weitere" and no Much', async () => {
    const text = await renderWith((d) => {
      d.staff = d.staff.filter((s) => s.id !== 'cm-neunkirchen');
      d.assignments = d.assignments.filter((a) => a.staff !== 'cm-neunkirchen');
    });
    expect(text).toContain('acht weitere Case Managerinnen und Case Manager');
    expect(text).not.toContain('Much');
    expect(text).not.toContain('9)');
  });

  test('a different 2022 funding rate prints the new amount', async () => {
    const text = await renderWith((d) => {
      d.programme.fundingRates.find((r) => r.year === 2022)!.amount = 57000;
    });
    expect(text).toContain('jeweils 57.000 €/VZÄ');
    expect(text).not.toContain('55.000');
  });

  test('moving the previous Stand moves hires from "inzwischen" to "damals"', async () => {
    const text = await renderWith((d) => {
      d.reports.find((r) => r.id === '2021-11-16-kim-sachstand')!.stand = '2021-10-20';
    });
    expect(text).toContain(
      'Zum damaligen Zeitpunkt waren eine Mitarbeiterin in der Koordination des Case Managements, zwei Case Managerinnen für frühkindliche Sprachförderung, die Case Managerin der Stadt Troisdorf sowie die beiden Case Managerinnen und der Case Manager der Kreisverwaltung eingestellt.',
    );
    expect(text).toContain('sechs weitere Case Managerinnen und Case Manager');
    expect(text).toContain('1) Stadt Sankt Augustin und Gemeinde Wachtberg seit dem 01.11.21');
  });

  test('a first report with no post filled yet: "noch keines" for Vollzeitäquivalente, "noch keine" for Stellen', async () => {
    const empty = (d: Parameters<Parameters<typeof renderWith>[0]>[0]) => {
      d.staff = d.staff.filter((s) => s.module !== 'modul-2');
      d.assignments = d.assignments.filter((a) => d.staff.some((s) => s.id === a.staff));
    };
    const vza = await renderWith(empty, '2021-11-16-kim-sachstand');
    expect(vza).toContain('ist im Modul 2 noch niemand eingestellt. Für das Modul 2 sind 12 Vollzeitäquivalente (VZÄ) mit einer jährlichen Förderung von jeweils 55.000 €/VZÄ geplant; besetzt ist davon noch keines.');
    const stellen = await renderWith((d) => {
      empty(d);
      d.programme.terms = { ...d.programme.terms, unit: { singular: 'Stelle', plural: 'Stellen', genus: 'feminine' } };
    }, '2021-11-16-kim-sachstand');
    expect(stellen).toContain('geplant; besetzt ist davon noch keine.');
  });

  test('renaming a municipality changes the list', async () => {
    const text = await renderWith((d) => {
      d.organisation.municipalities.find((m) => m.id === 'bornheim')!.name = 'Bornheim (Rheinland)';
    });
    expect(text).toContain('5) Stadt Bornheim (Rheinland) seit dem 15.11.21');
  });

  test('a single male hire is "ein weiterer Case Manager" with a singular verb', async () => {
    const text = await renderWith((d) => {
      const keep = new Set(['m2-koordination', 'm2-sprache-1', 'm2-sprache-2', 'm2-troisdorf', 'cm-bornheim']);
      d.staff = d.staff.filter((s) => s.module !== 'modul-2' || keep.has(s.id));
      d.assignments = d.assignments.filter((a) => d.staff.some((s) => s.id === a.staff));
    });
    expect(text).toContain('Inzwischen wurde für folgende Kommune ein weiterer Case Manager bei der Kreisverwaltung eingestellt:');
    expect(text).toContain('1) Stadt Bornheim seit dem 15.11.21');
  });

  test('a leaver since the last session is reported', async () => {
    const text = await renderWith((d) => {
      d.staff.find((s) => s.id === 'm2-sprache-2')!.end = '2022-01-31';
    });
    expect(text).toContain('Zum 31.01.2022 ist eine der beiden Case Managerinnen für frühkindliche Sprachförderung ausgeschieden.');
  });

  test('a third steering-group meeting gets its ordinal and outcome', async () => {
    const text = await renderWith((d) => {
      d.meetings.steeringGroupMeetings!.push({ id: 'lg-3', date: '2022-02-28', kind: 'ordentlich', outcome: 'wurde die Geschäftsordnung beraten' });
    });
    expect(text).toContain('Beim dritten Sitzungstermin am 28.02.2022 wurde die Geschäftsordnung beraten.');
  });

  test('a non-public report says so in its header', async () => {
    const text = await renderWith((d) => {
      d.reports.find((r) => r.id === CURRENT)!.public = false;
    });
    expect(text).toContain('**nichtöffentlichen Sitzungsteil**');
  });

  test('planned FTE come from the plan period in force at the Stand', async () => {
    const text = await renderWith((d) => {
      d.programme.modules[0]!.plannedFte.push({ from: '2022-01-01', fte: 4 });
    });
    expect(text).toContain('einzurichtenden 4 Vollzeitäquivalente');
  });

  test('exactly one planned FTE takes the singular, without the number after the article and without "jeweils"', async () => {
    const text = await renderWith((d) => {
      d.programme.modules[0]!.plannedFte = [{ from: '2021-01-01', fte: 1 }];
    });
    // "Das … einzurichtende 1 Vollzeitäquivalent … von jeweils …" is not German: one post is "das Vollzeitäquivalent".
    expect(text).toContain('Das für das Modul 1 einzurichtende Vollzeitäquivalent (VZÄ) mit einer jährlichen Förderung von 55.000 €/VZÄ wurde bisher');
  });
  test('half a planned post: the number stays, "jeweils" goes, and a decimal takes the plural', async () => {
    const text = await renderWith((d) => {
      d.programme.modules[0]!.plannedFte = [{ from: '2021-01-01', fte: 0.5 }];
    });
    expect(text).toContain('Die für das Modul 1 einzurichtenden 0,5 Vollzeitäquivalente (VZÄ) mit einer jährlichen Förderung von 55.000 €/VZÄ wurden bisher');
  });

  test('a module without a plan in force still renders, and says so', async () => {
    const text = await renderWith((d) => {
      d.programme.modules[0]!.plannedFte = [];
    });
    expect(text).toContain('Für das Modul 1 ist zum 01.03.2022 noch kein Stellenumfang geplant. Seit dem 01.04.2021');
  });

  test('two attachments are numbered and cited by number', async () => {
    const text = await renderWith((d) => {
      const r = d.reports.find((x) => x.id === CURRENT)!;
      r.attachments!.unshift({ id: 'konzept', title: 'KIM-Konzept' });
    });
    expect(text).toContain('als Anlage 2 beigelegt');
    expect(text).toContain('**Anlagen:**\n\n1. KIM-Konzept\n2. Geschäftsordnung der Lenkungsgruppe KIM');
  });

  test('the model carries no personal names', async () => {
    const { dataset } = await loadExample();
    const json = JSON.stringify(buildReportModel(dataset, dataset.reports.find((r) => r.id === CURRENT)!, defaultVocabulary()));
    for (const s of dataset.staff) if (s.name) expect(json).not.toContain(s.name);
  });

  test('funding and FTE are computed per module', async () => {
    const { dataset } = await loadExample();
    const model = buildReportModel(dataset, dataset.reports.find((r) => r.id === CURRENT)!, defaultVocabulary());
    const [m1, m2] = model.modules;
    expect(m1).toMatchObject({ plannedFte: 3.5, filledFte: 3.5, openFte: 0, fundingRate: 55000, plannedFunding: 192500 });
    expect(m2).toMatchObject({ plannedFte: 12, filledFte: 12, openFte: 0, plannedFunding: 660000 });
    expect(model.totals).toEqual({ plannedFte: 15.5, filledFte: 15.5, openFte: 0, plannedFunding: 852500 });
  });
});

describe('data values print literally', () => {
  test('Markdown characters in data are escaped', async () => {
    const text = await renderWith((d) => {
      d.staff.find((s) => s.id === 'm2-sprache-1')!.focus = '*Sprach*förderung';
      d.staff.find((s) => s.id === 'm2-sprache-2')!.focus = '*Sprach*förderung';
      d.organisation.committees[0]!.name = 'Ausschuss A | B';
    });
    expect(text).toContain('zwei Case Managerinnen für \\*Sprach\\*förderung');
    expect(text).toContain('| Ausschuss A \\| B | 16.03.2022 | Kenntnisnahme |');
    expect(text).not.toContain('&amp;');
  });
});
