import type { Dataset, Report } from '../model/types.js';
import { buildReportModel, type ReportModel } from '../model/report-model.js';
import type { TemplateEngine } from './engine.js';
import { assertNoNames } from './privacy-check.js';
import { documentInfo } from './document-info.js';
import type { SourceFile } from '../load/source-file.js';
import { SafeMarkdown, sanitizeTextBlock } from './text-block.js';
import { defaultVocabulary } from './default-vocabulary.js';
import { defaultOutline, localOutline } from './default-outline.js';
import { layoutOf, type Layout, type SafeTexts } from './outline-layout.js';
import { assembleOutline, isQueueOutput, markOf } from './outline-assemble.js';
import { assertNoIgnoredOverrides } from './outline-overrides.js';
import type { StaffingChartModel } from '../model/staffing-series.js';

/** The staffing chart of a Vorlage with `show.chart`: its facts and the file the Markdown shows it from. */
export interface ChartFigure {
  /** `<id>.diagramm.svg`, beside the Markdown. */
  file: string;
  chart: StaffingChartModel;
}

/** The file name of a report's chart, beside its `.md` (src/batch/output-folder.ts knows it as kim's). */
export const chartFileName = (reportId: string): string => `${reportId}.diagramm.svg`;

/**
 * Model + template → the Vorlage as Markdown (the single source of every format). `fileNames` are the
 * names its files are published under (the report run takes them from emit/output-formats.ts, a stage
 * this one may not import); a staff name in one is refused like one in the text. Without them, the
 * report id stands for them: it is the part of each name that comes from the data.
 */
export async function renderMarkdown(
  engine: TemplateEngine,
  data: Dataset,
  report: Report,
  reportSource?: SourceFile,
  fileNames: readonly string[] = [report.id],
): Promise<{ markdown: string; model: ReportModel; figure: ChartFigure | null; permittedNames: string[] }> {
  assertNoIgnoredOverrides(engine.files(report.template));
  const model = buildReportModel(data, report, defaultVocabulary());
  const safe = withSafeTextBlocks(model);
  const figure = model.show.chart ? await chartFigure(data, report, model) : null;
  // The report's outline, else its Kreis's, else kim's (templates/gliederung.yaml).
  const layout = layoutOf(report.outline ?? data.organisation.outline ?? (data.programme.owner ? localOutline() : defaultOutline()), model, safeTexts(safe));
  const rendered = await engine.render(report.template, { ...safe, outline: queueModel(layout), outlineModules: layout.modules.map((m) => ({ ...m, text: mapText(m.text) })),
    chart: figure && { alt: figure.chart.alt, file: figure.file },
  });
  // kim's sachstand.md.hbs renders the outline's blocks, to be put into their sections; a template of the
  // data repository's own that does not use the outline renders the finished Vorlage itself.
  const fromOutline = isQueueOutput(rendered);
  const markdown = normalizeMarkdown(fromOutline ? assembleOutline(rendered, layout, model) : rendered);
  // A presenter on the staff list may be named by the block berichterstattung, once per place it stands;
  // a template of the data repository's own that does not use the outline names nobody.
  const placed = fromOutline ? layout.queue.filter((e) => e.block === 'berichterstattung').length : 0;
  const permittedNames = Array.from({ length: placed }, () => model.presenters.staffNames).flat();
  // Everything of a public Vorlage that is known now; kim build checks its OParl file when it makes it.
  const info = documentInfo(model);
  // The logo's alternate text is not in the Markdown but in the PDF's structure tree, read aloud and extractable.
  const logoAlt = data.organisation.letterhead?.logo?.alt;
  assertNoNames(
    { markdown, pdfMetadataStrings: [info.title, info.author, info.subject, ...info.keywords, ...(logoAlt ? [logoAlt] : [])], fileNames: [...fileNames, ...(figure ? [figure.file] : [])] },
    { data, report, reportSource, templateFiles: engine.files(report.template), permittedNames },
  );
  return { markdown, model, figure, permittedNames };
}

/** The chart's facts, from a module loaded only here: a Vorlage without chart never loads it. */
async function chartFigure(data: Dataset, report: Report, model: ReportModel): Promise<ChartFigure | null> {
  const { staffingChart } = await import('../model/staffing-series.js');
  const chart = staffingChart(data, model.stand, model.modules, model.terms);
  return chart && { file: chartFileName(report.id), chart };
}

type SafeText = string | SafeMarkdown;
type SafeModel = Omit<ReportModel, 'text' | 'modules'> & {
  text: Record<keyof ReportModel['text'], SafeText>;
  modules: (Omit<ReportModel['modules'][number], 'text'> & { text: Record<string, SafeText>; withoutFunding: boolean })[];
};

const safe = (text: string): SafeText => (text === '' ? '' : new SafeMarkdown(sanitizeTextBlock(text)));
const mapText = <T extends Record<string, string>>(text: T): Record<keyof T, SafeText> =>
  Object.fromEntries(Object.entries(text).map(([k, v]) => [k, safe(v)])) as Record<keyof T, SafeText>;

/**
 * The clerk's text blocks as safe Markdown (paragraphs, bold, lists); every other value is escaped by the
 * engine. `withoutFunding` is the outline's `funding: false`, off for a template that calls the module partials itself.
 */
function withSafeTextBlocks(model: ReportModel): SafeModel {
  return { ...model, text: mapText(model.text), modules: model.modules.map((m) => ({ ...m, text: mapText(m.text), withoutFunding: false })) };
}

function safeTexts(model: SafeModel): SafeTexts {
  const plain = (record: Record<string, SafeText>): Record<string, string> => Object.fromEntries(Object.entries(record).map(([k, v]) => [k, String(v)]));
  return { top: plain(model.text), modules: new Map(model.modules.map((m) => [m.id, plain(m.text)])) };
}

/** The blocks for the template to render, each with its mark (outline-assemble.ts) and its module's index in `outlineModules`. */
function queueModel(layout: Layout): object[] {
  return layout.queue.map((entry, i) => ({ mark: markOf(i), block: entry.block, module: entry.module }));
}

/** Collapses the blank lines conditional blocks leave behind; one newline at the end; same bytes every run. */
export function normalizeMarkdown(text: string): string {
  return `${text.replace(/\r\n/g, '\n').replace(/[ \t]+$/gm, (m) => (m === '  ' ? m : '')).replace(/\n{3,}/g, '\n\n').trim()}\n`;
}
