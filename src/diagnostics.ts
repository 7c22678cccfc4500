/** A problem found in the user's input, located so the clerk can jump to it. */
export type Severity = 'error' | 'warning';

export interface Diagnostic {
  severity: Severity;
  /** Path relative to the data folder (or template folder), forward slashes. */
  file: string;
  /** 1-based; 0 when the problem concerns the whole file. */
  line: number;
  col: number;
  /** JSON path of the offending value, e.g. `staff[3].fte`; empty for file-level problems. */
  path: string;
  /** German, complete sentence(s): what is wrong and what was expected. */
  message: string;
}

export function error(file: string, line: number, col: number, path: string, message: string): Diagnostic {
  return { severity: 'error', file, line, col, path, message };
}

export function warning(file: string, line: number, col: number, path: string, message: string): Diagnostic {
  return { severity: 'warning', file, line, col, path, message };
}

export const hasErrors = (diagnostics: readonly Diagnostic[]): boolean =>
  diagnostics.some((d) => d.severity === 'error');

/** Stable order: by file, then position, so output is the same on every run. */
export function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) => compareText(a.file, b.file) || a.line - b.line || a.col - b.col || compareText(a.message, b.message),
  );
}

/** `file:line:col  Fehler: message (at path)` — the one-line form used on the terminal and in tests. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.line > 0 ? `${d.file}:${d.line}:${d.col}` : d.file;
  const label = d.severity === 'error' ? 'Fehler' : 'Warnung';
  const at = d.path ? ` [${d.path}]` : '';
  return `${where}  ${label}: ${d.message}${at}`;
}

/** `/staff/3/fte` → `staff[3].fte`: the way a clerk reads a location in the data. */
export function jsonPath(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((seg) => seg.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((acc, seg) => (/^\d+$/.test(seg) ? `${acc}[${seg}]` : acc ? `${acc}.${seg}` : seg), '');
}import { compareText } from './compare.js';

