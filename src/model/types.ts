/**
 * The shapes of the data files once they have passed their JSON Schemas (schemas/*.schema.json).
 * Dates are ISO strings `YYYY-MM-DD`, compared as strings: never Date objects, so no time zone can shift them.
 */
import type { Gender, Genus, IsoDate, NounForms } from '../german/types.js';

export type { Gender, Genus, IsoDate };

export interface Organisation {
  body: { id: string; name: string; in: string; dative: string; genitive: string };
  letterhead?: Letterhead;
  headings?: Partial<Record<SectionHeading, string>>;
  departments: { id: string; name: string }[];
  committees: Committee[];
  paperTypes: PaperType[];
  consultationRoles?: ConsultationRole[];
  municipalities: Municipality[];
  employers: Employer[];
}
export type SectionHeading = 'resolution' | 'preface' | 'explanation' | 'financialImpact';
export type LetterheadField = 'paperType' | 'reference' | 'fileNumber' | 'date';
export interface Letterhead {
  showBody?: boolean;
  fields?: LetterheadField[];
  labels?: Partial<Record<LetterheadField, string>>;
  logo?: { file: string; alt: string };
}
export interface PaperType {
  name: string;
  requiresResolution?: boolean;
}
export interface ConsultationRole {
  name: string;
  authoritative?: boolean;
}
export interface Committee {
  id: string;
  name: string;
  genitive: string;
}
export interface Municipality {
  id: string;
  name: string;
  /** "Stadt", "Gemeinde", "Markt" …: printed before the name. */
  type: string;
  /** Genus of `type`, for articles; feminine when absent. */
  genus?: Genus;
  region: string;
}
export interface Employer {
  id: string;
  name: string;
  municipality?: string;
  at: string;
  of: string;
}

export interface Terms {
  module?: { singular: string; genus: Genus };
  numbering?: 'arabic' | 'roman';
  unit?: Unit;
}
export interface Unit {
  singular: string;
  plural: string;
  abbreviation?: string;
  genus: Genus;
}

export interface Programme {
  name: string;
  shortName: string;
  genitive: string;
  leadEmployer: string;
  terms?: Terms;
  steeringGroup?: { name: string; genitive: string; genus?: Genus };
  fundingRates: { year: number; amount: number }[];
  modules: ProgrammeModule[];
  roles: Role[];
}
export type ModuleKind = 'strategic' | 'case-management' | 'other';
export interface ProgrammeModule {
  id: string;
  number: number;
  kind: ModuleKind;
  name: string;
  genitive: string;
  heading?: string;
  plannedFte: PlanPeriod[];
}
export interface PlanPeriod {
  from: IsoDate;
  fte: number;
  parts?: { fte: number; label: string }[];
  decision?: { name: string; date: IsoDate; reference?: string };
}
export type RoleForms = NounForms;
export interface Role {
  id: string;
  qualifier?: string;
  servesMunicipalities?: boolean;
  forms: RoleForms;
  statement?: { one: string; many: string };
}

export interface StaffMember {
  id: string;
  name?: string;
  gender: Gender;
  role: string;
  module: string;
  fte: number;
  employer: string;
  workplace?: string;
  start: IsoDate;
  end?: IsoDate;
  focus?: string;
}

export interface Assignment {
  staff: string;
  municipalities: string[];
  from: IsoDate;
  to?: IsoDate;
  /** Share of the person's post for each municipality listed. */
  fte?: number;
}

export interface Session {
  id: string;
  committee: string;
  date: IsoDate;
  public: boolean;
}
export interface SteeringGroupMeeting {
  id: string;
  date: IsoDate;
  kind: 'konstituierend' | 'ordentlich' | 'außerordentlich';
  outcome?: string;
}
export interface KickOff {
  id: string;
  municipality: string;
  date: IsoDate;
  participants?: string[];
  listed?: boolean;
}
export interface CooperationAgreement {
  id: string;
  municipality: string;
  date: IsoDate;
  listed?: boolean;
}
export interface Meetings {
  sessions: Session[];
  steeringGroupMeetings?: SteeringGroupMeeting[];
  kickOffs?: KickOff[];
  cooperationAgreements?: CooperationAgreement[];
}

/** Report text blocks outside the modules. */
export const TOP_TEXT_KEYS = ['preface', 'resolution', 'steeringGroup', 'financialImpact', 'closing'] as const;
export type TopTextKey = (typeof TOP_TEXT_KEYS)[number];
/** Text blocks of one module section. */
export const MODULE_TEXT_KEYS = ['staff', 'work'] as const;
export type ModuleTextKey = (typeof MODULE_TEXT_KEYS)[number];

export type ReportText = Partial<Record<TopTextKey, string>> & {
  modules?: Record<string, Partial<Record<ModuleTextKey, string>>>;
};

export interface Report {
  id: string;
  template: string;
  department: string;
  paperType: string;
  public: boolean;
  title: string;
  reference?: string;
  fileNumber?: string;
  date?: IsoDate;
  stand: IsoDate;
  previousReport?: string;
  consultations: { session: string; role: string }[];
  show?: { overview?: boolean; financialImpact?: boolean };
  text?: ReportText;
  attachments?: { id: string; title: string; file?: string }[];
  signature: { authority: string; function: string };
}

/** Everything in a data folder, validated: the input of the report model. */
export interface Dataset {
  organisation: Organisation;
  programme: Programme;
  staff: StaffMember[];
  assignments: Assignment[];
  meetings: Meetings;
  reports: Report[];
}
