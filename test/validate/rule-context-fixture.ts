/**
 * A rule context built by hand over the example data, for calling one rule directly: every part valid,
 * paths and file bytes as the case gives them. Shared by the rule suites so the context a rule sees is
 * built one way (rules.test.ts, outline-rules.test.ts).
 */
import type { LoadedSources } from '../../src/load/dataset.js';
import type { DataFileKind } from '../../src/load/data-files.js';
import type { Dataset } from '../../src/model/types.js';
import { pointerIn, type DataPart, type DataPathState, type RuleContext } from '../../src/validate/rule-context.js';

export function ruleContextFor(
  base: Dataset,
  sources: LoadedSources,
  change: (data: Dataset) => void = () => undefined,
  paths: Record<string, DataPathState> = {},
  files: Record<string, Uint8Array> = {},
): RuleContext<DataPart> {
  const data = structuredClone(base);
  change(data);
  const file = (kind: DataFileKind): unknown => (kind === 'staff' ? { staff: data.staff } : kind === 'assignments' ? { assignments: data.assignments } : data[kind]);
  return {
    data,
    valid: { organisation: true, programme: true, staff: true, assignments: true, meetings: true },
    validAt: () => true,
    raw: (kind, pointer) => pointerIn(file(kind), pointer),
    optional(kind, field) {
      return this.validAt(kind, `/${String(field)}`) ? data[kind][field] : undefined;
    },
    sources: sources.files,
    reportSources: sources.reports, // all example reports pass their schema, so the order matches data.reports
    brokenReports: [],
    otherReportFiles: false,
    templates: ['sachstand'],
    checkDataPath: (p) => paths[p] ?? 'ok',
    readDataFile: (p) => files[p],
    fileSize: (p) => files[p]?.length,
  };
}
