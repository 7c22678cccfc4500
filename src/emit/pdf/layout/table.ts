/**
 * Tables: column widths from the cells' natural widths, every cell broken into lines, row heights.
 * Cells are never hyphenated (numbers, names and dates must stay whole).
 */
import type { Tokens } from 'marked';
import { inlineRuns, type Run } from './inline.js';
import { breakLines, buildPieces, fontFor, naturalWidths, type Line, type Piece } from './linebreak.js';
import { measureAt, type FontMetrics } from './metrics.js';
import { STYLES, TABLE, type BlockStyle } from './styles.js';
import { structChild, type StructNode } from './structure.js';

export interface TableBlock {
  kind: 'table';
  node: StructNode;
  columns: TableColumn[];
  header: TableRow;
  rows: TableRow[];
}

export interface TableColumn {
  width: number;
  /** From the Markdown alignment row (`| --- | ---: |`): numbers right-aligned. */
  align: 'left' | 'right' | 'center';
}

export interface TableRow {
  node: StructNode;
  cells: TableCell[];
  /** Including the cell padding above and below. */
  height: number;
  style: BlockStyle;
}

export interface TableCell {
  node: StructNode;
  lines: Line[];
}

export function layoutTable(token: Tokens.Table, parent: StructNode, available: number, metrics: FontMetrics, units?: ReadonlySet<string>): TableBlock {
  const node = structChild(parent, 'Table');
  const head = STYLES.tableHeader;
  const body = STYLES.tableCell;
  const count = token.header.length;
  const pad = TABLE.paddingX * 2;
  const pieces = (runs: Run[], style: BlockStyle): Piece[] =>
    buildPieces(
      runs.map((run) => ('br' in run ? run : { ...run, text: metrics.drawable(fontFor(style.font, run.bold, run.italic), run.text) })),
      style.font,
      measureAt(metrics, style.size),
      undefined,
      units,
    );
  const headPieces = token.header.map((cell) => pieces(inlineRuns(cell.tokens), head));
  const bodyPieces = token.rows.map((row) => Array.from({ length: count }, (_, c) => pieces(inlineRuns(row[c]?.tokens ?? []), body)));

  const min = new Array<number>(count).fill(pad + 10);
  const max = new Array<number>(count).fill(pad + 10);
  for (const row of [headPieces, ...bodyPieces]) {
    row.forEach((cell, c) => {
      const natural = naturalWidths(cell);
      min[c] = Math.max(min[c]!, natural.min + pad);
      max[c] = Math.max(max[c]!, natural.max + pad);
    });
  }
  const widths = distributeWidths(min, max, available);
  const columns = widths.map((width, c): TableColumn => ({ width, align: token.align[c] ?? 'left' }));

  const row = (cells: Piece[][], style: BlockStyle, cellRole: 'TH' | 'TD'): TableRow => {
    const tr = structChild(node, 'TR');
    const measure = measureAt(metrics, style.size);
    const laid = cells.map((cell, c): TableCell => ({
      node: structChild(tr, cellRole, cellRole === 'TH' ? { scope: 'Column' } : {}),
      lines: breakLines(cell, widths[c]! - pad, measure),
    }));
    const lineCount = Math.max(1, ...laid.map((cell) => cell.lines.length));
    return { node: tr, cells: laid, height: lineCount * style.size * style.lineHeight + 2 * TABLE.paddingY, style };
  };
  return {
    kind: 'table',
    node,
    columns,
    header: row(headPieces, head, 'TH'),
    rows: bodyPieces.map((cells) => row(cells, body, 'TD')),
  };
}

/** Auto table layout: natural widths if they fit (stretched to full width), else shrink towards minimums. */
function distributeWidths(min: number[], max: number[], available: number): number[] {
  const sumMax = max.reduce((a, b) => a + b, 0);
  const sumMin = min.reduce((a, b) => a + b, 0);
  if (sumMax <= available) return max.map((w) => (w / sumMax) * available);
  if (sumMin >= available) {
    // A word wider than the page (a long name without blanks): the columns narrower than an even share
    // keep their minimum, so "192.500 €" is never broken digit by digit; the wide ones share the rest
    // and break their word.
    const share = available / min.length;
    const fixed = min.reduce((sum, w) => (w <= share ? sum + w : sum), 0);
    const wide = sumMin - fixed;
    return wide > 0 ? min.map((w) => (w <= share ? w : (w / wide) * (available - fixed))) : min.map((w) => (w / sumMin) * available);
  }
  const slack = sumMax - sumMin;
  return min.map((w, i) => w + ((max[i]! - w) / slack) * (available - sumMin));
}
