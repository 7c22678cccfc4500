/** Which file holds which part of the data; the one place that knows the data folder's layout. */
export const DATA_FILES = {
  organisation: 'organisation.yaml',
  programme: 'programme.yaml',
  staff: 'staff.yaml',
  assignments: 'assignments.yaml',
  meetings: 'meetings.yaml',
} as const;

export type DataFileKind = keyof typeof DATA_FILES;
export const DATA_FILE_KINDS = Object.keys(DATA_FILES) as DataFileKind[];

/** One YAML file per Vorlage lives here. */
export const REPORTS_DIR = 'reports';

/** The schema (schemas/<name>.schema.json) that checks a file of this kind. */
export type SchemaName = DataFileKind | 'report';
