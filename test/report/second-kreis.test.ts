/**
 * A second Kreis (test/fixtures/kreis-lindenau, invented): Bausteine I–III counted in Stellen, municipal
 * employers, a plan with parts, a Beschlussvorlage as its first report. Nothing of it is in kim's code.
 */
import { describe, expect, test } from 'vitest';
import { oparlPaper } from '../../src/emit/oparl.js';
import type { Dataset } from '../../src/model/types.js';
import { renderReport } from '../../src/api.js';
import { LINDENAU, LINDENAU_DIR, loadData, renderWith } from '../support/example.js';
import { pdfObjects } from '../pdf/pdf-objects.js';

const lindenau = (mutate?: (d: Dataset) => void) => renderWith(mutate, LINDENAU, LINDENAU_DIR);

describe('the Kreis\'s own words', () => {
  test('Bausteine with Roman numbers, in number order, each with the section of its kind', async () => {
    const text = await lindenau();
    const headings = text.match(/^### .*$/gm)!;
    expect(headings).toEqual([
      '### Stellen und Förderung',
      '### Personelle Besetzung der strategischen Steuerung (Baustein I), aktueller Stand ihrer Arbeit und der Steuerungsgruppe',
      '### Besetzung der Personalstellen des Case Managements (Baustein II) und aktueller Stand ihrer Arbeit',
      '### Personelle Besetzung der rechtskreisübergreifenden Zusammenarbeit der Ausländer- und Einbürgerungsbehörden (Baustein III) und aktueller Stand ihrer Arbeit',
    ]);
  });
  test('posts counted in Stellen, with the plan\'s parts and the article of "Baustein"', async () => {
    expect(await lindenau()).toContain(
      'Die für den Baustein I einzurichtenden vier Stellen (davon 3,5 Stellen Koordinierung und 0,5 Stellen Verwaltungsassistenz) mit einer jährlichen Förderung von 57.000 € je Stelle wurden bisher in folgendem Umfang besetzt:',
    );
  });
  test('a case-management plan of one post: no "jeweils" before the funding per post', async () => {
    const text = await lindenau((d) => (d.programme.modules[1]!.plannedFte = [{ from: '2022-01-01', fte: 1 }]));
    expect(text).toContain('Für den Baustein II ist eine Stelle mit einer jährlichen Förderung von 57.000 € je Stelle geplant;');
  });
  test('arabic numbers and "Modul" when the programme says so', async () => {
    const text = await lindenau((d) => (d.programme.terms = { ...d.programme.terms, module: { singular: 'Modul', genus: 'neuter' }, numbering: 'arabic' }));
    expect(text).toContain('Die für das Modul 1 einzurichtenden vier Stellen');
    expect(text).toContain('Zum 01.02.2023 sind im Modul 2 die Case Managerin');
  });
  test('section headings, paper type and consultation roles from organisation.yaml', async () => {
    const text = await lindenau();
    expect(text.match(/^## .*$/gm)).toEqual(['## Beschlussvorschlag:', '## Ausgangslage:', '## Sachdarstellung:', '## Finanzielle Auswirkungen:']);
    expect(text).toContain('| Kreistag | 30.03.2023 | Beschlussfassung |');
    const { dataset } = await loadData(LINDENAU_DIR);
    const paper = oparlPaper(dataset, dataset.reports[0]!, 'https://ris.example.invalid/oparl/');
    expect(paper.consultation.map((c) => [c.role, c.authoritative])).toEqual([['Vorberatung', false], ['Beschlussfassung', true]]);
    expect(paper).toMatchObject({ paperType: 'Beschlussvorlage', reference: '0042/2023', date: '2023-02-27' });
  });
});

describe('the header', () => {
  test('the Kreis, the department, paper type, Drucksachennummer (with the Kreis\'s label), Aktenzeichen and date', async () => {
    expect(await lindenau()).toMatch(
      /^\*\*Kreis Lindenau\*\*\n\nAmt 50 – Soziales und Integration\n\nVorlagenart: Beschlussvorlage  \nVorlage: 0042\/2023  \nAktenzeichen: 50\.3-KIM  \nDatum: 27\.02\.2023\n\n\*\*Vorlage\*\*/,
    );
  });
  test('a field the report does not have is left out', async () => {
    const text = await lindenau((d) => delete d.reports[0]!.fileNumber);
    expect(text).not.toContain('Aktenzeichen');
    expect(text).toContain('Vorlage: 0042/2023  \nDatum: 27.02.2023');
  });
});

describe('the letterhead in the PDF', () => {
  test('the Kreis\'s logo from the data folder is drawn; beside the Kreis\'s name it is decoration, not a Figure', async () => {
    const { pdf } = await renderReport({ dataDir: LINDENAU_DIR, formats: ['pdf'] });
    const objects = [...pdfObjects(pdf!).values()];
    expect(objects.some((o) => /\/Subtype \/Image/.test(o.dict))).toBe(true);
    expect(objects.some((o) => /\/S \/Figure/.test(o.dict))).toBe(false);
  });
});

describe('a Beschlussvorlage', () => {
  test('its Beschlussvorschlag stands first, with numbered resolutions', async () => {
    const text = await lindenau();
    expect(text).toContain('## Beschlussvorschlag:\n\nDer Kreistag beschließt:\n\n1. Der Kreis Lindenau führt das Kommunale Integrationsmanagement im Jahr 2023 mit 18 Stellen fort.\n2. Die Verwaltung');
    expect(text.indexOf('## Beschlussvorschlag:')).toBeLessThan(text.indexOf('## Ausgangslage:'));
  });
  test('"Finanzielle Auswirkungen" from the funding figures: 18 Stellen × 57.000 € = 1.026.000 €', async () => {
    expect(await lindenau()).toContain(
      '## Finanzielle Auswirkungen:\n\nFür das Jahr 2023 sind 18 Stellen geplant; bei einer Förderung von 57.000 € je Stelle beträgt die jährliche Förderung 1.026.000 € (Baustein I: 228.000 €, Baustein II: 684.000 €, Baustein III: 114.000 €).\n\nDer Eigenanteil des Kreises ist im Haushalt 2023 veranschlagt.',
    );
  });
  test('the overview has the same totals', async () => {
    expect(await lindenau()).toContain('| **Gesamt** | **18** | **8,25** | **9,75** | **1.026.000 €** |');
  });
});

describe('a first report states plan, filled posts and the municipalities served', () => {
  test('case management: who is in post, plan and filled Stellen, one line per municipality with its share', async () => {
    const text = await lindenau();
    expect(text).toContain(
      'Zum 01.02.2023 sind im Baustein II die Case Managerin und der Case Manager der Stadt Altdorf, die Case Managerin des Marktes Lindenberg sowie die Case Managerin und die Case-Management-Fachkraft des Kreises eingestellt. Für den Baustein II sind zwölf Stellen mit einer jährlichen Förderung von 57.000 € je Stelle geplant; besetzt sind davon 4,25 Stellen mit fünf Personen. Betreut werden folgende Kommunen:\n\n1) Stadt Altdorf seit dem 01.03.22 (1,5 Stellen)\n2) Markt Lindenberg seit dem 01.05.22 (eine Stelle)\n3) Gemeinde Birkenfeld seit dem 01.06.22 (0,5 Stellen)\n4) Gemeinde Seewald seit dem 01.06.22 (0,5 Stellen)\n5) Gemeinde Weiler seit dem 01.06.22 (0,75 Stellen)',
    );
  });
  test('the strategic and the other Baustein: filled of planned', async () => {
    const text = await lindenau();
    expect(text).toContain('Zum 01.02.2023 sind damit drei von vier Stellen besetzt.');
    expect(text).toContain('Zum 01.02.2023 ist damit eine von zwei Stellen besetzt.');
  });
  test('agreements up to the Stand, named with the article of a Markt', async () => {
    expect(await lindenau()).toContain(
      'wurden Kooperationsvereinbarungen geschlossen: mit der Stadt Altdorf (15.02.2022), dem Markt Lindenberg (20.04.2022) sowie der Gemeinde Birkenfeld und der Gemeinde Seewald (24.05.2022).',
    );
  });
  test('kick-offs of one day with the same participants make one sentence', async () => {
    const text = await lindenau((d) => {
      d.meetings.kickOffs!.push({ id: 'auftakt-birkenfeld', municipality: 'birkenfeld', date: '2022-09-13', participants: ['Stadtverwaltung', 'Jobcenter', 'Ausländerbehörde'] });
      d.meetings.kickOffs!.push({ id: 'auftakt-seewald', municipality: 'seewald', date: '2022-09-13', participants: ['Gemeindeverwaltung'] });
    });
    expect(text).toContain(
      'Am 13.09.2022 fanden in der Stadt Altdorf und in der Gemeinde Birkenfeld Auftaktveranstaltungen mit Vertretungen aus Stadtverwaltung, Jobcenter und Ausländerbehörde statt. Am 13.09.2022 fand in der Gemeinde Seewald eine Auftaktveranstaltung mit Vertretungen aus Gemeindeverwaltung statt.',
    );
  });
  test('the list of who is in post says "weitere" only after a colleague it names: not after one who has left', async () => {
    const text = await lindenau((d) => {
      d.staff.push({ id: 'sb-0', name: 'Otto Quast', gender: 'm', role: 'sachbearbeitung', module: 'baustein-3', fte: 1, employer: 'kreis', start: '2022-03-01', end: '2022-12-31' });
    });
    expect(text).toContain('besetzt: Seit dem 01.10.2022 arbeitet ein Sachbearbeiter mit einer Stelle beim Kreis');
    const both = await lindenau((d) => {
      d.staff.push({ id: 'sb-0', name: 'Otto Quast', gender: 'm', role: 'sachbearbeitung', module: 'baustein-3', fte: 1, employer: 'kreis', start: '2022-03-01' });
    });
    expect(both).toContain('Seit dem 01.10.2022 arbeitet ein weiterer Sachbearbeiter mit einer Stelle beim Kreis');
  });
  test('no "seit der letzten Sitzung" anywhere', async () => {
    const text = await lindenau();
    expect(text).not.toMatch(/letzten|Bezugnehmend|Inzwischen|damaligen/);
  });
});
