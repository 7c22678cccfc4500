/**
 * kim's library API: what the CLI's commands call and what tests call; the commands import nothing else
 * of kim. Functions throw KimError subclasses (UsageError, DataError, OutputError, InternalError);
 * `describeFailure` words any failure, and only the CLI entry turns it into an exit code.
 *
 * Heavy stages load on first use (dynamic imports): `kim validate` never loads the renderer, a
 * Markdown-only run never loads pdfkit.
 */
import { resolve } from 'node:path';
import type { Diagnostic } from './diagnostics.js';
import type { Environment } from './environment.js';
import { outputFileName, type OutputFormat } from './emit/output-formats.js';
import type { PdfSession } from './report-run.js';
import { selectReport } from './select-report.js';
import { loadValidDataFor, type DataOptions } from './valid-data.js';

export { EXIT, DataError, KimError, OutputError, UsageError, describeFailure, type ExitCode } from './errors.js';
export { hasErrors, formatDiagnostic, type Diagnostic } from './diagnostics.js';
export { formatDate, joinList } from './german/index.js';
export { didYouMean, suggest } from './german/did-you-mean.js';
export { compareText } from './compare.js';
export { KIM_VERSION } from './version.js';
export { REPORTS_DIR } from './load/data-files.js';
export { normalizeBaseUrl, DEFAULT_OPARL_BASE_URL } from './emit/oparl.js';
export { parseShard, type Shard } from './batch/shard.js';
export type { Environment } from './environment.js';
export { checkData, loadValidData, type DataOptions, type ValidData } from './valid-data.js';
export { isCarriedOverText } from './validate/rules/text-carried-over.js';
export { OPARL_EXTENSION, OUTPUT_FORMATS, OUTPUT_FORMAT_NAMES, outputFileName, type OutputFormat } from './emit/output-formats.js';
/** @deprecated The same as `OutputFormat`, kept for callers of the library that named it. */
export type BuildFormat = OutputFormat;
export type { PdfSession } from './report-run.js';
export type { BuildEvent, BuildOptions, BuildResult, ReportOutcome } from './batch/build.js';
export type { InitResult } from './init/scaffold.js';
export type { NextOptions as NextReportOptions, NextResult as NextReportResult } from './next/next-report.js';

export interface ReportOptions extends DataOptions {
  /** Report id or session date; the latest report when absent. */
  report?: string | undefined;
  outDir: string;
  formats: OutputFormat[];
  /** A PDF renderer to keep across calls (kim watch: the fonts are read once per session). */
  pdfSession?: PdfSession | undefined;
}

export interface ReportResult {
  reportId: string;
  /** Absolute paths of the files written. */
  written: string[];
  /** Warnings from validation (errors are thrown). */
  diagnostics: Diagnostic[];
}

export interface RenderedReport {
  reportId: string;
  /** The Vorlage as Markdown, when `formats` asked for it. */
  markdown?: string;
  /** The Vorlage as PDF, when `formats` asked for it. */
  pdf?: Uint8Array;
  /** The Vorlage as Word document, when `formats` asked for it. */
  docx?: Uint8Array;
  files: { name: string; content: string | Uint8Array }[];
  /** Warnings from validation (errors are thrown). */
  diagnostics: Diagnostic[];
}

/** Validates and renders one Vorlage in each requested format, in memory (`kim report --out -`). */
export async function renderReport(options: Omit<ReportOptions, 'outDir'>): Promise<RenderedReport> {
  const [{ openRun, renderOutputs }, { dataset, templates, diagnostics, validation, report }] = await Promise.all([
    import('./report-run.js'),
    loadValidDataFor(options, (data) => selectReport(data, options.report)),
  ]);
  const sources = new Map(dataset.reports.map((r, i) => [r.id, validation.reportSources[i]!]));
  const run = openRun({ dataDir: resolve(options.dataDir), dataset, templates, sources, env: options.env, pdfSession: options.pdfSession });
  const out = await renderOutputs(run, report, { formats: options.formats });
  const rendered: RenderedReport = { reportId: report.id, files: out.files, diagnostics };
  if (options.formats.includes('md')) rendered.markdown = out.markdown;
  if (out.pdf) rendered.pdf = out.pdf;
  const docx = out.files.find((f) => f.name === outputFileName(report.id, 'docx'))?.content;
  if (docx instanceof Uint8Array) rendered.docx = docx;
  return rendered;
}

/** `kim report`, `kim watch`: validate, render one Vorlage, write it atomically in each requested format. */
export async function writeReport(options: ReportOptions): Promise<ReportResult> {
  const [{ writeOutputs }, rendered] = await Promise.all([import('./report-run.js'), renderReport(options)]);
  const written = await writeOutputs(resolve(options.outDir), rendered.files);
  return { reportId: rendered.reportId, written, diagnostics: rendered.diagnostics };
}

/** A PDF renderer to pass to several `writeReport` calls (kim watch). */
export async function createPdfSession(): Promise<PdfSession> {
  return (await import('./report-run.js')).createPdfSession();
}

/**
 * `kim build` as a library call: every report (or one shard), skipping unchanged ones via the manifest in
 * the output folder; a failing report is an outcome, not an exception. Throws DataError only when a shared
 * data file is invalid.
 */
export async function buildReports(options: import('./batch/build.js').BuildOptions): Promise<import('./batch/build.js').BuildResult> {
  const { buildAll } = await import('./batch/build.js');
  return buildAll(options);
}

/**
 * Every data file judged as `kim build` judges it, without building: the diagnostics of the shared files,
 * those of each report file (a report whose previous report is invalid fails too), and the files as read.
 */
export async function checkReportFiles(options: DataOptions): Promise<Pick<import('./batch/data-partition.js').PartitionedData, 'shared' | 'perReport' | 'reportFiles' | 'loaded'>> {
  const { loadPartitioned } = await import('./batch/data-partition.js');
  return loadPartitioned(options.dataDir, options.templatesDir, options.env?.cacheDir, options.env?.trace);
}

/** The worker side of `kim build --jobs N` (`kim build --worker`): returns the worker's exit code. */
export async function serveBuildWorker(): Promise<number> {
  return (await import('./batch/worker.js')).serveWorker();
}

/**
 * `kim init` as a library call: writes the scaffold into `dir`; UsageError naming existing files unless
 * `force`; `kimSource` as `--kim-source` (a relative path in it taken from `kimSource.base`).
 */
export async function initDataRepository(dir: string, options: { force?: boolean; kimSource?: import('./init/kim-source.js').KimSourceOption | undefined } = {}): Promise<import('./init/scaffold.js').InitResult> {
  const { initRepository } = await import('./init/scaffold.js');
  return initRepository(dir, options);
}

/** Rewrites the repository's editor schemas (`schemas/` beside `dataDir`) that differ from this kim's; returns the files written. */
export async function refreshEditorSchemas(dataDir: string): Promise<string[]> {
  return (await import('./init/editor-schemas.js')).refreshEditorSchemas(dataDir);
}

/** `kim next` as a library call: writes the next report file, started from the last one (or `from`). */
export async function writeNextReport(options: import('./next/next-report.js').NextOptions): Promise<import('./next/next-report.js').NextResult> {
  return (await import('./next/next-report.js')).writeNextReport(options);
}

/** `kim migrate` as a library call: rewrites an older data folder to the current format in place (or, with `dryRun`, only says what it would change). */
export async function migrateData(options: import('./migrate/migrate.js').MigrateOptions): Promise<import('./migrate/migrate.js').MigrateResult> {
  return (await import('./migrate/migrate.js')).migrateFolder(options);
}
export type { MigrateOptions, MigrateResult, MigratedFile } from './migrate/migrate.js';
export { CURRENT_FORMAT } from './migrate/format.js';
