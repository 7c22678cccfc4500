/**
 * Tables: column widths from the cells' natural widths (column-widths.ts), every cell broken into lines,
 * row heights.
 * Cells are never hyphenated (numbers, names and dates must stay whole).
 */
import type { Tokens } from 'marked';
import { inlineRuns, type Run } from './inline.js';
import { columnWidths, type ColumnNeeds } from './column-widths.js';
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

  const needs = Array.from({ length: count }, (_, c): ColumnNeeds => {
    const head = naturalWidths(headPieces[c]!);
    const rows = bodyPieces.map((row) => naturalWidths(row[c]!));
    return {
      min: Math.max(pad + 10, head.min + pad, ...rows.map((r) => r.min + pad)),
      head: head.max + pad,
      rows: rows.map((r) => r.max + pad),
      numeric: token.align[c] === 'right' || token.rows.every((row) => NUMBER_CELL.test((row[c]?.text ?? '').trim())),
    };
  });
  const headMeasure = measureAt(metrics, head.size);
  const bodyMeasure = measureAt(metrics, body.size);
  // The line breaker counts the lines a header-row choice costs (column-widths.ts), as the cells will break.
  const countLines = (c: number, r: number | 'head', width: number): number =>
    r === 'head' ? breakLines(headPieces[c]!, width - pad + 1e-6, headMeasure).length : breakLines(bodyPieces[r]![c]!, width - pad + 1e-6, bodyMeasure).length;
  const widths = columnWidths(needs, available, countLines);
  const columns = widths.map((width, c): TableColumn => ({ width, align: token.align[c] ?? 'left' }));

  const row = (cells: Piece[][], style: BlockStyle, cellRole: 'TH' | 'TD'): TableRow => {
    const tr = structChild(node, 'TR');
    const measure = measureAt(metrics, style.size);
    const laid = cells.map((cell, c): TableCell => ({
      node: structChild(tr, cellRole, cellRole === 'TH' ? { scope: 'Column' } : {}),
      // A hair of tolerance: a column as wide as its text plus padding must not break it for a rounding error.
      lines: breakLines(cell, widths[c]! - pad + 1e-6, measure),
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

/** A cell of figures: a number, an amount, a date, a dash for none ("4,25", "1.026.000 €", "14.03.2023", "–"), bold or not. */
const NUMBER_CELL = /^(?:\*\*)?[\d\s.,€%\u00a0–-]*(?:\*\*)?$/;
