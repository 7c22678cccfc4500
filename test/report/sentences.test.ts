import { describe, expect, test } from 'vitest';
import type { Dataset } from '../../src/model/types.js';
import { FOLLOW_UP, FOLLOW_UP_DIR, renderWith, TALHEIM_DIR, TALHEIM_NEXT } from '../support/example.js';

/**
 * The sentences of issue 20's table ("kim wrote | a clerk would write"), each on the data that made kim
 * write the clumsy one: the shipped Rhein-Sieg-Kreis data with a single change.
 */
const staff = (d: Dataset, id: string) => d.staff.find((s) => s.id === id)!;

describe('who left', () => {
  test('one of two posts called the same: "eine der beiden Case Managerinnen für …"', async () => {
    const text = await renderWith((d) => (staff(d, 'm2-sprache-1').end = '2022-01-31'));
    expect(text).toContain('Zum 31.01.2022 ist eine der beiden Case Managerinnen für frühkindliche Sprachförderung ausgeschieden.');
  });

  test('two of one description leaving on one day: one sentence', async () => {
    const text = await renderWith((d) => {
      staff(d, 'm2-sprache-1').end = '2022-01-31';
      staff(d, 'm2-sprache-2').end = '2022-01-31';
    });
    expect(text).toContain('Zum 31.01.2022 sind die beiden Case Managerinnen für frühkindliche Sprachförderung ausgeschieden.');
    expect(text.match(/ausgeschieden/g)).toHaveLength(1);
  });
});

describe('steering group meetings', () => {
  const meeting = (id: string, date: string, kind: 'ordentlich' | 'außerordentlich' = 'ordentlich') => ({ id, date, kind });

  test('meetings without an outcome of their own: one sentence with their dates', async () => {
    const text = await renderWith((d) => {
      const meetings = d.meetings.steeringGroupMeetings!;
      meetings.splice(1, 1, meeting('lg-2', '2022-01-19'), meeting('lg-3', '2022-02-08'), meeting('lg-4', '2022-03-01'));
    });
    expect(text).toContain('Die Lenkungsgruppe traf sich am 25.11.2021 zu ihrer konstituierenden Sitzung. Die Lenkungsgruppe hat am 19.01.2022, 08.02.2022 und 01.03.2022 getagt.');
    expect(text).not.toContain('Sitzungstermin');
  });

  test("a meeting's kind is told when the data gives it", async () => {
    const text = await renderWith((d) => d.meetings.steeringGroupMeetings!.push(meeting('lg-3', '2022-03-01', 'außerordentlich')));
    expect(text).toContain('Am 01.03.2022 traf sich die Lenkungsgruppe zu einer außerordentlichen Sitzung.');
  });
});

describe('who serves another municipality', () => {
  test('a municipality added to the earlier ones: "zusätzlich für" the new one only', async () => {
    const text = await renderWith(
      (d) => d.assignments.push({ staff: 'cm-meckenheim', municipalities: ['swisttal'], from: '2022-05-01' }),
      FOLLOW_UP,
      FOLLOW_UP_DIR,
    );
    expect(text).toContain('Der Case Manager für die Stadt Meckenheim und die Stadt Rheinbach ist seit dem 01.05.2022 zusätzlich für die Gemeinde Swisttal zuständig.');
  });
});

describe('a sentence above a list', () => {
  test("names the people in the list's order: his line first, so he comes first", async () => {
    const text = await renderWith(
      (d) => {
        staff(d, 'cm-eitorf').gender = 'm';
        staff(d, 'cm-siegburg').gender = 'w';
      },
      FOLLOW_UP,
      FOLLOW_UP_DIR,
    );
    expect(text).toContain(
      'Inzwischen wurden für folgende Kommunen ein weiterer Case Manager und eine weitere Case Managerin bei der Kreisverwaltung eingestellt:\n\n1) Gemeinde Eitorf seit dem 01.04.22 (0,5 VZÄ)\n2) noch keiner Kommune zugeordnet, seit dem 01.06.22',
    );
  });
});

describe('a kick-off event', () => {
  test('"eine Auftaktveranstaltung" on first mention, participants with their articles where the data gives them', async () => {
    const text = await renderWith(
      (d) => (d.meetings.kickOffs!.find((k) => k.municipality === 'eitorf')!.participantsGenitive = ['der Kommunalverwaltung', 'der Wohlfahrt', 'des Jobcenters Rhein-Sieg']),
      FOLLOW_UP,
      FOLLOW_UP_DIR,
    );
    expect(text).toContain('fand in der Gemeinde Eitorf eine Auftaktveranstaltung mit Vertretungen der Kommunalverwaltung, der Wohlfahrt und des Jobcenters Rhein-Sieg statt.');
  });
});

describe('a module with no change since the last Vorlage', () => {
  test('says the staffing is unchanged and who is in post, instead of repeating the earlier paragraph', async () => {
    const text = await renderWith(undefined, TALHEIM_NEXT, TALHEIM_DIR);
    expect(text).toContain('sind seit der letzten Ausschusssitzung am 23.11.2021 unverändert besetzt; eingestellt sind weiterhin eine Koordinatorin und eine Verwaltungsassistenzkraft.');
    expect(text).not.toContain('Zum 01.09.2021 wurde eine Koordinatorin beim Landratsamt eingestellt');
  });
});
