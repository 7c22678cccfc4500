/**
 * Issue 20: in the overview table "Stellen und Förderung" the number columns were wide while the module
 * names wrapped, and a header wrapped beside room to spare. Columns are sized to their content: figures
 * as narrow as they are, text rows on one line where they fit, headers on one line where there is room.
 * Pure data: the column needs in pt (column-widths.ts), and whole tables with an injected measure.
 */
import { marked, type Tokens } from 'marked';
import { describe, expect, test } from 'vitest';
import { columnWidths } from '../../src/emit/pdf/layout/column-widths.js';
import type { FontMetrics } from '../../src/emit/pdf/layout/metrics.js';
import { structRoot } from '../../src/emit/pdf/layout/structure.js';
import { CONTENT_WIDTH } from '../../src/emit/pdf/layout/styles.js';
import { layoutTable } from '../../src/emit/pdf/layout/table.js';

const total = (widths: number[]) => widths.reduce((a, b) => a + b, 0);

describe('column widths from the cells\' needs', () => {
  test('when everything fits, the figures keep their own width and the text column takes the rest', () => {
    const widths = columnWidths(
      [
        { min: 80, head: 40, rows: [180, 150], numeric: false },
        { min: 30, head: 60, rows: [20, 25], numeric: true },
        { min: 50, head: 70, rows: [60, 65], numeric: true },
      ],
      470,
    );
    // Before: every column stretched by the same factor, the figures' columns wider than their header.
    expect(widths[1]).toBeCloseTo(60);
    expect(widths[2]).toBeCloseTo(70);
    expect(widths[0]).toBeCloseTo(340);
    expect(total(widths)).toBeCloseTo(470);
  });

  test('headers on one line would break the module names: the header row is set on two lines, every header, and the names keep the room', () => {
    const widths = columnWidths(
      [
        { min: 125, head: 45, rows: [175, 150, 440, 45], numeric: false },
        { min: 55, head: 84, rows: [16, 16, 16, 16], numeric: true },
        { min: 55, head: 84, rows: [20, 25, 16, 25], numeric: true },
        { min: 45, head: 70, rows: [16, 25, 16, 25], numeric: true },
        { min: 65, head: 92, rows: [55, 55, 55, 65], numeric: true },
      ],
      467,
    );
    // Before: "offen" and "Förderung" on one line, "geplant" and "besetzt" on two, the names' column 33 pt
    // wider than its rows needed and still too narrow for the long one: a header row set by accident.
    expect(widths.slice(1)).toEqual([55, 55, 45, 65]);
    expect(widths[0]).toBeCloseTo(247);
  });

  test('headers on one line where they cost the rows nothing', () => {
    const widths = columnWidths(
      [
        { min: 120, head: 40, rows: [160, 150, 45], numeric: false },
        { min: 45, head: 72, rows: [16, 20, 21], numeric: true },
        { min: 45, head: 71, rows: [16, 28, 30], numeric: true },
        { min: 35, head: 61, rows: [16, 23, 24], numeric: true },
        { min: 63, head: 92, rows: [51, 51, 63], numeric: true },
      ],
      467,
    );
    expect(widths.slice(1)).toEqual([72, 71, 61, 92]);
    expect(widths[0]).toBeCloseTo(171);
  });

  test('as many lines either way: the headers stay on one line', () => {
    // One-line headers leave the names 150 pt: the long row takes two lines. Wrapped headers leave them
    // 230 pt: one line for the row, but the header row takes two.
    const widths = columnWidths(
      [
        { min: 100, head: 40, rows: [200, 120], numeric: false },
        { min: 50, head: 90, rows: [20, 20], numeric: true },
        { min: 50, head: 90, rows: [20, 20], numeric: true },
      ],
      330,
    );
    expect(widths).toEqual([150, 90, 90]);
  });

  test('the lines a cell really takes decide, where the table can count them', () => {
    const columns = [
      { min: 100, head: 40, rows: [200, 120], numeric: false },
      { min: 50, head: 90, rows: [20, 20], numeric: true },
      { min: 50, head: 90, rows: [20, 20], numeric: true },
    ];
    // The long row breaks at its words into three lines at 150 pt, not the two its width suggests: the
    // one-line headers cost more lines than they save.
    const byWords = (column: number, row: number | 'head', width: number) =>
      column === 0 && row === 0 ? (width >= 200 ? 1 : width >= 160 ? 2 : 3) : row !== 'head' || width >= columns[column]!.head ? 1 : 2;
    expect(columnWidths(columns, 330, byWords)).toEqual([230, 50, 50]);
  });

  test('a word wider than the page: the narrow columns keep their minimum, the wide one breaks', () => {
    const widths = columnWidths(
      [
        { min: 600, head: 40, rows: [600], numeric: false },
        { min: 60, head: 50, rows: [60], numeric: true },
      ],
      470,
    );
    expect(widths).toEqual([410, 60]);
  });
});

/** Every character half the font size wide, bold too. */
const metrics: FontMetrics = { width: (_font, text) => Array.from(text).length * 0.5, drawable: (_font, text) => text };
const table = (md: string) => layoutTable(marked.lexer(md, { gfm: true })[0] as Tokens.Table, structRoot(), CONTENT_WIDTH, metrics);
const cellText = (lines: { segments: { text: string }[] }[]) => lines.map((l) => l.segments.map((s) => s.text).join(''));

describe('the overview table, laid out', () => {
  test('module names and headers on one line, the figures\' columns no wider than their header', () => {
    const laid = table(
      [
        '| Modul | geplant (VZÄ) | besetzt (VZÄ) | offen (VZÄ) | Förderung je Jahr |',
        '| --- | ---: | ---: | ---: | ---: |',
        '| Modul 1 – Steuerung | 3,5 | 3 | 0,5 | 192.500 € |',
        '| Modul 2 – Fallarbeit | 12 | 9,5 | 2,5 | 660.000 € |',
        '| **Gesamt** | **15,5** | **12,5** | **3** | **852.500 €** |',
      ].join('\n'),
    );
    for (const cell of laid.header.cells) expect(cellText(cell.lines)).toHaveLength(1);
    for (const row of laid.rows) expect(cellText(row.cells[0]!.lines)).toHaveLength(1);
    const headerWidth = (text: string) => text.length * 0.5 * 10.5 + 10;
    expect(laid.columns[1]!.width).toBeCloseTo(headerWidth('geplant (VZÄ)'));
    expect(laid.columns[4]!.width).toBeCloseTo(headerWidth('Förderung je Jahr'));
  });

  test('the Lindenau overview: every header on two lines rather than some, the module names on one where they fit', () => {
    const laid = table(
      [
        '| Baustein | geplant (Stellen) | besetzt (Stellen) | offen (Stellen) | Förderung je Jahr |',
        '| --- | ---: | ---: | ---: | ---: |',
        '| Baustein I – Strategische Steuerung | 4 | 3 | 1 | 228.000 € |',
        '| Baustein II – Case Management | 12 | 4,25 | 7,75 | 684.000 € |',
        '| Baustein III – Rechtskreisübergreifende Zusammenarbeit der Ausländer- und Einbürgerungsbehörden | 2 | 1 | 1 | 114.000 € |',
        '| **Gesamt** | **18** | **8,25** | **9,75** | **1.026.000 €** |',
      ].join('\n'),
    );
    expect(laid.header.cells.slice(1).map((cell) => cellText(cell.lines))).toEqual([
      ['geplant', '(Stellen)'],
      ['besetzt', '(Stellen)'],
      ['offen', '(Stellen)'],
      ['Förderung', 'je Jahr'],
    ]);
    expect(cellText(laid.rows[0]!.cells[0]!.lines)).toEqual(['Baustein I – Strategische Steuerung']);
    expect(cellText(laid.rows[1]!.cells[0]!.lines)).toEqual(['Baustein II – Case Management']);
    expect(cellText(laid.rows[2]!.cells[0]!.lines)).toHaveLength(3);
  });
});
