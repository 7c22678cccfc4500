import { resolve } from 'node:path';
import { describeFailure } from '../errors.js';
import { printDiagnostics, safeText, type Terminal } from './terminal.js';

/** Runs a command and turns any failure into its message and exit code (a bug says so, with its stack). */
export async function guard(term: Terminal, dataDir: string, run: () => Promise<number>): Promise<number> {
  try {
    return await run();
  } catch (cause) {
    return reportFailure(term, dataDir, cause);
  }
}

/** Prints a failure as `describeFailure` words it: diagnostics, then the message; returns the exit code. */
export function reportFailure(term: Terminal, dataDir: string, cause: unknown): number {
  const failure = describeFailure(cause);
  if (failure.diagnostics.length > 0) printDiagnostics(term, resolve(dataDir), failure.diagnostics);
  const prefix = failure.diagnostics.length > 0 || failure.internal ? '' : 'Fehler: ';
  term.err(term.color.red(`${prefix}${safeText(failure.message)}`));
  if (failure.detail) term.err(safeText(failure.detail, { multiline: true }));
  return failure.exitCode;
}
