/**
 * A third body (test/fixtures/landkreis-talheim, invented), unlike both others: a SessionNet-style header
 * (Betreff / Vorlage / Aktenzeichen / Art / Sitzungsteil), Module I–III in Vollzeitstellen, a masculine
 * steering body, case managers at welfare organisations, a first report and its follow-up.
 */
import { describe, expect, test } from 'vitest';
import type { Dataset } from '../../src/model/types.js';
import { renderWith, TALHEIM_DIR, TALHEIM_FIRST, TALHEIM_NEXT } from '../support/example.js';

const first = (mutate?: (d: Dataset) => void) => renderWith(mutate, TALHEIM_FIRST, TALHEIM_DIR);
const next = (mutate?: (d: Dataset) => void) => renderWith(mutate, TALHEIM_NEXT, TALHEIM_DIR);

describe('a header with Betreff and Sitzungsteil as fields', () => {
  test('the fields in the Kreis\'s order and words; the title and the session part are not said a second time', async () => {
    const text = await next();
    expect(text).toMatch(
      /^\*\*Landkreis Talheim\*\*\n\nFachbereich 5 – Jugend, Familie und Soziales\n\nBetreff: Berichterstattung Kommunales Integrationsmanagement KIM {2}\nVorlage: 088\/22 {2}\nAktenzeichen: 50\.2-KIM {2}\nArt: Beschlussvorlage {2}\nSitzungsteil: öffentlich\n\n\| Gremium \| Datum \| Zuständigkeit \|/,
    );
    expect(text).not.toContain('Tagesordnungspunkt');
    expect(text).not.toContain('Sitzungsteil**');
    expect(text.split('Berichterstattung Kommunales Integrationsmanagement KIM').length).toBe(2);
  });
  test('a Vorlage for the closed part says so in its field', async () => {
    const text = await next((d) => (d.reports.find((r) => r.id === TALHEIM_NEXT)!.public = false));
    expect(text).toContain('Sitzungsteil: nichtöffentlich\n');
  });
  test('without title among the fields, the header keeps "Tagesordnungspunkt"; without part, "Vorlage für den … Sitzungsteil"', async () => {
    const text = await next((d) => (d.organisation.letterhead!.fields = ['reference', 'paperType']));
    expect(text).toContain('Vorlage: 088/22  \nArt: Beschlussvorlage\n\n**Vorlage**  \nfür den  \n**öffentlichen Sitzungsteil**\n');
    expect(text).toContain('Tagesordnungspunkt  \n**Berichterstattung Kommunales Integrationsmanagement KIM**');
  });
  test('a decision\'s number is cited with the Kreis\'s label for it ("Vorlage", not "Drucksache")', async () => {
    expect(await next()).toContain(
      'Mit Beschluss des Kreistages vom 09.12.2021 (Vorlage 245/21) wurde der Stellenumfang für das Modul II zum 01.01.2022 von sechs auf zwölf Vollzeitstellen erhöht.',
    );
    const plain = await next((d) => delete d.organisation.letterhead!.labels);
    expect(plain).toContain('(Drucksache 245/21)');
  });
});

describe('the follow-up', () => {
  test('the previous session is called by its committee\'s word: after a Kreistag session, not "Ausschusssitzung"', async () => {
    const text = await next((d) => {
      d.meetings.sessions.push({ id: 'kt-2021-11-25', committee: 'kreistag', date: '2021-11-25', public: true });
      d.reports.find((r) => r.id === TALHEIM_FIRST)!.consultations = [{ session: 'kt-2021-11-25', role: 'Beschluss' }];
    });
    expect(text).toContain('Bezugnehmend auf die Darstellung in der letzten Kreistagssitzung am 25.11.2021 haben sich');
    expect(text).toContain('Seit der letzten Kreistagssitzung wurden weitere Kooperationsvereinbarungen mit dem Markt Oberried');
    expect(text).not.toContain('Ausschusssitzung');
    const preface = await next((d) => {
      d.meetings.sessions.push({ id: 'kt-2021-11-25', committee: 'kreistag', date: '2021-11-25', public: true });
      d.reports.find((r) => r.id === TALHEIM_FIRST)!.consultations = [{ session: 'kt-2021-11-25', role: 'Beschluss' }];
      delete d.reports.find((r) => r.id === TALHEIM_NEXT)!.text!.preface;
    });
    expect(preface).toContain('seit der letzten Kreistagssitzung am 25.11.2021 und über den aktuellen Sachstand informiert.');
  });
  test('a Kreistag without its own word for a session: "die letzte Sitzung des Kreistages", never "Ausschusssitzung"', async () => {
    const text = await next((d) => {
      delete d.organisation.committees.find((c) => c.id === 'kreistag')!.sessionName;
      d.meetings.sessions.push({ id: 'kt-2021-11-25', committee: 'kreistag', date: '2021-11-25', public: true });
      d.reports.find((r) => r.id === TALHEIM_FIRST)!.consultations = [{ session: 'kt-2021-11-25', role: 'Beschluss' }];
    });
    expect(text).toContain('Bezugnehmend auf die Darstellung in der letzten Sitzung des Kreistages am 25.11.2021 haben sich');
    expect(text).toContain('Seit der letzten Sitzung des Kreistages wurden weitere Kooperationsvereinbarungen mit dem Markt Oberried');
    expect(text).not.toContain('Ausschusssitzung');
    // A committee still meets in an "Ausschusssitzung" by default.
    expect(await next((d) => delete d.organisation.committees.find((c) => c.id === 'kreistag')!.sessionName)).toContain('in der letzten Ausschusssitzung am 23.11.2021');
  });
  test('a Vorlage for the Kreistag after one for the Ausschuss: "die letzte Ausschusssitzung" only if the Ausschuss has not met since', async () => {
    const forKreistag = (between: { id: string; committee: string; date: string }) => (d: Dataset) => {
      // Only the Kreistag: the Ausschuss's session of 10.05.2022 is no longer in the data.
      d.meetings.sessions = d.meetings.sessions.filter((s) => s.id !== 'ait-2022-05-10');
      d.meetings.sessions.push({ ...between, public: true });
      d.reports.find((r) => r.id === TALHEIM_NEXT)!.consultations = [{ session: 'kt-2022-05-19', role: 'Beschluss' }];
    };
    const met = await next(forKreistag({ id: 'ait-2022-02-08', committee: 'ait', date: '2022-02-08' }));
    expect(met).toContain('Bezugnehmend auf die Darstellung in der Ausschusssitzung am 23.11.2021 haben sich');
    expect(met).not.toContain('letzten Ausschusssitzung');
    const kreistagMet = await next(forKreistag({ id: 'kt-2022-02-10', committee: 'kreistag', date: '2022-02-10' }));
    expect(kreistagMet).toContain('Bezugnehmend auf die Darstellung in der letzten Ausschusssitzung am 23.11.2021 haben sich');
  });
  test('the period\'s first steering-group sentence names the body: "Beim zweiten Sitzungstermin des Lenkungskreises am …"', async () => {
    expect(await next()).toContain(
      'Beim zweiten Sitzungstermin des Lenkungskreises am 15.02.2022 wurden die Handlungsfelder für 2022 festgelegt. Am 05.04.2022 traf sich der Lenkungskreis zu seinem dritten Sitzungstermin.',
    );
  });
  test('a case manager left with some of the municipalities is "nur noch" responsible for them', async () => {
    const text = await next((d) => {
      d.assignments[0] = { staff: 'cm-1', municipalities: ['talheim', 'eichenau'], from: '2021-08-01', to: '2022-02-28' };
      d.assignments.push({ staff: 'cm-1', municipalities: ['talheim'], from: '2022-03-01' });
    });
    expect(text).toContain(
      'Die bisher für die Stadt Talheim und die Gemeinde Eichenau zuständige Case Managerin des Caritasverbandes für den Landkreis Talheim e. V. ist seit dem 01.03.2022 nur noch für die Stadt Talheim zuständig.',
    );
    // Another municipality beside all the earlier ones: "zusätzlich" for the new one, not the whole list again.
    const moved = await next((d) => {
      d.assignments[0] = { staff: 'cm-1', municipalities: ['talheim'], from: '2021-08-01', to: '2022-02-28' };
      d.assignments.push({ staff: 'cm-1', municipalities: ['talheim', 'eichenau'], from: '2022-03-01' });
    });
    expect(moved).toContain('ist seit dem 01.03.2022 zusätzlich für die Gemeinde Eichenau zuständig.');
  });
  test('{letzteVorlage} names the previous report\'s Drucksachennummer', async () => {
    expect(await next()).toContain('## Ausgangslage:\n\nAuf die Vorlage 197/21 wird verwiesen.\n');
  });
  test('numbered resolutions stand first', async () => {
    const text = await next();
    expect(text).toContain('## Beschlussvorschlag:\n\n1. Der Kreistag nimmt den Bericht');
    expect(text.indexOf('## Beschlussvorschlag:')).toBeLessThan(text.indexOf('## Ausgangslage:'));
  });
});

describe('the Kreis\'s words and genders', () => {
  test('a masculine steering body: "der Lenkungskreis … seiner", "des Lenkungskreises"', async () => {
    expect(await first()).toContain('Der Lenkungskreis traf sich am 12.10.2021 zu seiner konstituierenden Sitzung.');
    expect(await first()).toContain('aktueller Stand ihrer Arbeit und des Lenkungskreises');
    expect(await next()).toContain('Am 05.04.2022 traf sich der Lenkungskreis zu seinem dritten Sitzungstermin.');
  });
  test('welfare organisations as employers, in dative and genitive; a person of gender d', async () => {
    expect(await first()).toContain(
      'die Case Managerin und der Case Manager des Caritasverbandes für den Landkreis Talheim e. V. sowie die Case-Management-Fachkraft des Diakonischen Werkes Talheim eingestellt.',
    );
    const text = await next();
    expect(text).toContain('eine weitere Case Managerin und ein weiterer Case Manager beim Diakonischen Werk Talheim eingestellt:');
    expect(text).toContain('eine weitere Case-Management-Fachkraft beim Caritasverband für den Landkreis Talheim e. V. eingestellt:');
  });
  test('a Markt is masculine: "mit dem Markt", "im Markt"', async () => {
    const text = await next();
    expect(text).toContain('mit dem Markt Oberried (18.01.2022) und der Gemeinde Mühlbach (02.03.2022) geschlossen.');
    expect(text).toContain('Am 22.03.2022 fand im Markt Oberried eine Auftaktveranstaltung');
  });
  test('a further group (Koordinierungsgruppe) in its module\'s section, each sentence naming it, counted among its own meetings', async () => {
    const text = await next();
    expect(text).toContain(
      'Die Koordinierungsgruppe traf sich am 25.01.2022 zu ihrer konstituierenden Sitzung. Beim zweiten Sitzungstermin der Koordinierungsgruppe am 15.03.2022 wurde die Fallzuweisung zwischen den Trägern abgestimmt.',
    );
    expect(text.indexOf('Die Koordinierungsgruppe traf sich')).toBeGreaterThan(text.indexOf('### Besetzung der Personalstellen des rechtskreisübergreifenden Case Managements'));
    expect(text.indexOf('Die Koordinierungsgruppe traf sich')).toBeLessThan(text.indexOf('### Personelle Besetzung der Zusammenarbeit der Ausländerbehörde'));
    const masculine = await next((d) => {
      d.programme.groups = [{ id: 'koordinierungsgruppe', name: 'Arbeitskreis Träger', genitive: 'des Arbeitskreises Träger', genus: 'masculine', module: 'modul-3' }];
      d.meetings.groupMeetings!.push({ id: 'kg-2022-04-12', group: 'koordinierungsgruppe', date: '2022-04-12', kind: 'ordentlich' });
    });
    expect(masculine).toContain(
      'Der Arbeitskreis Träger traf sich am 25.01.2022 zu seiner konstituierenden Sitzung. Beim zweiten Sitzungstermin des Arbeitskreises Träger am 15.03.2022 wurde die Fallzuweisung zwischen den Trägern abgestimmt. Am 12.04.2022 traf sich der Arbeitskreis Träger zu seinem dritten Sitzungstermin.',
    );
    expect(masculine.indexOf('Der Arbeitskreis Träger')).toBeGreaterThan(masculine.indexOf('(Modul III)'));
    // A module with nothing else to report at the Stand is still shown for its group's meetings.
    const unplanned = await next((d) => {
      d.programme.groups![0]!.module = 'modul-3';
      d.programme.modules[2]!.plannedFte = [];
      d.staff = d.staff.filter((s) => s.module !== 'modul-3');
    });
    expect(unplanned).toContain('(Modul III) und aktueller Stand ihrer Arbeit\n\nFür das Modul III ist zum 30.04.2022 noch kein Stellenumfang geplant.\n\nDie Koordinierungsgruppe traf sich am 25.01.2022');
    // Meetings before the previous Stand are not the period's: the first report has none.
    expect(await first()).not.toContain('Koordinierungsgruppe');
  });
  test('a successor is not "eine weitere": "weitere" only beside a colleague still employed on the day', async () => {
    const successor = (end: string | undefined) => (d: Dataset) => {
      const va = d.staff.find((s) => s.id === 'va-1')!;
      if (end) va.end = end;
      d.staff.push({ id: 'va-2', name: 'Nina Roth', gender: 'w', role: 'assistenz', module: 'modul-1', fte: 0.5, employer: 'landratsamt', start: '2022-02-01' });
    };
    const replaced = await next(successor('2022-01-31'));
    expect(replaced).toContain('Seit dem 01.02.2022 unterstützt eine Verwaltungsassistentin mit einer halben Vollzeitstelle die Koordinierung;');
    expect(replaced).toContain('Zum 31.01.2022 ist die Verwaltungsassistenzkraft ausgeschieden.');
    const added = await next(successor(undefined));
    expect(added).toContain('Seit dem 01.02.2022 unterstützt eine weitere Verwaltungsassistentin mit einer halben Vollzeitstelle die Koordinierung;');
    // Leaving on the day the other starts overlaps by one day, but the list of who is in post at the Stand
    // no longer names the first: not "eine weitere" after someone the list does not name.
    expect(await next(successor('2022-02-01'))).toContain('Seit dem 01.02.2022 unterstützt eine Verwaltungsassistentin');
  });
  test('Vollzeitstellen, a plan with parts, one post with its article and without a number', async () => {
    const text = await next();
    expect(text).toContain('Die für das Modul I einzurichtenden 1,5 Vollzeitstellen (davon eine Vollzeitstelle strategische Koordinierung und 0,5 Vollzeitstellen Verwaltungsassistenz)');
    expect(text).toContain('Die für das Modul III einzurichtende Vollzeitstelle mit einer jährlichen Förderung von 55.000 € je Vollzeitstelle wurde bisher');
  });
});

describe('a Stadt whose case managers serve Stadtteile (organisation.yaml municipalityWord)', () => {
  const stadt = (d: Dataset) => {
    d.organisation.body = { id: 'stadt-talheim', name: 'Stadt Talheim', in: 'in der Stadt Talheim', dative: 'der Stadt Talheim', genitive: 'der Stadt Talheim' };
    d.organisation.municipalityWord = { singular: 'Stadtteil', plural: 'Stadtteile', genus: 'masculine', pluralDative: 'Stadtteilen' };
    d.organisation.municipalities = d.organisation.municipalities.map((m) => ({ ...m, type: 'Stadtteil', genus: 'masculine' as const }));
  };
  test('no "kreisangehörigen Kommunen", and every form of the word inflected for its genus', async () => {
    const text = await next(stadt);
    expect(text).not.toMatch(/Kommune|kreisangehörig/);
    expect(text).toContain('Inzwischen wurden für folgende Stadtteile eine weitere Case Managerin');
    expect(text).toContain('Außerdem wurde für folgenden Stadtteil eine weitere Case-Management-Fachkraft');
    expect(text).toContain('Für die enge Verzahnung der Zusammenarbeit zwischen der Stadt Talheim und den Stadtteilen wurden Kooperationsvereinbarungen geschlossen');
    expect(text).toContain('mit dem Stadtteil Oberried (18.01.2022)');
    const firstText = await first(stadt);
    expect(firstText).toContain('Betreut werden folgende Stadtteile:');
    expect(firstText).not.toMatch(/Kommune|kreisangehörig/);
  });
  test('one Stadtteil served, a hire not yet assigned, and the section of its own without a case-management module', async () => {
    const one = await first((d) => {
      stadt(d);
      d.assignments = [{ staff: 'cm-1', municipalities: ['talheim'], from: '2021-08-01' }];
    });
    expect(one).toContain('Betreut wird folgender Stadtteil:');
    expect(one).toContain('noch keinem Stadtteil zugeordnet, seit dem 01.08.21');
    const own = await next((d) => {
      stadt(d);
      d.programme.modules[1]!.kind = 'other';
    });
    expect(own).toContain('### Zusammenarbeit mit den Stadtteilen\n');
  });
});
