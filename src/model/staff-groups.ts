import type { Dataset, Municipality, StaffMember } from './types.js';
import { countWord, definiteArticle, formatDate, numberWord, roleNoun } from '../render/german/index.js';
import { fillSlots } from './slots.js';
import { groupBy } from './group-by.js';

/** People the Vorlage names together: same key (e.g. role, focus, employer), in order of first start. */
export interface StaffGroup {
  members: StaffMember[];
}

export interface GroupContext {
  data: Dataset;
  /** All staff of the module, to decide whether a group is "weitere" (others came before it). */
  members: StaffMember[];
}

/** Groups by key, ordered by the earliest start in each group (ties keep the data order). */
export function groupStaff(staff: readonly StaffMember[], key: (s: StaffMember) => string[]): StaffGroup[] {
  const sorted = [...staff].sort((a, b) => a.start.localeCompare(b.start));
  return [...groupBy(sorted, (s) => key(s).join('\u0000')).values()].map((members) => ({ members }));
}

/** "Stadt Königswinter", "Gemeinde Much". */
export const municipalityName = (m: Municipality): string => `${m.type} ${m.name}`;

/**
 * The noun phrase for a group: "eine Mitarbeiterin in der Koordination des Case Managements",
 * "zwei Case Managerinnen für frühkindliche Sprachförderung", "neun weitere Case Managerinnen und Case Manager";
 * staff of an employer other than the programme's own get the definite article and the employer
 * ("die Case Managerin der Stadt Troisdorf").
 */
export function describeGroup(ctx: GroupContext, group: StaffGroup, options: { further: boolean; withEmployer: boolean }): { phrase: string; count: number } {
  const first = group.members[0]!;
  const role = ctx.data.programme.roles.find((r) => r.id === first.role)!;
  const noun = roleNoun(role.forms, group.members.map((s) => s.gender));
  const count = group.members.length;
  const tail = [role.qualifier, first.focus ? `für ${first.focus}` : undefined].filter(Boolean).join(' ');
  const core = tail ? `${noun.text} ${tail}` : noun.text;
  const otherEmployer = first.employer !== ctx.data.programme.leadEmployer;
  if (options.withEmployer && otherEmployer) {
    const employer = ctx.data.organisation.employers.find((e) => e.id === first.employer)!;
    const number = count === 1 ? '' : `${numberWord(count)} `;
    return { phrase: `${definiteArticle(noun)} ${number}${core} ${employer.of}`, count };
  }
  const further = options.further && hasEarlierColleague(ctx, group);
  const genus = noun.genus ?? 'feminine';
  return { phrase: `${countWord(count, genus, { further })} ${core}`, count };
}

/** "weitere" only when someone in the module already worked for the same employer before this group. */
function hasEarlierColleague(ctx: GroupContext, group: StaffGroup): boolean {
  const first = group.members[0]!;
  const ids = new Set(group.members.map((s) => s.id));
  return ctx.members.some((s) => !ids.has(s.id) && s.employer === first.employer && s.start < first.start);
}

/**
 * The sentence for one hiring from the role's `statement` (one or many), its slots filled from the data;
 * roles without a statement get a plain sentence.
 */
export function hireStatement(ctx: GroupContext, group: StaffGroup): string {
  const first = group.members[0]!;
  const role = ctx.data.programme.roles.find((r) => r.id === first.role)!;
  const employer = ctx.data.organisation.employers.find((e) => e.id === first.employer)!;
  const count = group.members.length;
  const noun = roleNoun(role.forms, group.members.map((s) => s.gender));
  const who = describeGroup(ctx, group, { further: true, withEmployer: false }).phrase;
  const slots: Record<string, string> = {
    date: formatDate(first.start),
    who,
    employer: employer.at,
    which: definiteArticle(noun),
    all: count === 2 ? 'Beide' : `Alle ${numberWord(count)}`,
  };
  const fallback = count === 1 ? 'Am {date} wurde {who} {employer} eingestellt.' : 'Am {date} wurden {who} {employer} eingestellt.';
  const text = (count === 1 ? role.statement?.one : role.statement?.many) ?? fallback;
  return fillSlots(text, (name) => slots[name] ?? `{${name}}`);
}
