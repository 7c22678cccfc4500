import type { Diagnostic } from './diagnostics.js';

/**
 * The three kinds of failure (after rendercv): the user asked for something impossible (usage, exit 2),
 * the data or a template is wrong (a list of located diagnostics, exit 1), or kim itself failed (a bug).
 * The library throws these; only the CLI turns them into exit codes.
 */
export class KimError extends Error {
  constructor(message: string, readonly exitCode: 1 | 2) {
    super(message);
    this.name = new.target.name;
  }
}

/** Wrong command line: unknown report, missing folder, bad option value. Exit 2. */
export class UsageError extends KimError {
  constructor(message: string) {
    super(message, 2);
  }
}

/** Invalid data or template: carries every diagnostic of the run. Exit 1. */
export class DataError extends KimError {
  constructor(readonly diagnostics: Diagnostic[], message = 'Die Daten sind ungültig.') {
    super(message, 1);
  }
}

/** A failure outside the user's control that is not a bug either: disk full, read-only folder. Exit 1. */
export class OutputError extends KimError {
  constructor(message: string) {
    super(message, 1);
  }
}
