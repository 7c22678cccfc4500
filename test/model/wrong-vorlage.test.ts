/**
 * Issue 23: changes to the model that once passed every test, each one a wrong Vorlage. Every test here
 * changes one fact of invented data (the Rhein-Sieg-Kreis's follow-up, test/fixtures/rsk-follow-up, or the
 * Landkreis Talheim) and reads the sentence a committee member would read.
 */
import { describe, expect, test } from 'vitest';
import type { Dataset, StaffMember } from '../../src/model/types.js';
import { FOLLOW_UP, FOLLOW_UP_DIR, renderWith, TALHEIM_DIR, TALHEIM_NEXT } from '../support/example.js';

const staff = (d: Dataset, id: string): StaffMember => d.staff.find((s) => s.id === id)!;
/** The follow-up Vorlage of 22.06.2022 (Stand 01.06.2022, previous Stand 01.03.2022, previous session 16.03.2022). */
const followUpWith = (change: (d: Dataset) => void): Promise<string> => renderWith(change, FOLLOW_UP, FOLLOW_UP_DIR);
const module2Plan = (d: Dataset) => d.programme.modules.find((m) => m.id === 'modul-2')!.plannedFte;
const module1Plan = (d: Dataset) => d.programme.modules.find((m) => m.id === 'modul-1')!.plannedFte;

describe('plan changes', () => {
  test('a cut in planned posts is "verringert", not "erhöht"', async () => {
    const text = await followUpWith((d) => (module2Plan(d)[1]!.fte = 8));
    expect(text).toContain('wurde der Stellenumfang für das Modul 2 zum 01.04.2022 von 12 auf 8 VZÄ verringert.');
    expect(text).not.toContain('auf 8 VZÄ erhöht');
  });

  test('a plan change taking effect on the Stand day is told as done, with its date', async () => {
    const text = await followUpWith((d) => (module1Plan(d)[1]!.from = '2022-06-01'));
    expect(text).toContain('Zum 01.06.2022 wurde der Stellenumfang für das Modul 1 von 3,5 auf 5 VZÄ erhöht.');
  });
});

describe('who left', () => {
  test('a leaver whose last day is the Stand is told: events up to and including the Stand count', async () => {
    const text = await followUpWith((d) => {
      staff(d, 'cm-windeck').end = '2022-06-01';
      d.assignments.find((a) => a.staff === 'cm-windeck')!.to = '2022-06-01';
    });
    expect(text).toContain('Zum 01.06.2022 ist die Case Managerin für die Gemeinde Windeck ausgeschieden.');
  });
});

describe('who serves other municipalities', () => {
  test('an assignment ending on 28 February: the move is told from 1 March, whatever the year', async () => {
    const text = await followUpWith((d) => {
      // The previous Stand before the end of February, so the change falls in the period.
      d.reports.find((r) => r.id === '2022-03-16-kim-sachstand')!.stand = '2022-02-15';
      d.assignments = d.assignments.filter((a) => a.staff !== 'cm-meckenheim');
      d.assignments.push({ staff: 'cm-meckenheim', municipalities: ['meckenheim'], from: '2021-10-15' }, { staff: 'cm-meckenheim', municipalities: ['rheinbach'], from: '2021-10-15', to: '2022-02-28' });
    });
    expect(text).toContain('Der bisher für die Stadt Meckenheim und die Stadt Rheinbach zuständige Case Manager ist seit dem 01.03.2022 nur noch für die Stadt Meckenheim zuständig.');
  });

  test('two changes in the period: "seit" the latest', async () => {
    const text = await followUpWith((d) => {
      d.assignments = d.assignments.filter((a) => a.staff !== 'cm-meckenheim');
      d.assignments.push(
        { staff: 'cm-meckenheim', municipalities: ['meckenheim', 'rheinbach'], from: '2021-10-15', to: '2022-03-31' },
        { staff: 'cm-meckenheim', municipalities: ['meckenheim'], from: '2022-04-01', to: '2022-04-30' },
        { staff: 'cm-meckenheim', municipalities: ['swisttal'], from: '2022-05-01' },
      );
    });
    expect(text).toContain('Der bisher für die Stadt Meckenheim und die Stadt Rheinbach zuständige Case Manager ist seit dem 01.05.2022 für die Gemeinde Swisttal zuständig.');
  });
});

describe('changed posts', () => {
  test('two changes of a post in the period: "seit" the latest', async () => {
    const text = await followUpWith((d) => (staff(d, 'cm-lohmar').fteChanges = [{ from: '2022-04-01', fte: 0.75 }, { from: '2022-05-01', fte: 0.5 }]));
    expect(text).toContain('Der Case Manager für die Stadt Lohmar arbeitet seit dem 01.05.2022 mit 0,5 VZÄ (bisher 1 VZÄ).');
  });

  test('a post changed on the Stand day is told with that date', async () => {
    const text = await followUpWith((d) => (staff(d, 'cm-lohmar').fteChanges = [{ from: '2022-06-01', fte: 0.5 }]));
    expect(text).toContain('Der Case Manager für die Stadt Lohmar arbeitet seit dem 01.06.2022 mit 0,5 VZÄ (bisher 1 VZÄ).');
  });
});

describe('hiring statements', () => {
  const third = (d: Dataset): void => {
    d.staff.push({ ...staff(d, 'm1-gs-links'), id: 'm1-gs-mitte', name: 'Wiebke Tammen' });
  };

  test('three hired on one day: "Alle drei", not "Beide"', async () => {
    const text = await renderWith(third);
    expect(text).toContain('Am 10.01.2022 wurden drei weitere Mitarbeitende bei der Kreisverwaltung in der KIM-Koordinierung eingestellt. Alle drei fungieren als Geschäftsstelle');
  });

  test('a role without a statement: "wurden" for two, "wurde" for one', async () => {
    const text = await renderWith((d) => delete d.programme.roles.find((r) => r.id === 'kim-koordinierung')!.statement);
    expect(text).toContain('Am 10.01.2022 wurden zwei weitere Mitarbeitende bei der Kreisverwaltung eingestellt.');
    const one = await renderWith((d) => {
      delete d.programme.roles.find((r) => r.id === 'kim-koordinierung')!.statement;
      d.staff = d.staff.filter((s) => s.id !== 'm1-gs-rechts');
    });
    expect(one).toContain('Am 10.01.2022 wurde eine weitere Mitarbeiterin bei der Kreisverwaltung eingestellt.');
  });

  test('one person with a neuter role noun is "es"', async () => {
    const text = await followUpWith((d) => {
      staff(d, 'm1-assistenz').gender = 'd';
      const forms = d.programme.roles.find((r) => r.id === 'verwaltungsassistenz')!.forms;
      forms.d = 'Verwaltungsteammitglied';
      forms.neutralGenus = 'neuter';
    });
    expect(text).toContain('Zum 01.05.2022 wurde ein Verwaltungsteammitglied mit 0,5 VZÄ bei der Kreisverwaltung eingestellt; es unterstützt die Geschäftsstelle.');
  });
});

describe('hires serving municipalities', () => {
  test('one person for two municipalities: "folgende Kommunen"', async () => {
    const text = await followUpWith((d) => (d.assignments.find((a) => a.staff === 'cm-troisdorf-2')!.municipalities = ['troisdorf', 'lohmar']));
    expect(text).toContain('Zudem wurde für folgende Kommunen ein weiterer Case Manager in der Stadt Troisdorf eingestellt:');
  });
});

describe('cooperation agreements', () => {
  test('one agreement between the previous Stand and the previous session: not "seit der letzten Ausschusssitzung"', async () => {
    const text = await followUpWith((d) => d.meetings.cooperationAgreements!.push({ id: 'kv-much', municipality: 'much', date: '2022-03-10' }));
    expect(text).not.toContain('Seit der Ausschusssitzung am 16.03.2022 wurde');
    expect(text).toContain('mit der Gemeinde Much (10.03.2022)');
  });
});

describe("a group's meetings", () => {
  test('a meeting before the previous Stand is not told again', async () => {
    const text = await renderWith((d) => d.meetings.groupMeetings!.push({ id: 'kg-alt', group: 'koordinierungsgruppe', date: '2021-10-05', kind: 'ordentlich', outcome: 'wurde der Auftakt geplant' }), TALHEIM_NEXT, TALHEIM_DIR);
    expect(text).not.toContain('05.10.2021');
    expect(text).not.toContain('wurde der Auftakt geplant');
  });
});
