import { sortDiagnostics, type Diagnostic } from '../diagnostics.js';
import { REPORTS_DIR, DATA_FILE_KINDS, type DataFileKind } from '../load/data-files.js';
import type { LoadedSources } from '../load/dataset.js';
import { escapePointer, type SourceFile } from '../load/source-file.js';
import type { Dataset, Report } from '../model/types.js';
import { RULES } from './rules/index.js';
import { dataFor, isPartValid, pointerIn, type BrokenReport, type DataPathState, type RuleBase } from './rule-context.js';
import { schemaProblems } from './schema-check.js';
import { checkDataPath, hashBytes, readDataFile, sizeOfDataFile, type RecordRead } from './data-path.js';
import { assembleDataset, assign } from './assemble-dataset.js';

export { checkDataPath } from './data-path.js';

export interface Validation {
  diagnostics: Diagnostic[];
  /** The data, when no file failed its schema (rules may still have found errors). */
  dataset: Dataset | undefined;
  /** The report files that passed their schema, in the same order as `dataset.reports`. */
  reportSources: SourceFile[];
  /** The diagnostics (of `diagnostics`) of rules whose errors concern only a report's own outputs (Rule.scope). */
  outputOnly?: ReadonlySet<Diagnostic>;
}

/** Schema per file, then the cross-file rules on everything that passed; all problems in one list. */
/**
 * `record`, when given, hears every file outside the parsed data files that the rules looked at (a logo's
 * path state, an Anlage's size, the Word template's bytes) with what they saw: the validation cache
 * (validation-cache.ts) checks them again before it reuses this run's result.
 */
export async function validateSources(sources: LoadedSources, templates: string[], record?: RecordRead): Promise<Validation> {
  const diagnostics = [...sources.diagnostics];
  const valid = Object.fromEntries(DATA_FILE_KINDS.map((k) => [k, false])) as Record<DataFileKind, boolean>;
  const broken = Object.fromEntries(DATA_FILE_KINDS.map((k) => [k, [] as string[]])) as Record<DataFileKind, string[]>;
  const data: Partial<Dataset> = {};

  await Promise.all(
    DATA_FILE_KINDS.map(async (kind) => {
      const source = sources.files[kind];
      if (!source) return;
      const problems = await schemaProblems(kind, source);
      diagnostics.push(...problems.diagnostics);
      broken[kind] = problems.broken;
      // A file with errors elsewhere still serves the rules that read only its intact parts (validAt).
      if (source.value !== null && typeof source.value === 'object' && !Array.isArray(source.value)) assign(data, kind, source.value);
      // Errors of the loader (an invisible character …) leave the data readable but the file is not valid.
      if (problems.diagnostics.length === 0 && !sources.diagnostics.some((d) => d.file === source.file && d.severity === 'error')) valid[kind] = true;
    }),
  );
  const validAt = (kind: DataFileKind, pointer: string): boolean => valid[kind] || (sources.files[kind] !== undefined && intact(broken[kind], pointer));

  const reports: Report[] = [];
  const reportSources: SourceFile[] = [];
  const brokenReports: BrokenReport[] = [];
  for (const source of sources.reports) {
    const { diagnostics: problems, broken: wrong } = await schemaProblems('report', source);
    diagnostics.push(...problems);
    if (problems.length === 0) {
      reports.push(source.value as Report);
      reportSources.push(source);
    } else if (source.value !== null && typeof source.value === 'object') {
      brokenReports.push({ source, validAt: (pointer) => intact(wrong, pointer) });
    }
  }
  data.reports = reports;

  const reportData = { ...data, reports };
  const ctx: RuleBase = {
    valid,
    validAt,
    raw: (kind, pointer) => pointerIn(sources.files[kind]?.value, pointer),
    optional: (kind, field) => (validAt(kind, `/${escapePointer(String(field))}`) ? (data[kind] as Record<typeof field, never> | undefined)?.[field] : undefined),
    sources: sources.files,
    reportSources,
    brokenReports,
    otherReportFiles:
      brokenReports.length > 0 || (sources.excludedReports?.length ?? 0) > 0 || sources.diagnostics.some((d) => d.severity === 'error' && d.file.startsWith(`${REPORTS_DIR}/`)),
    templates,
    checkDataPath: (p) => {
      const state = checkDataPath(sources.dataDir, p);
      record?.({ read: 'path', file: p, seen: state });
      return state;
    },
    fileSize: (p) => {
      const size = sizeOfDataFile(sources.dataDir, p);
      record?.({ read: 'size', file: p, seen: size ?? null });
      return size;
    },
    readDataFile: (p) => {
      const bytes = readDataFile(sources.dataDir, p);
      record?.({ read: 'bytes', file: p, seen: bytes ? hashBytes(bytes) : null });
      return bytes;
    },
  };
  // Each rule gets the parts it declared, and only once they passed the schema (ValidData).
  const outputOnly = new Set<Diagnostic>();
  for (const rule of RULES) {
    if (!rule.needs.every((part) => isPartValid(ctx, part))) continue;
    const found = rule.check({ ...ctx, data: dataFor(reportData, rule.needs) });
    diagnostics.push(...found);
    if (rule.scope === 'report-output') found.forEach((d) => outputOnly.add(d));
  }

  const allValid = DATA_FILE_KINDS.every((k) => valid[k]) && reportSources.length === sources.reports.length;
  return { diagnostics: sortDiagnostics(diagnostics), dataset: allValid ? assembleDataset(sources, data, reportSources) : undefined, reportSources, outputOnly };
}

/** A part of a file passed its schema: nothing wrong at it, inside it, or around it (a list that is not a list). */
const intact = (broken: string[], pointer: string): boolean => !broken.some((b) => b === pointer || b.startsWith(`${pointer}/`) || pointer.startsWith(`${b}/`));

