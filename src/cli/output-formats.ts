import type { OutputFormat } from '../api.js';

/** What `--format` offers to report, build and watch: one format, or `all` of them. */
export type FormatOption = OutputFormat | 'all';

export const OUTPUT_FORMATS: readonly OutputFormat[] = ['md', 'pdf', 'docx'];

/** The formats a `--format` value stands for. */
export const formatsOf = (option: FormatOption): OutputFormat[] => (option === 'all' ? [...OUTPUT_FORMATS] : [option]);
