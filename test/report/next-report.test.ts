/**
 * The next Vorlage of the Rhein-Sieg-Kreis (test/fixtures/rsk-follow-up, invented data after 16.03.2022):
 * each sentence a clerk would check, and how it changes when one fact of the data changes.
 */
import { describe, expect, test } from 'vitest';
import { checkData } from '../../src/api.js';
import type { Dataset } from '../../src/model/types.js';
import { FOLLOW_UP, FOLLOW_UP_DIR, modelWith, renderWith } from '../support/example.js';

const follow = (mutate?: (d: Dataset) => void) => renderWith(mutate, FOLLOW_UP, FOLLOW_UP_DIR);
const staffOf = (d: Dataset, id: string) => d.staff.find((s) => s.id === id)!;

describe('hires: each announcing sentence is followed by its own list', () => {
  test('one group per employer, role and focus, in order of their first start', async () => {
    const text = await follow();
    expect(text).toContain(
      'Inzwischen wurden eine weitere Case Managerin und ein weiterer Case Manager bei der Kreisverwaltung eingestellt:\n\n1) Gemeinde Eitorf seit dem 01.04.22 (0,5 VZÄ)\n2) noch keiner Kommune zugeordnet, seit dem 01.06.22\n\n',
    );
    expect(text).toContain('\n\nAußerdem wurde zum 01.04.2022 eine weitere Case Managerin für die Beratung Geflüchteter aus der Ukraine bei der Kreisverwaltung eingestellt.\n\n');
    expect(text).toContain('\n\nZudem wurde zum 01.05.2022 ein weiterer Case Manager in der Stadt Troisdorf eingestellt.\n\n');
  });

  test('moving a hire to another employer moves it into that employer\'s sentence and list', async () => {
    const text = await follow((d) => (staffOf(d, 'cm-troisdorf-2').employer = 'kreisverwaltung'));
    expect(text).toContain('Inzwischen wurden eine weitere Case Managerin und zwei weitere Case Manager bei der Kreisverwaltung eingestellt:');
    expect(text).toContain('1) Gemeinde Eitorf seit dem 01.04.22 (0,5 VZÄ)\n2) Stadt Troisdorf seit dem 01.05.22\n3) noch keiner Kommune zugeordnet, seit dem 01.06.22');
    expect(text).not.toContain('in der Stadt Troisdorf eingestellt:');
  });

  test('a hire before the previous Stand is not new, and counts "zum damaligen Zeitpunkt"', async () => {
    const text = await follow((d) => {
      staffOf(d, 'cm-eitorf').start = '2022-02-15';
      d.assignments.find((a) => a.staff === 'cm-eitorf')!.from = '2022-02-15';
    });
    expect(text).toContain('Inzwischen wurde zum 01.04.2022 eine weitere Case Managerin für die Beratung Geflüchteter aus der Ukraine bei der Kreisverwaltung eingestellt.');
    expect(text).toContain('Zudem wurde ein weiterer Case Manager bei der Kreisverwaltung eingestellt:\n\n1) noch keiner Kommune zugeordnet, seit dem 01.06.22');
    expect(text).toContain('sowie die zehn Case Managerinnen und Case Manager der Kreisverwaltung eingestellt.');
  });

  test('a part-time hire shows its share; a full-time one does not', async () => {
    expect(await follow()).toContain('1) Gemeinde Eitorf seit dem 01.04.22 (0,5 VZÄ)');
    expect(await follow((d) => (staffOf(d, 'cm-eitorf').fte = 1))).toContain('1) Gemeinde Eitorf seit dem 01.04.22\n');
  });
  test('a part-time hire without a list says its share in the sentence', async () => {
    expect(await follow()).toContain('Außerdem wurde zum 01.04.2022 eine weitere Case Managerin für die Beratung Geflüchteter aus der Ukraine bei der Kreisverwaltung eingestellt.');
    const text = await follow((d) => (staffOf(d, 'cm-ukraine').fte = 0.5));
    expect(text).toContain('Außerdem wurde zum 01.04.2022 eine weitere Case Managerin für die Beratung Geflüchteter aus der Ukraine mit 0,5 VZÄ bei der Kreisverwaltung eingestellt.');
  });

  test('a case manager without a municipality reads well and is a validation warning', async () => {
    expect(await follow()).toContain('2) noch keiner Kommune zugeordnet, seit dem 01.06.22');
    const { validation } = await checkData({ dataDir: FOLLOW_UP_DIR });
    const warning = validation.diagnostics.find((d) => d.message.includes('"cm-siegburg"'));
    expect(warning).toMatchObject({ severity: 'warning', file: 'staff.yaml', path: 'staff[18].id' });
  });
});

describe('a module without changes', () => {
  test('says so, and who is still in post', async () => {
    const text = await follow((d) => {
      const hiredLater = new Set(['cm-eitorf', 'cm-siegburg', 'cm-troisdorf-2', 'cm-ukraine', 'cm-ruppichteroth']);
      d.staff = d.staff.filter((s) => !hiredLater.has(s.id));
      delete staffOf(d, 'cm-windeck').end;
      delete d.assignments.find((a) => a.staff === 'cm-windeck')!.to;
    });
    expect(text).toContain(
      'Seit der Ausschusssitzung am 16.03.2022 haben sich im Modul 2 keine personellen Veränderungen ergeben. Eingestellt sind weiterhin eine Mitarbeiterin in der Koordination des Case Managements, zwei Case Managerinnen für frühkindliche Sprachförderung, die Case Managerin der Stadt Troisdorf sowie die neun Case Managerinnen und Case Manager der Kreisverwaltung.',
    );
    expect(text).not.toContain('Zum damaligen Zeitpunkt');
  });
});

describe('leavers', () => {
  test('named with the date and the municipalities they served', async () => {
    expect(await follow()).toContain('Zum 30.04.2022 ist die Case Managerin für die Gemeinde Windeck ausgeschieden.');
  });
  test('someone hired and gone between two reports does not vanish', async () => {
    expect(await follow()).toContain('Die zum 15.04.2022 eingestellte Case Managerin für die Gemeinde Ruppichteroth ist zum 31.05.2022 bereits wieder ausgeschieden.');
  });
  test('a man leaving is "der Case Manager"', async () => {
    const text = await follow((d) => (staffOf(d, 'cm-windeck').gender = 'm'));
    expect(text).toContain('Zum 30.04.2022 ist der Case Manager für die Gemeinde Windeck ausgeschieden.');
  });
  test('a leaver of another employer names it, a leaver in the strategic module is told there', async () => {
    const text = await follow((d) => (staffOf(d, 'm1-troisdorf').end = '2022-05-15'));
    expect(text).toContain('Zum 15.05.2022 ist die Koordinatorin der Stadt Troisdorf ausgeschieden.');
    expect(text).not.toContain('Zum 01.08.2021 wurde in der Stadt Troisdorf eine Koordinatorin eingestellt');
  });
});

describe('a case manager moved to other municipalities', () => {
  const moveKoenigswinter = (d: Dataset, next: string[] | null) => {
    const old = d.assignments.find((a) => a.staff === 'cm-koenigswinter')!;
    old.to = '2022-04-30';
    if (next) d.assignments.push({ staff: 'cm-koenigswinter', municipalities: next, from: '2022-05-01' });
  };
  test('is told with the municipalities before and after, and the day of the change', async () => {
    const text = await follow((d) => moveKoenigswinter(d, ['koenigswinter', 'siegburg']));
    expect(text).toContain(
      '\n\nDie bisher für die Stadt Königswinter, die Stadt Bad Honnef und die Stadt Hennef zuständige Case Managerin ist seit dem 01.05.2022 für die Stadt Königswinter und die Stadt Siegburg zuständig.\n\n',
    );
  });
  test('an assignment ended without a new one: "keiner Kommune mehr zugeordnet" from the day after', async () => {
    const text = await follow((d) => moveKoenigswinter(d, null));
    expect(text).toContain('Die bisher für die Stadt Königswinter, die Stadt Bad Honnef und die Stadt Hennef zuständige Case Managerin ist seit dem 01.05.2022 keiner Kommune mehr zugeordnet.');
  });
  test('… in the body\'s own word for its units ("keinem Stadtteil mehr")', async () => {
    const text = await follow((d) => {
      moveKoenigswinter(d, null);
      d.organisation.municipalityWord = { singular: 'Stadtteil', plural: 'Stadtteile', genus: 'masculine' };
    });
    expect(text).toContain('zuständige Case Managerin ist seit dem 01.05.2022 keinem Stadtteil mehr zugeordnet.');
  });
  test('the same municipalities in another order are no move, and a module with only a move has changes', async () => {
    expect(await follow((d) => moveKoenigswinter(d, ['hennef', 'koenigswinter', 'bad-honnef']))).not.toContain('zuständige Case Managerin ist seit');
    const onlyMove = await follow((d) => {
      const hiredLater = new Set(['cm-eitorf', 'cm-siegburg', 'cm-troisdorf-2', 'cm-ukraine', 'cm-ruppichteroth']);
      d.staff = d.staff.filter((s) => !hiredLater.has(s.id));
      d.assignments = d.assignments.filter((a) => !hiredLater.has(a.staff));
      delete staffOf(d, 'cm-windeck').end;
      delete d.assignments.find((a) => a.staff === 'cm-windeck')!.to;
      moveKoenigswinter(d, ['siegburg']);
    });
    expect(onlyMove).toContain('haben sich folgende personelle Veränderungen im Modul 2 ergeben.');
    expect(onlyMove).toContain('ist seit dem 01.05.2022 für die Stadt Siegburg zuständig.');
  });
});

describe('a post changed from 1,0 to 0,5 VZÄ', () => {
  const reduce = (d: Dataset, id: string) => (staffOf(d, id).fteChanges = [{ from: '2022-05-01', fte: 0.5 }]);
  test('is told in the module, counts in the overview from its day on, and leaves the earlier Vorlage as it was', async () => {
    const text = await follow((d) => reduce(d, 'cm-lohmar'));
    expect(text).toContain('\n\nDer Case Manager für die Stadt Lohmar arbeitet seit dem 01.05.2022 mit 0,5 VZÄ (bisher 1 VZÄ).\n\n');
    expect(text).toContain('| Modul 2 – Case-Management | 16 | 14 | 2 | 880.000 € |');
    const before = await modelWith((d) => reduce(d, 'cm-lohmar'), '2022-03-16-kim-sachstand', FOLLOW_UP_DIR);
    expect(before.modules.find((m) => m.id === 'modul-2')!.filledFte).toBe(12);
  });
  test('someone named without municipalities is told apart by their start', async () => {
    const text = await follow((d) => reduce(d, 'm1-gs-rechts'));
    expect(text).toContain('Der zum 10.01.2022 eingestellte Mitarbeiter arbeitet seit dem 01.05.2022 mit 0,5 VZÄ (bisher 1 VZÄ).');
    expect(text).toContain('| Modul 1 – Strategisches kommunales Integrationsmanagement | 5 | 4,5 | 0,5 | 275.000 € |');
  });
  test('a change before the previous Stand is not told again', async () => {
    const text = await follow((d) => (staffOf(d, 'cm-lohmar').fteChanges = [{ from: '2022-02-15', fte: 0.5 }]));
    expect(text).not.toContain('arbeitet seit dem');
  });
});

describe('role sentences', () => {
  test('a man hired as Mitarbeiter gets "Er fungiert", a woman "Sie fungiert"', async () => {
    expect(await follow()).toContain('Am 01.04.2022 wurde ein weiterer Mitarbeiter bei der Kreisverwaltung in der KIM-Koordinierung eingestellt. Er fungiert als Geschäftsstelle');
    const text = await follow((d) => (staffOf(d, 'm1-gs-3').gender = 'w'));
    expect(text).toContain('Am 01.04.2022 wurde eine weitere Mitarbeiterin bei der Kreisverwaltung in der KIM-Koordinierung eingestellt. Sie fungiert als Geschäftsstelle');
  });
  test('a first Verwaltungsassistentin is not "eine weitere"; a second one is', async () => {
    expect(await follow()).toContain('Zum 01.05.2022 wurde eine Verwaltungsassistentin mit 0,5 VZÄ bei der Kreisverwaltung eingestellt; sie unterstützt die Geschäftsstelle.');
    const text = await follow((d) => d.staff.push({ ...staffOf(d, 'm1-assistenz'), id: 'm1-assistenz-2', name: 'Eva Quandtmeyer', gender: 'm', start: '2022-05-20' }));
    expect(text).toContain('Zum 20.05.2022 wurde ein weiterer Verwaltungsassistent mit 0,5 VZÄ bei der Kreisverwaltung eingestellt; er unterstützt die Geschäftsstelle.');
  });
  test('a successor of someone who has left is not "eine weitere"; a hire beside a colleague still in post is', async () => {
    const successor = (end: string | undefined) =>
      follow((d) => {
        const troisdorf = staffOf(d, 'm1-troisdorf');
        if (end) troisdorf.end = end;
        d.staff.push({ ...troisdorf, id: 'm1-troisdorf-2', name: 'Ina Feldhaus', end: undefined, start: '2022-05-01' });
        delete d.staff.at(-1)!.end;
      });
    const after = await successor('2022-04-30');
    expect(after).toContain('Zum 01.05.2022 wurde in der Stadt Troisdorf eine Koordinatorin eingestellt, die für den KIM-Prozess in dieser Kommune verantwortlich ist.');
    // Beside her successor, the one who left is named by her start.
    expect(after).toContain('Zum 30.04.2022 ist die zum 01.08.2021 eingestellte Koordinatorin der Stadt Troisdorf ausgeschieden.');
    const beside = await successor(undefined);
    expect(beside).toContain('Zum 01.05.2022 wurde in der Stadt Troisdorf eine weitere Koordinatorin eingestellt');
    // Beside her for a month, gone by the Stand: the list of who is in post does not name the first, so
    // the second is not "eine weitere" there.
    const handover = await successor('2022-05-31');
    expect(handover).toContain('Zum 01.05.2022 wurde in der Stadt Troisdorf eine Koordinatorin eingestellt');
    expect(handover).toContain('Zum 31.05.2022 ist die zum 01.08.2021 eingestellte Koordinatorin der Stadt Troisdorf ausgeschieden.');
  });
  test('a woman and a man hired together are "eine Koordinatorin und ein Koordinator"', async () => {
    const text = await follow((d) => {
      const troisdorf = staffOf(d, 'm1-troisdorf');
      d.staff.push({ ...troisdorf, id: 'm1-troisdorf-2', name: 'Karl Brzezinski', gender: 'm' });
    });
    expect(text).toContain('Zum 01.08.2021 wurden in der Stadt Troisdorf eine Koordinatorin und ein Koordinator eingestellt, die für den KIM-Prozess in dieser Kommune verantwortlich sind.');
  });
});

describe('the period: steering group, agreements, kick-offs, plan changes', () => {
  test('the third steering-group meeting with its ordinal and outcome, and the text block after it', async () => {
    const text = await follow();
    expect(text).toContain('Beim dritten Sitzungstermin der Lenkungsgruppe am 10.05.2022 wurde die Geschäftsordnung verabschiedet.');
    expect(text).not.toContain('25.11.2021');
    expect(text).toContain('Die verabschiedete Geschäftsordnung ist als Anlage 1 beigefügt.');
  });
  test('the steering group\'s text block is printed even without a meeting or a strategic module to carry it', async () => {
    const text = await follow((d) => {
      d.meetings.steeringGroupMeetings = [];
      d.programme.modules[0]!.kind = 'other';
    });
    expect(text).toContain('### Lenkungsgruppe\n\nDie verabschiedete Geschäftsordnung ist als Anlage 1 beigefügt.');
  });
  test('a meeting without an outcome still makes a sentence', async () => {
    const text = await follow((d) => delete d.meetings.steeringGroupMeetings!.at(-1)!.outcome);
    expect(text).toContain('Am 10.05.2022 traf sich die Lenkungsgruppe zu ihrem dritten Sitzungstermin.');
  });
  test('agreements of the period are named with municipality and date, after the general sentence', async () => {
    expect(await follow()).toContain(
      'Für die enge Verzahnung der Zusammenarbeit zwischen dem Rhein-Sieg-Kreis und den kreisangehörigen Kommunen wurden Kooperationsvereinbarungen geschlossen. Seit der Ausschusssitzung am 16.03.2022 wurde eine weitere Kooperationsvereinbarung mit der Gemeinde Eitorf (28.03.2022) geschlossen.',
    );
  });
  test('an agreement between the previous Stand and the previous session is new, but not "seit der Ausschusssitzung"', async () => {
    const text = await follow((d) => (d.meetings.cooperationAgreements!.find((c) => c.id === 'kv-eitorf')!.date = '2022-03-10'));
    expect(text).toContain('wurden Kooperationsvereinbarungen geschlossen. Seit der letzten Berichterstattung wurde eine weitere Kooperationsvereinbarung mit der Gemeinde Eitorf (10.03.2022) geschlossen.');
    expect(text).not.toContain('seit der Ausschusssitzung am 16.03.2022 mit');
  });
  test('without any agreement the general sentence is not claimed, whatever text blocks there are', async () => {
    const text = await follow((d) => (d.meetings.cooperationAgreements = []));
    expect(text).not.toContain('Kooperationsvereinbarung');
  });
  test('the kick-off event of the period is named', async () => {
    expect(await follow()).toContain('Am 18.05.2022 fand in der Gemeinde Eitorf eine Auftaktveranstaltung mit Vertretungen aus Kommunalverwaltung, Wohlfahrt und Jobcenter Rhein-Sieg statt.');
  });
  test('a plan change of the period names the decision; the sentence follows the figures', async () => {
    const text = await follow();
    expect(text).toContain('Mit Beschluss des Kreistages vom 31.03.2022 (Drucksache KT/0123/2022) wurde der Stellenumfang für das Modul 2 zum 01.04.2022 von 12 auf 16 VZÄ erhöht.');
    expect(text).toContain('Zum 01.04.2022 wurde der Stellenumfang für das Modul 1 von 3,5 auf 5 VZÄ erhöht.');
    const later = await follow((d) => (d.programme.modules[1]!.plannedFte[1]!.from = '2022-07-01'));
    expect(later).toContain('wird der Stellenumfang für das Modul 2 zum 01.07.2022 von 12 auf 16 VZÄ erhöht.');
    expect(later).toContain('| Modul 2 – Case-Management | 12 |');
  });
});

describe('the previous session: one notion, one spelling', () => {
  test('a session of the committee without a KIM report in between is not "die letzte"', async () => {
    const text = await follow();
    expect(text).toContain('seit der Ausschusssitzung am 16.03.2022 und über den aktuellen Sachstand informiert.');
    expect(text).toContain('Bezugnehmend auf die Darstellung in der Ausschusssitzung am 16.03.2022');
    expect(text).not.toContain('04.05.2022');
    expect(text).not.toContain('Ausschuss-Sitzung');
  });
  test('without that session it is "die letzte Ausschusssitzung", in both places', async () => {
    const text = await follow((d) => (d.meetings.sessions = d.meetings.sessions.filter((s) => s.id !== 'asi-2022-05-04')));
    expect(text).toContain('seit der letzten Ausschusssitzung am 16.03.2022 und über');
    expect(text).toContain('Bezugnehmend auf die Darstellung in der letzten Ausschusssitzung am 16.03.2022');
  });
});

describe('the overview "Stellen und Förderung"', () => {
  test('planned, filled, open posts and funding per module and in total', async () => {
    const text = await follow();
    expect(text).toContain('| Modul | geplant (VZÄ) | besetzt (VZÄ) | offen (VZÄ) | Förderung je Jahr |\n| --- | ---: | ---: | ---: | ---: |');
    expect(text).toContain('| Modul 1 – Strategisches kommunales Integrationsmanagement | 5 | 5 | 0 | 275.000 € |');
    expect(text).toContain('| Modul 2 – Case-Management | 16 | 14,5 | 1,5 | 880.000 € |');
    expect(text).toContain('| **Gesamt** | **21** | **19,5** | **1,5** | **1.155.000 €** |');
    expect(text).toContain('Förderung je Vollzeitäquivalent und Jahr 2022: 55.000 €.');
  });
  test('a different rate of the Stand\'s year changes every amount', async () => {
    const text = await follow((d) => (d.programme.fundingRates.find((r) => r.year === 2022)!.amount = 57000));
    expect(text).toContain('| **Gesamt** | **21** | **19,5** | **1,5** | **1.197.000 €** |');
  });
  test('the model has the figures', async () => {
    const model = await modelWith(undefined, FOLLOW_UP, FOLLOW_UP_DIR);
    expect(model.totals).toEqual({ plannedFte: 21, filledFte: 19.5, openFte: 1.5, plannedFunding: 1155000 });
    expect(model.modules.map((m) => [m.id, m.plannedFte, m.filledFte, m.openFte, m.plannedFunding])).toEqual([
      ['modul-1', 5, 5, 0, 275000],
      ['modul-2', 16, 14.5, 1.5, 880000],
    ]);
  });
  test('a report can leave it out (the Rhein-Sieg-Kreis\'s 16.03.2022 Vorlage had none)', async () => {
    const text = await follow((d) => (d.reports.find((r) => r.id === FOLLOW_UP)!.show = { overview: false }));
    expect(text).not.toContain('Stellen und Förderung');
  });
});

describe('modules are data', () => {
  test('a fourth module added by data alone gets its section, its row and its text', async () => {
    const text = await follow((d) => {
      d.programme.modules.push({
        id: 'modul-4',
        number: 4,
        kind: 'other',
        name: 'Integrationslotsen',
        genitive: 'der Integrationslotsen',
        plannedFte: [{ from: '2022-01-01', fte: 2 }],
      });
      d.staff.push({ id: 'lotse-1', gender: 'w', role: 'kim-koordinierung', module: 'modul-4', fte: 1, employer: 'kreisverwaltung', start: '2022-05-02' });
      d.reports.find((r) => r.id === FOLLOW_UP)!.text!.modules!['modul-4'] = { work: 'Die Lotsinnen begleiten Neuzugewanderte.' };
    });
    expect(text).toContain('### Personelle Besetzung der Integrationslotsen (Modul 4) und aktueller Stand ihrer Arbeit');
    expect(text).toContain('Die für das Modul 4 einzurichtenden 2 Vollzeitäquivalente (VZÄ) mit einer jährlichen Förderung von jeweils 55.000 €/VZÄ wurden bisher in folgendem Umfang besetzt: Am 02.05.2022 wurde eine Mitarbeiterin bei der Kreisverwaltung in der KIM-Koordinierung eingestellt.');
    expect(text).toContain('| Modul 4 – Integrationslotsen | 2 | 1 | 1 | 110.000 € |');
    expect(text).toContain('Die Lotsinnen begleiten Neuzugewanderte.');
    expect(text.indexOf('(Modul 4)')).toBeGreaterThan(text.indexOf('(Modul 2)'));
  });
  test('the kind of section is data of the module, not its number', async () => {
    const text = await follow((d) => {
      d.programme.modules[0]!.number = 2;
      d.programme.modules[1]!.number = 1;
    });
    expect(text).toContain('### Besetzung der Personalstellen des Case-Managements (Modul 1) und aktueller Stand ihrer Arbeit');
    expect(text).toContain('(Modul 2), aktueller Stand ihrer Arbeit und der Lenkungsgruppe');
    expect(text.indexOf('(Modul 1)')).toBeLessThan(text.indexOf('(Modul 2)'));
  });
  test('a module of the programme with nothing to report yet stays out', async () => {
    expect(await follow()).not.toContain('Ausländer- und Einbürgerungsbehörden');
  });
});

describe('text blocks keep a safe Markdown subset', () => {
  test('paragraphs, bold and a bullet list from the report file', async () => {
    expect(await follow()).toContain('Seit dem 16.03.2022 haben die Case Managerinnen und Case Manager:\n\n- **412** Einzelfallberatungen durchgeführt,\n- in allen Kommunen Sprechstunden eingerichtet.\n\nSchwerpunkte');
  });
  test('a heading, HTML or a table in a text block print as text', async () => {
    const text = await follow((d) => {
      d.reports.find((r) => r.id === FOLLOW_UP)!.text!.closing = '# Gehackt\n\n<script>x</script> | a | b |';
    });
    expect(text).toContain('\\# Gehackt\n\n\\<script\\>x\\</script\\> \\| a \\| b \\|');
    expect(text.match(/^#+ /gm)).toEqual(['## ', '## ', '### ', '### ', '### ']);
  });
});
