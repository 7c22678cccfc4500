import type { Assignment, Dataset, IsoDate, Report, Session, StaffMember, TextKey } from './types.js';
import { TEXT_KEYS } from './types.js';
import { inPostOn, yearOf } from './dates.js';
import { fundingRateFor, plannedFteOn } from './fte.js';
import { ATTACHMENT_SLOT, fillSlots } from './slots.js';
import { describeGroup, groupStaff, hireStatement, type GroupContext, type StaffGroup } from './staff-groups.js';
import { indexOf } from './dataset-index.js';
import { formatDateShort } from '../render/german/index.js';

/**
 * Everything a Vorlage says, computed from the data for one report: what a template prints, nothing it
 * has to work out. Pure: the dataset and the report id are the only inputs (no clock, no disk).
 * Personal names are never copied into it, so no template can print one.
 */
export interface ReportModel {
  id: string;
  title: string;
  paperType: string;
  public: boolean;
  /** "öffentlichen" or "nichtöffentlichen", for "Vorlage für den … Sitzungsteil". */
  part: string;
  department: string;
  body: Dataset['organisation']['body'];
  programme: { name: string; shortName: string; genitive: string };
  steeringGroup: { name: string; genitive: string };
  stand: IsoDate;
  /** The session the Vorlage is written for (its first consultation). */
  session: SessionModel;
  consultations: (SessionModel & { role: string })[];
  /** The same committee's session before this one ("Seit der letzten Ausschuss-Sitzung am …"), if any. */
  previousSession: SessionModel | null;
  /** The report this one continues ("Bezugnehmend auf die Darstellung …"), if any. */
  previous: { id: string; stand: IsoDate; session: SessionModel } | null;
  modules: ModuleModel[];
  steeringGroupMeetings: SteeringMeetingModel[];
  cooperationAgreements: { municipality: string; date: IsoDate }[];
  kickOffs: { municipality: string; date: IsoDate; participants: string[] }[];
  attachments: { number: number; title: string; file: string | null }[];
  text: Record<TextKey, string>;
  signature: { authority: string; function: string };
}

export interface SessionModel {
  id: string;
  date: IsoDate;
  committee: string;
  committeeGenitive: string;
  public: boolean;
}

export interface ModuleModel {
  id: string;
  number: number;
  name: string;
  genitive: string;
  plannedFte: number | null;
  filledFte: number;
  /** Funding per FTE and year for the Stand's year. */
  fundingRate: number;
  plannedFunding: number | null;
  filledFunding: number;
  /** One sentence per hiring (same day, role and employer) of the staff in post, from the roles' statements. */
  statements: string[];
  /** Staff in post at the Stand, grouped by role, focus and employer ("zwei Case Managerinnen für …"). */
  inPost: GroupModel[];
  /** The same at the previous report's Stand ("Zum damaligen Zeitpunkt waren …"). */
  inPostPrevious: GroupModel[];
  /** Hired after the previous Stand, grouped by role, focus and employer; one line per person. */
  hires: HireGroupModel[];
  /** Left after the previous Stand. */
  leavers: GroupModel[];
}

export interface GroupModel {
  phrase: string;
  count: number;
}

export interface HireGroupModel extends GroupModel {
  /** "bei der Kreisverwaltung". */
  employer: string;
  people: { number: number; municipalities: string[]; start: IsoDate; startShort: string }[];
}

export interface SteeringMeetingModel {
  date: IsoDate;
  /** Position among all meetings of the steering group (1 = first), for "Beim zweiten Sitzungstermin". */
  number: number;
  constituent: boolean;
  outcome: string;
}

export function buildReportModel(data: Dataset, reportId: string): ReportModel {
  const report = data.reports.find((r) => r.id === reportId);
  if (!report) throw new Error(`Vorlage ${reportId} nicht in den Daten`);
  const { organisation, programme, meetings } = data;
  const index = indexOf(data);
  const sessionModel = (s: Session): SessionModel => {
    const committee = index.committees.get(s.committee)!;
    return { id: s.id, date: s.date, committee: committee.name, committeeGenitive: committee.genitive, public: s.public };
  };

  const consultations = report.consultations.map((c) => ({ ...sessionModel(index.sessions.get(c.session)!), role: c.role }));
  const session = consultations[0]!;
  const previousReport = findPreviousReport(data, report);
  const previousStand = previousReport?.stand;
  const stand = report.stand;
  const ctx: GroupContext = { index, leadEmployer: programme.leadEmployer };
  const rate = fundingRateFor(programme, yearOf(stand)) ?? 0;

  const modules = [...programme.modules]
    .sort((a, b) => a.number - b.number)
    .map((module): ModuleModel => {
      const members = index.staffByModule.get(module.id) ?? [];
      const inPost = members.filter((s) => inPostOn(s, stand));
      const planned = plannedFteOn(module, stand) ?? null;
      const filled = roundFte(inPost.reduce((sum, s) => sum + s.fte, 0));
      const hired = previousStand === undefined ? [] : inPost.filter((s) => s.start > previousStand);
      const inPostPrevious = previousStand === undefined ? [] : members.filter((s) => inPostOn(s, previousStand));
      // Leavers: in post at the previous Stand, gone by this one (someone hired and gone in between is neither).
      const left = inPostPrevious.filter((s) => !inPostOn(s, stand));
      return {
        id: module.id,
        number: module.number,
        name: module.name,
        genitive: module.genitive,
        plannedFte: planned,
        filledFte: filled,
        fundingRate: rate,
        plannedFunding: planned === null ? null : planned * rate,
        filledFunding: filled * rate,
        statements: groupStaff(inPost, hiringKey).map((g) => hireStatement(ctx, g)),
        inPost: groupStaff(inPost, staffKey).map((g) => listed(ctx, g)),
        inPostPrevious: groupStaff(inPostPrevious, staffKey).map((g) => listed(ctx, g)),
        hires: groupStaff(hired, staffKey).map((g) => ({
          ...describeGroup(ctx, g, { further: true, withEmployer: false }),
          employer: index.employers.get(g.members[0]!.employer)!.at,
          people: g.members.map((s, i) => ({
            number: i + 1,
            municipalities: municipalitiesOf(index.assignmentsByStaff.get(s.id) ?? [], stand, index.municipalityNames),
            start: s.start,
            startShort: formatDateShort(s.start),
          })),
        })),
        leavers: groupStaff(left, staffKey).map((g) => listed(ctx, g)),
      };
    });

  const attachments = (report.attachments ?? []).map((a, i) => ({ number: i + 1, title: a.title, file: a.file ?? null, id: a.id }));
  const fillText = (text: string | undefined): string =>
    text === undefined ? '' : fillSlots(text, (name, arg) => (name === ATTACHMENT_SLOT ? `Anlage ${attachments.find((a) => a.id === arg)!.number}` : `{${name}}`));
  const inPeriod = (date: IsoDate) => (previousStand === undefined || date > previousStand) && date <= stand;

  return {
    id: report.id,
    title: report.title,
    paperType: report.paperType,
    public: report.public,
    part: report.public ? 'öffentlichen' : 'nichtöffentlichen',
    department: index.departments.get(report.department)!,
    body: organisation.body,
    programme: { name: programme.name, shortName: programme.shortName, genitive: programme.genitive },
    steeringGroup: programme.steeringGroup,
    stand,
    session,
    consultations,
    previousSession: previousSessionOf(meetings.sessions, index.sessions.get(report.consultations[0]!.session)!, sessionModel),
    previous: previousReport
      ? { id: previousReport.id, stand: previousReport.stand, session: sessionModel(index.sessions.get(previousReport.consultations[0]!.session)!) }
      : null,
    modules,
    steeringGroupMeetings: index.steeringMeetings
      .map((m, i) => ({ date: m.date, number: i + 1, constituent: m.kind === 'konstituierend', outcome: m.outcome ?? '' }))
      .filter((m) => inPeriod(m.date)),
    cooperationAgreements: (meetings.cooperationAgreements ?? [])
      .filter((c) => c.date <= stand)
      .map((c) => ({ municipality: index.municipalityNames.get(c.municipality)!, date: c.date })),
    kickOffs: (meetings.kickOffs ?? [])
      .filter((k) => k.date <= stand)
      .map((k) => ({ municipality: index.municipalityNames.get(k.municipality)!, date: k.date, participants: k.participants ?? [] })),
    attachments: attachments.map(({ number, title, file }) => ({ number, title, file })),
    text: Object.fromEntries(TEXT_KEYS.map((k) => [k, fillText(report.text?.[k])])) as Record<TextKey, string>,
    signature: report.signature,
  };
}

/** Grouping keys: how the Vorlage bundles people into one phrase or one sentence. */
const staffKey = (s: StaffMember): string => `${s.role}\u0000${s.focus ?? ''}\u0000${s.employer}`;
const hiringKey = (s: StaffMember): string => `${s.start}\u0000${s.role}\u0000${s.employer}`;
const roundFte = (n: number): number => Math.round(n * 1000) / 1000;

function listed(ctx: GroupContext, g: StaffGroup): GroupModel {
  return describeGroup(ctx, g, { further: false, withEmployer: true });
}

/** The explicitly named previous report, or the one with the latest Stand before this one. */
export function findPreviousReport(data: Dataset, report: Report): Report | undefined {
  if (report.previousReport !== undefined) return data.reports.find((r) => r.id === report.previousReport);
  let best: Report | undefined;
  for (const r of data.reports) {
    if (r.stand < report.stand && (!best || r.stand > best.stand)) best = r;
  }
  return best;
}

function previousSessionOf(all: Session[], current: Session, model: (s: Session) => SessionModel): SessionModel | null {
  let best: Session | undefined;
  for (const s of all) {
    if (s.committee === current.committee && s.date < current.date && (!best || s.date > best.date)) best = s;
  }
  return best ? model(best) : null;
}

/** The municipalities a person serves on a day, in the order the assignments list them. */
function municipalitiesOf(assignments: Assignment[], day: IsoDate, names: Map<string, string>): string[] {
  return assignments.filter((a) => a.from <= day && (a.to === undefined || a.to >= day)).flatMap((a) => a.municipalities.map((m) => names.get(m)!));
}
