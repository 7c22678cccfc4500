import { describe, expect, test } from 'vitest';
import type { Dataset } from '../../src/model/types.js';
import { FOLLOW_UP, FOLLOW_UP_DIR, LINDENAU, LINDENAU_DIR, renderWith, TALHEIM_DIR, TALHEIM_FIRST, TALHEIM_NEXT } from '../support/example.js';

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
      'Inzwischen wurden ein weiterer Case Manager und eine weitere Case Managerin bei der Kreisverwaltung eingestellt:\n\n1) Gemeinde Eitorf seit dem 01.04.22 (0,5 VZÄ)\n2) noch keiner Kommune zugeordnet, seit dem 01.06.22',
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

describe("the Kreis's own staff beside staff of other employers", () => {
  test('named with their employer as the others are with theirs', async () => {
    const text = await renderWith(undefined, LINDENAU, LINDENAU_DIR);
    expect(text).toContain(
      'Zum 01.02.2023 sind im Baustein II die Case Managerin und der Case Manager der Stadt Altdorf, die Case Managerin des Marktes Lindenberg sowie die Case Managerin und die Case-Management-Fachkraft des Kreises eingestellt.',
    );
  });

  test("in the follow-up's look back, by the employer's own form (\"der Kreisverwaltung\")", async () => {
    const text = await renderWith(undefined, FOLLOW_UP, FOLLOW_UP_DIR);
    expect(text).toContain('die Case Managerin der Stadt Troisdorf sowie die neun Case Managerinnen und Case Manager der Kreisverwaltung eingestellt.');
    // Told apart by their task, as the Kreis's own Vorlage names them: no employer added.
    expect(text).toContain('eine Mitarbeiterin in der Koordination des Case Managements, zwei Case Managerinnen für frühkindliche Sprachförderung, die Case Managerin');
  });

  test('without staff of other employers in the sentence, own staff are not named with the Kreis', async () => {
    const text = await renderWith(undefined, TALHEIM_NEXT, TALHEIM_DIR);
    expect(text).toContain('eingestellt sind weiterhin eine Koordinatorin und eine Verwaltungsassistenzkraft.');
  });

  test('two people of one employer are "die beiden", not "die zwei"', async () => {
    const text = await renderWith((d) => (staff(d, 'cm-altdorf-1').gender = 'w'), LINDENAU, LINDENAU_DIR);
    expect(text).toContain('im Baustein II die beiden Case Managerinnen der Stadt Altdorf, die Case Managerin des Marktes Lindenberg');
  });
});

describe('people and posts', () => {
  test('where the people in post are more than the posts filled, the sentence says both', async () => {
    const text = await renderWith(undefined, LINDENAU, LINDENAU_DIR);
    expect(text).toContain('besetzt sind davon 4,25 Stellen mit fünf Personen.');
  });

  test('five people on four whole posts: the posts are said with the people', async () => {
    const text = await renderWith((d) => (staff(d, 'cm-kreis-2').fte = 0.5), LINDENAU, LINDENAU_DIR);
    expect(text).toContain('besetzt sind davon vier Stellen mit fünf Personen.');
  });

  test('as many people as posts: nothing added', async () => {
    const text = await renderWith(undefined, TALHEIM_FIRST, TALHEIM_DIR);
    expect(text).toContain('besetzt sind davon drei Vollzeitstellen. Betreut werden');
  });

  test("kim's own hiring sentence says a part-time post, so the posts it tells add up", async () => {
    const text = await renderWith(undefined, LINDENAU, LINDENAU_DIR);
    expect(text).toContain('Am 01.04.2022 wurde eine Verwaltungsassistentin mit einer halben Stelle beim Kreis eingestellt.');
    expect(text).toContain('Zum 01.02.2023 sind damit drei von vier Stellen besetzt.');
  });
});

describe('half a post in running text', () => {
  test('"mit einer halben Stelle" where the unit is a word', async () => {
    const lindenau = await renderWith(undefined, LINDENAU, LINDENAU_DIR);
    expect(lindenau).toContain('Zum 01.09.2022 wurde eine weitere Koordinatorin mit einer halben Stelle beim Kreis eingestellt');
    // A list line keeps its figure.
    expect(lindenau).toContain('3) Gemeinde Birkenfeld seit dem 01.06.22 (0,5 Stellen)');
    const talheim = await renderWith(undefined, TALHEIM_FIRST, TALHEIM_DIR);
    expect(talheim).toContain('Seit dem 01.10.2021 unterstützt eine Verwaltungsassistenzkraft mit einer halben Vollzeitstelle die Koordinierung');
  });

  test('an abbreviated unit keeps its figure: "mit 0,5 VZÄ"', async () => {
    const text = await renderWith(undefined, FOLLOW_UP, FOLLOW_UP_DIR);
    expect(text).toContain('Zum 01.05.2022 wurde eine Verwaltungsassistentin mit 0,5 VZÄ bei der Kreisverwaltung eingestellt');
  });
});

describe('"Betreut werden folgende Kommunen:"', () => {
  test('one line per municipality, with the posts that serve it, once two people serve one', async () => {
    const text = await renderWith(undefined, LINDENAU, LINDENAU_DIR);
    expect(text).toContain(
      'Betreut werden folgende Kommunen:\n\n1) Stadt Altdorf seit dem 01.03.22 (1,5 Stellen)\n2) Markt Lindenberg seit dem 01.05.22 (eine Stelle)\n3) Gemeinde Birkenfeld seit dem 01.06.22 (0,5 Stellen)\n4) Gemeinde Seewald seit dem 01.06.22 (0,5 Stellen)\n5) Gemeinde Weiler seit dem 01.06.22 (0,75 Stellen)\n',
    );
  });

  test('municipalities a person serves jointly share one line, with the posts serving them', async () => {
    const text = await renderWith(undefined, TALHEIM_FIRST, TALHEIM_DIR);
    expect(text).toContain('Betreut werden folgende Kommunen:\n\n1) Stadt Talheim und Gemeinde Eichenau seit dem 01.08.21 (zwei Vollzeitstellen)\n2) Markt Oberried seit dem 01.10.21 (eine Vollzeitstelle)\n');
  });

  test('someone not yet assigned keeps a line of their own at the end', async () => {
    const text = await renderWith(
      (d) => d.staff.push({ ...staff(d, 'cm-kreis-1'), id: 'cm-kreis-3', name: 'Ida Lorenz', gender: 'w', start: '2022-12-01' }),
      LINDENAU,
      LINDENAU_DIR,
    );
    expect(text).toContain('5) Gemeinde Weiler seit dem 01.06.22 (0,75 Stellen)\n6) noch keiner Kommune zugeordnet, seit dem 01.12.22 (eine Stelle)\n');
  });
});

describe('the sentence above a list of hires', () => {
  test('announces "folgende Kommunen" only when every line names one', async () => {
    const text = await renderWith(undefined, FOLLOW_UP, FOLLOW_UP_DIR);
    expect(text).toContain(
      'Inzwischen wurden eine weitere Case Managerin und ein weiterer Case Manager bei der Kreisverwaltung eingestellt:\n\n1) Gemeinde Eitorf seit dem 01.04.22 (0,5 VZÄ)\n2) noch keiner Kommune zugeordnet, seit dem 01.06.22',
    );
  });

  test("no list of the one town that the employer's name already says", async () => {
    const text = await renderWith(undefined, FOLLOW_UP, FOLLOW_UP_DIR);
    expect(text).toContain('Zudem wurde zum 01.05.2022 ein weiterer Case Manager in der Stadt Troisdorf eingestellt.');
    expect(text).not.toContain('1) Stadt Troisdorf');
  });
});
