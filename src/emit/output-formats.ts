/**
 * The formats a Vorlage is written in, in one table (as marp-cli's `ConvertType`): the name `--format`
 * takes, the file's extension, its mime type (an OParl File states it), the German word messages name
 * it by, whether it is binary (unreadable on a terminal), and the module that turns the Vorlage's
 * Markdown into it. The label is a neuter noun, as messages use it ("Ein PDF auf dem Terminal ist
 * unlesbar"). The modules load on first use: a Markdown run never loads pdfkit, a Markdown or PDF
 * run never the `docx` package (test/workflow/stage-loading.test.ts). Every file name, extension and
 * mime type of an output is taken from here (test/structure/output-extensions.test.ts).
 *
 * It lies in the emit stage, which writes these formats: the report run, the batch build, the OParl
 * emitter and the CLI (through api.ts) all may read it. The render stage below it may not, and is
 * handed the file names it checks.
 */
export const OUTPUT_FORMATS = {
  md: {
    extension: '.md',
    mimeType: 'text/markdown; charset=utf-8',
    label: 'Markdown',
    binary: false,
    // The Markdown is the text every format is made from (render/render-report.ts); nothing to convert.
    renderer: null,
  },
  pdf: {
    extension: '.pdf',
    mimeType: 'application/pdf',
    label: 'PDF',
    binary: true,
    renderer: () => import('./pdf/index.js'),
  },
  docx: {
    extension: '.docx',
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    label: 'Word-Dokument',
    binary: true,
    renderer: () => import('./docx/index.js'),
  },
} as const;

export type OutputFormat = keyof typeof OUTPUT_FORMATS;

/** Every format, in the table's order (the order `--format all` writes them in). */
export const OUTPUT_FORMAT_NAMES = Object.keys(OUTPUT_FORMATS) as readonly OutputFormat[];

/** The file a report's Vorlage is written to in a format: `<id>.md`, `<id>.pdf`, `<id>.docx`. */
export const outputFileName = (reportId: string, format: OutputFormat): string => `${reportId}${OUTPUT_FORMATS[format].extension}`;

/** The OParl Paper kim build writes beside a report's Vorlage (not a `--format`: it comes with an OParl base URL). */
export const OPARL_EXTENSION = '.oparl.json';

export const oparlFileName = (reportId: string): string => `${reportId}${OPARL_EXTENSION}`;
