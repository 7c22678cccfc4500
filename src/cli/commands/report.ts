import { resolve } from 'node:path';
import { EXIT, renderReport, UsageError, writeReport, type Environment, type ExitCode } from '../../api.js';
import { formatsOf, type FormatOption } from '../output-formats.js';
import { printDiagnostics, type Terminal } from '../terminal.js';

export interface ReportCommandOptions {
  data: string;
  templates: string;
  out: string;
  format: FormatOption;
}

/** `--out -`: the Vorlage goes to stdout (for a pipe), one format only. */
export const STDOUT = '-';

/** `kim report [REPORT]`: one Vorlage; prints the path of each file written, or the Vorlage itself with `--out -`. */
export async function runReport(report: string | undefined, options: ReportCommandOptions, term: Terminal, env: Environment): Promise<ExitCode> {
  const formats = formatsOf(options.format);
  if (options.out === STDOUT) {
    if (formats.length > 1) throw new UsageError('Mit --out - wird ein Format auf die Standardausgabe geschrieben: --format md, pdf oder docx, nicht all.');
    if (formats[0] === 'pdf' && process.stdout.isTTY) throw new UsageError('Ein PDF auf dem Terminal ist unlesbar: leiten Sie die Ausgabe um (kim report --format pdf --out - > vorlage.pdf) oder geben Sie mit --out einen Ordner an.');
    if (formats[0] === 'docx' && process.stdout.isTTY) throw new UsageError('Ein Word-Dokument auf dem Terminal ist unlesbar: leiten Sie die Ausgabe um (kim report --format docx --out - > vorlage.docx) oder geben Sie mit --out einen Ordner an.');
    const rendered = await renderReport({ dataDir: options.data, templatesDir: options.templates, report, formats, env });
    printDiagnostics(term, resolve(options.data), rendered.diagnostics);
    term.write(rendered.markdown ?? rendered.pdf ?? rendered.docx!);
    return EXIT.ok;
  }
  const result = await writeReport({ dataDir: options.data, templatesDir: options.templates, outDir: options.out, report, formats, env });
  printDiagnostics(term, resolve(options.data), result.diagnostics);
  for (const file of result.written) term.out(term.path(file));
  return EXIT.ok;
}
