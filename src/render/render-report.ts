import type { Dataset, Report } from '../model/types.js';
import { buildReportModel, type ReportModel } from '../model/report-model.js';
import type { TemplateEngine } from './engine.js';
import { assertNoNames } from './privacy-check.js';
import { documentInfo } from './document-info.js';
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
  // Everything of a public Vorlage that is known now; kim build checks its OParl file when it makes it.
  const info = documentInfo(model);
  // The logo's alternate text is not in the Markdown but in the PDF's structure tree, read aloud and extractable.
  const logoAlt = data.organisation.letterhead?.logo?.alt;
  assertNoNames(
    { markdown, pdfMetadataStrings: [info.title, info.author, info.subject, ...info.keywords, ...(logoAlt ? [logoAlt] : [])], fileNames: [`${report.id}.md`, `${report.id}.pdf`, `${report.id}.oparl.json`] },
    { data, report, reportSource, templateFiles: engine.files(report.template) },
  );
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
