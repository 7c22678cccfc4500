/**
 * The shapes of the data files once they have passed their JSON Schemas. The types are generated from
 * schemas/*.schema.json at build time (scripts/generate-types.mjs → src/model/generated/), so a field
 * added to a schema is a field of these types, and one the code reads but no schema allows does not
 * compile. This file only gives the parts the code passes around their names.
 * Dates are ISO strings `YYYY-MM-DD`, compared as strings: never Date objects, so no time zone can shift them.
 */
import type { Gender, Genus, IsoDate, NounForms } from '../german/types.js';
import type { AssignmentsFile } from './generated/assignments.js';
import type { MeetingsFile } from './generated/meetings.js';
import type { OrganisationFile } from './generated/organisation.js';
import type { ProgrammeFile } from './generated/programme.js';
import type { ReportFile } from './generated/report.js';
import type { StaffFile } from './generated/staff.js';

export type { Gender, Genus, IsoDate };

type Item<T> = T extends readonly (infer U)[] ? U : never;

export type Organisation = OrganisationFile;
export type Letterhead = NonNullable<Organisation['letterhead']>;
export type LetterheadField = Item<NonNullable<Letterhead['fields']>>;
export type SectionHeading = keyof NonNullable<Organisation['headings']>;
export type PaperType = Item<Organisation['paperTypes']>;
export type ConsultationRole = Item<NonNullable<Organisation['consultationRoles']>>;
export type Committee = Item<Organisation['committees']>;
export type Municipality = Item<Organisation['municipalities']>;
export type MunicipalityWord = NonNullable<Organisation['municipalityWord']>;
export type Employer = Item<Organisation['employers']>;

export type Programme = ProgrammeFile;
export type Terms = NonNullable<Programme['terms']>;
export type Unit = NonNullable<Terms['unit']>;
export type ProgrammeModule = Item<Programme['modules']>;
export type ModuleKind = ProgrammeModule['kind'];
export type PlanPeriod = Item<ProgrammeModule['plannedFte']>;
export type Role = Item<Programme['roles']>;
/** The schema's role forms are the German helpers' noun forms. */
export type RoleForms = Role['forms'] & NounForms;

export type StaffMember = Item<StaffFile['staff']>;
export type Assignment = Item<AssignmentsFile['assignments']>;

export type Meetings = MeetingsFile;
export type Session = Item<Meetings['sessions']>;
export type SteeringGroupMeeting = Item<NonNullable<Meetings['steeringGroupMeetings']>>;
export type GroupMeeting = Item<NonNullable<Meetings['groupMeetings']>>;
export type ProgrammeGroup = Item<NonNullable<Programme['groups']>>;
export type KickOff = Item<NonNullable<Meetings['kickOffs']>>;
export type CooperationAgreement = Item<NonNullable<Meetings['cooperationAgreements']>>;

export type Report = ReportFile;
export type ReportText = NonNullable<Report['text']>;

/** Report text blocks outside the modules. */
export const TOP_TEXT_KEYS = ['preface', 'resolution', 'steeringGroup', 'financialImpact', 'closing'] as const satisfies readonly Exclude<keyof ReportText, 'modules'>[];
export type TopTextKey = (typeof TOP_TEXT_KEYS)[number];
/** Text blocks of one module section. */
export const MODULE_TEXT_KEYS = ['staff', 'work'] as const satisfies readonly (keyof NonNullable<NonNullable<ReportText['modules']>[string]>)[];
export type ModuleTextKey = (typeof MODULE_TEXT_KEYS)[number];

/** Everything in a data folder, validated: the input of the report model. */
export interface Dataset {
  organisation: Organisation;
  programme: Programme;
  staff: StaffMember[];
  assignments: Assignment[];
  meetings: Meetings;
  reports: Report[];
}
