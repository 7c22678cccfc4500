import { relative, resolve } from 'node:path';
import { writeReport, type OutputFormat } from '../../api.js';
import { printDiagnostics, type Terminal } from '../terminal.js';

export interface ReportCommandOptions {
  data: string;
  templates: string;
  out: string;
  format: 'md' | 'pdf' | 'all';
}

/** `kim report [REPORT]`: one Vorlage; prints the path of each file written. */
export async function runReport(report: string | undefined, options: ReportCommandOptions, term: Terminal): Promise<number> {
  const formats: OutputFormat[] = options.format === 'all' ? ['md', 'pdf'] : [options.format];
  const result = await writeReport({ dataDir: options.data, templatesDir: options.templates, outDir: options.out, report, formats });
  printDiagnostics(term, resolve(options.data), result.diagnostics);
  for (const file of result.written) term.out(relative(process.cwd(), file) || file);
  return 0;
}
