/**
 * The shapes of the data files once they have passed their JSON Schemas (schemas/*.schema.json).
 * Dates are ISO strings `YYYY-MM-DD`, compared as strings: never Date objects, so no time zone can shift them.
 */
export type IsoDate = string;
export type Gender = 'w' | 'm' | 'd';
export type Genus = 'feminine' | 'masculine' | 'neuter';

export interface Organisation {
  body: { id: string; name: string; in: string; dative: string; genitive: string };
  departments: { id: string; name: string }[];
  committees: Committee[];
  municipalities: Municipality[];
  employers: Employer[];
}
export interface Committee {
  id: string;
  name: string;
  genitive: string;
}
export interface Municipality {
  id: string;
  name: string;
  type: 'Stadt' | 'Gemeinde';
  region: string;
}
export interface Employer {
  id: string;
  name: string;
  municipality?: string;
  at: string;
  of: string;
}

export interface Programme {
  name: string;
  shortName: string;
  genitive: string;
  leadEmployer: string;
  steeringGroup: { name: string; genitive: string };
  fundingRates: { year: number; amount: number }[];
  modules: ProgrammeModule[];
  roles: Role[];
}
export interface ProgrammeModule {
  id: string;
  number: number;
  name: string;
  genitive: string;
  plannedFte: { from: IsoDate; fte: number }[];
}
export interface RoleForms {
  w: string;
  m: string;
  d: string;
  neutralGenus: Genus;
  plural: { w: string; m: string; mixed: string };
}
export interface Role {
  id: string;
  qualifier?: string;
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
}
export interface CooperationAgreement {
  id: string;
  municipality: string;
  date: IsoDate;
}
export interface Meetings {
  sessions: Session[];
  steeringGroupMeetings?: SteeringGroupMeeting[];
  kickOffs?: KickOff[];
  cooperationAgreements?: CooperationAgreement[];
}

export type ConsultationRole = 'Kenntnisnahme' | 'Vorberatung' | 'Entscheidung' | 'Anhörung';
export const TEXT_KEYS = ['preface', 'module1', 'steeringGroup', 'module2Staff', 'module2Work', 'closing'] as const;
export type TextKey = (typeof TEXT_KEYS)[number];

export interface Report {
  id: string;
  template: string;
  department: string;
  paperType: string;
  public: boolean;
  title: string;
  stand: IsoDate;
  previousReport?: string;
  consultations: { session: string; role: ConsultationRole }[];
  text?: Partial<Record<TextKey, string>>;
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
