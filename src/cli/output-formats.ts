import { joinList, OPARL_EXTENSION, OUTPUT_FORMAT_NAMES, OUTPUT_FORMATS, type OutputFormat } from '../api.js';

/** What `--format` offers to report, build and watch: one format of the table, or `all` of them. */
export type FormatOption = OutputFormat | 'all';

/** The values of `--format`, in the table's order, `all` last. */
export const FORMAT_CHOICES: readonly FormatOption[] = [...OUTPUT_FORMAT_NAMES, 'all'];

/** The formats a `--format` value stands for; `all` is expanded here and nowhere else. */
export const formatsOf = (option: FormatOption): OutputFormat[] => (option === 'all' ? [...OUTPUT_FORMAT_NAMES] : [option]);

/** The single formats, for a message: "md, pdf oder docx". */
export const singleFormatList = (): string => joinList(OUTPUT_FORMAT_NAMES, 'oder');

/**
 * The files of a report, for a help text: `out/<kennung>.md, .pdf und .docx` (the first name in full,
 * then the other extensions), with the OParl Paper's last when a command writes one.
 */
export function outputFilesText(stem: string, conjunction: string, options: { oparl?: boolean } = {}): string {
  const [first, ...rest] = [...OUTPUT_FORMAT_NAMES.map((f) => OUTPUT_FORMATS[f].extension), ...(options.oparl ? [OPARL_EXTENSION] : [])];
  return joinList([`${stem}${first}`, ...rest], conjunction);
}

/** What kim build makes of each Vorlage, for its help: "Markdown, PDF, Word-Dokument und OParl-JSON". */
export const buildOutputsText = (): string => joinList([...OUTPUT_FORMAT_NAMES.map((f) => OUTPUT_FORMATS[f].label), 'OParl-JSON']);
