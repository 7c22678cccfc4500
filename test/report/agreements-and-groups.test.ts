/**
 * Agreements with a partner (meetings.yaml cooperationAgreements[].partner, organisation.yaml agreementWord),
 * a group's chair and a group that has not met yet: each changes one fact of the example and sees the text change.
 */
import { expect, test } from 'vitest';
import type { CooperationAgreement, Dataset } from '../../src/model/types.js';
import { renderWith } from '../support/example.js';

const CONTRACT = { singular: 'Kooperations- und Weiterleitungsvertrag', plural: 'Kooperations- und Weiterleitungsverträge', genus: 'masculine' } as const;

/** The example with the Caritasverband as an employer, a Kreistag, and these agreements instead of its own. */
const withAgreements = (agreements: CooperationAgreement[], change: (d: Dataset) => void = () => undefined) =>
  renderWith((d) => {
    d.organisation.employers.push({ id: 'caritas', name: 'Caritasverband Rhein-Sieg e. V.', at: 'beim Caritasverband Rhein-Sieg e. V.', of: 'des Caritasverbandes Rhein-Sieg e. V.' });
    d.organisation.employers.push({ id: 'diakonie', name: 'Diakonisches Werk', at: 'im Diakonischen Werk', of: 'des Diakonischen Werkes', dative: 'dem Diakonischen Werk' });
    d.organisation.committees.push({ id: 'kreistag', name: 'Kreistag', genitive: 'des Kreistages' });
    d.meetings.cooperationAgreements = agreements;
    change(d);
  });
const KREISTAG = { committee: 'kreistag', date: '2021-12-09', reference: '245/21' };

test("the Kreis's word for its agreements replaces \"Kooperationsvereinbarungen\" in the sentence with the municipalities", async () => {
  const text = await renderWith((d) => (d.organisation.agreementWord = CONTRACT));
  expect(text).toContain('und den kreisangehörigen Kommunen wurden Kooperations- und Weiterleitungsverträge geschlossen.');
  const one = await renderWith((d) => {
    d.organisation.agreementWord = CONTRACT;
    d.meetings.cooperationAgreements = d.meetings.cooperationAgreements!.slice(0, 1);
  });
  expect(one).toContain('und den kreisangehörigen Kommunen wurde ein Kooperations- und Weiterleitungsvertrag geschlossen.');
});

test('an agreement with a partner names the partner, the municipalities it covers and the decision that authorised it', async () => {
  const text = await withAgreements([{ id: 'a', partner: 'caritas', municipalities: ['troisdorf', 'much'], date: '2022-02-01', decision: KREISTAG }], (d) => (d.organisation.agreementWord = CONTRACT));
  expect(text).toContain(
    'Auf Grundlage des Beschlusses des Kreistages vom 09.12.2021 (Drucksache 245/21) wurde am 01.02.2022 ein Kooperations- und Weiterleitungsvertrag mit dem Caritasverband Rhein-Sieg e. V. für die Stadt Troisdorf und die Gemeinde Much geschlossen.\n',
  );
  expect(text).not.toContain('Für die enge Verzahnung');
  // The default word is feminine: "eine".
  const feminine = await withAgreements([{ id: 'a', partner: 'caritas', municipalities: ['troisdorf'], date: '2022-02-01' }]);
  expect(feminine).toContain('Am 01.02.2022 wurde eine Kooperationsvereinbarung mit dem Caritasverband Rhein-Sieg e. V. für die Stadt Troisdorf geschlossen.\n');
});

test('agreements of one day and decision make one sentence in the plural; the same decision again is "desselben Beschlusses"; earlier ones are counted', async () => {
  const text = await withAgreements(
    [
      { id: 'x', partner: 'caritas', municipalities: ['much'], date: '2021-09-01' },
      { id: 'a', partner: 'caritas', municipalities: ['troisdorf', 'siegburg'], date: '2022-01-10', decision: KREISTAG },
      { id: 'b', partner: 'diakonie', municipalities: ['windeck'], date: '2022-01-10', decision: KREISTAG },
      { id: 'c', partner: 'diakonie', municipalities: ['eitorf'], date: '2022-02-15', decision: KREISTAG },
    ],
    (d) => (d.organisation.agreementWord = CONTRACT),
  );
  expect(text).toContain(
    'Auf Grundlage des Beschlusses des Kreistages vom 09.12.2021 (Drucksache 245/21) wurden am 10.01.2022 Kooperations- und Weiterleitungsverträge mit dem Caritasverband Rhein-Sieg e. V. für die Stadt Troisdorf und die Stadt Siegburg sowie mit dem Diakonischen Werk für die Gemeinde Windeck geschlossen. ' +
      'Auf Grundlage desselben Beschlusses wurde am 15.02.2022 ein Kooperations- und Weiterleitungsvertrag mit dem Diakonischen Werk für die Gemeinde Eitorf geschlossen. ' +
      'Damit wurden bisher vier Kooperations- und Weiterleitungsverträge geschlossen.\n',
  );
  const none = await withAgreements([{ id: 'x', partner: 'caritas', municipalities: ['much'], date: '2021-09-01' }], (d) => (d.organisation.agreementWord = { singular: 'Abkommen', plural: 'Abkommen', genus: 'neuter' }));
  expect(none).toContain('Bisher wurde ein Abkommen geschlossen.\n');
});

test('a chair is told in the first sentence about the group; a group that has not met is told with notMetYet: tell', async () => {
  const chaired = await renderWith((d) => (d.programme.steeringGroup!.chair = { genitive: 'des Landrates' }));
  expect(chaired).toMatch(/Die Lenkungsgruppe traf sich am \d\d\.\d\d\.\d{4} unter Vorsitz des Landrates zu ihrer konstituierenden Sitzung\./);
  expect(chaired.match(/unter Vorsitz/g)).toHaveLength(1);
  const first = '2021-11-16-kim-sachstand';
  expect(await renderWith(() => undefined, first)).not.toContain('Lenkungsgruppe hat sich');
  expect(await renderWith((d) => (d.programme.steeringGroup!.notMetYet = 'tell'), first)).toContain('\nDie Lenkungsgruppe hat sich noch nicht getroffen.\n');
  const group = await renderWith((d) => {
    d.programme.groups = [{ id: 'ak', name: 'Arbeitskreis Wohnen', genitive: 'des Arbeitskreises Wohnen', genus: 'masculine', module: 'modul-2', notMetYet: 'tell' }];
  });
  expect(group).toContain('\nDer Arbeitskreis Wohnen hat sich noch nicht getroffen.\n');
});

test("the slot {vereinbarungen} counts in the Kreis's word, with its genus for one", async () => {
  const slot = (change: (d: Dataset) => void) =>
    renderWith((d) => {
      d.reports.find((r) => r.id === '2022-03-16-kim-sachstand')!.text!.preface = 'Bisher: {vereinbarungen}.';
      change(d);
    });
  expect(await slot((d) => (d.organisation.agreementWord = CONTRACT))).toContain('Bisher: 15 Kooperations- und Weiterleitungsverträge.');
  expect(
    await slot((d) => {
      d.organisation.agreementWord = CONTRACT;
      d.meetings.cooperationAgreements = d.meetings.cooperationAgreements!.slice(0, 1);
    }),
  ).toContain('Bisher: ein Kooperations- und Weiterleitungsvertrag.');
});

test('an agreement with a municipality that names its decision is told with the decision, not in the general sentence', async () => {
  const text = await withAgreements([{ id: 'a', municipality: 'eitorf', date: '2022-02-01', decision: KREISTAG }]);
  expect(text).toContain('Auf Grundlage des Beschlusses des Kreistages vom 09.12.2021 (Drucksache 245/21) wurde am 01.02.2022 eine Kooperationsvereinbarung mit der Gemeinde Eitorf geschlossen.\n');
});
