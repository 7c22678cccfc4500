import type { Dataset } from '../model/types.js';
import { buildReportModel, type ReportModel } from '../model/report-model.js';
import type { TemplateEngine } from './engine.js';
import { assertNoNames } from './privacy-check.js';
import { pdfMetadata } from '../emit/pdf-metadata.js';
import type { SourceFile } from '../load/source-file.js';

/** Model + template → the Vorlage as Markdown (the single source of both the .md and the PDF). */
export async function renderMarkdown(
  engine: TemplateEngine,
  data: Dataset,
  reportId: string,
  reportSource?: SourceFile,
): Promise<{ markdown: string; model: ReportModel }> {
  const report = data.reports.find((r) => r.id === reportId)!;
  const model = buildReportModel(data, reportId);
  const markdown = normalizeMarkdown(await engine.render(report.template, model));
  // Everything of a public Vorlage that is known now; kim build checks its OParl file when it makes it.
  assertNoNames(
    { markdown, pdfMetadataStrings: pdfMetadataStrings(model), fileNames: [`${report.id}.md`, `${report.id}.pdf`, `${report.id}.oparl.json`] },
    { data, report, reportSource, templateFiles: engine.files(report.template) },
  );
  return { markdown, model };
}

/** The strings of the PDF's document information (the date is not text a name could hide in). */
function pdfMetadataStrings(model: ReportModel): string[] {
  const { title, author, subject, keywords } = pdfMetadata(model, undefined);
  return [title, author, subject, ...keywords];
}

/** Collapses the blank lines conditional blocks leave behind; one newline at the end; same bytes every run. */
export function normalizeMarkdown(text: string): string {
  return `${text.replace(/\r\n/g, '\n').replace(/[ \t]+$/gm, (m) => (m === '  ' ? m : '')).replace(/\n{3,}/g, '\n\n').trim()}\n`;
}
