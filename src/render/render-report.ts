import type { Dataset } from '../model/types.js';
import { buildReportModel, type ReportModel } from '../model/report-model.js';
import type { TemplateEngine } from './engine.js';

/** Model + template → the Vorlage as Markdown (the single source of both the .md and the PDF). */
export async function renderMarkdown(engine: TemplateEngine, data: Dataset, reportId: string): Promise<{ markdown: string; model: ReportModel }> {
  const report = data.reports.find((r) => r.id === reportId)!;
  const model = buildReportModel(data, reportId);
  const markdown = await engine.render(report.template, model);
  return { markdown: normalizeMarkdown(markdown), model };
}

/** Collapses the blank lines conditional blocks leave behind; one newline at the end; same bytes every run. */
export function normalizeMarkdown(text: string): string {
  return `${text.replace(/\r\n/g, '\n').replace(/[ \t]+$/gm, (m) => (m === '  ' ? m : '')).replace(/\n{3,}/g, '\n\n').trim()}\n`;
}
