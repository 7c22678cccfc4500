import type { Diagnostic } from './diagnostics.js';

/** Exit codes, one meaning each, the same for every command (README "Commands"). */
export const EXIT = { ok: 0, invalid: 1, usage: 2, internal: 3 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/**
 * The kinds of failure (after rendercv): the user asked for something impossible (usage, exit 2), the
 * data or a template is wrong (a list of located diagnostics, exit 1), the output cannot be written
 * (exit 1), or kim itself failed (a bug, exit 3). The library throws these; `describeFailure` turns any
 * failure into what the user is told, and only the CLI entry and the worker entry exit.
 */
export class KimError extends Error {
  constructor(message: string, readonly exitCode: Exclude<ExitCode, 0>) {
    super(message);
    this.name = new.target.name;
  }
}

/** Wrong command line: unknown report, missing folder, bad option value. Exit 2. */
export class UsageError extends KimError {
  constructor(message: string) {
    super(message, EXIT.usage);
  }
}

/** Invalid data or template: carries every diagnostic of the run. Exit 1. */
export class DataError extends KimError {
  constructor(readonly diagnostics: Diagnostic[], message = 'Die Daten sind ungültig.') {
    super(message, EXIT.invalid);
  }
}

/** A failure outside the user's control that is not a bug either: disk full, read-only folder. Exit 1. */
export class OutputError extends KimError {
  constructor(message: string) {
    super(message, EXIT.invalid);
  }
}

/** kim itself went wrong where it noticed it (a worker that died or hung). Exit 3. */
export class InternalError extends KimError {
  constructor(what: string) {
    super(internalMessage(what), EXIT.internal);
  }
}

/** What a failure tells the user, and with which exit code. */
export interface Failure {
  exitCode: Exclude<ExitCode, 0>;
  /** One German sentence (or more) for the terminal. */
  message: string;
  diagnostics: Diagnostic[];
  /** A bug in kim, not the user's data: `detail` holds the stack to report. */
  internal: boolean;
  detail?: string;
}

/** "Interner Fehler in kim (…): what", the one wording of a bug report, wherever it is noticed. */
export function internalMessage(what: string): string {
  return `Interner Fehler in kim (ein Programmfehler, nicht Ihre Daten)${what ? `: ${what}` : '.'}`;
}

/**
 * Any failure (one of kim's kinds, or anything else thrown: a bug) as message, diagnostics and exit code.
 * A bug's message names the error (`TypeError: …`); its stack is `detail`, which the CLI shows only with
 * KIM_DEBUG (a clerk needs no stack trace, whoever fixes kim does).
 */
export function describeFailure(cause: unknown): Failure {
  if (cause instanceof DataError) return { exitCode: EXIT.invalid, message: cause.message, diagnostics: cause.diagnostics, internal: false };
  if (cause instanceof KimError) return { exitCode: cause.exitCode, message: cause.message, diagnostics: [], internal: cause.exitCode === EXIT.internal };
  const what = cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause);
  const detail = cause instanceof Error ? (cause.stack ?? what) : what;
  return { exitCode: EXIT.internal, message: `${internalMessage(what.replace(/\.?$/, '.'))} Bitte melden Sie ihn.`, diagnostics: [], internal: true, detail };
}
