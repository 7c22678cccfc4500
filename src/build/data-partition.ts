import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { formatDiagnostic, type Diagnostic } from '../diagnostics.js';
import { REPORTS_DIR } from '../load/data-files.js';
import { loadSources } from '../load/dataset.js';
import type { SourceFile } from '../load/source-file.js';
import type { Dataset } from '../model/types.js';
import { findTemplates, type TemplateSet } from '../render/template-registry.js';
import { validateSources } from '../validate/index.js';

/**
 * The data of a build, split by blame: problems in a report file fail only that report; problems
 * anywhere else (staff.yaml, meetings.yaml …) fail the whole build.
 */
export interface PartitionedData {
  /** Undefined when a shared file has errors; then `shared` holds them. */
  dataset: Dataset | undefined;
  templates: TemplateSet;
  /** Diagnostics of shared files (errors and warnings). */
  shared: Diagnostic[];
  /** Report file (`reports/<name>.yaml`) → its diagnostics (errors and warnings). */
  perReport: Map<string, Diagnostic[]>;
  /** Report files left out of the dataset because they have errors. */
  failedFiles: string[];
  /** Every report file of the folder, valid or not, sorted. */
  reportFiles: string[];
  /** Report id → its parsed source, for located messages. */
  sources: Map<string, SourceFile>;
}

const isReportFile = (file: string): boolean => file.startsWith(`${REPORTS_DIR}/`);

export async function loadPartitioned(dataDir: string, templatesDir: string | undefined): Promise<PartitionedData> {
  const dir = resolve(dataDir);
  const [sources, templates] = await Promise.all([loadSources(dir), findTemplates(templatesDir && resolve(templatesDir))]);
  const reportFiles = (await readdir(join(dir, REPORTS_DIR)).catch(() => [] as string[]))
    .filter((n) => n.endsWith('.yaml'))
    .sort()
    .map((n) => `${REPORTS_DIR}/${n}`);
  const names = [...templates.templates.keys()];
  const perReport = new Map<string, Diagnostic[]>();
  const seen = new Set<string>();
  const add = (d: Diagnostic): void => {
    const text = formatDiagnostic(d);
    if (seen.has(text)) return;
    seen.add(text);
    perReport.set(d.file, [...(perReport.get(d.file) ?? []), d]);
  };
  const excluded = new Set<string>();
  // Leaving a broken report out can make another one fail (e.g. it names the broken one as previous
  // report), so repeat until no new report fails; at most once per report file.
  for (let round = 0; round <= sources.reports.length; round++) {
    const validation = await validateSources({ ...sources, reports: sources.reports.filter((s) => !excluded.has(s.file)) }, names);
    const shared = validation.diagnostics.filter((d) => !isReportFile(d.file));
    validation.diagnostics.filter((d) => isReportFile(d.file)).forEach(add);
    const base = { templates, shared, perReport, reportFiles };
    if (shared.some((d) => d.severity === 'error')) return { ...base, dataset: undefined, failedFiles: [], sources: new Map() };
    const newlyFailed = [...new Set(validation.diagnostics.filter((d) => d.severity === 'error' && isReportFile(d.file) && !excluded.has(d.file)).map((d) => d.file))];
    if (newlyFailed.length === 0 && validation.dataset) {
      const failedFiles = reportFiles.filter((f) => !validation.reportSources.some((s) => s.file === f));
      const byId = new Map(validation.dataset.reports.map((r, i) => [r.id, validation.reportSources[i]!]));
      return { ...base, dataset: validation.dataset, failedFiles, sources: byId };
    }
    newlyFailed.forEach((f) => excluded.add(f));
  }
  /* c8 ignore next */
  throw new Error('loadPartitioned: keine stabile Aufteilung gefunden');
}
