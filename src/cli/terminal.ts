import { relative, resolve } from 'node:path';
import { Chalk, type ChalkInstance } from 'chalk';
import type { Diagnostic } from '../diagnostics.js';
import type { CliEnvironment } from './environment.js';

/**
 * Where the CLI writes: results to stdout, diagnostics to stderr, colour as chalk decides it (see
 * colorLevel). Passed to commands (not global) so tests can capture it. Every line goes through
 * terminalSafe, so no control character from the data reaches the terminal or a CI log.
 */
export interface Terminal {
  out(line: string): void;
  err(line: string): void;
  /** Writes a document (a Vorlage) to stdout as it is, byte for byte. */
  write(data: string | Uint8Array): void;
  color: ChalkInstance;
  quiet: boolean;
  /** stderr is a terminal: progress may redraw a line. */
  interactive: boolean;
  /** Also print diagnostics as GitHub Actions annotations (`::error file=…`). */
  annotations: boolean;
  /** KIM_DEBUG is set: a bug is shown with its stack trace. */
  debug: boolean;
  /**
   * A path as the user reads it: relative to the folder kim was started in (`file` relative to `base`,
   * default that folder, or absolute), with its control characters escaped (safeText). The one way a
   * command shows a path.
   */
  path(file: string, base?: string): string;
  /** The same path not escaped: for JSON output, whose own escaping keeps control characters out. */
  relativePath(file: string, base?: string): string;
}

export function processTerminal(environment: CliEnvironment, quiet = false): Terminal {
  const level = colorLevel(environment.color, Boolean(process.stderr.isTTY && process.stdout.isTTY));
  return {
    out: (line) => process.stdout.write(`${terminalSafe(line, level > 0)}\n`),
    err: (line) => process.stderr.write(`${terminalSafe(line, level > 0)}\n`),
    write: (data) => process.stdout.write(data),
    color: new Chalk({ level }),
    quiet,
    interactive: Boolean(process.stderr.isTTY),
    annotations: environment.githubActions,
    debug: environment.debug,
    path: (file, base) => safeText(displayPath(environment.cwd, resolve(environment.cwd, base ?? '.', file))),
    relativePath: (file, base) => displayPath(environment.cwd, resolve(environment.cwd, base ?? '.', file)),
  };
}

/**
 * Colour level as chalk's own detection (supports-color) decides it: FORCE_COLOR, when set, wins (0 or
 * "false" off, 2 and 3 more colours, anything else on; also in a pipe); otherwise NO_COLOR turns colour
 * off, and so do output that is not a terminal and TERM=dumb.
 */
export function colorLevel(env: CliEnvironment['color'], terminal: boolean): 0 | 1 | 2 | 3 {
  const force = env['FORCE_COLOR'];
  if (force !== undefined) {
    if (force === '0' || force === 'false') return 0;
    const n = Number.parseInt(force, 10);
    return n === 2 || n === 3 ? n : n > 3 ? 3 : 1;
  }
  if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return 0;
  if (!terminal || env['TERM'] === 'dumb') return 0;
  return 1;
}

/** C0 and C1 controls, DEL, and the Unicode characters that reorder or break lines unseen. */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
const escapeChar = (c: string): string => ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/**
 * A value from the data or the command line, made safe to echo in a message: every control character
 * (escape sequences that retitle the window or rewrite the screen, bell, and line breaks that could fake
 * a line of their own, e.g. a GitHub `::error` command) is shown as an escape such as `\u001b`.
 * `multiline` keeps line breaks (for kim's own multi-line texts such as an internal error's stack).
 */
export function safeText(text: string, options: { multiline?: boolean } = {}): string {
  return text.replace(UNSAFE, (c) => (options.multiline && c === '\n' ? c : escapeChar(c)));
}

/**
 * The last line of defence for everything printed: escapes every control character except line breaks,
 * tabs and, when colour is on, the colour codes chalk writes (`ESC [ … m`). Data values should have
 * been passed through safeText already, so that they cannot carry colour codes or line breaks either.
 */
export function terminalSafe(line: string, colour: boolean): string {
    return line.replace(/\u001b\[[0-9;]*m|[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (m) => {
    if (m.length > 1) return colour ? m : `${escapeChar('\u001b')}${m.slice(1)}`;
    return m === '\n' || m === '\t' ? m : escapeChar(m);
  });
}

/** An absolute path relative to the folder kim was started in (`.` for that folder itself), not escaped. */
export function displayPath(cwd: string, file: string): string {
  return relative(cwd, file) || '.';
}

/** Prints diagnostics one per line (`file:line:col  Fehler: …`), then a German summary line. */
export function printDiagnostics(term: Terminal, dataDir: string, diagnostics: readonly Diagnostic[]): void {
  const c = term.color;
  for (const d of diagnostics) {
    if (term.quiet && d.severity === 'warning') continue;
    // Data diagnostics are relative to the data folder; template diagnostics carry absolute paths.
    const file = term.path(d.file, dataDir);
    const where = d.line > 0 ? `${file}:${d.line}:${d.col}` : file;
    const label = d.severity === 'error' ? c.red.bold('Fehler') : c.yellow.bold('Warnung');
    const path = d.path ? c.dim(` [${safeText(d.path)}]`) : '';
    term.err(`${c.cyan(where)}  ${label}: ${safeText(d.message)}${path}`);
    if (term.annotations) {
      const kind = d.severity === 'error' ? 'error' : 'warning';
      term.err(`::${kind} file=${escapeProperty(file)},line=${Math.max(d.line, 1)},col=${Math.max(d.col, 1)}::${escapeAnnotation(safeText(d.message))}`);
    }
  }
}

/** "2 Fehler und 1 Warnung" — counts in words the clerk reads at a glance. */
export function summarize(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  const e = `${errors} ${errors === 1 ? 'Fehler' : 'Fehler'}`;
  const w = `${warnings} ${warnings === 1 ? 'Warnung' : 'Warnungen'}`;
  return `${e} und ${w}`;
}

/** GitHub's workflow commands treat %, CR and LF specially. */
function escapeAnnotation(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** In a workflow command's properties, ":" and "," end a value too. */
const escapeProperty = (text: string): string => escapeAnnotation(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
