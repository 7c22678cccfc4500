/**
 * The period's events as sentences (src/model/events-model.ts): meetings told one by one or several plain
 * ones in one sentence, groups that have or have not met, agreements counted and named, kick-offs of one
 * day in one sentence. Invented meetings on the Rhein-Sieg-Kreis's municipalities (test/fixtures/rsk-follow-up).
 */
import { describe, expect, test } from 'vitest';
import { indexOf } from '../../src/model/dataset-index.js';
import { bodyWords, groupMeetingsFor, groupWords, meetingSentences, periodEvents, type SteeringMeetingModel } from '../../src/model/events-model.js';
import type { Meetings, ProgrammeGroup } from '../../src/model/types.js';
import { FOLLOW_UP_DIR, loadData } from '../support/example.js';

const meeting = (date: string, number: number, fields: Partial<SteeringMeetingModel> = {}): SteeringMeetingModel => ({ date, number, constituent: false, extraordinary: false, outcome: '', dates: '', ...fields });
const index = async () => indexOf((await loadData(FOLLOW_UP_DIR)).dataset);

describe('meetings as sentences', () => {
  test('plain meetings in a row share one sentence with all their dates; one alone or one with news keeps its own', () => {
    const told = meetingSentences([
      meeting('2021-11-25', 1, { constituent: true }),
      meeting('2022-01-20', 2),
      meeting('2022-02-17', 3),
      meeting('2022-03-17', 4),
      meeting('2022-04-21', 5, { outcome: 'wurde das Konzept beraten' }),
      meeting('2022-05-19', 6),
      meeting('2022-06-01', 7, { extraordinary: true }),
    ]);
    expect(told.map((m) => [m.number, m.dates])).toEqual([
      [1, ''],
      [2, '20.01.2022, 17.02.2022 und 17.03.2022'],
      [5, ''],
      [6, ''],
      [7, ''],
    ]);
    // Two plain ones in a row are already a sentence of their own.
    expect(meetingSentences([meeting('2022-01-20', 2), meeting('2022-02-17', 3), meeting('2022-03-17', 4, { constituent: true })]).map((m) => [m.number, m.dates])).toEqual([
      [2, '20.01.2022 und 17.02.2022'],
      [4, ''],
    ]);
  });
});

describe("a group's words", () => {
  test('the article and possessive by genus, feminine without one', () => {
    expect(bodyWords('Lenkungskreis', 'des Lenkungskreises', 'masculine')).toEqual({ name: 'Lenkungskreis', genitive: 'des Lenkungskreises', article: 'der', Article: 'Der', possessive: 'sein' });
    expect(bodyWords('Lenkungsgruppe', 'der Lenkungsgruppe', undefined)).toMatchObject({ article: 'die', Article: 'Die', possessive: 'ihr' });
  });

  test('"noch nicht getroffen" only when told so and no meeting by the Stand; a meeting on the Stand day is one', () => {
    const group = { name: 'Lenkungsgruppe', genitive: 'der Lenkungsgruppe', notMetYet: 'tell' as const, chair: { genitive: 'des Landrates' } };
    expect([groupWords(group, ['2022-06-01'], '2022-06-01').notMetYet, groupWords(group, ['2022-06-02'], '2022-06-01').notMetYet, groupWords(group, [], '2022-06-01').notMetYet]).toEqual([false, true, true]);
    expect(groupWords({ ...group, notMetYet: 'omit' }, [], '2022-06-01').notMetYet).toBe(false);
    expect([groupWords(group, [], '2022-06-01').chair, groupWords({ name: 'AG', genitive: 'der AG' }, [], '2022-06-01').chair]).toEqual(['des Landrates', '']);
  });
});

test("a module's groups: their meetings of the period numbered among all of their own; groups without news left out", () => {
  const groups = [
    { id: 'ag', name: 'Arbeitsgruppe', genitive: 'der Arbeitsgruppe', module: 'modul-2' },
    { id: 'still', name: 'Steuerungsrunde', genitive: 'der Steuerungsrunde', module: 'modul-2' },
    { id: 'neu', name: 'Trägerrunde', genitive: 'der Trägerrunde', module: 'modul-2', notMetYet: 'tell' },
    { id: 'anders', name: 'Runde', genitive: 'der Runde', module: 'modul-1' },
    { id: 'kommunen', name: 'Kommunalrunde', genitive: 'der Kommunalrunde', module: 'modul-2' },
  ] as ProgrammeGroup[];
  const meetings = {
    groupMeetings: [
      { id: 'ag-3', group: 'ag', date: '2022-05-10', kind: 'ordentlich' },
      { id: 'ag-1', group: 'ag', date: '2021-12-01', kind: 'konstituierend' },
      { id: 'ag-2', group: 'ag', date: '2022-03-01', kind: 'ordentlich', outcome: 'wurde beraten' },
      { id: 'ag-4', group: 'ag', date: '2022-05-20', kind: 'außerordentlich', outcome: 'wurde der Haushalt beraten' },
      { id: 'st-1', group: 'still', date: '2021-12-01', kind: 'konstituierend' },
      { id: 'ko-1', group: 'kommunen', date: '2022-04-01', kind: 'konstituierend' },
      { id: 'an-1', group: 'anders', date: '2022-05-10', kind: 'konstituierend' },
    ],
  } as unknown as Meetings;
  const told = groupMeetingsFor(groups, 'modul-2', meetings, '2022-03-01', '2022-06-01');
  expect(told.map((g) => [g.name, g.notMetYet, g.meetings.map((m) => [m.number, m.date, m.constituent, m.extraordinary, m.outcome, m.dates])])).toEqual([
    ['Arbeitsgruppe', false, [[3, '2022-05-10', false, false, '', ''], [4, '2022-05-20', false, true, 'wurde der Haushalt beraten', '']]],
    ['Trägerrunde', true, []],
    ['Kommunalrunde', false, [[1, '2022-04-01', true, false, '', '']]],
  ]);
  // Without any group meetings in the data: only who is to be told "noch nicht getroffen".
  expect(groupMeetingsFor(groups, 'modul-2', {} as Meetings, '2022-03-01', '2022-06-01').map((g) => g.name)).toEqual(['Trägerrunde']);
});

describe("the period's agreements and kick-offs", () => {
  const agreements = [
    { id: 'c', municipality: 'much', date: '2022-05-05' },
    { id: 'a', municipality: 'alfter', date: '2022-02-10' },
    { id: 'b', municipality: 'bornheim', date: '2022-03-02' },
    { id: 'd', municipality: 'eitorf', date: '2022-03-02' },
    { id: 'e', municipality: 'hennef', date: '2022-04-01', listed: false },
    { id: 'f', municipality: 'lohmar', date: '2022-06' },
    { id: 'g', municipality: 'wachtberg', date: '2022-06-02' },
  ];
  /** The period after the Stand of 01.03.2022 up to 01.06.2022; the previous session on 16.03.2022 unless given (or none). */
  const events = async (list: object[], session: { previous: string | undefined } = { previous: '2022-03-16' }, kickOffs: object[] = []) =>
    periodEvents({ cooperationAgreements: list, kickOffs } as unknown as Meetings, await index(), '2022-03-01', '2022-06-01', session.previous);

  test('named per day in date order, counted up to the Stand; a month counts from its first day; unlisted ones counted only', async () => {
    const { cooperation } = await events(agreements);
    expect(cooperation).toMatchObject({
      byPartner: false,
      partnerSentences: [],
      total: 6,
      totalWords: 'sechs Kooperationsvereinbarungen',
      earlier: true,
      inPeriod: 'der Stadt Bornheim und der Gemeinde Eitorf (02.03.2022), der Gemeinde Much (05.05.2022) sowie der Stadt Lohmar (Juni 2022)',
      inPeriodCount: 4,
      moreThanNamed: true,
      afterPreviousSession: false,
    });
  });

  test('"seit der letzten Ausschusssitzung" only when every one named is after that session, and only with one', async () => {
    const later = agreements.filter((a) => a.id === 'c');
    expect((await events(later)).cooperation).toMatchObject({ afterPreviousSession: true, earlier: false, moreThanNamed: false, total: 1, totalWords: 'eine Kooperationsvereinbarung' });
    expect((await events(later, { previous: '2022-05-05' })).cooperation.afterPreviousSession).toBe(false);
    expect((await events(later, { previous: undefined })).cooperation.afterPreviousSession).toBe(false);
    expect((await events([], { previous: undefined })).cooperation.afterPreviousSession).toBe(false);
  });

  test("the steering group's meetings of the period, numbered among all; none in data without meetings", async () => {
    const { steeringGroupMeetings } = await events([]);
    expect(steeringGroupMeetings.map((m) => [m.number, m.date, m.outcome])).toEqual([[3, '2022-05-10', 'wurde die Geschäftsordnung verabschiedet']]);
    const none = periodEvents({} as Meetings, await index(), '2022-03-01', '2022-06-01', undefined);
    expect([none.cooperation.total, none.kickOffs]).toEqual([0, []]);
  });

  test('agreements with a partner are told by partner', async () => {
    const { cooperation } = await events([{ id: 'p', partner: 'kreisverwaltung', municipalities: ['much'], date: '2022-05-05' }]);
    expect([cooperation.byPartner, cooperation.inPeriod, cooperation.partnerSentences.map((s) => s.parties)]).toEqual([true, '', ['mit der Kreisverwaltung für die Gemeinde Much']]);
  });

  test('kick-offs of one day with the same participants (also in the genitive) in one sentence; others, earlier and unlisted ones apart', async () => {
    const kickOffs = [
      { id: 'k1', municipality: 'much', date: '2022-05-18', participants: ['Kommunalverwaltung', 'Jobcenter'] },
      { id: 'k2', municipality: 'eitorf', date: '2022-05-18', participants: ['Kommunalverwaltung', 'Jobcenter'] },
      { id: 'k3', municipality: 'alfter', date: '2022-05-18', participants: ['Wohlfahrt'], participantsGenitive: ['der Wohlfahrt'] },
      { id: 'k4', municipality: 'hennef', date: '2022-04-05' },
      { id: 'k5', municipality: 'lohmar', date: '2022-03-01' },
      { id: 'k6', municipality: 'bornheim', date: '2022-04-06', listed: false },
      { id: 'k9', municipality: 'wachtberg', date: '2022-05-18', participants: ['Agentur für Arbeit'] },
      { id: 'k7', municipality: 'swisttal', date: '2022-05-18', participants: ['Wohlfahrt'], participantsGenitive: ['der Freien Wohlfahrt'] },
    ];
    const { kickOffs: told } = await events([], undefined, kickOffs);
    expect(told).toEqual([
      { date: '2022-04-05', place: 'in der Stadt Hennef', participants: '', participantsGenitive: '', several: false },
      { date: '2022-05-18', place: 'in der Gemeinde Much und in der Gemeinde Eitorf', participants: 'Kommunalverwaltung und Jobcenter', participantsGenitive: '', several: true },
      { date: '2022-05-18', place: 'in der Gemeinde Alfter', participants: 'Wohlfahrt', participantsGenitive: 'der Wohlfahrt', several: false },
      { date: '2022-05-18', place: 'in der Gemeinde Wachtberg', participants: 'Agentur für Arbeit', participantsGenitive: '', several: false },
      { date: '2022-05-18', place: 'in der Gemeinde Swisttal', participants: 'Wohlfahrt', participantsGenitive: 'der Freien Wohlfahrt', several: false },
    ]);
  });
});
