import { resolve } from 'node:path';
import type { Trace } from '../trace.js';
import { compareText } from '../compare.js';
import { formatDiagnostic, type Diagnostic } from '../diagnostics.js';
import { listReportFiles } from '../load/folder-listing.js';
import { loadSources, type LoadedSources } from '../load/dataset.js';
import type { SourceFile } from '../load/source-file.js';
import type { Dataset } from '../model/types.js';
import { findTemplates, type TemplateSet } from '../render/template-registry.js';
import { oldFormatError } from '../migrate/old-format.js';
import { validateSources } from '../validate/index.js';
import { blockedByPrevious } from './previous-invalid.js';

/**
 * The data of a build, split by blame: problems in a report file fail only that report (and the reports
 * whose previous report it is); problems anywhere else (staff.yaml, meetings.yaml …) fail the whole build.
 */
export interface PartitionedData {
  /** Undefined when a shared file has errors; then `shared` holds them. */
  dataset: Dataset | undefined;
  templates: TemplateSet;
  /** Diagnostics of shared files (errors and warnings). */
  shared: Diagnostic[];
  /** Report file (`reports/<name>.yaml`, any spelling of the extension) → its diagnostics (errors and warnings). */
  perReport: Map<string, Diagnostic[]>;
  /** Report files left out of the dataset because they have errors. */
  failedFiles: string[];
  /**
   * Report files whose data is valid (they are in the dataset, so later reports measure "since the last
   * session" from them) but which are not built, each with the reason: their previous report is invalid,
   * or their own text carries what their outputs may not publish. Their error is in `perReport`.
   */
  blockedFiles: Map<string, string>;
  /** Every report file of the folder, valid or not, sorted. */
  reportFiles: string[];
  /** Report id → its parsed source, for located messages. */
  sources: Map<string, SourceFile>;
  /** Every file as the loader read it, valid or not (`kim list` shows what it can of invalid ones). */
  loaded: LoadedSources;
}

export async function loadPartitioned(dataDir: string, templatesDir: string | undefined, cacheDir?: string, trace?: Trace): Promise<PartitionedData> {
  const dir = resolve(dataDir);
  const [sources, templates] = await Promise.all([loadSources(dir, { cacheDir, trace }), findTemplates(templatesDir && resolve(templatesDir))]);
  const listing = await listReportFiles(dir);
  const reportFiles = [...listing.files, ...listing.ambiguous].sort(compareText);
  // A skipped file in reports/ (an editor's lock file …) is no report: its warning is shown with the shared ones.
  const isReportFile = (file: string): boolean => reportFiles.includes(file);
  const names = [...templates.templates.keys()];
  const perReport = new Map<string, Diagnostic[]>();
  const old = oldFormatError(sources);
  if (old) return { templates, shared: [...sources.diagnostics.filter((d) => !isReportFile(d.file)), old], perReport, reportFiles, loaded: sources, dataset: undefined, failedFiles: [], blockedFiles: new Map(), sources: new Map() };
  const seen = new Set<string>();
  const add = (d: Diagnostic): void => {
    const text = formatDiagnostic(d);
    if (seen.has(text)) return;
    seen.add(text);
    perReport.set(d.file, [...(perReport.get(d.file) ?? []), d]);
  };
  const excluded = new Set<string>();
  // Leaving a broken report out can make another one fail (e.g. it names the broken one as previous
  // report), so validate again without it until no further report fails. Every round leaves out at
  // least one more parsed report file, so this ends after at most one round per report file.
  for (;;) {
    const included = sources.reports.filter((s) => !excluded.has(s.file));
    const validation = await validateSources({ ...sources, reports: included, excludedReports: sources.reports.filter((s) => excluded.has(s.file)) }, names);
    // Override files kim would not use concern every report, like a shared data file (template-registry.ts).
    const shared = [...validation.diagnostics.filter((d) => !isReportFile(d.file)), ...templates.diagnostics];
    validation.diagnostics.filter((d) => isReportFile(d.file)).forEach(add);
    const base = { templates, shared, perReport, reportFiles, loaded: sources };
    if (shared.some((d) => d.severity === 'error')) return { ...base, dataset: undefined, failedFiles: [], blockedFiles: new Map(), sources: new Map() };
    // Only files still included can newly fail; a file that does not parse has its errors already and
    // is never included.
    // An error about the report's own outputs only (a staff name in its text) does not leave the report
    // out: the reports after it still measure from its Stand; it is refused below, alone.
    const dataErrors = validation.diagnostics.filter((d) => d.severity === 'error' && !validation.outputOnly?.has(d));
    const newlyFailed = new Set(dataErrors.filter((d) => included.some((s) => s.file === d.file)).map((d) => d.file));
    if (newlyFailed.size === 0) {
      const dataset = validation.dataset;
      /* c8 ignore next */
      if (!dataset) throw new Error('loadPartitioned: gemeinsame Dateien ohne Fehler, aber kein Datensatz');
      const failedFiles = reportFiles.filter((f) => !validation.reportSources.some((s) => s.file === f));
      const blocked = await blockedByPrevious(dir, dataset, validation.reportSources, failedFiles, sources.reports);
      for (const d of blocked.values()) add(d);
      const blockedFiles = new Map([...blocked.keys()].map((f) => [f, 'Die vorige Vorlage ist ungültig.']));
      for (const d of validation.diagnostics) {
        if (d.severity === 'error' && validation.outputOnly?.has(d) && !blockedFiles.has(d.file)) blockedFiles.set(d.file, 'Die Vorlage enthält, was eine öffentliche Vorlage nicht enthalten darf.');
      }
      const byId = new Map(dataset.reports.map((r, i) => [r.id, validation.reportSources[i]!]));
      return { ...base, dataset, failedFiles, blockedFiles, sources: byId };
    }
    newlyFailed.forEach((f) => excluded.add(f));
  }
}
