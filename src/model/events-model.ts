import { inReportPeriod } from './report-period.js';
import { by } from '../compare.js';
import { formatDate, joinList, municipalityPhrase } from '../german/index.js';
import type { DatasetIndex } from './dataset-index.js';
import { groupBy } from './group-by.js';
import { startDay } from './dates.js';
import { capitalize, countedNoun, definite, possessiveStem } from '../german/index.js';
import { agreementWordOf, hasPartnerAgreements, partnerAgreementSentences, type AgreementWordModel, type PartnerAgreementsModel } from './agreements.js';
import type { Genus, IsoDate, Meetings, ProgrammeGroup } from './types.js';

export interface SteeringMeetingModel {
  date: IsoDate;
  /** Position among all meetings of the steering group (1 = first), for "Beim zweiten Sitzungstermin". */
  number: number;
  constituent: boolean;
  /** An extraordinary meeting (kind außerordentlich): the sentence says so. */
  extraordinary: boolean;
  /** The predicate of "Beim zweiten Sitzungstermin am … wurden …"; empty when the data has none. */
  outcome: string;
  /**
   * Ordinary meetings in a row without an outcome of their own are told in one sentence ("Die Lenkungsgruppe
   * hat am 19.05.2022, 24.11.2022 und 08.08.2023 getagt."): their dates, on the first of them; empty otherwise.
   */
  dates: string;
}

const meetingOf = (m: { date: IsoDate; kind: string; outcome?: string | undefined }, i: number): SteeringMeetingModel => ({
  date: m.date,
  number: i + 1,
  constituent: m.kind === 'konstituierend',
  extraordinary: m.kind === 'außerordentlich',
  outcome: m.outcome ?? '',
  dates: '',
});

/**
 * The meetings as the Vorlage tells them: ordinary meetings without an outcome that follow each other make
 * one sentence with their dates, instead of one "Am … traf sich die Lenkungsgruppe zu ihrem n-ten
 * Sitzungstermin." per date that differs only in the date; a constituent or extraordinary meeting or one
 * with an outcome keeps its own sentence.
 */
export function meetingSentences(meetings: readonly SteeringMeetingModel[]): SteeringMeetingModel[] {
  const plain = (m: SteeringMeetingModel): boolean => !m.constituent && !m.extraordinary && m.outcome === '';
  const out: SteeringMeetingModel[] = [];
  for (let i = 0; i < meetings.length; ) {
    let j = i;
    while (j < meetings.length && plain(meetings[j]!)) j++;
    if (j - i >= 2) {
      out.push({ ...meetings[i]!, dates: joinList(meetings.slice(i, j).map((m) => formatDate(m.date))) });
      i = j;
    } else {
      out.push(meetings[i]!);
      i++;
    }
  }
  return out;
}

/** A body with its article and possessive stem: "Die Lenkungsgruppe … zu ihrer …", "Der Lenkungskreis … zu seiner …". */
export interface BodyWords {
  name: string;
  genitive: string;
  article: string;
  Article: string;
  possessive: string;
}

export function bodyWords(name: string, genitive: string, genus: Genus | undefined): BodyWords {
  const article = definite(genus ?? 'feminine', 'nom');
  return { name, genitive, article, Article: capitalize(article), possessive: possessiveStem(genus ?? 'feminine') };
}

/** What a group's sentences need beyond its words: its chair and whether it is still to meet. */
export interface GroupWords extends BodyWords {
  /** "des Landrates", for "unter Vorsitz des Landrates" in the first sentence about the group; empty without a chair. */
  chair: string;
  /**
   * The group has never met up to the Stand and the data says to tell it (`notMetYet: tell`): "Die
   * Lenkungsgruppe hat sich noch nicht getroffen." Without the field the Vorlage leaves the group out as it
   * always did (existing Vorlagen keep their bytes), and `kim validate` warns when the newest report's Stand
   * lies before the first meeting (group-not-met.ts), so it is never left out unnoticed.
   */
  notMetYet: boolean;
}

/** A group as programme.yaml describes it (the steering group or one of `groups`). */
interface GroupData {
  name: string;
  genitive: string;
  genus?: Genus | undefined;
  chair?: { genitive: string } | undefined;
  notMetYet?: 'tell' | 'omit' | undefined;
}

export function groupWords(group: GroupData, meetingDates: readonly IsoDate[], stand: IsoDate): GroupWords {
  const metByStand = meetingDates.some((d) => d <= stand);
  return {
    ...bodyWords(group.name, group.genitive, group.genus),
    chair: group.chair?.genitive ?? '',
    notMetYet: !metByStand && group.notMetYet === 'tell',
  };
}

/** A further group of the programme (Koordinierungsgruppe …) with its meetings of the period, numbered among all of its own. */
export interface GroupMeetingsModel extends GroupWords {
  meetings: SteeringMeetingModel[];
}

/** The groups told in a module's section that met in the period or have not met yet, in the order of programme.yaml. */
export function groupMeetingsFor(
  groups: readonly ProgrammeGroup[],
  moduleId: string,
  meetings: Meetings,
  previousStand: IsoDate | undefined,
  stand: IsoDate,
): GroupMeetingsModel[] {
  const inPeriod = inReportPeriod(previousStand, stand);
  return groups
    .filter((g) => g.module === moduleId)
    .map((g) => {
      const own = (meetings.groupMeetings ?? []).filter((m) => m.group === g.id).sort(byDate);
      return {
        ...groupWords(g, own.map((m) => m.date), stand),
        meetings: meetingSentences(own.map(meetingOf).filter((m) => inPeriod(m.date))),
      };
    })
    .filter((g) => g.meetings.length > 0 || g.notMetYet);
}

export interface CooperationModel {
  /** How the Kreis calls its agreements (organisation.yaml agreementWord; default Kooperationsvereinbarung). */
  word: AgreementWordModel;
  /**
   * Whether the data tell agreements one by one (a `partner` or a `decision` in meetings.yaml
   * cooperationAgreements, agreements.ts hasPartnerAgreements): then each
   * agreement of the period is told with its partner, municipalities and decision (`partnerSentences`), and
   * the general sentence about "den kreisangehörigen Kommunen" gives way to the count of all agreements.
   */
  byPartner: boolean;
  /** The period's listed agreements by partner, one sentence per day and decision; empty unless `byPartner`. */
  partnerSentences: PartnerAgreementsModel[];
  /** Agreements concluded up to the Stand, listed or not: "wurden Kooperationsvereinbarungen geschlossen" is true. */
  total: number;
  /** "drei Kooperations- und Weiterleitungsverträge", "eine Kooperationsvereinbarung": the total with the word. */
  totalWords: string;
  /** Whether some were concluded before the report's period. */
  earlier: boolean;
  /**
   * Listed agreements of the period, after "mit": "der Gemeinde Eitorf (12.05.2022)", several on one day
   * "der Stadt A und der Stadt B (15.10.2021) sowie der Gemeinde C (05.11.2021)"; empty when none.
   */
  inPeriod: string;
  /** Number of listed agreements of the period. */
  inPeriodCount: number;
  /** More agreements concluded up to the Stand than the period names (earlier or unlisted ones): their count is told. */
  moreThanNamed: boolean;
  /**
   * Whether every listed agreement of the period is dated after the previous report's session, so "seit der
   * letzten Ausschusssitzung" is true of them; one concluded between the previous Stand and that session is
   * new to the committee but not "since the session".
   */
  afterPreviousSession: boolean;
}

export interface KickOffModel {
  date: IsoDate;
  /** "in der Stadt Königswinter"; for several on one day, "in der Gemeinde A und in der Gemeinde B". */
  place: string;
  /** "Kommunalverwaltung, Wohlfahrt und Jobcenter", or empty. */
  participants: string;
  /** "der Kommunalverwaltung, des Jobcenters Rhein-Sieg und der Ausländerbehörde" (participantsGenitive), or empty. */
  participantsGenitive: string;
  /** Several kick-offs of one day with the same participants, told in one sentence ("fanden … statt"). */
  several: boolean;
}

export interface PeriodEvents {
  steeringGroupMeetings: SteeringMeetingModel[];
  cooperation: CooperationModel;
  kickOffs: KickOffModel[];
}

const byDate = by((e: { date: IsoDate }) => e.date);

/**
 * What happened in the report's period (after the previous report's Stand, up to this Stand; everything up
 * to the Stand for a first report): steering-group meetings with their ordinal among all meetings,
 * cooperation agreements and kick-off events, in date order. Entries marked `listed: false` count but are
 * not named.
 */
export function periodEvents(
  meetings: Meetings,
  index: DatasetIndex,
  previousStand: IsoDate | undefined,
  stand: IsoDate,
  previousSession: IsoDate | undefined,
  agreementWord: AgreementWordModel = agreementWordOf(undefined),
): PeriodEvents {
  const inPeriod = inReportPeriod(previousStand, stand);
  // An agreement known only to the month counts from the month's first day (dates.ts).
  const agreements = [...(meetings.cooperationAgreements ?? [])].filter((c) => startDay(c.date) <= stand).sort(byDate);
  const listedNow = agreements.filter((c) => inPeriod(startDay(c.date)) && c.listed !== false);
  const byPartner = hasPartnerAgreements(agreements);
  const days = byPartner ? [] : [...groupBy(listedNow, (c) => c.date).entries()];
  const perDay = days.map(([date, list]) => `${joinList(list.map((c) => municipalityPhrase(index.municipalities.get(c.municipality!)!, 'dat')))} (${formatDate(date)})`);
  return {
    steeringGroupMeetings: index.steeringMeetings
      .map(meetingOf)
      .filter((m) => inPeriod(m.date)),
    cooperation: {
      word: agreementWord,
      byPartner,
      partnerSentences: byPartner ? partnerAgreementSentences(index, listedNow) : [],
      total: agreements.length,
      totalWords: countedNoun(agreements.length, agreementWord),
      earlier: agreements.some((c) => !inPeriod(startDay(c.date))),
      inPeriod: joinList(perDay),
      inPeriodCount: listedNow.length,
      moreThanNamed: agreements.length > listedNow.length,
      afterPreviousSession: previousSession !== undefined && listedNow.every((c) => startDay(c.date) > previousSession),
    },
    kickOffs: kickOffsOfPeriod(meetings, index, inPeriod),
  };
}

/**
 * The period's kick-offs in date order; those of one day with the same participants make one sentence
 * ("Am 07.11.2023 fanden in der Gemeinde A und in der Gemeinde B die Auftaktveranstaltungen … statt"),
 * not two that differ in one word.
 */
function kickOffsOfPeriod(meetings: Meetings, index: DatasetIndex, inPeriod: (date: IsoDate) => boolean): KickOffModel[] {
  const listed = [...(meetings.kickOffs ?? [])].filter((k) => inPeriod(k.date) && k.listed !== false).sort(byDate);
  const sameSentence = groupBy(listed, (k) => `${k.date}\u0000${JSON.stringify([k.participants ?? [], k.participantsGenitive ?? []])}`);
  return [...sameSentence.values()].map((group) => ({
    date: group[0]!.date,
    place: joinList(group.map((k) => municipalityPhrase(index.municipalities.get(k.municipality)!, 'in'))),
    participants: joinList(group[0]!.participants ?? []),
    participantsGenitive: joinList(group[0]!.participantsGenitive ?? []),
    several: group.length > 1,
  }));
}
