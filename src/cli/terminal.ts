import { relative, resolve } from 'node:path';
import { Chalk, type ChalkInstance } from 'chalk';
import type { Diagnostic } from '../diagnostics.js';

/**
 * Where the CLI writes: results to stdout, diagnostics to stderr, colour only on a terminal and never
 * with NO_COLOR. Passed to commands (not global) so tests can capture it.
 */
export interface Terminal {
  out(line: string): void;
  err(line: string): void;
  color: ChalkInstance;
  quiet: boolean;
  /** stderr is a terminal: progress may redraw a line. */
  interactive: boolean;
}

export function processTerminal(quiet = false): Terminal {
  const noColor = process.env['NO_COLOR'] !== undefined && process.env['NO_COLOR'] !== '';
  const level = !noColor && process.stderr.isTTY && process.stdout.isTTY ? 1 : 0;
  return {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    color: new Chalk({ level }),
    quiet,
    interactive: Boolean(process.stderr.isTTY),
  };
}

/** Path of a diagnostic's file as the user typed it: relative to the current folder. */
export function displayPath(dataDir: string, file: string): string {
  // Data diagnostics are relative to the data folder; template diagnostics carry absolute paths.
  return relative(process.cwd(), resolve(dataDir, file)) || file;
}

/** Prints diagnostics one per line (`file:line:col  Fehler: …`), then a German summary line. */
export function printDiagnostics(term: Terminal, dataDir: string, diagnostics: readonly Diagnostic[]): void {
  const c = term.color;
  for (const d of diagnostics) {
    if (term.quiet && d.severity === 'warning') continue;
    const file = displayPath(dataDir, d.file);
    const where = d.line > 0 ? `${file}:${d.line}:${d.col}` : file;
    const label = d.severity === 'error' ? c.red.bold('Fehler') : c.yellow.bold('Warnung');
    const path = d.path ? c.dim(` [${d.path}]`) : '';
    term.err(`${c.cyan(where)}  ${label}: ${d.message}${path}`);
    if (process.env['GITHUB_ACTIONS'] === 'true') {
      const kind = d.severity === 'error' ? 'error' : 'warning';
      term.err(`::${kind} file=${file},line=${Math.max(d.line, 1)},col=${Math.max(d.col, 1)}::${escapeAnnotation(d.message)}`);
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
