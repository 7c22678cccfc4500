/**
 * The fact slots of the clerk's text (src/model/fact-slots.ts), filled from facts laid out by hand so that
 * every slot's value is told apart from every other: a slot that took the wrong fact (this session's date
 * for the previous one's, a module's figure for the whole programme's) prints the wrong word or number. And
 * why a slot has no value in a Vorlage, as validation tells the clerk. test/report/fact-slots.test.ts fills
 * each slot from real data.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { clerkTextFiller, factSlot, FACT_SLOTS, headingSlotValues, municipalityNounOf, servedLookup, servedMunicipalities, SLOT_LIST, slotForms, type SlotFacts, type SlotScope } from '../../src/model/fact-slots.js';
import type { ModuleModel } from '../../src/model/module-model.js';
import type { Dataset, ProgrammeModule } from '../../src/model/types.js';
import { CURRENT, loadData, TOWN_DIR, TOWN_NEXT } from '../support/example.js';

const VZAE = { singular: 'Vollzeitäquivalent', plural: 'Vollzeitäquivalente', abbreviation: 'VZÄ', genus: 'neuter' } as const;
const session = (date: string, committee: string, sessionName: string) => ({ date, committee, sessionName });

const moduleModel = (id: string, m: Partial<ModuleModel>): ModuleModel => ({ id, label: id, name: id, hires: [], leavers: [], ...m }) as unknown as ModuleModel;
const M1 = moduleModel('modul-1', {
  label: 'Modul 1',
  name: 'Koordinierung',
  plannedFte: 3.5,
  filledFte: 2.5,
  openFte: 1,
  plannedFunding: 192_500,
  hires: [{ count: 2 }, { count: 1 }] as ModuleModel['hires'],
  leavers: [{ count: 1 }] as ModuleModel['leavers'],
  local: { fte: 0.5, byEmployer: '' },
});
const M2 = moduleModel('modul-2', {
  label: 'Modul 2',
  name: 'Case-Management',
  plannedFte: 12,
  filledFte: 11,
  openFte: 1,
  plannedFunding: 660_000,
  hires: [{ count: 4 }] as ModuleModel['hires'],
  leavers: [{ count: 2 }] as ModuleModel['leavers'],
  local: { fte: 2, byEmployer: '1,5 VZÄ beim Kreis und 0,5 VZÄ bei der Stadt' },
});

const FACTS: SlotFacts = {
  stand: '2022-03-01',
  session: session('2022-03-16', 'Ausschuss für Soziales', 'Ausschusssitzung'),
  previous: { session: session('2021-11-16', 'Kreistag', 'Sitzung des Kreistages') },
  previousReference: '245/21',
  totals: { plannedFte: 15.5, filledFte: 13.5, openFte: 2, plannedFunding: 852_500 },
  fundingRate: 55_000,
  fundingYear: 2022,
  unit: VZAE,
  municipalityNoun: { singular: 'Kommune', plural: 'Kommunen', genus: 'feminine' },
  modules: [M1, M2],
  served: (id) => (id === 'modul-1' ? ['Stadt Troisdorf'] : id === undefined ? ['Stadt Troisdorf', 'Stadt Lohmar', 'Gemeinde Much'] : ['Stadt Lohmar']),
  agreements: 15,
  agreementNoun: { singular: 'Kooperationsvereinbarung', plural: 'Kooperationsvereinbarungen', genus: 'feminine' },
  steeringGroupMeetings: 2,
  attachments: [
    { id: 'plan', number: 1 },
    { id: 'geschaeftsordnung', number: 2 },
  ],
  owner: 'Landkreis Talheim',
  local: { fte: 2.5, byEmployer: '' },
};

const fill = (text: string, facts: SlotFacts = FACTS): string => clerkTextFiller(facts)(text);

describe('each slot takes its own fact', () => {
  test('dates, sessions and committees: this one and the previous one apart', () => {
    expect(fill('{stand}|{sitzung}|{letzteSitzung}|{gremium}|{letztesGremium}|{sitzungName}|{letzteSitzungName}|{letzteVorlage}')).toBe(
      '01.03.2022|16.03.2022|16.11.2021|Ausschuss für Soziales|Kreistag|Ausschusssitzung|Sitzung des Kreistages|245/21',
    );
  });

  test('in a first Vorlage the slots of the previous one are empty rather than a failure', () => {
    expect(fill('[{letzteSitzung}|{letztesGremium}|{letzteSitzungName}]', { ...FACTS, previous: null })).toBe('[||]');
  });

  test('an attachment by its id: its own number, also where a module has the same id', () => {
    expect(fill('{anlage:geschaeftsordnung} und {anlage:plan}')).toBe('Anlage 2 und Anlage 1');
    expect(fill('{anlage:modul-1}', { ...FACTS, attachments: [{ id: 'modul-1', number: 3 }] })).toBe('Anlage 3');
  });

  test("a module's name and label, and its figures; without a module the programme's totals", () => {
    expect(fill('{modul:modul-2} ({modulname:modul-2}): {geplant:modul-2}, {besetzt:modul-2}, {offen:modul-2}, {foerderung:modul-2}')).toBe(
      'Modul 2 (Case-Management): 12 VZÄ, 11 VZÄ, 1 VZÄ, 660.000 €',
    );
    expect(fill('{geplant:modul-1}, {besetzt:modul-1}, {foerderung:modul-1}')).toBe('3,5 VZÄ, 2,5 VZÄ, 192.500 €');
    expect(fill('{geplant}, {besetzt}, {offen}, {foerderung}')).toBe('15,5 VZÄ, 13,5 VZÄ, 2 VZÄ, 852.500 €');
  });

  test('the funding rate and its year', () => {
    expect(fill('{foerdersatz} im Jahr {foerderjahr}')).toBe('55.000 € im Jahr 2022');
  });

  test('hires and leavers counted over every group of the module, or of all modules', () => {
    expect(fill('{eingestellt:modul-1}; {eingestellt}; {ausgeschieden:modul-2}; {ausgeschieden}')).toBe('drei Personen; sieben Personen; zwei Personen; drei Personen');
    expect(fill('{eingestellt}, {ausgeschieden}', { ...FACTS, modules: [] })).toBe('keine Personen, keine Personen');
  });

  test('municipalities served by a module or by all, listed and counted', () => {
    expect(fill('{kommunen:modul-1} / {kommunen} / {anzahlKommunen:modul-1} / {anzahlKommunen}')).toBe(
      'Stadt Troisdorf / Stadt Troisdorf, Stadt Lohmar und Gemeinde Much / eine Kommune / drei Kommunen',
    );
  });

  test("agreements with the Kreis's word, steering-group meetings counted as words", () => {
    expect(fill('{vereinbarungen}; {lenkungsgruppensitzungen}')).toBe('15 Kooperationsvereinbarungen; zwei Sitzungen');
    expect(fill('{lenkungsgruppensitzungen}', { ...FACTS, steeringGroupMeetings: 1 })).toBe('eine Sitzung');
  });

  test("a town's Vorlage: the owner, its posts serving the town, and by employer, or 0 where none", () => {
    expect(fill('{traeger}: {vorOrt}, {vorOrt:modul-2}, {vorOrt:modul-1}')).toBe('Landkreis Talheim: 2,5 VZÄ, 2 VZÄ, 0,5 VZÄ');
    expect(fill('{vorOrtJeArbeitgeber:modul-2} / {vorOrtJeArbeitgeber:modul-1}')).toBe('1,5 VZÄ beim Kreis und 0,5 VZÄ bei der Stadt / 0 VZÄ');
  });

  test('a text without slots stays as written; no text is empty', () => {
    expect(fill('Kein Platzhalter.')).toBe('Kein Platzhalter.');
    expect(clerkTextFiller(FACTS)(undefined)).toBe('');
  });

  test('a slot validation did not check is a bug, never printed raw', () => {
    expect(() => fill('{unbekannt}')).toThrow('Platzhalter {unbekannt} ist nicht geprüft worden');
  });
});

describe('slots in headings', () => {
  test('each fact slot of the headings once, as written, with its value; the heading\'s own placeholders are left out', () => {
    const calls: string[] = [];
    const values = headingSlotValues(['{modul:modul-2} am {stand}', '{ueberschrift:preface}', 'Stand {stand}', '{bezeichnung}'], (t) => {
      calls.push(t);
      return fill(t);
    });
    expect(values).toEqual({ '{modul:modul-2}': 'Modul 2', '{stand}': '01.03.2022' });
    expect(calls).toEqual(['{modul:modul-2}', '{stand}']);
  });
});

describe('slots as the clerk writes them, in messages and docs', () => {
  test('with and without argument, by what the slot takes', () => {
    expect(slotForms(factSlot('stand')!)).toEqual(['{stand}']);
    expect(slotForms(factSlot('anlage')!)).toEqual(['{anlage:KENNUNG}']);
    expect(slotForms(factSlot('modul')!)).toEqual(['{modul:MODUL}']);
    expect(slotForms(factSlot('geplant')!)).toEqual(['{geplant}', '{geplant:MODUL}']);
    expect(factSlot('gibtsnicht')).toBeUndefined();
    expect(SLOT_LIST.startsWith('{anlage:KENNUNG}, {letzteSitzung}, {letzteVorlage}, {sitzung}, {stand}')).toBe(true);
  });
});

describe('why a slot has no value in a Vorlage', () => {
  let data: Dataset;
  beforeAll(async () => {
    data = structuredClone((await loadData()).dataset);
  });
  const scopeOf = (d: Dataset, previousId: string | null = '2021-11-16-kim-sachstand'): SlotScope => ({
    data: d,
    report: d.reports.find((r) => r.id === CURRENT)!,
    previous: previousId === null ? undefined : d.reports.find((r) => r.id === previousId),
  });
  const why = (slot: string, scope: SlotScope, module?: string): string | undefined =>
    factSlot(slot)!.noValue!.why(scope, module === undefined ? undefined : scope.data.programme.modules.find((m) => m.id === module) as ProgrammeModule);

  test('slots of the previous Vorlage: none in a first one', () => {
    const first = scopeOf(data, null);
    expect(why('letzteSitzung', first)).toBe('er nennt die Sitzung der vorigen Vorlage, aber diese Vorlage hat keine vorige (erste Vorlage)');
    expect(why('letzteSitzung', scopeOf(data))).toBeUndefined();
    expect(why('eingestellt', first)).toBe('er zählt die Einstellungen seit der vorigen Vorlage, aber diese Vorlage hat keine vorige (erste Vorlage)');
    expect(why('letzteVorlage', first)).toBe('er nennt die Drucksachennummer der vorigen Vorlage, aber diese Vorlage hat keine vorige (erste Vorlage)');
    expect(FACT_SLOTS.filter((s) => s.needsPrevious).map((s) => s.name)).toEqual(['letzteSitzung', 'letzteVorlage', 'letztesGremium', 'letzteSitzungName', 'eingestellt', 'ausgeschieden']);
  });

  test('{letzteVorlage}: none where the previous Vorlage has no Drucksachennummer', () => {
    const d = structuredClone(data);
    const scope = scopeOf(d);
    scope.previous!.reference = '245/21';
    expect(why('letzteVorlage', scope)).toBeUndefined();
    delete scope.previous!.reference;
    expect(why('letzteVorlage', scope)).toBe('die vorige Vorlage "2021-11-16-kim-sachstand" hat keine Drucksachennummer; erwartet wird reference in ihrer Datei oder die Nummer im Text');
  });

  test('planned posts: none for a module without a plan at the Stand, naming those that have one', () => {
    const scope = scopeOf(data);
    expect(why('geplant', scope, 'modul-1')).toBeUndefined();
    expect(why('geplant', scope)).toBeUndefined();
    expect(why('geplant', scope, 'modul-3')).toBe('das Modul "modul-3" hat am 01.03.2022 noch keinen Plan (plannedFte in programme.yaml); einen Plan haben modul-1 und modul-2');
    expect(why('offen', scope, 'modul-3')).toContain('das Modul "modul-3" hat am 01.03.2022 noch keinen Plan');
  });

  test('planned posts before any plan: the message says no module has one', () => {
    const d = structuredClone(data);
    for (const m of d.programme.modules) m.plannedFte = [{ from: '2030-01-01', fte: 1 }];
    const scope = scopeOf(d);
    expect(why('geplant', scope)).toBe('kein Modul hat am 01.03.2022 einen Plan (plannedFte in programme.yaml)');
    expect(why('geplant', scope, 'modul-1')).toBe('das Modul "modul-1" hat am 01.03.2022 noch keinen Plan (plannedFte in programme.yaml); kein Modul hat einen Plan');
    expect(why('foerderung', scope)).toBe('kein Modul hat am 01.03.2022 einen Plan (plannedFte in programme.yaml)');
  });

  test('the funding: none without a rate for the year of the Stand', () => {
    const d = structuredClone(data);
    const scope = scopeOf(d);
    expect(why('foerdersatz', scope)).toBeUndefined();
    expect(why('foerderung', scope, 'modul-1')).toBeUndefined();
    d.programme.fundingRates = d.programme.fundingRates.filter((r) => r.year !== 2022);
    expect(why('foerdersatz', scope)).toBe('programme.yaml nennt keinen Fördersatz für 2022 (fundingRates)');
    expect(why('foerderung', scope, 'modul-1')).toBe('programme.yaml nennt keinen Fördersatz für 2022 (fundingRates)');
  });

  test('the steering group: none without one', () => {
    const d = structuredClone(data);
    expect(why('lenkungsgruppensitzungen', scopeOf(d))).toBeUndefined();
    delete d.programme.steeringGroup;
    expect(why('lenkungsgruppensitzungen', scopeOf(d))).toBe('programme.yaml nennt keine Lenkungsgruppe (steeringGroup)');
  });

  test('municipalities: none where nobody of the module is assigned, naming the modules where someone is', () => {
    const scope = scopeOf(data);
    expect(why('kommunen', scope, 'modul-2')).toBeUndefined();
    expect(why('kommunen', scope)).toBeUndefined();
    expect(why('kommunen', scope, 'modul-3')).toBe('am 01.03.2022 ist im Modul "modul-3" niemand einer Kommune zugeordnet (assignments.yaml); zugeordnet ist Personal in modul-1 und modul-2');
    const none = structuredClone(data);
    none.assignments = [];
    expect(why('kommunen', scopeOf(none))).toBe('am 01.03.2022 ist niemand einer Kommune zugeordnet (assignments.yaml)');
  });

  test("owner's slots: none in the owner's own Vorlage; whole-staff slots: none in a town's Vorlage", async () => {
    const own = scopeOf(data);
    expect(why('traeger', own)).toContain('er gilt nur in der Vorlage einer Stadt oder Gemeinde');
    expect(why('vorOrt', own, 'modul-1')).toContain('erwartet wird {besetzt} oder {besetzt:MODUL}');
    expect(why('besetzt', own)).toBeUndefined();
    expect(why('offen', own, 'modul-1')).toBeUndefined();
    const town = structuredClone((await loadData(TOWN_DIR)).dataset);
    const townScope: SlotScope = { data: town, report: town.reports.find((r) => r.id === TOWN_NEXT)!, previous: undefined };
    expect(why('traeger', townScope)).toBeUndefined();
    expect(why('besetzt', townScope)).toBe(
      'die Vorlage berichtet über das Programm des Landkreises Talheim (programme.yaml owner) und kennt nur dessen Personal, das für die eigene Kommune tätig ist; erwartet wird {vorOrt} oder {vorOrt:MODUL}',
    );
    expect(why('offen', townScope)).toBe(why('besetzt', townScope));
  });
});

describe('municipalities served at the Stand', () => {
  test("by a module's staff in post, each once, in the order of organisation.yaml", async () => {
    const { dataset } = await loadData();
    const ids = (module: string | undefined, stand = '2022-03-01') => servedMunicipalities(dataset, module, stand).map((m) => m.id);
    expect(ids('modul-1')).toEqual(['troisdorf']);
    const all = ids(undefined);
    expect(all).toHaveLength(16);
    expect(all).toEqual(dataset.organisation.municipalities.map((m) => m.id).filter((id) => all.includes(id)));
    expect(ids('modul-3')).toEqual([]);
    expect(ids('gibtsnicht')).toEqual([]);
    // Before anyone of Modul 1 started: nobody.
    expect(ids('modul-1', '2021-03-01')).toEqual([]);
  });

  test('someone who has left serves no one, although the assignment runs on', async () => {
    const d = structuredClone((await loadData()).dataset);
    d.staff.find((s) => s.id === 'cm-windeck')!.end = '2022-02-28';
    expect(servedMunicipalities(d, 'modul-2', '2022-03-01').map((m) => m.id)).not.toContain('windeck');
    expect(servedMunicipalities(d, 'modul-2', '2022-02-28').map((m) => m.id)).toContain('windeck');
  });

  test('as the list names them, worked out once per module', async () => {
    const d = structuredClone((await loadData()).dataset);
    const served = servedLookup(d, '2022-03-01');
    expect(served('modul-1')).toEqual(['Stadt Troisdorf']);
    expect(served('modul-2')).toHaveLength(16);
    expect(served(undefined)).toHaveLength(16);
    d.staff = [];
    // The lookup keeps what it found for the Vorlage's Stand.
    expect(served(undefined)).toHaveLength(16);
    expect(served('modul-1')).toEqual(['Stadt Troisdorf']);
  });

  test("the Kreis's word for them, Kommune without one", async () => {
    const d = structuredClone((await loadData()).dataset);
    delete d.organisation.municipalityWord;
    expect(municipalityNounOf(d)).toEqual({ singular: 'Kommune', plural: 'Kommunen', genus: 'feminine' });
    d.organisation.municipalityWord = { singular: 'Stadtteil', plural: 'Stadtteile', genus: 'masculine', pluralDative: 'Stadtteilen' };
    expect(municipalityNounOf(d)).toEqual({ singular: 'Stadtteil', plural: 'Stadtteile', genus: 'masculine' });
  });
});
