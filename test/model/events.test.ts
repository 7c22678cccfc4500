/**
 * What happened in the report's period (src/model/events-model.ts): agreements and group meetings up to and
 * including the Stand are told, later ones are not; each test reads the sentence a reader would see.
 */
import { expect, test } from 'vitest';
import type { Dataset } from '../../src/model/types.js';
import { FOLLOW_UP, FOLLOW_UP_DIR, renderWith, TALHEIM_DIR, TALHEIM_NEXT } from '../support/example.js';

const followUpWith = (change: (d: Dataset) => void): Promise<string> => renderWith(change, FOLLOW_UP, FOLLOW_UP_DIR);

test('an agreement on the Stand day is named; one the day after is neither named nor counted', async () => {
  const onStand = await followUpWith((d) => d.meetings.cooperationAgreements!.push({ id: 'kv-much', municipality: 'much', date: '2022-06-01' }));
  expect(onStand).toContain('wurden weitere Kooperationsvereinbarungen mit der Gemeinde Eitorf (28.03.2022) und der Gemeinde Much (01.06.2022) geschlossen.');
  const after = await followUpWith((d) => {
    d.meetings.cooperationAgreements!.push({ id: 'kv-much', municipality: 'much', date: '2022-06-02' });
    d.reports.find((r) => r.id === FOLLOW_UP)!.text!.preface = 'Bisher: {vereinbarungen}.';
  });
  // The 16 of the data up to the Stand.
  expect(after).toContain('Bisher: 16 Kooperationsvereinbarungen.');
  expect(after).not.toContain('Gemeinde Much (');
  expect(after).toContain('wurde eine weitere Kooperationsvereinbarung mit der Gemeinde Eitorf (28.03.2022) geschlossen.');
});

test('a group whose only meeting is on the Stand day has met: the meeting is told, not "noch nicht getroffen"', async () => {
  const text = await renderWith(
    (d) => {
      d.programme.groups![0]!.notMetYet = 'tell';
      d.meetings.groupMeetings = [{ id: 'kg-1', group: 'koordinierungsgruppe', date: '2022-04-30', kind: 'konstituierend' }];
    },
    TALHEIM_NEXT,
    TALHEIM_DIR,
  );
  expect(text).not.toContain('noch nicht getroffen');
  expect(text).toContain('30.04.2022');
});
