import { resolve } from 'node:path';
import { checkData, hasErrors, type Environment } from '../../api.js';
import { displayPath, printDiagnostics, summarize, type Terminal } from '../terminal.js';

export interface ValidateOptions {
  data: string;
  templates: string;
  format: 'text' | 'json';
}

/** `kim validate`: every problem of the data folder in one run; exit 1 on errors, warnings allowed. */
export async function runValidate(options: ValidateOptions, term: Terminal, env: Environment): Promise<number> {
  const dataDir = resolve(options.data);
  const { validation } = await checkData({ dataDir, templatesDir: options.templates, env });
  const failed = hasErrors(validation.diagnostics);
  if (options.format === 'json') {
    const list = validation.diagnostics.map((d) => ({ ...d, file: displayPath(dataDir, d.file) }));
    term.out(JSON.stringify({ valid: !failed, diagnostics: list }, null, 2));
    return failed ? 1 : 0;
  }
  printDiagnostics(term, dataDir, validation.diagnostics);
  if (failed) {
    term.err(term.color.red(`Die Daten in ${displayPath(dataDir, '.')} sind ungültig: ${summarize(validation.diagnostics)}.`));
    return 1;
  }
  if (!term.quiet) {
    const reports = validation.reportSources.length;
    term.out(`${term.color.green('✓')} Daten gültig: ${reports} ${reports === 1 ? 'Vorlage' : 'Vorlagen'}, ${summarize(validation.diagnostics)}.`);
  }
  return 0;
}
