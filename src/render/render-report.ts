import type { Dataset } from '../model/types.js';
import { buildReportModel, type ReportModel } from '../model/report-model.js';
import type { TemplateEngine } from './engine.js';
import { checkPrivacy } from './privacy-check.js';
import { DataError } from '../errors.js';
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
  const leaks = checkPrivacy(markdown, data, report, { reportSource, templateFiles: engine.files(report.template), outputName: `${report.id}.md` });
  if (leaks.length > 0) throw new DataError(leaks, 'Die öffentliche Vorlage enthält personenbezogene Namen; nichts wurde geschrieben.');
  return { markdown, model };
}

/** Collapses the blank lines conditional blocks leave behind; one newline at the end; same bytes every run. */
export function normalizeMarkdown(text: string): string {
  return `${text.replace(/\r\n/g, '\n').replace(/[ \t]+$/gm, (m) => (m === '  ' ? m : '')).replace(/\n{3,}/g, '\n\n').trim()}\n`;
}
