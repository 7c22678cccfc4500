import { resolve } from 'node:path';
import { checkData, EXIT, hasErrors, migrateData, type Environment, type ExitCode, type MigrateResult } from '../../api.js';
import { printDiagnostics, safeText, summarize, type Terminal } from '../terminal.js';

export interface MigrateCommandOptions {
  data: string;
  templates: string;
  check?: boolean;
}

const dateien = (n: number): string => (n === 1 ? 'eine Datei' : `${n} Dateien`);

/** What changed (or would change), file by file, in German. */
function describe(result: MigrateResult, check: boolean): string[] {
  const how = result.declared ? 'laut organisation.yaml' : 'an der Form der Daten erkannt';
  const head = check
    ? `Datenformat ${result.from} (${how}): "kim migrate" schreibt ${dateien(result.files.length)} auf Format ${result.to} um:`
    : `Datenformat ${result.from} (${how}) auf Format ${result.to} umgeschrieben:`;
  return [head, ...result.files.flatMap((f) => [`${safeText(f.file)}`, ...f.notes.map((n) => `  - ${safeText(n)}`)])];
}

/**
 * `kim migrate`: rewrites an older data folder to the current format in place and says what it changed,
 * then validates the result. `--check` only says it (exit 1 when something is to change: for CI).
 */
export async function runMigrate(options: MigrateCommandOptions, term: Terminal, env: Environment): Promise<ExitCode> {
  const dataDir = resolve(options.data);
  const check = Boolean(options.check);
  const result = await migrateData({ dataDir, dryRun: check });
  if (result.files.length === 0) {
    if (!term.quiet) term.out(`Datenformat ${result.to} ist aktuell: nichts zu tun.`);
    return EXIT.ok;
  }
  if (!term.quiet || check) term.out(describe(result, check).join('\n'));
  if (check) return EXIT.invalid;
  const { validation } = await checkData({ dataDir, templatesDir: options.templates, env });
  printDiagnostics(term, dataDir, validation.diagnostics);
  if (hasErrors(validation.diagnostics)) {
    term.err(term.color.red(`${dateien(result.files.length)} umgeschrieben, aber die Daten in ${term.path(dataDir)} sind ungültig: ${summarize(validation.diagnostics)}.`));
    return EXIT.invalid;
  }
  if (!term.quiet) term.out(`${term.color.green('✓')} ${dateien(result.files.length)} umgeschrieben; Daten gültig: ${summarize(validation.diagnostics)}.`);
  return EXIT.ok;
}
