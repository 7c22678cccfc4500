import type { Dataset, IsoDate, LetterheadField, Report, SectionHeading, Session } from './types.js';
import { type Vocabulary, withOverrides } from './vocabulary.js';
import { yearOf } from './dates.js';
import { fundingRateFor } from './fte.js';
import { clerkTextFiller, headingSlotValues, municipalityNounOf, servedLookup } from './fact-slots.js';
import { outlineHeadings } from './outline-blocks.js';
import { indexOf } from './dataset-index.js';
import { buildModule, type LocalModel, type ModuleModel } from './module-model.js';
import { localPosts } from './local-posts.js';
import { bodyWords, groupWords, groupMeetingsFor, meetingSentences, periodEvents, type CooperationModel, type KickOffModel, type SteeringMeetingModel } from './events-model.js';
import { agreementWordOf } from './agreements.js';
import { municipalityWordOf, termsOf, unitWords, type MunicipalityWordModel, type TermsModel } from './terms.js';
import { beiDative, capitalize, defaultSessionName, formatDate, formatQuantity, joinList, municipalityPhrase, presenterName, presentersSentence, type MunicipalityName } from '../german/index.js';
import { sumFte } from './staff-groups.js';
import { coverageOf, type CoverageModel } from './coverage.js';

export type { FteChangeModel, LocalModel, ModuleModel, GroupModel, HireGroupModel, LeaverModel, MoveModel, PersonLine, PlanChangeModel } from './module-model.js';
export type { CooperationModel, KickOffModel, SteeringMeetingModel } from './events-model.js';
import type { GroupWords } from './events-model.js';
import { reportSessionId } from './report-session.js';

/**
 * Everything a Vorlage says, computed from the data for one report: what a template prints, nothing it
 * has to work out. Pure: the dataset and the report are the only inputs (no clock, no disk).
 * Personal names are never copied into it, so no template can print one.
 */
export interface ReportModel {
  id: string;
  title: string;
  paperType: string;
  /** Drucksachennummer, or empty. */
  reference: string;
  /** Aktenzeichen, or empty. */
  fileNumber: string;
  public: boolean;
  /** "öffentlichen" or "nichtöffentlichen", for "Vorlage für den … Sitzungsteil". */
  part: string;
  department: string;
  body: Dataset['organisation']['body'];
  letterhead: LetterheadModel;
  programme: { name: string; shortName: string; genitive: string };
  /**
   * The programme's owner when the Vorlage's author is another body (programme.yaml owner: a town reporting
   * on its Kreis's programme): "Der Landkreis Talheim hat … geplant." Null when the author runs the programme.
   */
  owner: { name: string; nominative: string; Nominative: string; genitive: string } | null;
  /** With an owner: the author's own municipality (organisation.yaml body.municipality), "die Stadt Wiesental" after "für". */
  author: { municipality: { bare: string; acc: string; dat: string } } | null;
  /** With an owner: all posts serving the author's municipality at the Stand (see ModuleModel.local). */
  local: LocalModel | null;
  terms: TermsModel;
  /** "folgende Kommunen", "keiner Kommune", "den kreisangehörigen Kommunen" – or a Stadt's "Stadtteile". */
  municipalityWord: MunicipalityWordModel;
  /** Section headings, without the colon: "Vorbemerkungen", "Erläuterungen" … (organisation.yaml headings). */
  headings: Record<SectionHeading, string>;
  /**
   * The fact slots in the headings of the clerk's outline, as written ("{besetzt:modul-2}"), with their
   * values: filled like the text blocks (fact-slots.ts), placed by the renderer (outline-assemble.ts).
   */
  headingSlots: Record<string, string>;
  /**
   * The programme's steering group, or null when it has none; with its article and possessive stem for
   * "Die Lenkungsgruppe traf sich … zu ihrer …" ("Der Lenkungskreis … zu seiner …"), its chair and whether it
   * is still to meet.
   */
  steeringGroup: GroupWords | null;
  stand: IsoDate;
  /** The session the Vorlage is written for (its first consultation). */
  session: SessionModel;
  consultations: (SessionModel & { role: string })[];
  /**
   * The report this one continues and its session: "Seit der letzten Ausschusssitzung am …",
   * "Bezugnehmend auf die Darstellung in der letzten Ausschusssitzung …". `lastSession` is false when the
   * committee met in between without a report: then that session is not "die letzte". Null for a first report.
   */
  previous: { id: string; stand: IsoDate; session: SessionModel; lastSession: boolean } | null;
  /** The modules with something to report at the Stand (a plan, staff, a change or text), in number order. */
  modules: ModuleModel[];
  totals: TotalsModel;
  /** Funding per post for the Stand's year, and that year. */
  fundingRate: number;
  fundingYear: number;
  steeringGroupMeetings: SteeringMeetingModel[];
  /** True when the steering group's meetings get a section of their own (no strategic module to carry them). */
  steeringGroupSection: boolean;
  cooperation: CooperationModel;
  kickOffs: KickOffModel[];
  /** True when agreements and kick-offs get a section of their own (no case-management module to carry them). */
  cooperationSection: boolean;
  /** `chart`: the staffing chart (fact block diagramm), computed by the renderer on demand (staffing-series.ts). */
  show: { overview: boolean; financialImpact: boolean; chart: boolean };
  /** The coverage Anlage (show.coverage, fact block abdeckung), numbered after the report's own Anlagen; null without. */
  coverage: CoverageAnlage | null;
  /** Whether the paper type asks for a Beschlussvorschlag. */
  requiresResolution: boolean;
  attachments: { number: number; title: string; file: string | null }[];
  /** The clerk's text blocks with their slots filled; empty strings where the report has none. */
  text: { preface: string; resolution: string; steeringGroup: string; financialImpact: string; closing: string };
  signature: { authority: string; function: string };
  /**
   * Who presents the item (report.yaml presenters): the sentence of the fact block berichterstattung, and
   * the staff members' names as it writes them ("Frau Andrea Wiesenthal"): the only names the privacy
   * check lets through, in this report's Vorlage, once per placed block (privacy-check.ts). Empty without presenters.
   */
  presenters: { sentence: string; staffNames: string[] };
}

export interface CoverageAnlage extends CoverageModel {
  /** Its number among the Anlagen ("Anlage 2"). */
  number: number;
  title: string;
  /** The first column's heading: the Kreis's word for one municipality ("Kommune", "Stadtteil"). */
  columnHeading: string;
}

/** The coverage Anlage's title, with the Kreis's word for its municipalities ("… in den Kommunen"). */
export const coverageTitle = (pluralDative: string): string => `Case Management in den ${pluralDative}`;

export interface SessionModel {
  id: string;
  date: IsoDate;
  committee: string;
  committeeGenitive: string;
  /** "Ausschusssitzung", "Kreistagssitzung": what the text calls a session of this committee. */
  sessionName: string;
  public: boolean;
}

export interface LetterheadModel {
  /** Print the Kreis's name above the department. */
  showBody: boolean;
  /** "Vorlagenart: Beschlussvorlage", "Drucksache: 197/23" …: the fields the Kreis prints and the report has. */
  lines: { label: string; value: string }[];
  /**
   * The title ("Betreff: …") and the session part ("Sitzungsteil: öffentlich") are among the lines, so the
   * header does not say them again as "Tagesordnungspunkt …" and "Vorlage für den … Sitzungsteil".
   */
  showsTitle: boolean;
  showsPart: boolean;
  /** The labels of all fields, also where the text names one: "(Drucksache 245/21)" or "(Vorlage 245/21)". */
  labels: Record<LetterheadField, string>;
  logo: { file: string; alt: string } | null;
}

export interface TotalsModel {
  /** Sum of the plans in force; null when no module has one. */
  plannedFte: number | null;
  filledFte: number;
  openFte: number | null;
  plannedFunding: number | null;
}

const LETTERHEAD_FIELDS: LetterheadField[] = ['paperType', 'reference', 'fileNumber', 'date'];

/** The model of one Vorlage; `vocabulary` is kim's fixed words (templates/wortschatz.yaml), before organisation.yaml's own. */
export function buildReportModel(data: Dataset, report: Report, defaults: Vocabulary): ReportModel {
  const { organisation, programme, meetings } = data;
  const vocabulary = withOverrides(defaults, organisation.wortschatz);
  const index = indexOf(data);
  const sessionModel = (s: Session): SessionModel => {
    const committee = index.committees.get(s.committee)!;
    return { id: s.id, date: s.date, committee: committee.name, committeeGenitive: committee.genitive, sessionName: committee.sessionName ?? defaultSessionName(committee), public: s.public };
  };

  const consultations = report.consultations.map((c) => ({ ...sessionModel(index.sessions.get(c.session)!), role: c.role }));
  const session = consultations[0]!;
  const previousReport = findPreviousReport(data, report);
  const previousSession = previousReport ? index.sessions.get(reportSessionId(previousReport))! : undefined;
  const thisSession = index.sessions.get(reportSessionId(report))!;
  const previous =
    previousReport && previousSession
      ? {
          id: previousReport.id,
          stand: previousReport.stand,
          session: sessionModel(previousSession),
          lastSession: sessionsBetween(data, previousSession, thisSession).length === 0,
        }
      : null;
  const previousStand = previousReport?.stand;
  const stand = report.stand;
  const terms = termsOf(programme);
  const rate = fundingRateFor(programme, yearOf(stand)) ?? 0;
  // A town's Vorlage on its Kreis's programme names every employer ("beim Landratsamt", "der Stadt …"): none is
  // the author's own programme employer.
  const ctx = { index, leadEmployer: programme.owner ? '' : programme.leadEmployer, unit: unitWords(terms), vocabulary, shortListDates: organisation.listDates !== 'long' };
  const authorMunicipality = programme.owner && organisation.body.municipality ? index.municipalities.get(organisation.body.municipality) : undefined;
  const localOf = (staff: readonly Dataset['staff'][number][]): LocalModel | null =>
    authorMunicipality ? localModel(localPosts(index, staff, organisation.body.municipality!, stand), index, ctx.unit, authorMunicipality) : null;

  const attachments = (report.attachments ?? []).map((a, i) => ({ number: i + 1, title: a.title, file: a.file ?? null, id: a.id }));
  // The coverage table is an Anlage of kim's own, listed after the clerk's.
  const coverage: CoverageAnlage | null =
    report.show?.coverage === true
      ? { ...coverageOf(data, stand), number: attachments.length + 1, title: coverageTitle(municipalityWordOf(organisation.municipalityWord).pluralDative), columnHeading: municipalityNounOf(data).singular }
      : null;
  const sorted = [...programme.modules].sort((a, b) => a.number - b.number);
  const built = sorted.map((module) => {
    const text = report.text?.modules?.[module.id] ?? {};
    const m = buildModule({ module, stand, previousStand, rate, terms, ctx, text });
    return { ...m, local: localOf(index.staffByModule.get(module.id) ?? []) };
  });
  // A module of the programme with nothing to say at this Stand (not planned yet, no staff, no text, no
  // meetings of a group it tells) is left out.
  const shown = built
    .map((m) => ({ ...m, groups: groupMeetingsFor(programme.groups ?? [], m.id, meetings, previousStand, stand) }))
    .filter(
      (m) =>
        m.plannedFte !== null ||
        m.inPost.length > 0 ||
        m.leavers.length > 0 ||
        m.planChanges.length > 0 ||
        m.groups.length > 0 ||
        report.text?.modules?.[m.id] !== undefined,
    );
  // The steering group is told with the first strategic module, the cooperation with the municipalities
  // with the first case-management module; without such a module each gets a section of its own.
  const steeringHost = programme.steeringGroup ? shown.find((m) => m.kind === 'strategic') : undefined;
  const cooperationHost = shown.find((m) => m.kind === 'case-management');
  const modules = shown.map((m) => ({
    ...m,
    hostsSteeringGroup: m === steeringHost,
    hostsCooperation: m === cooperationHost,
  }));

  const steeringGroup = programme.steeringGroup ? groupWords(programme.steeringGroup, index.steeringMeetings.map((m) => m.date), stand) : null;
  const events = periodEvents(meetings, index, previousStand, stand, previous?.session.date, agreementWordOf(organisation.agreementWord));
  const planned = modules.filter((m) => m.plannedFte !== null);
  const plannedFte = planned.length > 0 ? sumFte(planned.map((m) => ({ fte: m.plannedFte! }))) : null;
  const filledFte = sumFte(modules.map((m) => ({ fte: m.filledFte })));
  const totals: TotalsModel = {
    plannedFte,
    filledFte,
    openFte: plannedFte === null ? null : sumFte(planned.map((m) => ({ fte: m.openFte! }))),
    plannedFunding: plannedFte === null ? null : Math.round(planned.reduce((sum, m) => sum + m.plannedFunding! * 100, 0)) / 100,
  };
  // The clerk's text is filled last, from the facts computed above (fact-slots.ts); any string the clerk
  // writes into the Vorlage goes through `fill`. Modules the Vorlage leaves out still have facts to name.
  const fill = clerkTextFiller({
    stand,
    session,
    previous,
    previousReference: previousReport?.reference ?? '',
    totals,
    fundingRate: rate,
    fundingYear: yearOf(stand),
    unit: ctx.unit,
    municipalityNoun: municipalityNounOf(data),
    modules: built,
    served: servedLookup(data, stand),
    agreements: events.cooperation.total,
    agreementNoun: events.cooperation.word,
    steeringGroupMeetings: programme.steeringGroup ? events.steeringGroupMeetings.length : null,
    attachments,
    owner: programme.owner?.name ?? null,
    local: localOf(data.staff),
  });
  const paperType = organisation.paperTypes.find((p) => p.name === report.paperType);
  const letterhead = organisation.letterhead ?? {};
  const fields = letterhead.fields ?? LETTERHEAD_FIELDS;
  const labels = { ...vocabulary.briefkopf, ...letterhead.labels };
  const fieldValues: Record<LetterheadField, string> = {
    title: report.title,
    part: report.public ? 'öffentlich' : 'nichtöffentlich',
    paperType: report.paperType,
    reference: report.reference ?? '',
    fileNumber: report.fileNumber ?? '',
    date: report.date ? formatDate(report.date) : '',
  };

  return {
    id: report.id,
    title: report.title,
    paperType: report.paperType,
    reference: report.reference ?? '',
    fileNumber: report.fileNumber ?? '',
    public: report.public,
    part: report.public ? 'öffentlichen' : 'nichtöffentlichen',
    department: index.departments.get(report.department)!,
    body: organisation.body,
    letterhead: {
      showBody: letterhead.showBody ?? true,
      lines: fields.filter((f) => fieldValues[f] !== '').map((f) => ({ label: labels[f], value: fieldValues[f] })),
      showsTitle: fields.includes('title'),
      showsPart: fields.includes('part'),
      labels,
      logo: letterhead.logo ?? null,
    },
    programme: { name: programme.name, shortName: programme.shortName, genitive: programme.genitive },
    owner: programme.owner ? { ...programme.owner, Nominative: capitalize(programme.owner.nominative) } : null,
    author: authorMunicipality
      ? { municipality: { bare: municipalityPhrase(authorMunicipality, 'bare'), acc: municipalityPhrase(authorMunicipality, 'acc'), dat: municipalityPhrase(authorMunicipality, 'dat') } }
      : null,
    local: localOf(data.staff),
    terms,
    municipalityWord: municipalityWordOf(organisation.municipalityWord),
    headings: { ...vocabulary.ueberschriften, ...organisation.headings },
    // The report's outline, else its Kreis's, as the renderer picks it; kim's own outline has no fact slot.
    headingSlots: headingSlotValues(outlineHeadings(report.outline ?? organisation.outline ?? []), fill),
    steeringGroup,
    stand,
    session,
    consultations,
    previous,
    modules: modules.map((m) => ({ ...m, text: { staff: fill(m.text.staff), work: fill(m.text.work) } })),
    totals,
    fundingRate: rate,
    fundingYear: yearOf(stand),
    steeringGroupMeetings: programme.steeringGroup ? meetingSentences(events.steeringGroupMeetings) : [],
    steeringGroupSection:
      steeringGroup !== null && steeringHost === undefined && (events.steeringGroupMeetings.length > 0 || steeringGroup.notMetYet || report.text?.steeringGroup !== undefined),
    cooperation: events.cooperation,
    kickOffs: events.kickOffs,
    cooperationSection: cooperationHost === undefined && (events.cooperation.total > 0 || events.kickOffs.length > 0),
    show: {
      overview: report.show?.overview ?? true,
      financialImpact: (report.show?.financialImpact ?? false) || report.text?.financialImpact !== undefined,
      chart: report.show?.chart === true,
    },
    coverage,
    requiresResolution: paperType?.requiresResolution === true,
    attachments: [...attachments.map(({ number, title, file }) => ({ number, title, file })), ...(coverage ? [{ number: coverage.number, title: coverage.title, file: null }] : [])],
    text: {
      preface: fill(report.text?.preface),
      resolution: fill(report.text?.resolution),
      steeringGroup: fill(report.text?.steeringGroup),
      financialImpact: fill(report.text?.financialImpact),
      closing: fill(report.text?.closing),
    },
    signature: report.signature,
    presenters: presentersOf(report, data.staff),
  };
}

/** The presenters' forms; a staff member's name from staff.yaml (validation has made sure there is one). */
function presentersOf(report: Report, staff: Dataset['staff']): ReportModel['presenters'] {
  const forms = (report.presenters ?? []).map((p) => ({
    name: p.staff !== undefined ? (staff.find((s) => s.id === p.staff)?.name ?? '') : (p.name ?? ''),
    salutation: p.salutation,
    academicTitle: p.academicTitle,
    function: p.function,
    staff: p.staff !== undefined,
  }));
  return { sentence: presentersSentence(forms), staffNames: forms.filter((f) => f.staff).map(presenterName) };
}

/**
 * Posts serving the author's municipality as the Vorlage names them: per employer, "1,5 VZÄ beim Landratsamt
 * Talheim". The author's own administration (an employer whose `municipality` is the author's) is "bei der
 * Stadt selbst": the sentence has just named the town ("Für die Stadt Wiesental sind davon …").
 */
function localModel(
  posts: ReturnType<typeof localPosts>,
  index: ReturnType<typeof indexOf>,
  unit: ReturnType<typeof unitWords>,
  author: MunicipalityName & { id: string },
): LocalModel {
  const where = (employerId: string): string => {
    const employer = index.employers.get(employerId)!;
    return employer.municipality === author.id ? `${beiDative(author.genus ?? 'feminine')} ${author.type} selbst` : employer.at;
  };
  return {
    fte: posts.fte,
    byEmployer: joinList(posts.byEmployer.map((e) => `${formatQuantity(e.fte, unit)} ${where(e.employer)}`)),
    employers: posts.byEmployer.length,
  };
}

/**
 * Sessions of the previous report's committee after its session and before this one (held without a report
 * of this series): when there is one, the previous report's session is not "die letzte Ausschusssitzung".
 * Its committee, not this report's: a Vorlage for the Kreistag after one for the Ausschuss calls the
 * Ausschuss's session "die letzte" only if the Ausschuss has not met since.
 */
export function sessionsBetween(data: { meetings: Pick<Dataset['meetings'], 'sessions'> }, previousSession: Session, thisSession: Session): Session[] {
  return data.meetings.sessions.filter((s) => s.committee === previousSession.committee && s.date > previousSession.date && s.date < thisSession.date);
}

/** The explicitly named previous report, or the one with the latest Stand before this one. */
export function findPreviousReport(data: Pick<Dataset, 'reports'>, report: Report): Report | undefined {
  if (report.previousReport !== undefined) return data.reports.find((r) => r.id === report.previousReport);
  let best: Report | undefined;
  for (const r of data.reports) {
    if (r.stand < report.stand && (!best || r.stand > best.stand)) best = r;
  }
  return best;
}
