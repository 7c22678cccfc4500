import { micro, roundPost } from './millionths.js';
import { inReportPeriod } from './report-period.js';
import { hiringConnective } from './vocabulary.js';
import { by } from '../compare.js';
import { groupBy } from './group-by.js';
import { adjectivalPlural, amountFigure, capitalize, filledOfPlanned, isMonthOnly, nounParts, numberWord, peopleOnPosts, possessiveStem, sinceDate, strongEnding, formatAmount, formatDate, formatDateShort, formatQuantity, formatQuantityInFull, joinList, municipalityPhrase, ratePerPost } from '../german/index.js';
import type { DatasetIndex } from './dataset-index.js';
import type { GroupMeetingsModel } from './events-model.js';
import { dayAfter, endDay, inPostOn, startDay } from './dates.js';
import { fteOn, planChangesBetween, planOn } from './fte.js';
import { describeGroup, describeInPost, formerlyAttribute, groupStaff, hireStatement, hiredAttribute, personPhrase, sumFte, type GroupContext } from './staff-groups.js';
import { moduleLabels, unitWords, type TermsModel } from './terms.js';
import { servedLines, type PersonLine, type ServedContext } from './served-lines.js';
import { servedList, type ServedLine } from './served-list.js';
import type { Assignment, IsoDate, ModuleKind, Municipality, ProgrammeModule, StaffMember } from './types.js';

/** One module's section of the Vorlage: its plan, its staff and what changed, as phrases and figures. */
export interface ModuleModel {
  id: string;
  number: number;
  /** "1" or "I", as the programme numbers its modules. */
  numberText: string;
  /** "Modul 1", "das Modul 1" (after "für"), "im Modul 1". */
  label: string;
  labelAcc: string;
  labelIn: string;
  kind: ModuleKind;
  name: string;
  genitive: string;
  /** The possessive stem by the name's genus (programme.yaml modules[].genus, default feminine): "der strategischen Steuerung … ihrer Arbeit", "des strategischen Overheads … seiner Arbeit". */
  possessive: 'ihr' | 'sein';
  /** The module's own heading from programme.yaml, or empty (the template's heading for its kind). */
  heading: string;
  /** Planned posts in force at the Stand; null before the module's first plan period. */
  plannedFte: number | null;
  filledFte: number;
  /** Planned minus filled, never below 0; null without a plan. */
  openFte: number | null;
  /** Funding per post and year for the Stand's year. */
  fundingRate: number;
  /** Rate × planned posts; null without a plan. */
  plannedFunding: number | null;
  /** The planned posts with the unit written out: "3,5 Vollzeitäquivalente", "vier Stellen", "eine Stelle"; empty without a plan. */
  plannedPosts: string;
  /** The rate after "eine Förderung von", one distributive only: "57.000 € je Stelle", "jeweils 55.000 €/VZÄ". */
  fundingRatePhrase: string;
  /**
   * How many people hold the filled posts, where that differs from the posts and the unit is a word: "fünf
   * Personen" ("besetzt sind davon vier Stellen mit fünf Personen"); empty otherwise (peopleOnPosts).
   */
  filledBy: string;
  /** "drei von vier Stellen", "alle vier Stellen", "beide Stellen", "1,5 von 3,5 VZÄ"; empty without a plan. */
  filledOfPlanned: string;
  /** The plan's parts ("3,5 VZÄ Koordinierung und 0,5 VZÄ Verwaltungsassistenz"), or empty. */
  planParts: string;
  /** Plan changes of the report's period (a Kreistag decision doubling the posts). */
  planChanges: PlanChangeModel[];
  /**
   * In a first report (no previous one), the decision that founded the module's plan (its first plan period's
   * `decision`, taken by the Stand): "Mit Beschluss des Kreistages vom … wurde der Stellenumfang … festgelegt."
   * Null in a follow-up (the committee has heard of it) and when the data names no such decision.
   */
  founding: FoundingModel | null;
  /** Whether the plan-changes block has anything to say: a founding decision or a change. */
  planNews: boolean;
  /**
   * In a Vorlage whose author is not the programme's owner (programme.yaml owner): the module's posts that
   * serve the author's own municipality at the Stand, by employer (local-posts.ts). Null otherwise.
   */
  local: LocalModel | null;
  /** One sentence per hiring (same day, role and employer) of the staff in post, from the roles' statements. */
  statements: string[];
  /** Staff in post at the Stand, grouped by role, focus and employer ("zwei Case Managerinnen für …"). */
  inPost: GroupModel[];
  /** The same at the previous report's Stand ("Zum damaligen Zeitpunkt waren …"). */
  inPostPrevious: GroupModel[];
  /** Hired after the previous Stand and in post at this one, grouped by role, focus and employer. */
  hires: HireGroupModel[];
  /** Left after the previous Stand, including those hired and gone in between; by date. */
  leavers: LeaverModel[];
  /**
   * Staff serving municipalities, in post at both Stands, whose municipalities changed in between (a case
   * manager moved to another municipality): "Die Case Managerin für die Stadt A ist seit dem … für die Stadt B
   * zuständig."
   */
  moves: MoveModel[];
  /** Staff in post at both Stands whose post changed in between: "… arbeitet seit dem … mit 0,5 VZÄ (bisher 1 VZÄ)." */
  fteChanges: FteChangeModel[];
  /** Whether anything changed in the period: hires, leavers, moves or changed posts. */
  changes: boolean;
  /**
   * A follow-up Vorlage and nothing changed in the module, neither staff nor plan: the section says the
   * staffing is unchanged and who is in post, instead of repeating the earlier paragraph word for word.
   */
  unchanged: boolean;
  /** The municipalities the staff in post serve, one line each (first reports: "Betreut werden …"; served-list.ts). */
  served: ServedLine[];
  /** Municipalities named in `served`, for "folgende Kommune(n)". */
  servedMunicipalityCount: number;
  /** Whether the steering group's meetings are told in this section (the first strategic module). */
  hostsSteeringGroup: boolean;
  /** Whether cooperation agreements and kick-off events are told here (the first case-management module). */
  hostsCooperation: boolean;
  /** The programme's further groups told in this section (programme.yaml groups[].module), with their meetings of the period. */
  groups: GroupMeetingsModel[];
  text: { staff: string; work: string };
}

export interface GroupModel {
  phrase: string;
  count: number;
}

export interface HireGroupModel extends GroupModel {
  /** How the group's sentence begins: "Inzwischen" for the first, then "Außerdem", "Zudem", "Ferner" (wortschatz.yaml). */
  connective: string;
  /** "bei der Kreisverwaltung". */
  employer: string;
  /**
   * Whether the group's role serves municipalities: then the sentence announces a list of them. Not when each
   * serves only their employer's own town: "Zudem wurde zum 01.05.2022 ein weiterer Case Manager in der Stadt
   * Troisdorf eingestellt." rather than a list "1) Stadt Troisdorf" under a sentence that names it already.
   */
  listed: boolean;
  /**
   * Municipalities named in the list, or the number of people if more: "folgende Kommune" only for one. 0 when
   * someone in the list serves none yet: "für folgende Kommunen" above a line "noch keiner Kommune zugeordnet"
   * would announce a municipality that is not there, so the sentence says only who was hired.
   */
  lines: number;
  /** "zum 01.05.2022" or "zum 01.05.2022 und zum 01.06.2022": when the group started, for sentences without a list. */
  when: string;
  /**
   * For sentences without a list, when someone in the group is part-time: "mit 0,5 VZÄ", "mit zusammen
   * 1,5 VZÄ" (the posts when hired); empty when all are full-time (a listed group shows it per line).
   */
  partTime: string;
  people: PersonLine[];
}

export type { PersonLine } from './served-lines.js';

export interface LeaverModel {
  end: IsoDate;
  /** "zum 31.03.2022", or for an end known only to the month "im September 2021"; EndAt capitalised. */
  endAt: string;
  EndAt: string;
  /**
   * "die Case Managerin für die Gemeinde Windeck"; one of several in post called the same "eine der beiden
   * Case Managerinnen für …"; several of one description leaving on one day "die beiden Case Managerinnen …".
   */
  phrase: string;
  /** How many people the sentence names (several leaving on one day share one sentence: "sind … ausgeschieden"). */
  count: number;
  /** Hired after the previous Stand as well: "Die zum 01.05.2022 eingestellte Case Managerin …" (else empty). */
  hiredPhrase: string;
}

export interface MoveModel {
  /** The person as served at the previous Stand, capitalised: "Die Case Managerin für die Stadt Sankt Augustin". */
  phrase: string;
  /** The day of the (last) change in the period. */
  since: IsoDate;
  /** The municipalities served at the Stand, after "für": "die Stadt Siegburg"; empty when none. */
  municipalities: string;
  /**
   * Whether they serve some of the earlier municipalities and no new one: "nur noch für die Gemeinde B",
   * since "bisher für A und B zuständig … ist für B zuständig" reads as if B were new.
   */
  fewer: boolean;
  /**
   * The municipalities added to all the earlier ones, after "für": "ist seit dem … zusätzlich für die Gemeinde C
   * zuständig", since listing A and B again would hide which one is new; empty otherwise.
   */
  additional: string;
}

export interface FteChangeModel {
  /** The person, capitalised: "Die Case Managerin für die Stadt Lohmar", "Der zum 01.04.2022 eingestellte Mitarbeiter …". */
  phrase: string;
  /** The day of the (last) change in the period. */
  since: IsoDate;
  /** "0,5 VZÄ" at the Stand (not `fte`: that is a template helper). */
  post: string;
  /** "1 VZÄ" at the previous Stand. */
  previousPost: string;
}

export interface PlanChangeModel {
  from: IsoDate;
  fte: number;
  previousFte: number;
  /** "erhöht" or "verringert" (wortschatz.yaml). */
  direction: string;
  /** "von 6 auf 12 VZÄ", "von sechs auf zwölf Stellen", "von einer auf zwei Stellen": both figures alike. */
  fromTo: string;
  /** Takes effect after the Stand (decided in the period). */
  future: boolean;
  decision: { name: string; date: IsoDate; reference: string } | null;
}

export interface LocalModel {
  fte: number;
  /** "1,5 Vollzeitstellen beim Landratsamt Talheim und eine Vollzeitstelle bei der Stadt selbst"; empty when none. */
  byEmployer: string;
  /** How many employers have such posts. */
  employers: number;
}

export interface FoundingModel {
  /** The first day of the founded plan. */
  from: IsoDate;
  fte: number;
  /** "sechs Vollzeitstellen", "12 VZÄ": the founded plan as the Vorlage says it after "auf". */
  amount: string;
  decision: { name: string; date: IsoDate; reference: string };
}

export interface ModuleInput {
  module: ProgrammeModule;
  stand: IsoDate;
  previousStand: IsoDate | undefined;
  rate: number;
  terms: TermsModel;
  ctx: GroupContext;
  text: { staff?: string; work?: string };
}

/** Grouping keys: how the Vorlage bundles people into one phrase or one sentence. */
const staffKey = (s: StaffMember): string => `${s.role}\u0000${s.focus ?? ''}\u0000${s.employer}`;
const hiringKey = (s: StaffMember): string => `${s.start}\u0000${s.role}\u0000${s.employer}`;

export function buildModule(input: ModuleInput): ModuleModel {
  const { module, stand, previousStand, rate, terms, ctx } = input;
  const index = ctx.index;
  const members = index.staffByModule.get(module.id) ?? [];
  const inPost = members.filter((s) => inPostOn(s, stand));
  const plan = planOn(module, stand);
  const planned = plan?.fte ?? null;
  const filled = sumFte(inPost.map((s) => ({ fte: fteOn(s, stand) })));
  const inPeriod = inReportPeriod(previousStand, stand);
  const hired = previousStand === undefined ? [] : inPost.filter((s) => startDay(s.start) > previousStand);
  const inPostPrevious = previousStand === undefined ? [] : members.filter((s) => inPostOn(s, previousStand));
  const servesMunicipalities = (s: StaffMember): boolean => index.roles.get(s.role)!.servesMunicipalities === true;
  const line = (s: StaffMember, i: number): PersonLine => personLine(index, terms, s, i, stand, ctx.shortListDates);
  // Leavers: in post at the previous Stand and gone by this one, or hired after it and gone again.
  const leavers = previousStand === undefined ? [] : members.filter((s) => s.end !== undefined && inPeriod(endDay(s.end)) && endDay(s.end) >= startDay(s.start));
  const servedContext: ServedContext = {
    index,
    stand,
    unit: unitWords(terms),
    shortDates: ctx.shortListDates,
    servedBy: (s) => assignmentsOn(index, s, stand).flatMap((a) => a.municipalities.map((m) => ({ municipality: m, fte: a.fte }))),
    fte: (s) => fteOn(s, stand),
  };
  const served = servedList(index, inPost.filter(servesMunicipalities), stand, unitWords(terms), ctx.shortListDates);
  const stayed = previousStand === undefined ? [] : inPost.filter((s) => inPostOn(s, previousStand));
  const fteChanges = previousStand === undefined ? [] : fteChangesBetween(ctx, terms, stayed, previousStand, stand);
  const planChanges = planChangesBetween(module, previousStand, stand);
  const founding = previousStand === undefined ? foundingOf(module, stand, unitWords(terms)) : null;
  const moves = previousStand === undefined ? [] : movesBetween(ctx, inPost.filter((s) => servesMunicipalities(s) && inPostOn(s, previousStand)), previousStand, stand);

  return {
    id: module.id,
    number: module.number,
    ...moduleLabels(terms, module.number),
    kind: module.kind,
    name: module.name,
    genitive: module.genitive,
    possessive: possessiveStem(module.genus ?? 'feminine'),
    heading: module.heading ?? '',
    plannedFte: planned,
    filledFte: filled,
    openFte: planned === null ? null : Math.max(0, roundPost(planned - filled)),
    fundingRate: rate,
    plannedFunding: planned === null ? null : Math.round(planned * rate * 100) / 100,
    plannedPosts: planned === null ? '' : formatQuantityInFull(planned, unitWords(terms)),
    fundingRatePhrase: ratePerPost(formatAmount(rate), unitWords(terms), planned !== null && planned > 1),
    filledOfPlanned: planned === null ? '' : filledOfPlanned(filled, planned, unitWords(terms)),
    filledBy: peopleOnPosts(inPost.length, filled, unitWords(terms)),
    planParts: plan?.parts ? joinList(plan.parts.map((p) => `${formatQuantity(p.fte, unitWords(terms))} ${p.label}`)) : '',
    founding,
    planNews: founding !== null || planChanges.length > 0,
    planChanges: planChanges.map((c) => ({
      from: c.period.from,
      fte: c.period.fte,
      previousFte: c.previousFte,
      direction: c.period.fte > c.previousFte ? ctx.vocabulary.stellenumfangErhoeht : ctx.vocabulary.stellenumfangVerringert,
      fromTo: `von ${amountFigure(c.previousFte, unitWords(terms), 'dat')} auf ${formatQuantity(c.period.fte, unitWords(terms), 'acc')}`,
      future: c.future,
      decision: c.period.decision ? { name: c.period.decision.name, date: c.period.decision.date, reference: c.period.decision.reference ?? '' } : null,
    })),
    statements: groupStaff(inPost, hiringKey).map((g) => hireStatement(ctx, g, stand)),
    inPost: describeInPost(ctx, groupStaff(inPost, staffKey)),
    inPostPrevious: describeInPost(ctx, groupStaff(inPostPrevious, staffKey)),
    hires: groupStaff(hired, staffKey).map((g, i) => {
      const listed = servesMunicipalities(g.members[0]!) && !g.members.every((s) => servesOnlyEmployersTown(index, s, stand));
      // Two hires for one municipality: one line per municipality, as under "Betreut werden folgende Kommunen".
      const people = servedLines(servedContext, g.members, line);
      const starts = [...new Set(g.members.map((s) => s.start))];
      return {
        ...describeGroup(ctx, g, { further: true, withEmployer: false, inOrderOfList: listed }),
        connective: hiringConnective(ctx.vocabulary, i),
        employer: index.employers.get(g.members[0]!.employer)!.at,
        listed,
        lines: people.some((p) => p.municipalities.length === 0) ? 0 : Math.max(people.length, people.reduce((n, p) => n + p.municipalities.length, 0)),
        when: joinList(starts.map((d) => `zum ${formatDate(d)}`)),
        partTime: g.members.every((s) => fteOn(s, startDay(s.start)) >= 1)
          ? ''
          : `mit ${g.members.length > 1 ? 'zusammen ' : ''}${formatQuantity(sumFte(g.members.map((s) => ({ fte: fteOn(s, startDay(s.start)) }))), unitWords(terms), 'dat')}`,
        people,
      };
    }),
    leavers: leaverSentences(ctx, leavers, inPost, stand, previousStand),
    moves,
    fteChanges,
    changes: hired.length > 0 || leavers.length > 0 || moves.length > 0 || fteChanges.length > 0,
    unchanged:
      previousStand !== undefined &&
      planned !== null &&
      inPost.length > 0 &&
      hired.length + leavers.length + moves.length + fteChanges.length === 0 &&
      planChangesBetween(module, previousStand, stand).length === 0,
    served: served.lines,
    servedMunicipalityCount: served.municipalityCount,
    // Decided by the report model, which sees all modules.
    hostsSteeringGroup: false,
    hostsCooperation: false,
    groups: [],
    // Set by the report model, which knows the author.
    local: null,
    text: { staff: input.text.staff ?? '', work: input.text.work ?? '' },
  };
}

/** The decision of a module's first plan period, when the data has one taken by the Stand. */
function foundingOf(module: ProgrammeModule, stand: IsoDate, unit: ReturnType<typeof unitWords>): FoundingModel | null {
  const first = [...module.plannedFte].sort(by((p) => p.from))[0];
  if (!first?.decision || first.decision.date > stand) return null;
  const { name, date, reference } = first.decision;
  return { from: first.from, fte: first.fte, amount: formatQuantity(first.fte, unit, 'acc'), decision: { name, date, reference: reference ?? '' } };
}

/**
 * One sentence per leaver, by the day they left; people of one description leaving on one day share one
 * sentence ("Zum 31.01.2022 sind die beiden Case Managerinnen für … ausgeschieden"). Someone called like a
 * colleague is told apart by their start where that differs, otherwise counted among them: "eine der beiden
 * Case Managerinnen für …", since "die Case Managerin für …" claims there was only one.
 */
function leaverSentences(ctx: GroupContext, leavers: readonly StaffMember[], inPost: readonly StaffMember[], stand: IsoDate, previousStand: IsoDate | undefined): LeaverModel[] {
  const index = ctx.index;
  const listedFor = (s: StaffMember): Municipality[] => municipalitiesOn(index, s, endDay(s.end!));
  const plainOf = (s: StaffMember): string => personPhrase(ctx, s, listedFor(s));
  const members = index.staffByModule.get(leavers[0]?.module ?? '') ?? [];
  // Who was called the same on the leaver's last day, the leaver included: the reader's "die … " is one of them.
  const calledAlikeOn = (s: StaffMember, day: IsoDate): StaffMember[] =>
    members.filter((o) => inPostOn(o, day) && personPhrase(ctx, o, municipalitiesOn(index, o, day)) === plainOf(s));
  const sorted = [...leavers].sort(by((s) => endDay(s.end!)));
  const hiredInPeriod = (s: StaffMember): boolean => startDay(s.start) > previousStand!;
  // "zum 31.03.2022", or where only the month is known "im September 2021".
  const endAtOf = (s: StaffMember): { endAt: string; EndAt: string } => {
    const endAt = isMonthOnly(s.end!) ? `im ${formatDate(s.end!)}` : `zum ${formatDate(s.end!)}`;
    return { endAt, EndAt: capitalize(endAt) };
  };
  const sameDay = groupBy(
    sorted,
    (s) => (hiredInPeriod(s) ? `\u0000${s.id}` : `${s.end}\u0000${plainOf(s)}`),
  );
  return [...sameDay.values()].map((group): LeaverModel => {
    const s = group[0]!;
    const plain = plainOf(s);
    if (hiredInPeriod(s)) {
      return { end: s.end!, ...endAtOf(s), phrase: plain, count: 1, hiredPhrase: capitalize(personPhrase(ctx, s, listedFor(s), hiredAttribute(s.start))) };
    }
    const alike = calledAlikeOn(s, endDay(s.end!));
    if (group.length === 1) {
      // "die Koordinatorin der Stadt Troisdorf" who left, beside a successor or another leaver called the
      // same: named by their start, so the reader knows which one (when that tells them apart).
      const namesakes = [...inPost, ...leavers].filter((o) => o !== s && personPhrase(ctx, o, inPostOn(o, stand) ? municipalitiesOn(index, o, stand) : listedFor(o)) === plain);
      if (namesakes.length > 0 && namesakes.every((o) => o.start !== s.start)) return { end: s.end!, ...endAtOf(s), phrase: personPhrase(ctx, s, listedFor(s), hiredAttribute(s.start)), count: 1, hiredPhrase: '' };
    }
    return { end: s.end!, ...endAtOf(s), phrase: alike.length > group.length || group.length > 1 ? someOfAlike(ctx, group, alike, plain) : plain, count: group.length, hiredPhrase: '' };
  });
}

/**
 * "eine der beiden Case Managerinnen für …", "zwei der drei …", "die beiden …": leavers among colleagues
 * called the same, from the plain phrase of one ("die Case Managerin für …") and the plural of them all.
 */
function someOfAlike(ctx: GroupContext, group: readonly StaffMember[], alike: readonly StaffMember[], plain: string): string {
  const role = ctx.index.roles.get(group[0]!.role)!;
  const [single] = nounParts(role.forms, [group[0]!.gender]);
  const [plural] = nounParts(role.forms, alike.map((o) => o.gender));
  const rest = plain.slice(plain.indexOf(single!.text) + single!.text.length);
  const all = Math.max(alike.length, group.length);
  const many = `${all === 2 ? 'beiden' : numberWord(all)} ${adjectivalPlural(plural!.text)}${rest}`;
  if (group.length === all) return `die ${many}`;
  const some = group.length === 1 ? `ein${strongEnding(single!.genus ?? 'feminine', 'nom')}` : numberWord(group.length);
  return `${some} der ${many}`;
}

/**
 * Who serves other municipalities at the Stand than at the previous Stand, with the day of the last change
 * in between: an assignment beginning, or the day after one ended.
 */
function movesBetween(ctx: GroupContext, staff: readonly StaffMember[], previousStand: IsoDate, stand: IsoDate): MoveModel[] {
  const index = ctx.index;
  const moves: MoveModel[] = [];
  for (const s of staff) {
    const before = assignmentsOn(index, s, previousStand).flatMap((a) => a.municipalities);
    const now = assignmentsOn(index, s, stand).flatMap((a) => a.municipalities);
    // The order of the municipalities is only the order of the list; the same ones in another order are no move.
    if (new Set(before).size === new Set(now).size && before.every((m) => now.includes(m))) continue;
    const days = (index.assignmentsByStaff.get(s.id) ?? []).flatMap((a) => [
      ...(a.from > previousStand && a.from <= stand ? [a.from] : []),
      ...(a.to !== undefined && a.to >= previousStand && a.to < stand ? [dayAfter(a.to)] : []),
    ]);
    const since = days.reduce((max, d) => (d > max ? d : max), days[0] ?? stand);
    // Someone who served nobody before (or only their employer's own municipality) is told by their start.
    const attribute = formerlyAttribute(ctx, s, before.map((m) => index.municipalities.get(m)!)) || hiredAttribute(s.start);
    const phrase = personPhrase(ctx, s, [], attribute);
    const served = [...new Set(now)].map((m) => municipalityPhrase(index.municipalities.get(m)!, 'acc'));
    const fewer = now.length > 0 && now.every((m) => before.includes(m));
    const added = before.length > 0 && before.every((m) => now.includes(m)) ? [...new Set(now)].filter((m) => !before.includes(m)) : [];
    const additional = joinList(added.map((m) => municipalityPhrase(index.municipalities.get(m)!, 'acc')));
    // Who still serves all the earlier ones is named by them, not as "bisher für … zuständig".
    const named = additional ? personPhrase(ctx, s, [...new Set(before)].map((m) => index.municipalities.get(m)!)) : phrase;
    moves.push({ phrase: capitalize(named), since, municipalities: joinList(served), fewer, additional });
  }
  return moves;
}

/**
 * Whose post is another at the Stand than at the previous Stand, with the day of the last change in between.
 * Someone named without municipalities is named by their start, so two Mitarbeiter are told apart.
 */
function fteChangesBetween(ctx: GroupContext, terms: TermsModel, staff: readonly StaffMember[], previousStand: IsoDate, stand: IsoDate): FteChangeModel[] {
  const unit = unitWords(terms);
  return staff.flatMap((s) => {
    const before = fteOn(s, previousStand);
    const now = fteOn(s, stand);
    if (micro(before) === micro(now)) return [];
    const since = (s.fteChanges ?? []).map((c) => c.from).filter((d) => d > previousStand && d <= stand).reduce((max, d) => (d > max ? d : max), '');
    const served = municipalitiesOn(ctx.index, s, stand);
    const plain = personPhrase(ctx, s, served);
    const phrase = plain === personPhrase(ctx, s, []) ? personPhrase(ctx, s, served, hiredAttribute(s.start)) : plain;
    // "arbeitet … mit einer Stelle (bisher 0,5 Stellen)": the post after "mit" in the dative.
    return [{ phrase: capitalize(phrase), since, post: formatQuantity(now, unit, 'dat'), previousPost: formatQuantity(before, unit) }];
  });
}

/** Whether someone serves, on the day, their employer's own town and no other ("der Stadt Troisdorf" names it). */
function servesOnlyEmployersTown(index: DatasetIndex, s: StaffMember, day: IsoDate): boolean {
  const town = index.employers.get(s.employer)!.municipality;
  const served = assignmentsOn(index, s, day).flatMap((a) => a.municipalities);
  return town !== undefined && served.length > 0 && served.every((m) => m === town);
}

/** Assignments of a person in force on a day, in the order the data lists them. */
export function assignmentsOn(index: DatasetIndex, staff: StaffMember, day: IsoDate): Assignment[] {
  return (index.assignmentsByStaff.get(staff.id) ?? []).filter((a) => a.from <= day && (a.to === undefined || a.to >= day));
}

/** The municipalities a person serves on a day (for a leaver: their last day, else their latest ones). */
function municipalitiesOn(index: DatasetIndex, staff: StaffMember, day: IsoDate): Municipality[] {
  let assignments = assignmentsOn(index, staff, day);
  if (assignments.length === 0) {
    const earlier = (index.assignmentsByStaff.get(staff.id) ?? []).filter((a) => a.from <= day);
    const last = earlier.reduce<string | undefined>((max, a) => (max === undefined || (a.to ?? day) > max ? (a.to ?? day) : max), undefined);
    assignments = earlier.filter((a) => (a.to ?? day) === last);
  }
  return assignments.flatMap((a) => a.municipalities.map((m) => index.municipalities.get(m)!));
}

function personLine(index: DatasetIndex, terms: TermsModel, s: StaffMember, i: number, stand: IsoDate, shortDates: boolean): PersonLine {
  const assignments = assignmentsOn(index, s, stand);
  const municipalities = assignments.flatMap((a) =>
    a.municipalities.map((m) => {
      const name = municipalityPhrase(index.municipalities.get(m)!, 'bare');
      return a.fte === undefined ? name : `${name} (${formatQuantity(a.fte, unitWords(terms))})`;
    }),
  );
  return {
    number: i + 1,
    municipalities,
    start: s.start,
    startShort: formatDateShort(s.start),
    since: sinceDate(s.start, shortDates),
    partTime: fteOn(s, stand) < 1 && assignments.every((a) => a.fte === undefined) ? formatQuantity(fteOn(s, stand), unitWords(terms)) : '',
  };
}
