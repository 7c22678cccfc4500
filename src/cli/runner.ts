import { describeFailure, type ExitCode } from '../errors.js';
import type { CliEnvironment } from './environment.js';
import { printDiagnostics, processTerminal, safeText, type Terminal } from './terminal.js';

/** What a command says to the runner: its name, whether it is quiet, and its data folder (diagnostics are shown relative to it). */
export interface CommandCall {
  name: string;
  quiet: boolean;
  /** The data folder of the command (or '.'): data diagnostics name files relative to it. */
  dataDir: string;
}

/**
 * The one way every command runs (program.ts): it gets a terminal that shows paths relative to where
 * kim was started and escapes what it prints; whatever it throws becomes the German message and the exit
 * code `describeFailure` gives it (0 ok, 1 invalid data or template or unwritable output, 2 usage, 3 a
 * bug in kim), a bug without its stack trace unless KIM_DEBUG is set. No command catches errors to print
 * them itself, except kim watch, which goes on watching after each (it prints them with reportFailure).
 */
export async function runCommand(environment: CliEnvironment, call: CommandCall, command: (term: Terminal) => Promise<ExitCode>): Promise<ExitCode> {
  const term = processTerminal(environment, call.quiet);
  try {
    // Fault injection for the tests (test/cli/runner.test.ts): a bug in this command.
    if (environment.faultBug === call.name) throw new TypeError(`eingeschleuster Programmfehler in kim ${call.name}`);
    return await command(term);
  } catch (cause) {
    return reportFailure(term, call.dataDir, cause);
  }
}

/**
 * Prints a failure as `describeFailure` words it: diagnostics, then the message; a bug's stack trace only
 * when the terminal is in debug mode (KIM_DEBUG), otherwise how to get it. Returns the exit code.
 */
export function reportFailure(term: Terminal, dataDir: string, cause: unknown): ExitCode {
  const failure = describeFailure(cause);
  if (failure.diagnostics.length > 0) printDiagnostics(term, dataDir, failure.diagnostics);
  const prefix = failure.diagnostics.length > 0 || failure.internal ? '' : 'Fehler: ';
  term.err(term.color.red(`${prefix}${safeText(failure.message)}`));
  if (failure.detail !== undefined) term.err(detailOf(term, failure.detail));
  return failure.exitCode;
}

/** A bug's stack trace (KIM_DEBUG set), or the hint how to see it. */
export function detailOf(term: Terminal, detail: string): string {
  return term.debug ? safeText(detail, { multiline: true }) : 'Die Einzelheiten für die Meldung (den Stack-Trace) zeigt kim, wenn Sie den Befehl mit KIM_DEBUG=* davor wiederholen.';
}
