/**
 * How the Vorlage names people (src/model/staff-groups.ts): the noun phrase for a group hired together, its
 * hiring sentence from the role's statement, and one person in a sentence about them. People of the example
 * Kreis laid out here; each test reads the words a committee member reads: "eine weitere", "Beide", "Alle
 * drei", "mit 0,5 VZÄ", "Im September 2021", "der Stadt Troisdorf", "für die Gemeinde Much".
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { indexOf } from '../../src/model/dataset-index.js';
import { describeGroup, describeInPost, formerlyAttribute, groupStaff, hiredAttribute, hireStatement, personPhrase, sumFte, type GroupContext, type StaffGroup } from '../../src/model/staff-groups.js';
import type { Dataset, StaffMember } from '../../src/model/types.js';
import { defaultVocabulary } from '../../src/render/default-vocabulary.js';
import { loadData } from '../support/example.js';
import { staffMember } from '../support/staff-member.js';

let example: Dataset;
beforeAll(async () => {
  example = (await loadData()).dataset;
});

const person = staffMember;

function contextOf(staff: StaffMember[], change?: (d: Dataset) => void): GroupContext {
  const data = { ...structuredClone(example), staff, assignments: [] };
  change?.(data);
  return { index: indexOf(data), leadEmployer: 'kreisverwaltung', unit: { singular: 'Vollzeitäquivalent', plural: 'Vollzeitäquivalente', abbreviation: 'VZÄ', genus: 'neuter' }, vocabulary: defaultVocabulary(), shortListDates: false };
}
const group = (...members: StaffMember[]): StaffGroup => ({ members });

describe('a group hired together', () => {
  test('"weitere" only after a colleague with the same noun and employer still in post on the first day', () => {
    const earlier = person('a', '2021-01-01');
    const b = person('b', '2021-06-01');
    const ctx = contextOf([earlier, b]);
    expect(describeGroup(ctx, group(b), { further: true, withEmployer: false })).toEqual({ phrase: 'eine weitere Case Managerin', count: 1 });
    expect(describeGroup(ctx, group(b), { further: false, withEmployer: false }).phrase).toBe('eine Case Managerin');
    // The first of them is not "weitere".
    expect(describeGroup(ctx, group(earlier), { further: true, withEmployer: false }).phrase).toBe('eine Case Managerin');
  });

  test('a successor of someone who left before is no "weitere"; one who left on the first day is', () => {
    const gone = person('a', '2021-01-01', { end: '2021-05-31' });
    const b = person('b', '2021-06-01');
    expect(describeGroup(contextOf([gone, b]), group(b), { further: true, withEmployer: false }).phrase).toBe('eine Case Managerin');
    const leavesThatDay = person('a', '2021-01-01', { end: '2021-06-01' });
    expect(describeGroup(contextOf([leavesThatDay, b]), group(b), { further: true, withEmployer: false }).phrase).toBe('eine weitere Case Managerin');
  });

  test('in a list of who is in post on a day, the earlier colleague must be in it too', () => {
    const earlier = person('a', '2021-01-01', { end: '2021-12-31' });
    const b = person('b', '2021-06-01');
    const ctx = contextOf([earlier, b]);
    expect(describeGroup(ctx, group(b), { further: true, withEmployer: false, colleaguesListedOn: '2021-12-31' }).phrase).toBe('eine weitere Case Managerin');
    expect(describeGroup(ctx, group(b), { further: true, withEmployer: false, colleaguesListedOn: '2022-01-01' }).phrase).toBe('eine Case Managerin');
  });

  test('another employer, or another noun, makes no colleague', () => {
    const other = person('a', '2021-01-01', { employer: 'stadt-troisdorf' });
    const coordinator = person('c', '2021-01-01', { role: 'cm-koordination' });
    const b = person('b', '2021-06-01');
    expect(describeGroup(contextOf([other, coordinator, b]), group(b), { further: true, withEmployer: false }).phrase).toBe('eine Case Managerin');
  });

  test("staff of another employer with the definite article and the employer; the programme's own without", () => {
    const t = person('t', '2021-01-01', { employer: 'stadt-troisdorf', gender: 'm' });
    const k = person('k', '2021-01-01');
    const ctx = contextOf([t, k]);
    expect(describeGroup(ctx, group(t), { further: false, withEmployer: true })).toEqual({ phrase: 'der Case Manager der Stadt Troisdorf', count: 1 });
    expect(describeGroup(ctx, group(k), { further: false, withEmployer: true }).phrase).toBe('eine Case Managerin');
    expect(describeGroup(ctx, group(k), { further: false, withEmployer: true, ownEmployerToo: true }).phrase).toBe('die Case Managerin der Kreisverwaltung');
  });

  test('who is in post: where another employer is named, the own staff are named with theirs, unless a focus tells them apart', () => {
    const t = person('t', '2021-01-01', { employer: 'stadt-troisdorf' });
    const k = person('k', '2021-01-01', { gender: 'm' });
    const focus = person('f', '2021-01-01', { role: 'cm-schwerpunkt', focus: 'frühkindliche Sprachförderung' });
    const ctx = contextOf([t, k, focus]);
    expect(describeInPost(ctx, [group(t), group(k), group(focus)]).map((g) => g.phrase)).toEqual([
      'die Case Managerin der Stadt Troisdorf',
      'der Case Manager der Kreisverwaltung',
      'eine Case Managerin für frühkindliche Sprachförderung',
    ]);
    expect(describeInPost(ctx, [group(k)]).map((g) => g.phrase)).toEqual(['ein Case Manager']);
  });

  test('groups keep the order of their first member', () => {
    const [a, b, c] = [person('a', '2021-01-01'), person('b', '2021-02-01', { employer: 'stadt-troisdorf' }), person('c', '2021-03-01')];
    expect(groupStaff([a, b, c], (s) => s.employer).map((g) => g.members.map((s) => s.id))).toEqual([['a', 'c'], ['b']]);
  });
});

describe('the order of the nouns and "weitere" in lists', () => {
  test('above a list whose first line is his: "ein weiterer Case Manager und eine weitere Case Managerin"', () => {
    const earlier = person('e', '2021-01-01');
    const [m, w] = [person('m', '2021-06-01', { gender: 'm' }), person('w', '2021-06-01')];
    const ctx = contextOf([earlier, m, w]);
    expect(describeGroup(ctx, group(m, w), { further: true, withEmployer: false, inOrderOfList: true }).phrase).toBe('ein weiterer Case Manager und eine weitere Case Managerin');
    expect(describeGroup(ctx, group(m, w), { further: true, withEmployer: false }).phrase).toBe('eine weitere Case Managerin und ein weiterer Case Manager');
  });

  test('who is in post is never "weitere", though a colleague started before', () => {
    const [a, b] = [person('a', '2021-01-01'), person('b', '2021-06-01')];
    expect(describeInPost(contextOf([a, b]), [group(a), group(b)]).map((g) => g.phrase)).toEqual(['eine Case Managerin', 'eine Case Managerin']);
  });

  test('a hiring after a colleague still in post: "eine weitere"', () => {
    const [a, b] = [person('a', '2021-01-01'), person('b', '2021-06-01')];
    expect(hireStatement(contextOf([a, b]), group(b), '2022-03-01')).toBe('Am 01.06.2021 wurde eine weitere Case Managerin bei der Kreisverwaltung eingestellt.');
  });
});

describe('the hiring sentence', () => {
  const coordination = (id: string, gender: 'w' | 'm', start = '2022-01-10', more: Partial<StaffMember> = {}) => person(id, start, { role: 'kim-koordinierung', module: 'modul-1', gender, ...more });

  test('one: "wurde … eingestellt. Sie fungiert"; two: "Beide"; three: "Alle drei"', () => {
    const [a, b, c] = [coordination('a', 'w'), coordination('b', 'm'), coordination('c', 'w')];
    const ctx = contextOf([a, b, c]);
    expect(hireStatement(ctx, group(a), '2022-03-01')).toMatch(/^Am 10\.01\.2022 wurde eine Mitarbeiterin bei der Kreisverwaltung in der KIM-Koordinierung eingestellt\. Sie fungiert als/);
    expect(hireStatement(ctx, group(a, b), '2022-03-01')).toMatch(/^Am 10\.01\.2022 wurden zwei Mitarbeitende bei der Kreisverwaltung in der KIM-Koordinierung eingestellt\. Beide fungieren/);
    expect(hireStatement(ctx, group(a, b, c), '2022-03-01')).toContain('eingestellt. Alle drei fungieren');
  });

  test('a man alone: "Er fungiert"', () => {
    const b = coordination('b', 'm');
    expect(hireStatement(contextOf([b]), group(b), '2022-03-01')).toContain('eingestellt. Er fungiert');
  });

  test('a role without a statement: kim\'s sentence, with the post of a part-time hire, "mit zusammen" for several', () => {
    const one = person('a', '2021-10-15', { fte: 0.5 });
    const ctx = contextOf([one]);
    expect(hireStatement(ctx, group(one), '2022-03-01')).toBe('Am 15.10.2021 wurde eine Case Managerin mit 0,5 VZÄ bei der Kreisverwaltung eingestellt.');
    const [a, b] = [person('a', '2021-10-15', { fte: 0.5 }), person('b', '2021-10-15', { gender: 'm' })];
    expect(hireStatement(contextOf([a, b]), group(a, b), '2022-03-01')).toBe('Am 15.10.2021 wurden eine Case Managerin und ein Case Manager mit zusammen 1,5 VZÄ bei der Kreisverwaltung eingestellt.');
    const full = person('a', '2021-10-15');
    expect(hireStatement(contextOf([full]), group(full), '2022-03-01')).toBe('Am 15.10.2021 wurde eine Case Managerin bei der Kreisverwaltung eingestellt.');
  });

  test('the post when hired, not at the Stand', () => {
    const a = person('a', '2021-10-15', { fte: 1, fteChanges: [{ from: '2022-01-01', fte: 0.5 }] });
    expect(hireStatement(contextOf([a]), group(a), '2022-03-01')).toBe('Am 15.10.2021 wurde eine Case Managerin bei der Kreisverwaltung eingestellt.');
  });

  test('a start known to the month: "Im September 2021", "seit September 2021"', () => {
    const a = person('a', '2021-09', { fte: 0.5 });
    expect(hireStatement(contextOf([a]), group(a), '2022-03-01')).toBe('Im September 2021 wurde eine Case Managerin mit 0,5 VZÄ bei der Kreisverwaltung eingestellt.');
    const lead = person('l', '2021-09', { role: 'kim-leitung', module: 'modul-1' });
    expect(hireStatement(contextOf([lead]), group(lead), '2022-03-01')).toBe('Seit September 2021 steuert eine Mitarbeiterin den KIM-Prozess auf Leitungsebene bei der Kreisverwaltung.');
  });

  test('the relative pronoun and employer of a statement: "…, die für den KIM-Prozess … verantwortlich ist"', () => {
    const t = person('t', '2021-08-01', { role: 'kim-koordination-kommune', module: 'modul-1', employer: 'stadt-troisdorf', fte: 0.5 });
    expect(hireStatement(contextOf([t]), group(t), '2022-03-01')).toBe(
      'Zum 01.08.2021 wurde in der Stadt Troisdorf eine Koordinatorin eingestellt, die für den KIM-Prozess in dieser Kommune verantwortlich ist.',
    );
  });

  test('"mit {fte}" in a statement takes the dative where the unit is a word: "mit einer Stelle"', () => {
    const a = person('a', '2021-10-15');
    const ctx = contextOf([a], (d) => {
      d.programme.roles.find((r) => r.id === 'case-manager')!.statement = { one: 'Am {date} kam {who} mit {fte}.', many: 'Am {date} kamen {who} mit zusammen {fte}.' };
    });
    ctx.unit = { singular: 'Stelle', plural: 'Stellen', genus: 'feminine' };
    expect(hireStatement(ctx, group(a), '2022-03-01')).toBe('Am 15.10.2021 kam eine Case Managerin mit einer Stelle.');
  });

  test('a month start in a statement\'s "am {date}" inside the sentence: "im September 2021"', () => {
    const a = person('a', '2021-09');
    const ctx = contextOf([a], (d) => {
      d.programme.roles.find((r) => r.id === 'case-manager')!.statement = { one: 'Eingestellt wurde am {date} {who}, seit dem {date} im Dienst.', many: '' };
    });
    expect(hireStatement(ctx, group(a), '2022-03-01')).toBe('Eingestellt wurde im September 2021 eine Case Managerin, seit September 2021 im Dienst.');
  });

  test('{fte} elsewhere in a statement: the posts when hired, in the nominative', () => {
    const [a, b] = [person('a', '2021-10-15', { fte: 0.5 }), person('b', '2021-10-15', { fte: 0.25 })];
    const ctx = contextOf([a, b], (d) => {
      d.programme.roles.find((r) => r.id === 'case-manager')!.statement = { one: '', many: 'Am {date} kamen {who} ({fte}).' };
    });
    expect(hireStatement(ctx, group(a, b), '2022-03-01')).toBe('Am 15.10.2021 kamen zwei Case Managerinnen (0,75 VZÄ).');
  });

  test('a man and a woman hired together: the woman first, as kim names mixed groups', () => {
    const [m, w] = [person('m', '2021-10-15', { gender: 'm', fte: 0.5 }), person('w', '2021-10-15')];
    const ctx = contextOf([m, w]);
    expect(hireStatement(ctx, group(m, w), '2022-03-01')).toBe('Am 15.10.2021 wurden eine Case Managerin und ein Case Manager mit zusammen 1,5 VZÄ bei der Kreisverwaltung eingestellt.');
  });

  test('a slot the sentence does not know stays as written', () => {
    const a = person('a', '2021-10-15');
    const ctx = contextOf([a], (d) => {
      d.programme.roles.find((r) => r.id === 'case-manager')!.statement = { one: 'Am {date} kam {who} {unbekannt}.', many: '' };
    });
    expect(hireStatement(ctx, group(a), '2022-03-01')).toBe('Am 15.10.2021 kam eine Case Managerin {unbekannt}.');
  });
});

describe('one person in a sentence about them', () => {
  // As the model hands them over: the index's own municipalities.
  let ctx: GroupContext;
  const much = () => ctx.index.municipalities.get('much')!;
  const troisdorf = () => ctx.index.municipalities.get('troisdorf')!;

  test('with the municipalities served, the employer, an attribute before the noun', () => {
    const a = person('a', '2021-10-15');
    ctx = contextOf([a]);
    expect(personPhrase(ctx, a, [much()])).toBe('die Case Managerin für die Gemeinde Much');
    expect(personPhrase(ctx, a, [much()], hiredAttribute('2022-05-01'))).toBe('die zum 01.05.2022 eingestellte Case Managerin für die Gemeinde Much');
    expect(personPhrase(ctx, a, [])).toBe('die Case Managerin');
  });

  test("another employer's: its name, and the employer's own town not named again", () => {
    const t = person('t', '2021-08-01', { employer: 'stadt-troisdorf', gender: 'm' });
    ctx = contextOf([t]);
    expect(personPhrase(ctx, t, [troisdorf()])).toBe('der Case Manager der Stadt Troisdorf');
    expect(personPhrase(ctx, t, [troisdorf(), much()])).toBe('der Case Manager der Stadt Troisdorf für die Gemeinde Much');
  });

  test('with a focus, the municipalities in brackets', () => {
    const f = person('f', '2021-07-01', { role: 'cm-schwerpunkt', focus: 'frühkindliche Sprachförderung' });
    ctx = contextOf([f]);
    expect(personPhrase(ctx, f, [much()])).toBe('die Case Managerin für frühkindliche Sprachförderung (zuständig für die Gemeinde Much)');
  });

  test('a qualifier and a focus, one after the other', () => {
    const k = person('k', '2021-06-01', { role: 'cm-koordination', focus: 'Familien' });
    ctx = contextOf([k]);
    expect(personPhrase(ctx, k, [])).toBe('die Mitarbeiterin in der Koordination des Case Managements für Familien');
  });

  test('"bisher für … zuständige", empty where only the employer\'s own town was served', () => {
    const t = person('t', '2021-08-01', { employer: 'stadt-troisdorf' });
    ctx = contextOf([t]);
    expect(formerlyAttribute(ctx, t, [much(), troisdorf()])).toBe('bisher für die Gemeinde Much zuständige');
    expect(formerlyAttribute(ctx, t, [troisdorf()])).toBe('');
  });

  test('posts summed without a rounding error: 0,1 + 0,2 is 0,3', () => {
    expect(sumFte([{ fte: 0.1 }, { fte: 0.2 }])).toBe(0.3);
    expect(sumFte([])).toBe(0);
  });
});
