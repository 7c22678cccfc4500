/**
 * Table column widths sized to their content, as a print shop sets a table: number columns as narrow as
 * their figures, a text column ("Baustein I – Strategische Steuerung") wide enough for its rows to stay
 * on one line where they can, whatever is left to the text columns, so the table still spans the text
 * width. Pure: widths in pt, each including the cell padding.
 *
 * The header row is set whole: every header on one line ("geplant (Stellen)"), or, where that would
 * cost the rows more lines than it saves, every header at the width of its figures, broken at its
 * spaces ("geplant / (Stellen)"). Some headers on one line and some on two made the header row two
 * lines high all the same and looked set by accident, while the width the one-line headers took was
 * missing in the names' column (issue 20, the Lindenau overview). As many lines either way: one line.
 * The lines are counted by the table's own line breaker where it passes one (table.ts).
 */

export interface ColumnNeeds {
  /** The widest word of any cell (header too): the column can never be narrower. */
  min: number;
  /** The header on one line. */
  head: number;
  /** Each body cell on one line. */
  rows: readonly number[];
  /** Figures (right-aligned, or every cell a number or amount): never broken, never widened for space. */
  numeric: boolean;
}

/**
 * How many lines a cell takes in a column of a width: the header (`'head'`) or a body row. The table
 * passes its line breaker (words break where they fall); without it, `estimatedLines`.
 */
export type CountLines = (column: number, row: number | 'head', width: number) => number;

export function columnWidths(columns: readonly ColumnNeeds[], available: number, countLines: CountLines = estimatedLines(columns)): number[] {
  const min = columns.map((c) => c.min);
  if (sum(min) >= available) return squeezed(min, available);
  const wrapped = fill(columns, available, false)!;
  const oneLine = fill(columns, available, true);
  return oneLine !== undefined && tableLines(columns, oneLine, countLines) <= tableLines(columns, wrapped, countLines) ? oneLine : wrapped;
}

/** A cell wider than its column takes as many lines as it is times wider (breaking at words: at least that many). */
function estimatedLines(columns: readonly ColumnNeeds[]): CountLines {
  return (column, row, width) => {
    const need = row === 'head' ? columns[column]!.head : (columns[column]!.rows[row] ?? 0);
    return need <= width + 1e-6 ? 1 : Math.ceil(need / width);
  };
}

/** The widths with the headers on one line (undefined where they do not fit) or at the figures' width. */
function fill(columns: readonly ColumnNeeds[], available: number, headsOnOneLine: boolean): number[] | undefined {
  const widths = columns.map((c) => c.min);
  const rest = () => available - sum(widths);
  const rowMax = (c: ColumnNeeds) => Math.max(c.min, ...c.rows);

  // 1. Figures on one line, and the headers if asked.
  const numbers = columns.map((c, i) => (c.numeric ? i : -1)).filter((i) => i >= 0);
  if (headsOnOneLine) {
    for (const [i, c] of columns.entries()) widths[i] = Math.max(c.head, c.numeric ? rowMax(c) : c.min);
    if (rest() < 0) return undefined;
  } else {
    widenAll(widths, numbers.map((i) => [i, rowMax(columns[i]!)]), available);
  }
  // 2. Text columns: every row on one line if they fit; else as many rows as the room allows.
  const texts = columns.map((c, i) => (c.numeric ? -1 : i)).filter((i) => i >= 0);
  for (const i of [...texts].sort((a, b) => rowMax(columns[a]!) - widths[a]! - (rowMax(columns[b]!) - widths[b]!))) {
    const room = widths[i]! + rest();
    const fitting = [rowMax(columns[i]!), ...columns[i]!.rows].filter((w) => w <= room);
    widths[i] = Math.max(widths[i]!, ...fitting);
  }
  // 3. The rest to the text columns (to all, if every column holds figures), by their width.
  const takers = texts.length > 0 ? texts : columns.map((_, i) => i);
  const share = rest();
  const base = sum(takers.map((i) => widths[i]!));
  for (const i of takers) widths[i] = widths[i]! + (share * widths[i]!) / base;
  return widths;
}

/** The table's height in lines: each row as high as its tallest cell, the header row like a body row. */
function tableLines(columns: readonly ColumnNeeds[], widths: readonly number[], countLines: CountLines): number {
  const rowLines = (row: number | 'head') => Math.max(...columns.map((_, i) => countLines(i, row, widths[i]!)));
  const bodyRows = Math.max(0, ...columns.map((c) => c.rows.length));
  let total = rowLines('head');
  for (let r = 0; r < bodyRows; r++) total += rowLines(r);
  return total;
}

/** Widens each [column, target] to its target if all fit; else each by the same fraction of its need. */
function widenAll(widths: number[], targets: readonly (readonly [number, number])[], available: number): void {
  const need = sum(targets.map(([i, t]) => Math.max(0, t - widths[i]!)));
  if (need <= 0) return;
  const fraction = Math.min(1, (available - sum(widths)) / need);
  for (const [i, t] of targets) widths[i] = widths[i]! + Math.max(0, t - widths[i]!) * fraction;
}

/**
 * A word wider than the page (a long name without blanks): the columns narrower than an even share keep
 * their minimum, so "192.500 €" is never broken digit by digit; the wide ones share the rest and break
 * their word.
 */
function squeezed(min: readonly number[], available: number): number[] {
  const sumMin = sum(min);
  const share = available / min.length;
  const fixed = min.reduce((total, w) => (w <= share ? total + w : total), 0);
  const wide = sumMin - fixed;
  return wide > 0 ? min.map((w) => (w <= share ? w : (w / wide) * (available - fixed))) : min.map((w) => (w / sumMin) * available);
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
