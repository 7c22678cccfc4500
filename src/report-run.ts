/**
 * The one per-report pipeline every command shares (kim report, watch, build and its workers): open a run
 * over validated data once, then render a report's outputs in memory and write them. A run keeps what
 * is expensive to make for many reports: the template engine, the PDF renderer (created on first use:
 * a Markdown-only run never loads pdfkit) and the letterhead's logo.
 */
import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { writeFileAtomic } from './files/atomic-write.js';
import { oparlJson, oparlPaper } from './emit/oparl.js';
import { OUTPUT_FORMAT_NAMES, OUTPUT_FORMATS, oparlFileName, outputFileName, type OutputFormat } from './emit/output-formats.js';
import { pdfMetadata, properNames } from './emit/pdf-metadata.js';
import type { PdfLogo, PdfRenderer } from './emit/pdf/index.js';
import type { DocxRenderer } from './emit/docx/index.js';
import { NO_ENVIRONMENT, type Environment } from './environment.js';
import type { SourceFile } from './load/source-file.js';
import type { ReportModel } from './model/report-model.js';
import type { Dataset, Report } from './model/types.js';
import { createTemplateEngine, type TemplateEngine } from './render/engine.js';
import { assertNoNames } from './render/privacy-check.js';
import { renderMarkdown } from './render/render-report.js';
import { undrawableDiagnostics } from './render/undrawable-characters.js';
import { DataError } from './errors.js';
import type { TemplateSet } from './render/template-registry.js';

/** The PDF renderer of a session; kim watch keeps one across runs, so the fonts are read once. */
export interface PdfSession {
  pdf(): Promise<PdfRenderer>;
}

export function createPdfSession(): PdfSession {
  let renderer: Promise<PdfRenderer> | undefined;
  return { pdf: () => (renderer ??= OUTPUT_FORMATS.pdf.renderer().then((m) => m.createPdfRenderer())) };
}

export interface ReportRun {
  dataDir: string;
  dataset: Dataset;
  engine: TemplateEngine;
  env: Environment;
  /** The report file a report came from, for messages located in it. */
  sourceOf(reportId: string): SourceFile | undefined;
  pdf(): Promise<PdfRenderer>;
  /** The letterhead's logo, read on first use (validation has checked the file is there and usable). */
  logo(): Promise<PdfLogo | undefined>;
  /** The Word renderer, created on first use: a Markdown or PDF run never loads the `docx` package. */
  docx(): Promise<DocxRenderer>;
  /** The Kreis's Word template (organisation.yaml wordTemplate), read on first use; validated before. */
  wordTemplate(): Promise<Uint8Array | undefined>;
}

export interface RunInput {
  dataDir: string;
  dataset: Dataset;
  templates: TemplateSet;
  /** Report id → its parsed file. */
  sources: Map<string, SourceFile>;
  env?: Environment | undefined;
  /** A PDF renderer to reuse (kim watch); else the run makes its own when a PDF is first due. */
  pdfSession?: PdfSession | undefined;
  /**
   * Told each file of the data folder (relative path) a report's outputs are made from besides the data
   * (the logo, the Word template), each time a render asks for it: kim build's key records them.
   */
  onRead?: ((file: string) => void) | undefined;
}

export function openRun(input: RunInput): ReportRun {
  const env = input.env ?? NO_ENVIRONMENT;
  const session = input.pdfSession ?? createPdfSession();
  const spec = input.dataset.organisation.letterhead?.logo;
  let logo: Promise<PdfLogo | undefined> | undefined;
  let docx: Promise<DocxRenderer> | undefined;
  let wordTemplate: Promise<Uint8Array | undefined> | undefined;
  const templateFile = input.dataset.organisation.wordTemplate;
  const read = (file: string): void => input.onRead?.(file);
  return {
    dataDir: input.dataDir,
    dataset: input.dataset,
    engine: createTemplateEngine(input.templates, { cacheDir: env.cacheDir, trace: env.trace }),
    env,
    sourceOf: (id) => input.sources.get(id),
    pdf: () => session.pdf(),
    logo: () => {
      if (!spec) return Promise.resolve(undefined);
      read(spec.file);
      return (logo ??= readFile(join(input.dataDir, spec.file)).then((bytes) => ({ bytes, format: /^\.png$/i.test(extname(spec.file)) ? ('png' as const) : ('jpeg' as const), alt: spec.alt })));
    },
    docx: () => (docx ??= OUTPUT_FORMATS.docx.renderer().then((m) => m.createDocxRenderer())),
    wordTemplate: () => {
      if (!templateFile) return Promise.resolve(undefined);
      read(templateFile);
      return (wordTemplate ??= readFile(join(input.dataDir, templateFile)).then((b) => new Uint8Array(b)));
    },
  };
}

/** A report's files as they will be written: `<id>.md`, `<id>.pdf`, `<id>.docx`, `<id>.oparl.json`, in that order. */
export interface RenderedOutputs {
  reportId: string;
  model: ReportModel;
  markdown: string;
  pdf: Uint8Array | undefined;
  files: { name: string; content: string | Uint8Array }[];
  /** The images the Markdown shows (`![alt](file)`), for a format that embeds them (the staffing chart's SVG). */
  figures: { file: string; alt: string; svg: string }[];
}

export interface OutputRequest {
  formats: readonly OutputFormat[];
  /** With a base URL, the OParl Paper is made too (kim build); it describes the PDF when there is one. */
  oparlBaseUrl?: string | undefined;
}

/**
 * The names a report's files are published under, for the privacy check (a name in the report id would be
 * published in each); the chart's file is added where the chart is made.
 */
const publishedNames = (reportId: string): string[] => [...OUTPUT_FORMAT_NAMES.map((f) => outputFileName(reportId, f)), oparlFileName(reportId)];

/**
 * Renders one report's outputs in memory; nothing touches the disk but reading the logo. Every public
 * output has passed the privacy check when this returns (the Markdown and PDF texts in renderMarkdown,
 * the OParl JSON here).
 */
export async function renderOutputs(run: ReportRun, report: Report, request: OutputRequest): Promise<RenderedOutputs> {
  const source = run.sourceOf(report.id);
  const { markdown, model, figure, permittedNames } = await renderMarkdown(run.engine, run.dataset, report, source, publishedNames(report.id));
  const wantsPdf = request.formats.includes('pdf');
  // The staffing chart (show.chart): one drawing for the SVG beside the Markdown and for the PDF; its
  // code is loaded only here, so a Vorlage without chart never loads it.
  const chart = figure && { ...figure, ...(await import('./emit/chart/index.js')).chartOutputs(figure.chart) };
  let pdf: Uint8Array | undefined;
  if (wantsPdf) {
    const renderer = await run.pdf();
    const undrawable = await renderer.undrawable(markdown);
    if (undrawable.length > 0) {
      const diagnostics = undrawableDiagnostics(undrawable, { data: run.dataset, report, reportSource: source, templateFiles: run.engine.files(report.template) });
      throw new DataError(diagnostics, 'Die Vorlage enthält Zeichen, die das PDF nicht darstellen kann; nichts wurde geschrieben.');
    }
    const meta = pdfMetadata(model, run.env, await run.logo(), properNames(run.dataset));
    if (chart) meta.figures = [{ file: chart.file, alt: chart.chart.alt, drawing: chart.drawing }];
    pdf = await renderer.render(markdown, meta);
  }
  const files: RenderedOutputs['files'] = [];
  if (request.formats.includes('md')) files.push({ name: outputFileName(report.id, 'md'), content: markdown });
  // The Markdown shows the chart from this file beside it.
  if (request.formats.includes('md') && chart) files.push({ name: chart.file, content: chart.svg });
  if (pdf) files.push({ name: outputFileName(report.id, 'pdf'), content: pdf });
  if (request.formats.includes('docx')) files.push({ name: outputFileName(report.id, 'docx'), content: await renderDocx(run, report, markdown, model, chart ? [{ name: chart.file, content: chart.svg }] : [], permittedNames) });
  if (request.oparlBaseUrl !== undefined) {
    const oparl = oparlJson(oparlPaper(run.dataset, report, request.oparlBaseUrl, pdf));
    assertNoNames({ oparlJson: oparl }, { data: run.dataset, report, reportSource: source, templateFiles: run.engine.files(report.template) });
    files.push({ name: oparlFileName(report.id), content: oparl });
  }
  return { reportId: report.id, model, markdown, pdf, files, figures: chart ? [{ file: chart.file, alt: chart.chart.alt, svg: chart.svg }] : [] };
}

/**
 * The Word document of a report, from the same Markdown as the PDF, privacy-checked over every part of
 * the package (the Kreis's template brings a header and footer of its own). The images it shows are the
 * files rendered beside the Markdown.
 */
async function renderDocx(run: ReportRun, report: Report, markdown: string, model: ReportModel, files: RenderedOutputs['files'], permittedNames: readonly string[]): Promise<Uint8Array> {
  // The images are the files the Markdown shows beside it (the chart's SVG), whether or not the Markdown is written.
  const [{ wordTexts }, renderer, logo, template] = await Promise.all([OUTPUT_FORMATS.docx.renderer(), run.docx(), run.logo(), run.wordTemplate()]);
  const images = new Map(files.filter((f) => /\.(svg|png|jpe?g)$/i.test(f.name)).map((f) => [f.name, typeof f.content === 'string' ? new Uint8Array(Buffer.from(f.content)) : f.content]));
  const bytes = await renderer.render(markdown, { ...pdfMetadata(model, run.env, logo), template, images });
  assertNoNames({ wordParts: wordTexts(bytes) }, { data: run.dataset, report, reportSource: run.sourceOf(report.id), templateFiles: run.engine.files(report.template), permittedNames });
  return bytes;
}

/**
 * Writes rendered files into a folder, each atomically (old or new complete version), side by side; all
 * are settled before a failure is passed on, so none lands after the caller has cleaned up. Returns the
 * absolute paths written.
 */
export async function writeOutputs(outDir: string, files: RenderedOutputs['files'], options: { durable?: boolean } = {}): Promise<string[]> {
  const results = await Promise.allSettled(files.map((f) => writeFileAtomic(join(outDir, f.name), f.content, { durable: options.durable ?? true })));
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
  return files.map((f) => join(outDir, f.name));
}
