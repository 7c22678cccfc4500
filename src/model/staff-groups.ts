import { fromMicro, micro } from './millionths.js';
import type { Vocabulary } from './vocabulary.js';
import type { IsoDate, StaffMember } from './types.js';
import {
  capitalize,
  countedNouns,
  definiteNouns,
  formatDate,
  formatQuantity,
  isMonthOnly,
  joinList,
  municipalityPhrase,
  nounParts,
  numberWord,
  personalPronoun,
  relativePronoun,
  type MunicipalityName,
  type NounPart,
  type UnitWords,
} from '../german/index.js';
import { fillSlots } from './slots.js';
import { groupBy } from './group-by.js';
import { colleagueKey, type DatasetIndex } from './dataset-index.js';
import { inPostOn, startDay } from './dates.js';
import { fteOn } from './fte.js';

/** People the Vorlage names together: same key (e.g. role, focus, employer), in order of first start. */
export interface StaffGroup {
  members: StaffMember[];
}

export interface GroupContext {
  index: DatasetIndex;
  leadEmployer: string;
  unit: UnitWords;
  /** kim's fixed words with the organisation's own (templates/wortschatz.yaml). */
  vocabulary: Vocabulary;
  /** The lists' dates with a two-digit year ("seit dem 01.04.22"): organisation.yaml listDates: short. */
  shortListDates: boolean;
}

/** Groups staff already ordered by start date; groups come in the order of their first member. */
export function groupStaff(staffByStart: readonly StaffMember[], key: (s: StaffMember) => string): StaffGroup[] {
  return [...groupBy(staffByStart, key).values()].map((members) => ({ members }));
}

const partsOf = (ctx: GroupContext, group: StaffGroup, inOrder = false): NounPart[] =>
  nounParts(ctx.index.roles.get(group.members[0]!.role)!.forms, group.members.map((s) => s.gender), { inOrder });

/** What follows the noun: the role's qualifier and the focus ("in der Koordination …", "für frühkindliche Sprachförderung"). */
function tailOf(ctx: GroupContext, first: StaffMember): string {
  const role = ctx.index.roles.get(first.role)!;
  return [role.qualifier, first.focus ? `für ${first.focus}` : undefined].filter(Boolean).join(' ');
}

const withTail = (noun: string, tail: string): string => (tail ? `${noun} ${tail}` : noun);

/**
 * The noun phrase for a group: "eine Mitarbeiterin in der Koordination des Case Managements",
 * "zwei Case Managerinnen für frühkindliche Sprachförderung", "neun weitere Case Managerinnen und Case
 * Manager", "eine Koordinatorin und ein Koordinator"; staff of an employer other than the programme's own
 * get the definite article and the employer ("die Case Managerin der Stadt Troisdorf").
 */
export function describeGroup(
  ctx: GroupContext,
  group: StaffGroup,
  options: { further: boolean; withEmployer: boolean; ownEmployerToo?: boolean; colleaguesListedOn?: IsoDate; inOrderOfList?: boolean },
): { phrase: string; count: number } {
  const first = group.members[0]!;
  // Above a list of the people, "ein weiterer Case Manager und eine weitere Case Managerin" when his line is first.
  const parts = partsOf(ctx, group, options.inOrderOfList === true);
  const tail = tailOf(ctx, first);
  const count = group.members.length;
  const ownNamed = options.ownEmployerToo === true && tail === '';
  if (options.withEmployer && (first.employer !== ctx.leadEmployer || ownNamed)) {
    const employer = ctx.index.employers.get(first.employer)!;
    return { phrase: `${withTail(definiteNouns(parts), tail)} ${employer.of}`, count };
  }
  const further = options.further && hasEarlierColleague(ctx, first, options.colleaguesListedOn);
  return { phrase: withTail(countedNouns(parts, { further }), tail), count };
}

/**
 * Who is in post, for "Zum … sind im Modul … eingestellt" and "Zum damaligen Zeitpunkt waren … eingestellt":
 * staff of another employer with the definite article and their employer ("die Case Managerin der Stadt
 * Troisdorf"). Where others are named with their employer, the programme's own staff are named with theirs
 * too, from the employer's own form ("… sowie die Case Managerin und die Case-Management-Fachkraft des
 * Kreises"): "sowie eine Case Managerin" beside them leaves the reader to guess whose she is. Own staff with a
 * qualifier or focus ("zwei Case Managerinnen für frühkindliche Sprachförderung") are told apart by it and
 * stay as they are, as the Rhein-Sieg-Kreis's own Vorlage names them.
 */
export function describeInPost(ctx: GroupContext, groups: readonly StaffGroup[]): { phrase: string; count: number }[] {
  const othersNamed = groups.some((g) => g.members[0]!.employer !== ctx.leadEmployer);
  return groups.map((g) => describeGroup(ctx, g, { further: false, withEmployer: true, ownEmployerToo: othersNamed }));
}

/**
 * "weitere" only when someone in the module, with the same employer and called by the same noun, started
 * before this group and is still in post on its first day: a successor of someone who has left is not
 * "eine weitere Koordinatorin". Group members never start before its first member, so its first day decides.
 * `listedOn`: in a list of who is in post on that day, the colleague must be in it too; otherwise the
 * first sentence of the list would say "eine weitere Sachbearbeiterin" after someone it does not name.
 */
function hasEarlierColleague(ctx: GroupContext, first: StaffMember, listedOn?: IsoDate): boolean {
  for (const colleague of ctx.index.colleagues.get(colleagueKey(first, ctx.index.roles)) ?? []) {
    if (startDay(colleague.start) >= startDay(first.start)) return false;
    if (inPostOn(colleague, startDay(first.start)) && (listedOn === undefined || inPostOn(colleague, listedOn))) return true;
  }
  return false;
}

/**
 * The sentence for one hiring from the role's `statement` (one or many), its slots filled from the data;
 * roles without a statement get a plain sentence. The sentences list who is in post at the Stand.
 */
export function hireStatement(ctx: GroupContext, group: StaffGroup, stand: IsoDate): string {
  const first = group.members[0]!;
  const role = ctx.index.roles.get(first.role)!;
  const employer = ctx.index.employers.get(first.employer)!;
  const count = group.members.length;
  const parts = partsOf(ctx, group);
  const pronoun = personalPronoun(parts);
  const slots: Record<string, string> = {
    date: formatDate(first.start),
    who: describeGroup(ctx, group, { further: true, withEmployer: false, colleaguesListedOn: stand }).phrase,
    employer: employer.at,
    which: relativePronoun(parts),
    all: count === 2 ? ctx.vocabulary.beide : `${ctx.vocabulary.alle} ${numberWord(count)}`,
    pronoun,
    Pronoun: capitalize(pronoun),
    // The post each had when hired: the sentence is about the hiring.
    fte: formatQuantity(sumFte(group.members.map((s) => ({ fte: fteOn(s, startDay(s.start)) }))), ctx.unit),
  };
  // kim's own sentence says the post of a part-time hire, as the follow-up's hiring sentence does: after
  // "eine Verwaltungsassistentin … eingestellt" without it, "damit sind drei von vier Stellen besetzt" does not add up.
  const partTime = group.members.some((s) => fteOn(s, startDay(s.start)) < 1) ? (count === 1 ? ' mit {fte}' : ' mit zusammen {fte}') : '';
  const fallback = count === 1 ? `Am {date} wurde {who}${partTime} {employer} eingestellt.` : `Am {date} wurden {who}${partTime} {employer} eingestellt.`;
  const text = (count === 1 ? role.statement?.one : role.statement?.many) ?? fallback;
  // "mit {fte}", "mit zusammen {fte}" take the dative: "mit einer Stelle", where the unit is a word said in words.
  const dativeFte = formatQuantity(sumFte(group.members.map((s) => ({ fte: fteOn(s, startDay(s.start)) }))), ctx.unit, 'dat');
  return fillSlots((isMonthOnly(first.start) ? forMonth(text) : text).replace(/\bmit (zusammen )?\{fte\}/g, 'mit $1{fteDative}'), (name) => (name === 'fteDative' ? dativeFte : slots[name]) ?? `{${name}}`);
}

/**
 * A statement for a start known only to the month: "Am {date}" becomes "Im {date}" ("Im September 2021
 * wurde …"), "seit dem {date}" becomes "seit {date}"; "zum {date}" reads right as it is.
 */
const forMonth = (text: string): string =>
  text
    .replace(/\b([Aa])m \{date\}/g, (_, a: string) => `${a === 'A' ? 'I' : 'i'}m {date}`)
    .replace(/\b([Ss])eit dem \{date\}/g, (_, s: string) => `${s}eit {date}`);

/** Sum of FTE in millionths, so 0.1 + 0.2 is 0.3. */
export const sumFte = (staff: readonly { fte: number }[]): number => fromMicro(staff.reduce((sum, s) => sum + micro(s.fte), 0));

/**
 * One person by role, for a sentence about them: "die Case Managerin für die Gemeinde Windeck", "der Case
 * Manager der Stadt Troisdorf", "die Case Managerin für frühkindliche Sprachförderung"; with an attribute
 * before the noun, "die zum 01.05.2022 eingestellte Case Managerin …" (an attribute ends in "-e": after the
 * definite article in the nominative singular that is every genus).
 */
export function personPhrase(ctx: GroupContext, person: StaffMember, municipalities: readonly MunicipalityName[], attribute?: string): string {
  const [part] = partsOf(ctx, { members: [person] });
  const article = definiteNouns([part!]).split(' ')[0]!;
  const noun = attribute ? `${article} ${attribute} ${part!.text}` : `${article} ${part!.text}`;
  const tail = tailOf(ctx, person);
  let phrase = withTail(noun, tail);
  const employer = ctx.index.employers.get(person.employer)!;
  if (person.employer !== ctx.leadEmployer) phrase += ` ${employer.of}`;
  const served = servedBeyondEmployer(ctx, person, municipalities);
  if (served.length > 0) {
    const list = joinList(served.map((m) => municipalityPhrase(m, 'acc')));
    phrase += tail ? ` (zuständig für ${list})` : ` für ${list}`;
  }
  return phrase;
}

/** "zum 01.05.2022 eingestellte", the attribute of someone hired in the report's period. */
export const hiredAttribute = (start: string): string => `zum ${formatDate(start)} eingestellte`;

/**
 * "bisher für die Stadt Sankt Augustin zuständige", the attribute of someone who now serves other
 * municipalities; empty when they served none besides their employer's own.
 */
export function formerlyAttribute(ctx: GroupContext, person: StaffMember, municipalities: readonly MunicipalityName[]): string {
  const served = servedBeyondEmployer(ctx, person, municipalities);
  return served.length > 0 ? `bisher für ${joinList(served.map((m) => municipalityPhrase(m, 'acc')))} zuständige` : '';
}

/** Municipalities that say something beside the employer: "der Stadt Troisdorf" already names Troisdorf. */
function servedBeyondEmployer(ctx: GroupContext, person: StaffMember, municipalities: readonly MunicipalityName[]): readonly MunicipalityName[] {
  const employer = ctx.index.employers.get(person.employer)!;
  return municipalities.filter((m) => !(employer.municipality && ctx.index.municipalities.get(employer.municipality) === m));
}
