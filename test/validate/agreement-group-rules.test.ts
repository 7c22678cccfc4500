/**
 * The rules for agreements with a partner (agreement-partners, and the references in known-references) and
 * for groups that have not met yet (group-not-met-yet-chosen); each passes on the example data in rules.test.ts.
 */
import { beforeAll, expect, test } from 'vitest';
import { loadSources, type LoadedSources } from '../../src/load/dataset.js';
import { validateSources } from '../../src/validate/index.js';
import { RULES } from '../../src/validate/rules/index.js';
import type { Dataset } from '../../src/model/types.js';
import { EXAMPLE_DATA } from './helpers.js';
import { ruleContextFor } from './rule-context-fixture.js';

let sources: LoadedSources;
let base: Dataset;

beforeAll(async () => {
  sources = await loadSources(EXAMPLE_DATA);
  base = (await validateSources(sources, ['sachstand'])).dataset!;
}, 120_000);

const check = (name: string, change: (d: Dataset) => void) => RULES.find((r) => r.name === name)!.check(ruleContextFor(base, sources, change));
const caritas = (d: Dataset) =>
  d.organisation.employers.push({ id: 'caritas', name: 'Caritasverband Rhein-Sieg e. V.', at: 'beim Caritasverband Rhein-Sieg e. V.', of: 'des Caritasverbandes Rhein-Sieg e. V.' });

test('agreement-partners: an unknown partner is located, with "Meinten Sie …?" and the ids of employers and municipalities', () => {
  const ds = check('agreement-partners', (d) => {
    caritas(d);
    d.meetings.cooperationAgreements = [{ id: 'kwv-1', partner: 'carits', municipalities: ['troisdorf'], date: '2022-01-10' }];
  });
  expect(ds.map((d) => [d.path, d.message.split(' Erwartet')[0]])).toEqual([['cooperationAgreements[0].partner', 'Unbekannter Partner: "carits". Meinten Sie "caritas"?']]);
  expect(ds[0]!.message).toContain('Erwartet wird die Kennung eines Arbeitgebers (organisation.yaml employers) oder einer Kommune (organisation.yaml municipalities): kreisverwaltung,');
});

test('agreement-partners: neither municipality nor partner, both, municipalities without a partner, a partner without a dative', () => {
  const ds = check('agreement-partners', (d) => {
    d.organisation.employers.push({ id: 'verein', name: 'Verein Brücke', at: 'im Verein Brücke', of: 'des Vereins Brücke' });
    d.meetings.cooperationAgreements = [
      { id: 'a', date: '2022-01-10' },
      { id: 'b', municipality: 'troisdorf', partner: 'kreisverwaltung', date: '2022-01-10' },
      { id: 'c', municipality: 'troisdorf', municipalities: ['siegburg'], date: '2022-01-10' },
      { id: 'd', partner: 'verein', municipalities: ['siegburg'], date: '2022-01-10' },
    ];
  });
  expect(ds.map((d) => d.path)).toEqual(['cooperationAgreements[0]', 'cooperationAgreements[1].municipality', 'cooperationAgreements[2].municipalities', 'cooperationAgreements[3].partner']);
  expect(ds[0]!.message).toBe('Bei der Vereinbarung "a" fehlt, mit wem sie geschlossen wurde. Erwartet wird municipality (eine Kommune) oder partner (ein Arbeitgeber oder eine Kommune aus organisation.yaml) mit municipalities.');
  expect(ds[3]!.message).toBe('Für "mit …" fehlt der Dativ des Arbeitgebers "verein" (Verein Brücke): aus "im Verein Brücke" lässt er sich nicht ablesen. Erwartet wird dative bei diesem Arbeitgeber in organisation.yaml, z. B. dative: dem Verein Brücke.');
});

test('agreement-partners: a partner that is a municipality, or an employer whose dative follows from "beim …", passes', () => {
  const ds = check('agreement-partners', (d) => {
    caritas(d);
    d.meetings.cooperationAgreements = [
      { id: 'a', partner: 'caritas', municipalities: ['troisdorf'], date: '2022-01-10' },
      { id: 'b', partner: 'siegburg', date: '2022-01-10' },
    ];
  });
  expect(ds).toEqual([]);
});

test("known-references: an agreement's unknown municipality and unknown deciding committee", () => {
  const ds = check('known-references', (d) => {
    d.meetings.cooperationAgreements = [{ id: 'a', partner: 'kreisverwaltung', municipalities: ['troisdorf', 'siegbrug'], date: '2022-01-10', decision: { committee: 'kreistg', date: '2021-12-09' } }];
  });
  expect(ds.map((d) => [d.path, d.message.split(' Erwartet')[0]])).toEqual([
    ['cooperationAgreements[0].municipalities[1]', 'Unbekannte Kennung für Kommune: "siegbrug". Meinten Sie "siegburg"?'],
    ['cooperationAgreements[0].decision.committee', 'Unbekannte Kennung für Gremium: "kreistg".'],
  ]);
});

test("group-not-met-yet-chosen: a group that has not met by the newest report's Stand warns until notMetYet says tell or omit", () => {
  const group = { id: 'ak', name: 'Arbeitskreis Wohnen', genitive: 'des Arbeitskreises Wohnen', genus: 'masculine' as const, module: 'modul-2' };
  const ds = check('group-not-met-yet-chosen', (d) => {
    d.programme.groups = [group];
    d.meetings.groupMeetings = [{ id: 'ak-1', group: 'ak', date: '2022-04-01', kind: 'konstituierend' }];
  });
  expect(ds.map((d) => [d.path, d.severity, d.message])).toEqual([
    [
      'groups[0].name',
      'warning',
      '"Arbeitskreis Wohnen" hat sich bis zum Stand der Vorlage "2022-03-16-kim-sachstand" (01.03.2022) noch nicht getroffen, und die Vorlage lässt es ohne ein Wort weg. Erwartet wird notMetYet: tell (die Vorlage schreibt "… hat sich noch nicht getroffen.") oder notMetYet: omit (bewusst weglassen).',
    ],
  ]);
  expect(check('group-not-met-yet-chosen', (d) => (d.programme.groups = [{ ...group, notMetYet: 'tell' }]))).toEqual([]);
  // An earlier Vorlage before the first meeting is a record: the example's of 16.11.2021 (before the
  // Lenkungsgruppe first met) draws no warning, the newest one (after it) none either.
  expect(check('group-not-met-yet-chosen', () => undefined)).toEqual([]);
  const steering = check('group-not-met-yet-chosen', (d) => (d.meetings.steeringGroupMeetings = []));
  expect(steering.map((d) => d.path)).toEqual(['steeringGroup.name']);
});
