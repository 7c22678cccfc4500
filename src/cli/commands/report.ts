import { resolve } from 'node:path';
import { EXIT, OUTPUT_FORMATS, renderReport, UsageError, writeReport, type Environment, type ExitCode } from '../../api.js';
import { formatsOf, singleFormatList, type FormatOption } from '../output-formats.js';
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
    if (formats.length > 1) throw new UsageError(`Mit --out - wird ein Format auf die Standardausgabe geschrieben: --format ${singleFormatList()}, nicht all.`);
    const format = formats[0]!;
    const { binary, label, extension } = OUTPUT_FORMATS[format];
    if (binary && process.stdout.isTTY) throw new UsageError(`Ein ${label} auf dem Terminal ist unlesbar: leiten Sie die Ausgabe um (kim report --format ${format} --out - > vorlage${extension}) oder geben Sie mit --out einen Ordner an.`);
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
