/**
 * The staffing chart (show.chart, fact block diagramm) and the coverage Anlage (show.coverage, fact block
 * abdeckung): their figures computed from the data, against figures worked out by hand from the YAML files
 * of two Kreise (the shipped data/ and test/fixtures/kreis-lindenau), and as the Markdown shows them.
 */
import { describe, expect, test } from 'vitest';
import { coverageOf } from '../../src/model/coverage.js';
import { staffingChart } from '../../src/model/staffing-series.js';
import type { Dataset, Report } from '../../src/model/types.js';
import { CURRENT, LINDENAU, LINDENAU_DIR, loadData, modelWith, renderWith } from '../support/example.js';

const reportOf = (d: Dataset, id: string): Report => d.reports.find((r) => r.id === id)!;
const showing = (id: string, show: { chart?: boolean; coverage?: boolean }) => (d: Dataset) => {
  reportOf(d, id).show = { ...reportOf(d, id).show, ...show };
};

async function chartOf(id: string, dir?: string) {
  const model = await modelWith(undefined, id, dir);
  const { dataset } = await loadData(dir);
  return staffingChart(dataset, model.stand, model.modules, model.terms)!;
}

describe('the staffing chart of the shipped data (Stand 01.03.2022)', () => {
  test('one series per module shown, a step on every day plan or staff changed, from the first plan to the Stand', async () => {
    const chart = await chartOf(CURRENT);
    // programme.yaml: both plans from 01.01.2021 (Modul 1: 3,5 VZÄ, Modul 2: 12 VZÄ); Modul 3 has no plan and no staff.
    expect(chart.from).toBe('2021-01-01');
    expect(chart.to).toBe('2022-03-01');
    expect(chart.unit).toBe('VZÄ');
    expect(chart.series.map((s) => s.label)).toEqual(['Modul 1', 'Modul 2']);
    // staff.yaml, Modul 1: m1-leitung 1 from 01.04.2021; m1-troisdorf 0,5 from 01.08.2021 (1,5);
    // m1-gs-links and m1-gs-rechts 1 each from 10.01.2022 (3,5).
    expect(chart.series[0]!.steps).toEqual([
      { date: '2021-01-01', planned: 3.5, filled: 0 },
      { date: '2021-04-01', planned: 3.5, filled: 1 },
      { date: '2021-08-01', planned: 3.5, filled: 1.5 },
      { date: '2022-01-10', planned: 3.5, filled: 3.5 },
    ]);
    // Modul 2: m2-koordination 1 (01.06.2021); m2-sprache-1/-2 0,5 each (01.07.2021: 2); m2-troisdorf 1
    // (01.08.2021: 3); Königswinter, Meckenheim, Windeck (15.10.2021: 6); Sankt Augustin (01.11.: 7);
    // Bornheim (15.11.: 8); Alfter (01.12.: 9); Niederkassel and Lohmar (01.02.2022: 11); Neunkirchen (01.03.2022: 12).
    expect(chart.series[1]!.steps.map((s) => [s.date, s.filled])).toEqual([
      ['2021-01-01', 0],
      ['2021-06-01', 1],
      ['2021-07-01', 2],
      ['2021-08-01', 3],
      ['2021-10-15', 6],
      ['2021-11-01', 7],
      ['2021-11-15', 8],
      ['2021-12-01', 9],
      ['2022-02-01', 11],
      ['2022-03-01', 12],
    ]);
    expect(chart.series[1]!.steps.every((s) => s.planned === 12)).toBe(true);
  });

  test('the alternate text states the figures at the Stand and since when they hold', async () => {
    expect((await chartOf(CURRENT)).alt).toBe(
      'Diagramm der geplanten und besetzten Vollzeitäquivalente je Modul vom 01.01.2021 bis zum 01.03.2022. ' +
        'Modul 1: geplant 3,5 VZÄ seit dem 01.01.2021, besetzt 3,5 VZÄ seit dem 10.01.2022 (erstmals besetzt am 01.04.2021). ' +
        'Modul 2: geplant 12 VZÄ seit dem 01.01.2021, besetzt 12 VZÄ seit dem 01.03.2022 (erstmals besetzt am 01.06.2021).',
    );
  });

  test('someone leaving ends their post the day after their last day, and a plan change is a step of the plan', async () => {
    const model = await modelWith(undefined, CURRENT);
    const { dataset } = await loadData();
    const data = structuredClone(dataset);
    data.staff.find((s) => s.id === 'm1-leitung')!.end = '2021-12-31';
    data.programme.modules[0]!.plannedFte.push({ from: '2022-02-01', fte: 4 });
    const chart = staffingChart(data, model.stand, model.modules, model.terms)!;
    // Modul 1: 1,5 from 01.08.2021; m1-leitung's 1 goes on 01.01.2022 (0,5); +2 on 10.01.2022 (2,5); plan 4 from 01.02.2022.
    expect(chart.series[0]!.steps.slice(2)).toEqual([
      { date: '2021-08-01', planned: 3.5, filled: 1.5 },
      { date: '2022-01-01', planned: 3.5, filled: 0.5 },
      { date: '2022-01-10', planned: 3.5, filled: 2.5 },
      { date: '2022-02-01', planned: 4, filled: 2.5 },
    ]);
    expect(chart.alt).toContain('Modul 1: geplant 4 VZÄ seit dem 01.02.2022, besetzt 2,5 VZÄ seit dem 10.01.2022 (erstmals besetzt am 01.04.2021).');
  });

  test('the Markdown shows the chart as an image beside the .md, with the alternate text, under its heading', async () => {
    const text = await renderWith(showing(CURRENT, { chart: true }));
    expect(text).toContain(
      '### Stellenbesetzung im Zeitverlauf\n\n![Diagramm der geplanten und besetzten Vollzeitäquivalente je Modul vom 01.01.2021 bis zum 01.03.2022. Modul 1: geplant 3,5 VZÄ',
    );
    expect(text).toContain('(erstmals besetzt am 01.06.2021).](2022-03-16-kim-sachstand.diagramm.svg)\n');
    // Without show.chart: neither heading nor image.
    const without = await renderWith();
    expect(without).not.toContain('Stellenbesetzung im Zeitverlauf');
    expect(without).not.toContain('diagramm.svg');
  });
});

describe('the staffing chart of a second Kreis: Bausteine I–III in Stellen (Kreis Lindenau, Stand 01.02.2023)', () => {
  test('the series and the alternate text use the Kreis\'s module word and unit', async () => {
    const chart = await chartOf(LINDENAU, LINDENAU_DIR);
    expect(chart.unit).toBe('Stellen');
    expect(chart.from).toBe('2022-01-01');
    // Baustein I (plan 4): k-1 and k-2 1 each from 01.02.2022 (2); va-1 0,5 from 01.04.2022 (2,5); k-3 0,5 from 01.09.2022 (3).
    expect(chart.series[0]!.steps.map((s) => [s.date, s.planned, s.filled])).toEqual([
      ['2022-01-01', 4, 0],
      ['2022-02-01', 4, 2],
      ['2022-04-01', 4, 2.5],
      ['2022-09-01', 4, 3],
    ]);
    // Baustein II (plan 12): Altdorf 1 + 0,5 from 01.03.2022 (1,5); Lindenberg 1 from 01.05.2022 (2,5); the Kreis's 1 + 0,75 from 01.06.2022 (4,25).
    expect(chart.series[1]!.steps.map((s) => [s.date, s.filled])).toEqual([
      ['2022-01-01', 0],
      ['2022-03-01', 1.5],
      ['2022-05-01', 2.5],
      ['2022-06-01', 4.25],
    ]);
    // Baustein III (plan 2): sb-1 1 from 01.10.2022.
    expect(chart.alt).toBe(
      'Diagramm der geplanten und besetzten Stellen je Baustein vom 01.01.2022 bis zum 01.02.2023. ' +
        'Baustein I: geplant vier Stellen seit dem 01.01.2022, besetzt drei Stellen seit dem 01.09.2022 (erstmals besetzt am 01.02.2022). ' +
        'Baustein II: geplant zwölf Stellen seit dem 01.01.2022, besetzt 4,25 Stellen seit dem 01.06.2022 (erstmals besetzt am 01.03.2022). ' +
        'Baustein III: geplant zwei Stellen seit dem 01.01.2022, besetzt eine Stelle seit dem 01.10.2022.',
    );
  });
});

describe('the coverage Anlage', () => {
  test('shipped data: every municipality, the posts serving it by employer, three without anyone', async () => {
    const { dataset } = await loadData();
    const coverage = coverageOf(dataset, '2022-03-01');
    // organisation.yaml: employers with a case-management post (Modul 2) serving a municipality.
    expect(coverage.employers).toEqual(['Kreisverwaltung des Rhein-Sieg-Kreises', 'Stadt Troisdorf']);
    const row = (name: string) => coverage.rows.find((r) => r.municipality === name)!;
    expect(coverage.rows).toHaveLength(19);
    // assignments.yaml without shares: a whole post for all its municipalities together.
    // cm-koenigswinter (1) for Königswinter, Bad Honnef and Hennef: a third each.
    expect(row('Stadt Königswinter').byEmployer[0]!.fte).toBeCloseTo(1 / 3, 5);
    expect(row('Stadt Hennef').total).toBeCloseTo(1 / 3, 5);
    // cm-meckenheim (1) for Meckenheim and Rheinbach: a half each; cm-windeck (1): Windeck whole.
    expect(row('Stadt Rheinbach').total).toBe(0.5);
    expect(row('Gemeinde Windeck').total).toBe(1);
    // m2-troisdorf (Stadt Troisdorf, 1); m1-troisdorf serves Troisdorf too, but in Modul 1 (not case management).
    expect(row('Stadt Troisdorf').byEmployer.map((c) => c.fte)).toEqual([0, 1]);
    // cm-neunkirchen started on the Stand (01.03.2022): counted, a half each for Neunkirchen-Seelscheid and Much.
    expect(row('Gemeinde Much').total).toBe(0.5);
    // Nobody for Eitorf, Ruppichteroth and Siegburg.
    expect(coverage.rows.filter((r) => r.total === 0).map((r) => r.municipality)).toEqual(['Gemeinde Eitorf', 'Gemeinde Ruppichteroth', 'Stadt Siegburg']);
    expect(coverage.uncovered).toBe(3);
    // Nine case managers of the Kreisverwaltung with a municipality, one of the Stadt Troisdorf.
    expect(coverage.totalByEmployer[0]!.fte).toBeCloseTo(9, 5);
    expect(coverage.totalByEmployer[1]!.fte).toBe(1);
    expect(coverage.total).toBeCloseTo(10, 5);
  });

  test('shipped data: an Anlage of its own after the report\'s, listed among the Anlagen, "—" with its legend', async () => {
    const text = await renderWith(showing(CURRENT, { coverage: true }));
    expect(text).toContain('**Anlagen:**\n\n1. Geschäftsordnung der Lenkungsgruppe KIM\n2. Case Management in den Kommunen\n');
    expect(text).toContain('## Anlage 2: Case Management in den Kommunen\n\n| Kommune | Kreisverwaltung des Rhein-Sieg-Kreises (VZÄ) | Stadt Troisdorf (VZÄ) | zusammen (VZÄ) |');
    expect(text).toContain('| Stadt Bad Honnef | 0,33 |  | 0,33 |');
    expect(text).toContain('| Gemeinde Eitorf |  |  | — |');
    expect(text).toContain('| Stadt Troisdorf |  | 1 | 1 |');
    expect(text).toContain('| **Gesamt** | **9** | **1** | **10** |');
    expect(text).toContain('„—“: zum Stand keine Stelle des Case Managements zugeordnet.');
    const without = await renderWith();
    expect(without).not.toContain('Case Management in den Kommunen');
  });

  test('Kreis Lindenau: shares given per municipality, posts of three employers, everyone covered (no legend for "—")', async () => {
    const { dataset } = await loadData(LINDENAU_DIR);
    const coverage = coverageOf(dataset, '2023-02-01');
    // Baustein II at 01.02.2023: cm-altdorf-1 (1) and cm-altdorf-2 (0,5) of the Stadt Altdorf for Altdorf;
    // cm-lindenberg (1, Markt Lindenberg); cm-kreis-1 with 0,5 each for Birkenfeld and Seewald; cm-kreis-2 (0,75) for Weiler.
    expect(coverage.employers).toEqual(['Kreis Lindenau', 'Stadt Altdorf', 'Markt Lindenberg']);
    expect(coverage.rows.map((r) => [r.municipality, ...r.byEmployer.map((c) => c.fte), r.total])).toEqual([
      ['Stadt Altdorf', 0, 1.5, 0, 1.5],
      ['Gemeinde Birkenfeld', 0.5, 0, 0, 0.5],
      ['Markt Lindenberg', 0, 0, 1, 1],
      ['Gemeinde Seewald', 0.5, 0, 0, 0.5],
      ['Gemeinde Weiler', 0.75, 0, 0, 0.75],
    ]);
    expect(coverage.totalByEmployer.map((c) => c.fte)).toEqual([1.75, 1.5, 1]);
    // The same 4,25 Stellen the chart shows filled in Baustein II.
    expect(coverage.total).toBe(4.25);
    expect(coverage.uncovered).toBe(0);
    const text = await renderWith(showing(LINDENAU, { coverage: true }), LINDENAU, LINDENAU_DIR);
    expect(text).toContain('**Anlage:** Case Management in den Kommunen');
    expect(text).toContain('| Gemeinde Weiler | 0,75 |  |  | 0,75 |');
    expect(text).toContain('| **Gesamt** | **1,75** | **1,5** | **1** | **4,25** |');
    expect(text).not.toContain('„—“');
  });
});
