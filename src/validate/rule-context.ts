import type { Diagnostic } from '../diagnostics.js';
import { error, warning } from '../diagnostics.js';
import type { DataFileKind } from '../load/data-files.js';
import { escapePointer, type SourceFile } from '../load/source-file.js';
import type { Dataset, Report } from '../model/types.js';
import { jsonPath } from '../diagnostics.js';

/** `folder` and `special` (a named pipe, a device) exist inside the data folder but are not files. */
export type DataPathState = 'ok' | 'missing' | 'outside' | 'folder' | 'special';

/** Where a value lives: a data file kind, the n-th valid report, or a report file that failed its schema. */
export type Place = DataFileKind | { report: number } | { brokenReport: number };

/** A report file with schema errors: left out of `data.reports`, but its intact fields are still checked. */
export interface BrokenReport {
  source: SourceFile;
  validAt(pointer: string): boolean;
}

/** A part of the data a rule reads: a whole file (`programme`) or one entry of it (`programme/fundingRates`). */
export type DataPart = DataFileKind | `${DataFileKind}/${string}`;

/** The data files as the model types them (staff.yaml and assignments.yaml as their lists). */
export type FileData = Pick<Dataset, DataFileKind>;

/** The files a rule reads whole, and those it reads only some fields of. */
type WholeFiles<N extends DataPart> = Extract<N, DataFileKind>;
type PartFiles<N extends DataPart> = Exclude<N extends `${infer K}/${string}` ? K : never, WholeFiles<N>> & DataFileKind;
type FieldsOf<N extends DataPart, K extends DataFileKind> = Extract<N extends `${K}/${infer F}` ? F : never, keyof FileData[K]>;

/**
 * The data a rule declared in `needs`, and nothing else: each named file whole, of the others only the
 * named fields, and the reports that passed their schema. A rule is only run when all of these passed
 * the schema, so what the compiler lets a rule read is what validation vouches for; a rule that wants
 * more must name it in `needs` (and then does not run when it is broken) or ask `optional()`.
 */
export type ValidData<N extends DataPart> = { readonly reports: Report[] } & { readonly [K in WholeFiles<N>]: FileData[K] } & {
  readonly [K in PartFiles<N>]: Pick<FileData[K], FieldsOf<N, K>>;
};

/** The files that are mappings, whose fields a rule can ask for one by one. */
export type MappingFile = 'organisation' | 'programme' | 'meetings';

/**
 * What every rule may look at besides its data: where values stand (for messages), which parts passed
 * the schema, and the value at a pointer as it was read (`unknown`: the rule checks it itself).
 */
export interface RuleBase {
  /** The whole file passed its schema. */
  valid: Record<DataFileKind, boolean>;
  /** The value at `pointer` in the file passed its schema: nothing wrong at it, inside it, or above it. */
  validAt(kind: DataFileKind, pointer: string): boolean;
  /** The value at a pointer as read, also where the file failed its schema; a rule must check what it is. */
  raw(kind: DataFileKind, pointer: string): unknown;
  /** A field of a file the rule does not need: its value when it passed the schema, else undefined (as if absent). */
  optional<K extends MappingFile, F extends keyof FileData[K]>(kind: K, field: F): FileData[K][F] | undefined;
  sources: Partial<Record<DataFileKind, SourceFile>>;
  reportSources: SourceFile[];
  brokenReports: BrokenReport[];
  /**
   * Whether some report file is in the data folder but not in `data.reports` (it did not parse, failed its
   * schema, or failed on its own and was left out): a rule must not conclude that a report has no
   * previous report, since that file may be it (kim build then names it).
   */
  otherReportFiles: boolean;
  /** Names of the templates available (built-in and the data repository's own). */
  templates: string[];
  /** Checks a path from the data (an attachment) against the data folder: exists, stays inside it, and is a regular file. */
  checkDataPath(relative: string): DataPathState;
  /** The bytes of a file inside the data folder (after checkDataPath said 'ok'); undefined if it cannot be read. */
  readDataFile(relative: string): Uint8Array | undefined;
  /** The size in bytes of a file inside the data folder, to refuse one too large before reading it. */
  fileSize(relative: string): number | undefined;
}

/** What a rule sees: the run, and the parts of the data it declared, typed so that it can reach no other. */
export interface RuleContext<N extends DataPart = never> extends RuleBase {
  data: ValidData<N>;
}

/**
 * A rule over the parts `N` of the data. Without `N` (`const r: Rule = …`) a rule may read only the
 * reports, and naming a part in `needs` does not compile: declare rules with defineRule(), which infers `N`.
 */
export interface Rule<N extends DataPart = never> {
  name: string;
  /** The parts of the data a rule reads; it is skipped when one of them failed its schema (no follow-on noise). */
  needs: readonly N[];
  /**
   * `'report-output'`: the rule's errors concern only what the report they are in would publish (a
   * staff name in its own text), not its data. `kim build` then refuses that report alone; its Stand and
   * session still count for the reports after it, which are built (src/batch/data-partition.ts).
   */
  scope?: 'report-output';
  check(ctx: RuleContext<N>): Diagnostic[];
}

/** Any rule, whatever it reads: the type of the list of rules. */
export type AnyRule = Rule<DataPart>;

/** Declares a rule; `needs` types `ctx.data` (`needs: ['organisation/paperTypes']` gives `ctx.data.organisation.paperTypes`). */
export const defineRule = <const N extends DataPart = never>(rule: Rule<N>): Rule<N> => rule;

/** The data a rule declared, taken from everything that was read (`all` holds files that failed elsewhere too). */
export function dataFor<N extends DataPart>(all: Partial<FileData> & { reports: Report[] }, needs: readonly N[]): ValidData<N> {
  const data: Record<string, unknown> = { reports: all.reports };
  for (const part of needs) {
    const [kind, field] = part.split('/') as [DataFileKind, string | undefined];
    if (field === undefined) data[kind] = all[kind];
    else if (data[kind] !== all[kind]) {
      const file = all[kind] as unknown as Record<string, unknown>;
      const picked = (data[kind] ??= {}) as Record<string, unknown>;
      if (file !== null && typeof file === 'object' && field in file) picked[field] = file[field];
    }
  }
  return data as ValidData<N>;
}

function sourceOf(ctx: RuleBase, place: Place): SourceFile | undefined {
  if (typeof place === 'string') return ctx.sources[place];
  return 'report' in place ? ctx.reportSources[place.report] : ctx.brokenReports[place.brokenReport]?.source;
}

/** Builds a located diagnostic for the value at `pointer` in `place`. */
export function at(ctx: RuleBase, place: Place, pointer: string, message: string, severity: 'error' | 'warning' = 'error'): Diagnostic {
  const source = sourceOf(ctx, place);
  const pos = source?.valuePositions.get(pointer) ?? { line: 0, col: 0 };
  const make = severity === 'error' ? error : warning;
  return make(source?.file ?? String(place), pos.line, pos.col, jsonPath(pointer), message);
}

/** `file:line:col` of a value, for messages that point at a second place ("zuerst in …"). */
export function whereIs(ctx: RuleBase, place: Place, pointer: string): string {
  const source = sourceOf(ctx, place);
  const pos = source?.valuePositions.get(pointer);
  return pos ? `${source!.file}:${pos.line}:${pos.col}` : (source?.file ?? '');
}

export const ptr = (...segments: (string | number)[]): string => segments.map((s) => `/${escapePointer(String(s))}`).join('');

export function isPartValid(ctx: RuleBase, part: DataPart): boolean {
  const [kind, ...rest] = part.split('/') as [DataFileKind, ...string[]];
  return rest.length === 0 ? ctx.valid[kind] : ctx.validAt(kind, ptr(...rest));
}

/** The value at a pointer in a data file as it was read (also when the file has errors elsewhere): `unknown`, to be checked. */
export const valueAt = (ctx: RuleBase, kind: DataFileKind, pointer: string): unknown => ctx.raw(kind, pointer);

/** The value at a pointer in a file's value (`root` as read: staff.yaml's and assignments.yaml's whole mapping). */
export function pointerIn(root: unknown, pointer: string): unknown {
  let node = root;
  for (const seg of pointer.split('/').slice(1)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[seg.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return node;
}

/**
 * The entries of a list in a data file, with their index, whose `fields` all passed the schema: what a
 * rule can check even when other entries, or other parts of the file, are wrong.
 */
export function validEntries<T>(ctx: RuleBase, kind: DataFileKind, pointer: string, fields: string[]): { item: T; index: number }[] {
  const list = valueAt(ctx, kind, pointer);
  if (!Array.isArray(list)) return []; // a field's validity includes that of the list and the entry around it
  if (ctx.valid[kind]) return list.map((item: T, index) => ({ item, index }));
  return list.flatMap((item: T, index) => (fields.every((f) => ctx.validAt(kind, `${pointer}/${index}/${escapePointer(f)}`)) ? [{ item, index }] : []));
}

/**
 * The ids of a list in a data file, when every entry's id passed the schema; undefined otherwise, since a
 * reference to the entry whose id is broken would be reported as unknown although it is not.
 */
export function usableIds(ctx: RuleBase, kind: DataFileKind, pointer: string): string[] | undefined {
  const list = valueAt(ctx, kind, pointer);
  if (!Array.isArray(list)) return undefined;
  const ids = validEntries<{ id: string }>(ctx, kind, pointer, ['id']);
  return ids.length === list.length ? ids.map((e) => e.item.id) : undefined;
}
