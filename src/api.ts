/**
 * kim's library API: what the CLI calls and what tests call. Functions throw KimError subclasses
 * (UsageError, DataError, OutputError); only the CLI turns them into exit codes.
 */
import { join, resolve } from 'node:path';
import { hasErrors, type Diagnostic } from './diagnostics.js';
import { DataError } from './errors.js';
import { loadSources } from './load/dataset.js';
import type { Dataset } from './model/types.js';
import { findTemplates, type TemplateSet } from './render/template-registry.js';
import { validateSources, type Validation } from './validate/index.js';
import { selectReport } from './select-report.js';

export interface DataOptions {
  /** The data folder (default `data`). */
  dataDir: string;
  /** The data repository's template overrides (default `templates`, ignored when missing). */
  templatesDir?: string;
}

export interface ValidData {
  dataset: Dataset;
  templates: TemplateSet;
  /** Warnings only: errors have been thrown. */
  diagnostics: Diagnostic[];
  validation: Validation;
}

/** Loads and validates a data folder; returns all diagnostics, errors or not (for `kim validate`, `kim list`). */
export async function checkData(options: DataOptions): Promise<{ validation: Validation; templates: TemplateSet }> {
  const dataDir = resolve(options.dataDir);
  const [sources, templates] = await Promise.all([loadSources(dataDir), findTemplates(options.templatesDir && resolve(options.templatesDir))]);
  const validation = await validateSources(sources, [...templates.templates.keys()]);
  return { validation, templates };
}

/** Loads and validates; throws DataError with every diagnostic when anything is wrong. */
export async function loadValidData(options: DataOptions): Promise<ValidData> {
  const { validation, templates } = await checkData(options);
  if (hasErrors(validation.diagnostics) || !validation.dataset) throw new DataError(validation.diagnostics);
  return { dataset: validation.dataset, templates, diagnostics: validation.diagnostics, validation };
}

export type OutputFormat = 'md' | 'pdf';

export interface ReportOptions extends DataOptions {
  /** Report id or session date; the latest report when absent. */
  report?: string | undefined;
  outDir: string;
  formats: OutputFormat[];
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
  /** Warnings from validation (errors are thrown). */
  diagnostics: Diagnostic[];
}

/** Validates and renders one Vorlage in each requested format, without writing anything (`kim report --out -`). */
export async function renderReport(options: Omit<ReportOptions, 'outDir'>): Promise<RenderedReport> {
  // Loaded here, not at the top: `kim validate` imports this module and never renders.
  const [{ createTemplateEngine }, { renderMarkdown }, { pdfMetadata }, { dataset, templates, diagnostics, validation }] = await Promise.all([
    import('./render/engine.js'),
    import('./render/render-report.js'),
    import('./emit/pdf-metadata.js'),
    loadValidData(options),
  ]);
  const report = selectReport(dataset, options.report);
  const engine = createTemplateEngine(templates);
  const reportSource = validation.reportSources[dataset.reports.indexOf(report)];
  const { markdown, model } = await renderMarkdown(engine, dataset, report, reportSource);
  const rendered: RenderedReport = { reportId: report.id, diagnostics };
  if (options.formats.includes('md')) rendered.markdown = markdown;
  if (options.formats.includes('pdf')) {
    // Loaded only here: a Markdown-only run never pays for pdfkit, fonts or hyphenation patterns.
    const { createPdfRenderer } = await import('./emit/pdf/index.js');
    rendered.pdf = await createPdfRenderer().render(markdown, pdfMetadata(model, process.env['SOURCE_DATE_EPOCH']));
  }
  return rendered;
}

/** `kim report`: validate, render one Vorlage, write it atomically in each requested format. */
export async function writeReport(options: ReportOptions): Promise<ReportResult> {
  const [{ reportId, markdown, pdf, diagnostics }, { writeFileAtomic }] = await Promise.all([renderReport(options), import('./emit/atomic-write.js')]);
  const outDir = resolve(options.outDir);
  const written: string[] = [];
  if (markdown !== undefined) {
    const target = join(outDir, `${reportId}.md`);
    await writeFileAtomic(target, markdown);
    written.push(target);
  }
  if (pdf !== undefined) {
    const target = join(outDir, `${reportId}.pdf`);
    await writeFileAtomic(target, pdf);
    written.push(target);
  }
  return { reportId, written, diagnostics };
}

export type { BuildOptions, BuildResult, ReportOutcome } from './build/build.js';
export type { InitResult } from './init/scaffold.js';

/**
 * `kim build` as a library call: every report (or one shard), skipping unchanged ones via the manifest in
 * the output folder; a failing report is an outcome, not an exception. Throws DataError only when a shared
 * data file is invalid.
 */
export async function buildReports(options: import('./build/build.js').BuildOptions): Promise<import('./build/build.js').BuildResult> {
  const { buildAll } = await import('./build/build.js');
  return buildAll(options);
}

/** `kim init` as a library call: writes the scaffold into `dir`; UsageError naming existing files unless `force`; `kimSource` as `--kim-source`. */
export async function initDataRepository(dir: string, options: { force?: boolean; kimSource?: string } = {}): Promise<import('./init/scaffold.js').InitResult> {
  const { initRepository } = await import('./init/scaffold.js');
  return initRepository(dir, options);
}
