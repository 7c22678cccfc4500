import type { Diagnostic } from '../diagnostics.js';
import { error, warning } from '../diagnostics.js';
import type { DataFileKind } from '../load/data-files.js';
import { escapePointer, type SourceFile } from '../load/source-file.js';
import type { Dataset } from '../model/types.js';
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

/**
 * What a rule may look at. `data` holds every data file that could be read as a mapping, also one with
 * schema errors: a rule reads a file only when `valid` says it passed, or only the parts `validAt` vouches
 * for, so an error in one part of a file does not hide the problems elsewhere (all errors in one run).
 */
export interface RuleContext {
  data: Dataset;
  /** The whole file passed its schema. */
  valid: Record<DataFileKind, boolean>;
  /** The value at `pointer` in the file passed its schema: nothing wrong at it, inside it, or above it. */
  validAt(kind: DataFileKind, pointer: string): boolean;
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
}

export interface Rule {
  name: string;
  /** The parts of the data a rule reads; it is skipped when one of them failed its schema (no follow-on noise). */
  needs: DataPart[];
  check(ctx: RuleContext): Diagnostic[];
}

function sourceOf(ctx: RuleContext, place: Place): SourceFile | undefined {
  if (typeof place === 'string') return ctx.sources[place];
  return 'report' in place ? ctx.reportSources[place.report] : ctx.brokenReports[place.brokenReport]?.source;
}

/** Builds a located diagnostic for the value at `pointer` in `place`. */
export function at(ctx: RuleContext, place: Place, pointer: string, message: string, severity: 'error' | 'warning' = 'error'): Diagnostic {
  const source = sourceOf(ctx, place);
  const pos = source?.valuePositions.get(pointer) ?? { line: 0, col: 0 };
  const make = severity === 'error' ? error : warning;
  return make(source?.file ?? String(place), pos.line, pos.col, jsonPath(pointer), message);
}

/** `file:line:col` of a value, for messages that point at a second place ("zuerst in …"). */
export function whereIs(ctx: RuleContext, place: Place, pointer: string): string {
  const source = sourceOf(ctx, place);
  const pos = source?.valuePositions.get(pointer);
  return pos ? `${source!.file}:${pos.line}:${pos.col}` : (source?.file ?? '');
}

export const ptr = (...segments: (string | number)[]): string => segments.map((s) => `/${escapePointer(String(s))}`).join('');

export function isPartValid(ctx: RuleContext, part: DataPart): boolean {
  const [kind, ...rest] = part.split('/') as [DataFileKind, ...string[]];
  return rest.length === 0 ? ctx.valid[kind] : ctx.validAt(kind, ptr(...rest));
}

/** The value at a pointer in a data file as it was read (also when the file has errors elsewhere). */
export function valueAt(ctx: RuleContext, kind: DataFileKind, pointer: string): unknown {
  // `data` holds staff.yaml's and assignments.yaml's lists themselves, the other files whole.
  let node: unknown = kind === 'staff' ? { staff: ctx.data.staff } : kind === 'assignments' ? { assignments: ctx.data.assignments } : ctx.data[kind];
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
export function validEntries<T>(ctx: RuleContext, kind: DataFileKind, pointer: string, fields: string[]): { item: T; index: number }[] {
  const list = valueAt(ctx, kind, pointer);
  if (!Array.isArray(list)) return []; // a field's validity includes that of the list and the entry around it
  if (ctx.valid[kind]) return list.map((item: T, index) => ({ item, index }));
  return list.flatMap((item: T, index) => (fields.every((f) => ctx.validAt(kind, `${pointer}/${index}/${escapePointer(f)}`)) ? [{ item, index }] : []));
}

/**
 * The ids of a list in a data file, when every entry's id passed the schema; undefined otherwise, since a
 * reference to the entry whose id is broken would be reported as unknown although it is not.
 */
export function usableIds(ctx: RuleContext, kind: DataFileKind, pointer: string): string[] | undefined {
  const list = valueAt(ctx, kind, pointer);
  if (!Array.isArray(list)) return undefined;
  const ids = validEntries<{ id: string }>(ctx, kind, pointer, ['id']);
  return ids.length === list.length ? ids.map((e) => e.item.id) : undefined;
}
