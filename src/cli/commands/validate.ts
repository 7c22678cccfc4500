import { resolve } from 'node:path';
import { checkData, EXIT, hasErrors, KIM_VERSION, refreshEditorSchemas, type Environment, type ExitCode } from '../../api.js';
import { codeClimateReport } from '../code-climate.js';
import { printDiagnostics, safeText, summarize, type Terminal } from '../terminal.js';

export interface ValidateOptions {
  data: string;
  templates: string;
  format: 'text' | 'json' | 'codeclimate';
}

/** `kim validate`: every problem of the data folder in one run; exit 1 on errors, warnings allowed. */
export async function runValidate(options: ValidateOptions, term: Terminal, env: Environment): Promise<ExitCode> {
  const dataDir = resolve(options.data);
  const { validation } = await checkData({ dataDir, templatesDir: options.templates, env });
  const failed = hasErrors(validation.diagnostics);
  await noteEditorSchemas(dataDir, term);
  if (options.format === 'json') {
    const list = validation.diagnostics.map((d) => ({ ...d, file: term.relativePath(d.file, dataDir) }));
    term.out(JSON.stringify({ valid: !failed, diagnostics: list }, null, 2));
    return failed ? EXIT.invalid : EXIT.ok;
  }
  if (options.format === 'codeclimate') {
    // The report on stdout (for GitLab's artifacts:reports:codequality), the usual lines on stderr for the log.
    term.out(JSON.stringify(codeClimateReport(validation.diagnostics, (d) => term.relativePath(d.file, dataDir)), null, 2));
  }
  printDiagnostics(term, dataDir, validation.diagnostics);
  if (failed) {
    term.err(term.color.red(`Die Daten in ${term.path(dataDir)} sind ungültig: ${summarize(validation.diagnostics)}.`));
    return EXIT.invalid;
  }
  if (!term.quiet) {
    const reports = validation.reportSources.length;
    // With a report on stdout, the summary goes to the log (stderr) instead.
    const say = options.format === 'codeclimate' ? term.err : term.out;
    say(`${term.color.green('✓')} Daten gültig: ${reports} ${reports === 1 ? 'Vorlage' : 'Vorlagen'}, ${summarize(validation.diagnostics)}.`);
  }
  return EXIT.ok;
}

/** Keeps the editor's schemas current (see src/init/editor-schemas.ts) and says which it rewrote, so they are committed. */
async function noteEditorSchemas(dataDir: string, term: Terminal): Promise<void> {
  const updated = await refreshEditorSchemas(dataDir).catch((cause: unknown) => {
    term.err(term.color.yellow(`Hinweis: Die Editor-Schemas in ${term.path('../schemas', dataDir)} ließen sich nicht aktualisieren (${safeText(cause instanceof Error ? cause.message : String(cause))}).`));
    return [];
  });
  if (updated.length === 0 || term.quiet) return;
  const files = updated.map((f) => term.path(f, dataDir)).join(', ');
  term.err(term.color.yellow(`Editor-Schemas waren veraltet und sind jetzt auf dem Stand von kim ${KIM_VERSION}: ${files}. Bitte mit einchecken.`));
}
