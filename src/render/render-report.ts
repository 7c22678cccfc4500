import type { Dataset, Report } from '../model/types.js';
import { buildReportModel, type ReportModel } from '../model/report-model.js';
import type { TemplateEngine } from './engine.js';
import { checkPrivacy } from './privacy-check.js';
import { DataError } from '../errors.js';
import type { SourceFile } from '../load/source-file.js';
import { SafeMarkdown, sanitizeTextBlock } from './text-block.js';

/** Model + template → the Vorlage as Markdown (the single source of both the .md and the PDF). */
export async function renderMarkdown(
  engine: TemplateEngine,
  data: Dataset,
  report: Report,
  reportSource?: SourceFile,
): Promise<{ markdown: string; model: ReportModel }> {
  const model = buildReportModel(data, report);
  const markdown = normalizeMarkdown(await engine.render(report.template, withSafeTextBlocks(model)));
  const leaks = checkPrivacy(markdown, data, report, { reportSource, templateFiles: engine.files(report.template), outputName: `${report.id}.md` });
  if (leaks.length > 0) throw new DataError(leaks, 'Die öffentliche Vorlage enthält personenbezogene Namen; nichts wurde geschrieben.');
  return { markdown, model };
}

/** The clerk's text blocks as safe Markdown (paragraphs, bold, lists); every other value is escaped by the engine. */
function withSafeTextBlocks(model: ReportModel): object {
  const safe = (text: string): string | SafeMarkdown => (text === '' ? '' : new SafeMarkdown(sanitizeTextBlock(text)));
  const mapText = <T extends Record<string, string>>(text: T): Record<keyof T, string | SafeMarkdown> =>
    Object.fromEntries(Object.entries(text).map(([k, v]) => [k, safe(v)])) as Record<keyof T, string | SafeMarkdown>;
  return { ...model, text: mapText(model.text), modules: model.modules.map((m) => ({ ...m, text: mapText(m.text) })) };
}

/** Collapses the blank lines conditional blocks leave behind; one newline at the end; same bytes every run. */
export function normalizeMarkdown(text: string): string {
  return `${text.replace(/\r\n/g, '\n').replace(/[ \t]+$/gm, (m) => (m === '  ' ? m : '')).replace(/\n{3,}/g, '\n\n').trim()}\n`;
}
