/**
 * The one-line progress display of `kim build` on a terminal: each update replaces the last. A line
 * longer than the terminal is wide would wrap, and the carriage return then goes back to the start of
 * its last row only, leaving the rows above behind; so a line is cut to the width (with "…").
 */
export interface ProgressStream {
  write(text: string): unknown;
  /** Terminal width; undefined when unknown. */
  columns?: number | undefined;
}

/** Terminal width assumed when the stream does not say. */
const FALLBACK_COLUMNS = 80;

export class ProgressLine {
  private shown = 0;

  constructor(private readonly stream: ProgressStream) {}

  /** Replaces the line shown with `text` (plain text, no colour codes). */
  show(text: string): void {
    this.clear();
    // One column less than the width: a line that fills the last column leaves the cursor in a
    // pending-wrap state on some terminals, and the next character would start a new row.
    const width = Math.max(1, (this.stream.columns || FALLBACK_COLUMNS) - 1);
    const chars = [...text];
    const line = chars.length > width ? `${chars.slice(0, width - 1).join('')}…` : text;
    this.stream.write(line);
    this.shown = [...line].length;
  }

  /** Removes the line shown, if any, leaving the cursor at the start of the empty row. */
  clear(): void {
    if (this.shown === 0) return;
    this.stream.write(`\r${' '.repeat(this.shown)}\r`);
    this.shown = 0;
  }
}
