/**
 * A module's section and its row in the overview (src/model/module-model.ts), each test one changed fact of
 * invented data and the sentence or figure a reader would see change.
 */
import { describe, expect, test } from 'vitest';
import type { Dataset, StaffMember } from '../../src/model/types.js';
import { FOLLOW_UP, FOLLOW_UP_DIR, renderWith, TALHEIM_DIR, TALHEIM_FIRST, TALHEIM_NEXT } from '../support/example.js';

const staff = (d: Dataset, id: string): StaffMember => d.staff.find((s) => s.id === id)!;
const followUpWith = (change: (d: Dataset) => void): Promise<string> => renderWith(change, FOLLOW_UP, FOLLOW_UP_DIR);
const talheimNextWith = (change: (d: Dataset) => void): Promise<string> => renderWith(change, TALHEIM_NEXT, TALHEIM_DIR);
const plan = (d: Dataset, id: string) => d.programme.modules.find((m) => m.id === id)!.plannedFte;

describe('the overview', () => {
  test('more posts filled than planned: none open, not a negative number', async () => {
    const text = await followUpWith((d) => (plan(d, 'modul-2')[1]!.fte = 14));
    expect(text).toContain('| Modul 2 – Case-Management | 14 | 14,5 | 0 | 770.000 € |');
  });
});

describe('hires', () => {
  test('two hired in one group, one part-time: "mit zusammen" their posts, both start days', async () => {
    const text = await followUpWith((d) => d.staff.push({ ...staff(d, 'cm-ukraine'), id: 'cm-ukraine-2', name: 'Hannelore Quistorp', fte: 0.5, start: '2022-05-02' }));
    expect(text).toContain('Außerdem wurden zum 01.04.2022 und zum 02.05.2022 zwei weitere Case Managerinnen für die Beratung Geflüchteter aus der Ukraine mit zusammen 1,5 VZÄ bei der Kreisverwaltung eingestellt.');
  });
  test('someone who started on the previous Stand is no hire: counted "zum damaligen Zeitpunkt"', async () => {
    const text = await followUpWith((d) => (staff(d, 'cm-eitorf').start = '2022-03-01'));
    expect(text).toContain('die Case Managerin der Stadt Troisdorf sowie die zehn Case Managerinnen und Case Manager der Kreisverwaltung eingestellt.');
    expect(text).not.toContain('Gemeinde Eitorf seit dem');
  });
});

describe('who serves other municipalities', () => {
  test('an assignment ending on the previous Stand: the move is told from the day after', async () => {
    const text = await followUpWith((d) => {
      d.assignments = d.assignments.filter((a) => a.staff !== 'cm-meckenheim');
      d.assignments.push({ staff: 'cm-meckenheim', municipalities: ['meckenheim'], from: '2021-10-15' }, { staff: 'cm-meckenheim', municipalities: ['rheinbach'], from: '2021-10-15', to: '2022-03-01' });
    });
    expect(text).toContain('Der bisher für die Stadt Meckenheim und die Stadt Rheinbach zuständige Case Manager ist seit dem 02.03.2022 nur noch für die Stadt Meckenheim zuständig.');
  });
  test('one of two municipalities exchanged for another: a move, told with both now served', async () => {
    const text = await followUpWith((d) => {
      d.assignments.find((a) => a.staff === 'cm-meckenheim')!.to = '2022-04-30';
      d.assignments.push({ staff: 'cm-meckenheim', municipalities: ['meckenheim', 'swisttal'], from: '2022-05-01' });
    });
    expect(text).toContain('Der bisher für die Stadt Meckenheim und die Stadt Rheinbach zuständige Case Manager ist seit dem 01.05.2022 für die Stadt Meckenheim und die Gemeinde Swisttal zuständig.');
  });

  test('someone who served no municipality before: named by their start, the municipality not "zusätzlich"', async () => {
    const text = await followUpWith((d) => (d.assignments.find((a) => a.staff === 'cm-lohmar')!.from = '2022-04-01'));
    expect(text).toContain('Der zum 01.02.2022 eingestellte Case Manager ist seit dem 01.04.2022 für die Stadt Lohmar zuständig.');
  });
});

describe('a module where nothing changed', () => {
  test('a plan change alone is a change: the staffing is not called unchanged', async () => {
    const text = await talheimNextWith((d) => plan(d, 'modul-1').push({ from: '2022-04-01', fte: 2 }));
    expect(text).not.toContain('unverändert besetzt');
  });

  test('nobody in post is not "unverändert besetzt"', async () => {
    const text = await talheimNextWith((d) => (d.staff = d.staff.filter((s) => s.module !== 'modul-1')));
    expect(text).not.toContain('unverändert besetzt');
    expect(text).toContain('sind bisher nicht besetzt.');
  });
});

describe('who left', () => {
  /** The 16.03.2022 Vorlage with a third Case Managerin for frühkindliche Sprachförderung. */
  const threeAlike = (change: (d: Dataset) => void) =>
    renderWith((d) => {
      d.staff.push({ ...staff(d, 'm2-sprache-1'), id: 'm2-sprache-3', name: 'Wiebke Tammen' });
      change(d);
    });

  test('two of three called the same leaving on one day: "zwei der drei"', async () => {
    const text = await threeAlike((d) => {
      staff(d, 'm2-sprache-1').end = '2022-01-31';
      staff(d, 'm2-sprache-2').end = '2022-01-31';
    });
    expect(text).toContain('Zum 31.01.2022 sind zwei der drei Case Managerinnen für frühkindliche Sprachförderung ausgeschieden.');
  });

  test('one of three men called the same: "einer der drei Case Manager"', async () => {
    const text = await threeAlike((d) => {
      for (const id of ['m2-sprache-1', 'm2-sprache-2', 'm2-sprache-3']) staff(d, id).gender = 'm';
      staff(d, 'm2-sprache-2').end = '2022-01-31';
    });
    expect(text).toContain('Zum 31.01.2022 ist einer der drei Case Manager für frühkindliche Sprachförderung ausgeschieden.');
  });

  test('someone who started on the previous Stand and left since was in post then: not "bereits wieder ausgeschieden"', async () => {
    const text = await followUpWith((d) => (staff(d, 'cm-neunkirchen').end = '2022-04-30'));
    expect(text).toContain('Zum 30.04.2022 ist die Case Managerin für die Gemeinde Neunkirchen-Seelscheid und die Gemeinde Much ausgeschieden.');
  });

  test('hired and gone on the same day is still told', async () => {
    const text = await followUpWith((d) => (staff(d, 'cm-ruppichteroth').end = '2022-04-15'));
    expect(text).toContain('Die zum 15.04.2022 eingestellte Case Managerin für die Gemeinde Ruppichteroth ist zum 15.04.2022 bereits wieder ausgeschieden.');
  });

  test('a leaver whose assignments ended before their last day is named by the latest of them', async () => {
    const text = await followUpWith((d) => {
      d.assignments = d.assignments.filter((a) => a.staff !== 'cm-windeck');
      d.assignments.push({ staff: 'cm-windeck', municipalities: ['windeck'], from: '2021-10-15', to: '2022-03-31' }, { staff: 'cm-windeck', municipalities: ['siegburg'], from: '2022-04-01', to: '2022-04-20' });
    });
    expect(text).toContain('Zum 30.04.2022 ist die Case Managerin für die Stadt Siegburg ausgeschieden.');
  });
});

describe('the decision that founded a plan', () => {
  const decision = { name: 'Beschluss des Kreistages', date: '2021-11-01', reference: '088/21' };

  test('taken on the Stand day, it is cited; the first plan period by date, wherever the data lists it', async () => {
    const text = await renderWith(
      (d) => {
        const periods = plan(d, 'modul-1');
        periods[0]!.decision = decision;
        periods.unshift({ from: '2022-07-01', fte: 2 });
      },
      TALHEIM_FIRST,
      TALHEIM_DIR,
    );
    expect(text).toContain('Mit Beschluss des Kreistages vom 01.11.2021 (Vorlage 088/21) wurde der Stellenumfang für das Modul I zum 01.07.2021 auf 1,5 Vollzeitstellen festgelegt.');
  });
});

describe('whether a case-management module had personnel changes', () => {
  /** The follow-up without its hires and with Windeck's case manager still in post: nothing changed in Modul 2. */
  const quiet = (d: Dataset): void => {
    const hiredLater = new Set(['cm-eitorf', 'cm-siegburg', 'cm-troisdorf-2', 'cm-ukraine', 'cm-ruppichteroth']);
    d.staff = d.staff.filter((s) => !hiredLater.has(s.id));
    delete staff(d, 'cm-windeck').end;
    delete d.assignments.find((a) => a.staff === 'cm-windeck')!.to;
  };
  const CHANGED = 'haben sich folgende personelle Veränderungen im Modul 2 ergeben.';

  test('a leaver alone is a change', async () => {
    const text = await followUpWith((d) => {
      quiet(d);
      staff(d, 'cm-windeck').end = '2022-04-30';
    });
    expect(text).toContain(CHANGED);
  });

  test('a changed post alone is a change', async () => {
    const text = await followUpWith((d) => {
      quiet(d);
      staff(d, 'cm-lohmar').fteChanges = [{ from: '2022-05-01', fte: 0.5 }];
    });
    expect(text).toContain(CHANGED);
  });

  test('a hire alone is a change', async () => {
    const text = await followUpWith((d) => {
      quiet(d);
      d.staff.push({ ...staff(d, 'cm-lohmar'), id: 'cm-neu', name: 'Wiebke Tammen', start: '2022-05-02' });
    });
    expect(text).toContain(CHANGED);
  });
});
