/**
 * How a Vorlage tells cooperation agreements (src/model/agreements.ts): the Kreis's own word for them, the
 * partner after "mit", and one sentence per day and decision. Each test reads the words a committee member
 * would read: a wrong article, a partner without its dative, two days told as one.
 */
import { describe, expect, test } from 'vitest';
import { agreementWordOf, hasPartnerAgreements, partnerAgreementSentences, partnerDative } from '../../src/model/agreements.js';
import { indexOf, type DatasetIndex } from '../../src/model/dataset-index.js';
import type { CooperationAgreement } from '../../src/model/types.js';
import { loadData } from '../support/example.js';
import { join } from 'node:path';
import { packageRoot } from '../../src/paths.js';

const RABENAU_DIR = join(packageRoot, 'test', 'fixtures', 'landkreis-rabenau');

/**
 * The Landkreis Rabenau's index (two welfare organisations, a Markt), with two employers added: one of a town
 * (named by it, not by its office) and one whose own dative differs from its "bei …".
 */
async function rabenau(): Promise<DatasetIndex> {
  const data = structuredClone((await loadData(RABENAU_DIR)).dataset);
  data.organisation.employers.push(
    { id: 'stadt-rabenau', name: 'Stadt Rabenau', at: 'beim Bürgeramt der Stadt Rabenau', of: 'der Stadt Rabenau', municipality: 'rabenau' } as never,
    { id: 'diakonie', name: 'Diakonie', at: 'bei der Diakonie Rabenau', of: 'der Diakonie', dative: 'dem Diakonischen Werk Rabenau' } as never,
  );
  return indexOf(data);
}

const kreistag = (date = '2021-12-14', reference?: string) => ({ committee: 'kreistag', date, ...(reference ? { reference } : {}) });

describe("the Kreis's word for its agreements", () => {
  test('the default: feminine, "eine" and "eine weitere"', () => {
    expect(agreementWordOf(undefined)).toEqual({
      singular: 'Kooperationsvereinbarung',
      plural: 'Kooperationsvereinbarungen',
      genus: 'feminine',
      one: 'eine Kooperationsvereinbarung',
      another: 'eine weitere Kooperationsvereinbarung',
    });
  });

  test('a masculine word of its own: "ein weiterer"', () => {
    const word = agreementWordOf({ singular: 'Kooperations- und Weiterleitungsvertrag', plural: 'Kooperations- und Weiterleitungsverträge', genus: 'masculine' });
    expect([word.one, word.another, word.plural]).toEqual(['ein Kooperations- und Weiterleitungsvertrag', 'ein weiterer Kooperations- und Weiterleitungsvertrag', 'Kooperations- und Weiterleitungsverträge']);
  });
});

test('agreements are told one by one once one names a partner or a decision', () => {
  const plain: CooperationAgreement = { id: 'a', municipality: 'rabenau', date: '2022-02-15' } as CooperationAgreement;
  expect(hasPartnerAgreements([plain])).toBe(false);
  expect(hasPartnerAgreements([plain, { ...plain, id: 'b', partner: 'caritas' }])).toBe(true);
  expect(hasPartnerAgreements([plain, { ...plain, id: 'c', decision: kreistag() }])).toBe(true);
  expect(hasPartnerAgreements([])).toBe(false);
});

test('the partner after "mit": its own dative, its town, from "beim …", or a municipality', async () => {
  const index = await rabenau();
  expect(['diakonie', 'caritas', 'kreisverwaltung', 'stadt-rabenau', 'steinfels', 'weidenbach', 'unbekannt'].map((id) => partnerDative(index, id))).toEqual([
    'dem Diakonischen Werk Rabenau',
    'dem Caritasverband Rabenau e. V.',
    'der Kreisverwaltung',
    'der Stadt Rabenau',
    'dem Markt Steinfels',
    'der Gemeinde Weidenbach',
    undefined,
  ]);
});

describe('one sentence per day and decision', () => {
  test('by date, whatever the order of the data; agreements of one day and decision share a sentence', async () => {
    const index = await rabenau();
    const agreements = [
      { id: 'awo', partner: 'awo', municipalities: ['steinfels', 'erlenhof'], date: '2022-04-01', decision: kreistag('2021-12-14', 'KT/112/2021') },
      { id: 'caritas', partner: 'caritas', municipalities: ['rabenau', 'weidenbach'], date: '2022-02-15', decision: kreistag('2021-12-14', 'KT/112/2021') },
      { id: 'stadt', municipality: 'weidenbach', date: '2022-04-01', decision: kreistag('2021-12-14', 'KT/112/2021') },
    ] as CooperationAgreement[];
    expect(partnerAgreementSentences(index, agreements)).toEqual([
      {
        date: '2022-02-15',
        decision: { committee: 'des Kreistages', date: '2021-12-14', reference: 'KT/112/2021' },
        sameDecision: false,
        several: false,
        parties: 'mit dem Caritasverband Rabenau e. V. für die Stadt Rabenau und die Gemeinde Weidenbach',
      },
      {
        date: '2022-04-01',
        decision: { committee: 'des Kreistages', date: '2021-12-14', reference: 'KT/112/2021' },
        sameDecision: true,
        several: true,
        parties: 'mit der Arbeiterwohlfahrt Kreisverband Rabenau e. V. für den Markt Steinfels und die Stadt Erlenhof sowie mit der Gemeinde Weidenbach',
      },
    ]);
  });

  test('another decision on the same day, or none, is another sentence; a decision without reference cites none', async () => {
    const index = await rabenau();
    const agreements = [
      { id: 'a', partner: 'caritas', date: '2022-02-15', decision: kreistag('2021-12-14') },
      { id: 'b', partner: 'awo', date: '2022-02-15', decision: kreistag('2022-01-20', 'KT/7/2022') },
      { id: 'c', partner: 'kreisverwaltung', date: '2022-02-15' },
      { id: 'd', partner: 'stadt-rabenau', date: '2022-02-15', decision: kreistag('2022-01-20', 'KT/8/2022') },
    ] as CooperationAgreement[];
    expect(partnerAgreementSentences(index, agreements).map((s) => [s.decision?.reference ?? null, s.sameDecision, s.several, s.parties])).toEqual([
      ['', false, false, 'mit dem Caritasverband Rabenau e. V.'],
      ['KT/7/2022', false, false, 'mit der Arbeiterwohlfahrt Kreisverband Rabenau e. V.'],
      [null, false, false, 'mit der Kreisverwaltung'],
      ['KT/8/2022', false, false, 'mit der Stadt Rabenau'],
    ]);
    // One committee's decisions of one day told apart by their reference; the fourth joins the third, not the second.
    const byReference = [
      { id: 'a', partner: 'caritas', date: '2022-02-15', decision: kreistag('2022-01-20', 'KT/7/2022') },
      { id: 'b', partner: 'awo', date: '2022-02-15', decision: kreistag('2022-01-20', 'KT/8/2022') },
      { id: 'c', partner: 'diakonie', date: '2022-03-01', decision: kreistag('2022-01-20', 'KT/8/2022') },
      { id: 'd', partner: 'kreisverwaltung', date: '2022-03-01', decision: kreistag('2022-01-20', 'KT/8/2022') },
    ] as CooperationAgreement[];
    expect(partnerAgreementSentences(index, byReference).map((s) => [s.date, s.decision!.reference, s.sameDecision, s.several])).toEqual([
      ['2022-02-15', 'KT/7/2022', false, false],
      ['2022-02-15', 'KT/8/2022', false, false],
      ['2022-03-01', 'KT/8/2022', true, true],
    ]);
    // Two days without a decision: nothing to call "desselben Beschlusses".
    const undecided = [
      { id: 'a', partner: 'caritas', date: '2022-02-15' },
      { id: 'b', partner: 'awo', date: '2022-03-15' },
    ] as CooperationAgreement[];
    expect(partnerAgreementSentences(index, undecided).map((s) => [s.decision, s.sameDecision])).toEqual([
      [null, false],
      [null, false],
    ]);
  });
});
