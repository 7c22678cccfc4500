import type { Diagnostic } from '../diagnostics.js';
import { error, warning } from '../diagnostics.js';
import type { DataFileKind } from '../load/data-files.js';
import { escapePointer, type SourceFile } from '../load/source-file.js';
import type { Dataset } from '../model/types.js';
import { jsonPath } from './schema-check.js';

/** `folder` and `special` (a named pipe, a device) exist inside the data folder but are not files. */
export type DataPathState = 'ok' | 'missing' | 'outside' | 'folder' | 'special';

/** Where a value lives: a data file kind, or the n-th valid report. */
export type Place = DataFileKind | { report: number };

/** What a rule may look at. Only files that passed their schema are in `data`; `valid` says which. */
export interface RuleContext {
  data: Dataset;
  valid: Record<DataFileKind, boolean>;
  sources: Partial<Record<DataFileKind, SourceFile>>;
  reportSources: SourceFile[];
  /** Names of the templates available (built-in and the data repository's own). */
  templates: string[];
  /** Checks a path from the data (an attachment) against the data folder: exists, stays inside it, and is a regular file. */
  checkDataPath(relative: string): DataPathState;
}

export interface Rule {
  name: string;
  /** The files a rule reads; it is skipped when one of them failed its schema (no follow-on noise). */
  needs: DataFileKind[];
  check(ctx: RuleContext): Diagnostic[];
}

function sourceOf(ctx: RuleContext, place: Place): SourceFile | undefined {
  return typeof place === 'string' ? ctx.sources[place] : ctx.reportSources[place.report];
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
