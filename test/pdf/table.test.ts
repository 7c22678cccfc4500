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

  test('too little room for every row: the rows that fit stay on one line, then headers that fit go on one line', () => {
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
    expect(widths[0]).toBeGreaterThanOrEqual(175);
    expect(total(widths)).toBeCloseTo(467);
    // Room for two of the four headers after the names: the cheapest ones ("offen", then "Förderung").
    expect(widths[3]).toBeCloseTo(70);
    expect(widths[4]).toBeCloseTo(92);
    expect(widths[1]).toBeCloseTo(55);
    expect(widths[2]).toBeCloseTo(55);
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
});
