import type { StaffMember } from './types.js';
import { countWord, definiteArticle, formatDate, numberWord, roleNoun } from '../render/german/index.js';
import { fillSlots } from './slots.js';
import { groupBy } from './group-by.js';
import { moduleEmployerKey, type DatasetIndex } from './dataset-index.js';

/** People the Vorlage names together: same key (e.g. role, focus, employer), in order of first start. */
export interface StaffGroup {
  members: StaffMember[];
}

export interface GroupContext {
  index: DatasetIndex;
  leadEmployer: string;
}

/** Groups staff already ordered by start date; groups come in the order of their first member. */
export function groupStaff(staffByStart: readonly StaffMember[], key: (s: StaffMember) => string): StaffGroup[] {
  return [...groupBy(staffByStart, key).values()].map((members) => ({ members }));
}

/**
 * The noun phrase for a group: "eine Mitarbeiterin in der Koordination des Case Managements",
 * "zwei Case Managerinnen für frühkindliche Sprachförderung", "neun weitere Case Managerinnen und Case Manager";
 * staff of an employer other than the programme's own get the definite article and the employer
 * ("die Case Managerin der Stadt Troisdorf").
 */
export function describeGroup(ctx: GroupContext, group: StaffGroup, options: { further: boolean; withEmployer: boolean }): { phrase: string; count: number } {
  const first = group.members[0]!;
  const role = ctx.index.roles.get(first.role)!;
  const noun = roleNoun(role.forms, group.members.map((s) => s.gender));
  const count = group.members.length;
  const tail = [role.qualifier, first.focus ? `für ${first.focus}` : undefined].filter(Boolean).join(' ');
  const core = tail ? `${noun.text} ${tail}` : noun.text;
  if (options.withEmployer && first.employer !== ctx.leadEmployer) {
    const employer = ctx.index.employers.get(first.employer)!;
    const number = count === 1 ? '' : `${numberWord(count)} `;
    return { phrase: `${definiteArticle(noun)} ${number}${core} ${employer.of}`, count };
  }
  const further = options.further && hasEarlierColleague(ctx, first);
  return { phrase: `${countWord(count, noun.genus ?? 'feminine', { further })} ${core}`, count };
}

/**
 * "weitere" only when someone in the module already worked for the same employer before this group.
 * Group members never start before its first member, so the earliest start decides.
 */
function hasEarlierColleague(ctx: GroupContext, first: StaffMember): boolean {
  const earliest = ctx.index.earliestStart.get(moduleEmployerKey(first.module, first.employer));
  return earliest !== undefined && earliest < first.start;
}

/**
 * The sentence for one hiring from the role's `statement` (one or many), its slots filled from the data;
 * roles without a statement get a plain sentence.
 */
export function hireStatement(ctx: GroupContext, group: StaffGroup): string {
  const first = group.members[0]!;
  const role = ctx.index.roles.get(first.role)!;
  const employer = ctx.index.employers.get(first.employer)!;
  const count = group.members.length;
  const noun = roleNoun(role.forms, group.members.map((s) => s.gender));
  const slots: Record<string, string> = {
    date: formatDate(first.start),
    who: describeGroup(ctx, group, { further: true, withEmployer: false }).phrase,
    employer: employer.at,
    which: definiteArticle(noun),
    all: count === 2 ? 'Beide' : `Alle ${numberWord(count)}`,
  };
  const fallback = count === 1 ? 'Am {date} wurde {who} {employer} eingestellt.' : 'Am {date} wurden {who} {employer} eingestellt.';
  const text = (count === 1 ? role.statement?.one : role.statement?.many) ?? fallback;
  return fillSlots(text, (name) => slots[name] ?? `{${name}}`);
}
