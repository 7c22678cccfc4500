/**
 * A module's figures and people as the follow-up Vorlage of 22.06.2022 tells them (src/model/module-model.ts,
 * invented data test/fixtures/rsk-follow-up): each test changes one fact and reads the model's words and
 * figures, the ones the template prints unchanged.
 */
import { describe, expect, test } from 'vitest';
import type { Dataset, StaffMember } from '../../src/model/types.js';
import type { ModuleModel } from '../../src/model/module-model.js';
import { FOLLOW_UP, FOLLOW_UP_DIR, modelWith } from '../support/example.js';

const staff = (d: Dataset, id: string): StaffMember => d.staff.find((s) => s.id === id)!;
const moduleOf = async (id: string, change: (d: Dataset) => void = () => undefined): Promise<ModuleModel> =>
  (await modelWith(change, FOLLOW_UP, FOLLOW_UP_DIR)).modules.find((m) => m.id === id)!;

describe('funding', () => {
  test('rate × planned posts to the cent, "jeweils" the rate for more than one post', async () => {
    const module = await moduleOf('modul-1', (d) => (d.programme.fundingRates.find((r) => r.year === 2022)!.amount = 33_333.33));
    expect([module.plannedFunding, module.fundingRatePhrase]).toEqual([166_666.65, 'jeweils 33.333,33 €/VZÄ']);
  });

  test('one planned post: the rate without "jeweils", nothing open although more are filled', async () => {
    const module = await moduleOf('modul-1', (d) => (d.programme.modules.find((m) => m.id === 'modul-1')!.plannedFte = [{ from: '2021-01-01', fte: 1 }]));
    expect([module.plannedFunding, module.fundingRatePhrase, module.openFte]).toEqual([55_000, '55.000 €/VZÄ', 0]);
  });
});

describe('hires', () => {
  test('the posts when hired: "mit 0,5 VZÄ" for one, "mit zusammen" for several, whatever the post later', async () => {
    const modul1 = await moduleOf('modul-1');
    expect(modul1.hires.map((h) => [h.phrase, h.when, h.partTime])).toEqual([
      ['ein weiterer Mitarbeiter', 'zum 01.04.2022', ''],
      ['eine Verwaltungsassistentin', 'zum 01.05.2022', 'mit 0,5 VZÄ'],
    ]);
    const raised = await moduleOf('modul-2', (d) => (staff(d, 'cm-eitorf').fteChanges = [{ from: '2022-05-01', fte: 1 }]));
    expect(raised.hires[0]!.partTime).toBe('mit zusammen 1,5 VZÄ');
  });

  test('a list of municipalities only for who serves more than the own town; none announced while someone serves none', async () => {
    const module = await moduleOf('modul-2');
    expect(module.hires.map((h) => [h.connective, h.employer, h.listed, h.lines])).toEqual([
      ['Inzwischen', 'bei der Kreisverwaltung', true, 0],
      ['Außerdem', 'bei der Kreisverwaltung', false, 0],
      ['Zudem', 'in der Stadt Troisdorf', false, 1],
    ]);
  });
});

describe('leavers', () => {
  test('an end known to the month is told "im April 2022"; one hired and gone in the period by their start', async () => {
    const module = await moduleOf('modul-2', (d) => (staff(d, 'cm-windeck').end = '2022-04'));
    expect(module.leavers.map((l) => [l.endAt, l.EndAt, l.phrase, l.count, l.hiredPhrase])).toEqual([
      ['im April 2022', 'Im April 2022', 'die Case Managerin für die Gemeinde Windeck', 1, ''],
      ['zum 31.05.2022', 'Zum 31.05.2022', 'die Case Managerin für die Gemeinde Ruppichteroth', 1, 'Die zum 15.04.2022 eingestellte Case Managerin für die Gemeinde Ruppichteroth'],
    ]);
  });

  test('people called differently leave in sentences of their own, in the order of their last day, not of the data', async () => {
    const module = await moduleOf('modul-2', (d) => {
      staff(d, 'cm-bornheim').end = '2022-04-15';
      staff(d, 'cm-alfter').end = '2022-05-31';
    });
    expect(module.leavers.map((l) => [l.end, l.phrase, l.count])).toEqual([
      ['2022-04-15', 'der Case Manager für die Stadt Bornheim', 1],
      ['2022-04-30', 'die Case Managerin für die Gemeinde Windeck', 1],
      ['2022-05-31', 'die Case Managerin für die Gemeinde Alfter und die Gemeinde Swisttal', 1],
      ['2022-05-31', 'die Case Managerin für die Gemeinde Ruppichteroth', 1],
    ]);
  });
});

describe('changed posts and municipalities', () => {
  test('someone serving no municipality is named by their start, with the day of the change and both posts', async () => {
    const module = await moduleOf('modul-1', (d) => (staff(d, 'm1-gs-links').fteChanges = [{ from: '2022-05-01', fte: 0.5 }]));
    expect(module.fteChanges).toEqual([{ phrase: 'Die zum 10.01.2022 eingestellte Mitarbeiterin', since: '2022-05-01', post: '0,5 VZÄ', previousPost: '1 VZÄ' }]);
  });

  test('a municipality added to the earlier one: named by the earlier, the new one "zusätzlich"', async () => {
    const module = await moduleOf('modul-2', (d) => {
      d.assignments.find((a) => a.staff === 'cm-lohmar')!.to = '2022-04-30';
      d.assignments.push({ staff: 'cm-lohmar', municipalities: ['lohmar', 'much'], from: '2022-05-01' });
    });
    expect(module.moves).toEqual([
      { phrase: 'Der Case Manager für die Stadt Lohmar', since: '2022-05-01', municipalities: 'die Stadt Lohmar und die Gemeinde Much', fewer: false, additional: 'die Gemeinde Much' },
    ]);
  });
});
