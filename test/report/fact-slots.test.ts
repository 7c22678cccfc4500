/**
 * Fact slots in the clerk's text (src/model/fact-slots.ts): every slot of the registry, filled in a text
 * block of the example's Vorlage of 16.03.2022, then again after one fact in the data changed. The filled
 * text must follow the fact, so no slot prints a constant or the wrong figure.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { buildReportModel } from '../../src/model/report-model.js';
import { defaultVocabulary } from '../../src/render/default-vocabulary.js';
import { FACT_SLOTS } from '../../src/model/fact-slots.js';
import type { Dataset } from '../../src/model/types.js';
import { CURRENT, loadData, loadExample, TOWN_DIR, TOWN_NEXT } from '../support/example.js';

const EARLIER = '2021-11-16-kim-sachstand';
let base: Dataset;

beforeAll(async () => {
  base = (await loadExample()).dataset;
});

/** The text as the Vorlage prints it, written into the report's closing text block. */
function filled(data: Dataset, text: string, reportId = CURRENT): string {
  const report = data.reports.find((r) => r.id === reportId)!;
  report.text = { ...report.text, closing: text };
  return buildReportModel(data, report, defaultVocabulary()).text.closing;
}

const staff = (data: Dataset, id: string) => data.staff.find((s) => s.id === id)!;
const moduleOf = (data: Dataset, id: string) => data.programme.modules.find((m) => m.id === id)!;

/** The previous report's session becomes one of the Kreistag (a committee without its own word for a session). */
function previousSessionInKreistag(d: Dataset): void {
  d.organisation.committees.push({ ...d.organisation.committees.find((c) => c.id === 'asi')!, id: 'kt', name: 'Kreistag', genitive: 'des Kreistages' });
  d.meetings.sessions.find((s) => s.id === 'asi-2021-11-16')!.committee = 'kt';
}

/** The example data as the Vorlage of the Stadt Troisdorf on the Kreis's programme (programme.yaml owner). */
function asTownReport(d: Dataset): void {
  d.programme.owner = { name: 'Rhein-Sieg-Kreis', nominative: 'der Rhein-Sieg-Kreis', genitive: 'des Rhein-Sieg-Kreises' };
  d.organisation.body.municipality = 'troisdorf';
}

interface Case {
  text: string;
  /** Applied before both fillings: a fact the slot needs (a Drucksachennummer). */
  given?: (data: Dataset) => void;
  before: string;
  change: (data: Dataset) => void;
  after: string;
}

/** One case per slot of the registry (a test below insists), each changing one fact. */
const CASES: Record<string, Case> = {
  anlage: {
    text: 'Siehe {anlage:geschaeftsordnung}.',
    before: 'Siehe Anlage 1.',
    change: (d) => d.reports.find((r) => r.id === CURRENT)!.attachments!.unshift({ id: 'plan', title: 'Plan' }),
    after: 'Siehe Anlage 2.',
  },
  letzteSitzung: {
    text: 'Seit dem {letzteSitzung}.',
    before: 'Seit dem 16.11.2021.',
    change: (d) => (d.meetings.sessions.find((s) => s.id === 'asi-2021-11-16')!.date = '2021-11-17'),
    after: 'Seit dem 17.11.2021.',
  },
  letzteVorlage: {
    text: 'Vorlage {letzteVorlage}',
    given: (d) => (d.reports.find((r) => r.id === EARLIER)!.reference = '245/21'),
    before: 'Vorlage 245/21',
    change: (d) => (d.reports.find((r) => r.id === EARLIER)!.reference = '246/21'),
    after: 'Vorlage 246/21',
  },
  sitzung: {
    text: 'am {sitzung}',
    before: 'am 16.03.2022',
    change: (d) => (d.meetings.sessions.find((s) => s.id === 'asi-2022-03-16')!.date = '2022-03-17'),
    after: 'am 17.03.2022',
  },
  stand: {
    text: 'Stand {stand}',
    before: 'Stand 01.03.2022',
    change: (d) => (d.reports.find((r) => r.id === CURRENT)!.stand = '2022-03-02'),
    after: 'Stand 02.03.2022',
  },
  letztesGremium: {
    text: 'dem {letztesGremium}',
    before: 'dem Ausschuss für Soziales und Integration',
    change: previousSessionInKreistag,
    after: 'dem Kreistag',
  },
  letzteSitzungName: {
    text: 'seit der {letzteSitzungName}',
    before: 'seit der Ausschusssitzung',
    change: previousSessionInKreistag,
    after: 'seit der Sitzung des Kreistages',
  },
  sitzungName: {
    text: 'in der {sitzungName}',
    before: 'in der Ausschusssitzung',
    change: (d) => (d.organisation.committees.find((c) => c.id === 'asi')!.sessionName = 'Sitzung des Sozialausschusses'),
    after: 'in der Sitzung des Sozialausschusses',
  },
  gremium: {
    text: 'Der {gremium}',
    before: 'Der Ausschuss für Soziales und Integration',
    change: (d) => (d.organisation.committees.find((c) => c.id === 'asi')!.name = 'Sozialausschuss'),
    after: 'Der Sozialausschuss',
  },
  modul: {
    text: 'Im {modul:modul-2}',
    before: 'Im Modul 2',
    change: (d) => (d.programme.terms = { module: { singular: 'Baustein', genus: 'masculine' }, numbering: 'roman' }),
    after: 'Im Baustein II',
  },
  modulname: {
    text: '({modulname:modul-2})',
    before: '(Case-Management)',
    change: (d) => (moduleOf(d, 'modul-2').name = 'Fallmanagement'),
    after: '(Fallmanagement)',
  },
  geplant: {
    text: '{geplant:modul-1} von {geplant}',
    before: '3,5 VZÄ von 15,5 VZÄ',
    change: (d) => moduleOf(d, 'modul-1').plannedFte.push({ from: '2022-02-01', fte: 4 }),
    after: '4 VZÄ von 16 VZÄ',
  },
  besetzt: {
    text: '{besetzt:modul-1} von {besetzt}',
    before: '3,5 VZÄ von 15,5 VZÄ',
    change: (d) => (staff(d, 'm1-gs-rechts').end = '2022-02-28'),
    after: '2,5 VZÄ von 14,5 VZÄ',
  },
  offen: {
    text: '{offen:modul-1}, {offen}',
    before: '0 VZÄ, 0 VZÄ',
    change: (d) => (staff(d, 'm1-gs-rechts').end = '2022-02-28'),
    after: '1 VZÄ, 1 VZÄ',
  },
  foerderung: {
    text: '{foerderung:modul-1}, {foerderung}',
    before: '192.500 €, 852.500 €',
    change: (d) => (d.programme.fundingRates.find((r) => r.year === 2022)!.amount = 57000),
    after: '199.500 €, 883.500 €',
  },
  foerdersatz: {
    text: 'je VZÄ {foerdersatz}',
    before: 'je VZÄ 55.000 €',
    change: (d) => (d.programme.fundingRates.find((r) => r.year === 2022)!.amount = 57000),
    after: 'je VZÄ 57.000 €',
  },
  foerderjahr: {
    text: 'im Jahr {foerderjahr}',
    before: 'im Jahr 2022',
    change: (d) => (d.reports.find((r) => r.id === CURRENT)!.stand = '2021-12-31'),
    after: 'im Jahr 2021',
  },
  eingestellt: {
    text: '{eingestellt:modul-1}; {eingestellt}',
    before: 'zwei Personen; elf Personen',
    change: (d) => (staff(d, 'm1-gs-rechts').start = '2021-09-01'),
    after: 'eine Person; zehn Personen',
  },
  ausgeschieden: {
    text: '{ausgeschieden:modul-1}; {ausgeschieden}',
    before: 'keine Personen; keine Personen',
    change: (d) => (staff(d, 'm1-gs-rechts').end = '2022-02-28'),
    after: 'eine Person; eine Person',
  },
  kommunen: {
    text: 'für {kommunen:modul-1}',
    before: 'für Stadt Troisdorf',
    change: (d) => (d.assignments.find((a) => a.staff === 'm1-troisdorf')!.municipalities = ['troisdorf', 'siegburg']),
    after: 'für Stadt Siegburg und Stadt Troisdorf',
  },
  anzahlKommunen: {
    text: '{anzahlKommunen:modul-1}, {anzahlKommunen}',
    before: 'eine Kommune, 16 Kommunen',
    change: (d) => (d.assignments.find((a) => a.staff === 'cm-meckenheim')!.municipalities = ['meckenheim']),
    after: 'eine Kommune, 15 Kommunen',
  },
  vereinbarungen: {
    text: '{vereinbarungen}',
    before: '15 Kooperationsvereinbarungen',
    change: (d) => (d.meetings.cooperationAgreements = d.meetings.cooperationAgreements!.slice(0, 1)),
    after: 'eine Kooperationsvereinbarung',
  },
  lenkungsgruppensitzungen: {
    text: '{lenkungsgruppensitzungen}',
    before: 'zwei Sitzungen',
    change: (d) => (d.meetings.steeringGroupMeetings = d.meetings.steeringGroupMeetings!.slice(1)),
    after: 'eine Sitzung',
  },
  traeger: {
    text: 'Der {traeger} plant.',
    given: asTownReport,
    before: 'Der Rhein-Sieg-Kreis plant.',
    change: (d) => (d.programme.owner!.name = 'Kreis Auental'),
    after: 'Der Kreis Auental plant.',
  },
  vorOrt: {
    text: '{vorOrt}, im Modul 2 {vorOrt:modul-2}',
    given: asTownReport,
    before: '1,5 VZÄ, im Modul 2 1 VZÄ',
    change: (d) => (staff(d, 'm2-troisdorf').fte = 0.5),
    after: '1 VZÄ, im Modul 2 0,5 VZÄ',
  },
  vorOrtJeArbeitgeber: {
    text: '{vorOrtJeArbeitgeber:modul-2}',
    given: asTownReport,
    before: '1 VZÄ bei der Stadt selbst',
    change: (d) => (staff(d, 'm2-troisdorf').employer = 'kreisverwaltung'),
    after: '1 VZÄ bei der Kreisverwaltung',
  },
};

test('every slot of the registry has a case below', () => {
  expect(Object.keys(CASES).sort()).toEqual(FACT_SLOTS.map((s) => s.name).sort());
});

describe.each(Object.entries(CASES))('{%s}', (_name, c) => {
  test('follows the fact it names', () => {
    // A fresh copy each time: the model caches lookups per dataset (dataset-index.ts), data is not changed in place.
    const before = structuredClone(base);
    c.given?.(before);
    expect(filled(before, c.text)).toBe(c.before);
    const after = structuredClone(base);
    c.given?.(after);
    c.change(after);
    expect(filled(after, c.text)).toBe(c.after);
  });
});

test('each example of the registry (docs/platzhalter.md) is what kim prints for the example data', () => {
  const data = structuredClone(base);
  data.reports.find((r) => r.id === EARLIER)!.reference = '245/21';
  for (const slot of FACT_SLOTS.filter((s) => s.exampleFrom === undefined)) expect(filled(data, slot.example.text), slot.name).toBe(slot.example.filled);
});

test('each example taken from a test fixture (exampleFrom) is what kim prints for that fixture', async () => {
  const fixtures: Record<string, [string, string]> = { 'Testfall test/fixtures/stadt-wiesental, Vorlage vom 17.05.2022': [TOWN_DIR, TOWN_NEXT] };
  const from = FACT_SLOTS.filter((s) => s.exampleFrom !== undefined);
  expect(from.length).toBeGreaterThan(0);
  for (const slot of from) {
    const [dir, id] = fixtures[slot.exampleFrom!]!;
    const data = structuredClone((await loadData(dir)).dataset);
    expect(filled(data, slot.example.text, id), slot.name).toBe(slot.example.filled);
  }
});

test('slots are filled in every text block, also per module, and text around them stays as written', () => {
  const data = structuredClone(base);
  const report = data.reports.find((r) => r.id === CURRENT)!;
  const text = 'Im {modul:modul-1} sind {besetzt:modul-1} von {geplant:modul-1} besetzt.';
  report.text = { preface: text, resolution: text, steeringGroup: text, financialImpact: text, closing: text, modules: { 'modul-1': { staff: text, work: text } } };
  const model = buildReportModel(data, report, defaultVocabulary());
  const sentence = 'Im Modul 1 sind 3,5 VZÄ von 3,5 VZÄ besetzt.';
  expect(model.text).toEqual({ preface: sentence, resolution: sentence, steeringGroup: sentence, financialImpact: sentence, closing: sentence });
  expect(model.modules.find((m) => m.id === 'modul-1')!.text).toEqual({ staff: sentence, work: sentence });
});

test('a unit without abbreviation is counted with its noun, singular up to one post', () => {
  const data = structuredClone(base);
  data.programme.terms = { unit: { singular: 'Stelle', plural: 'Stellen', genus: 'feminine' } };
  const fewer = structuredClone(data);
  expect(filled(data, '{geplant:modul-1}, {besetzt:modul-1}, {offen:modul-1}')).toBe('3,5 Stellen, 3,5 Stellen, 0 Stellen');
  for (const id of ['m1-gs-rechts', 'm1-gs-links', 'm1-leitung']) staff(fewer, id).end = '2022-02-28';
  expect(filled(fewer, '{besetzt:modul-1}, {offen:modul-1}')).toBe('0,5 Stellen, drei Stellen');
});
