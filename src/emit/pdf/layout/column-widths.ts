/**
 * Table column widths sized to their content, as a print shop sets a table: number columns as narrow as
 * their figures, a text column ("Baustein I – Strategische Steuerung") wide enough for its rows to stay
 * on one line where they can, then headers unbroken where there is room ("geplant (Stellen)"), and
 * whatever is left to the text columns, so the table still spans the text width. Pure: widths in pt,
 * each including the cell padding.
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

export function columnWidths(columns: readonly ColumnNeeds[], available: number): number[] {
  const min = columns.map((c) => c.min);
  const sumMin = sum(min);
  if (sumMin >= available) return squeezed(min, available);
  const widths = [...min];
  const rest = () => available - sum(widths);
  const rowMax = (c: ColumnNeeds) => Math.max(c.min, ...c.rows);

  // 1. Figures on one line.
  const numbers = columns.map((c, i) => (c.numeric ? i : -1)).filter((i) => i >= 0);
  widenAll(widths, numbers.map((i) => [i, rowMax(columns[i]!)]), available);
  // 2. Text columns: every row on one line if they fit; else as many rows as the room allows.
  const texts = columns.map((c, i) => (c.numeric ? -1 : i)).filter((i) => i >= 0);
  for (const i of [...texts].sort((a, b) => rowMax(columns[a]!) - widths[a]! - (rowMax(columns[b]!) - widths[b]!))) {
    const room = widths[i]! + rest();
    const fitting = [rowMax(columns[i]!), ...columns[i]!.rows].filter((w) => w <= room);
    widths[i] = Math.max(widths[i]!, ...fitting);
  }
  // 3. Headers on one line, the cheapest first, where the whole header fits.
  const headers = columns.map((c, i) => [i, c.head - widths[i]!] as const).filter(([, need]) => need > 0);
  for (const [i, need] of [...headers].sort((a, b) => a[1] - b[1])) if (need <= rest()) widths[i] = columns[i]!.head;
  // 4. The rest to the text columns (to all, if every column holds figures), by their width.
  const takers = texts.length > 0 ? texts : columns.map((_, i) => i);
  const share = rest();
  const base = sum(takers.map((i) => widths[i]!));
  for (const i of takers) widths[i] = widths[i]! + (share * widths[i]!) / base;
  return widths;
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
