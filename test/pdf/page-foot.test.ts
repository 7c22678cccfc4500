/**
 * Issue 23: changes to the PDF layout that passed every test, each one a page a reader would find wrong.
 * Pure data with an injected measure (every character half an em wide), as paginate.test.ts: the page
 * foot is reached by a paragraph `k` lines short of a full page.
 */
import { marked } from 'marked';
import { describe, expect, test } from 'vitest';
import { buildBlocks } from '../../src/emit/pdf/layout/blocks.js';
import { breakLines, buildPieces, SOFT_HYPHEN, type Measure } from '../../src/emit/pdf/layout/linebreak.js';
import { DEFAULT_AREA, paginate, type Page, type PlacedRect, type PlacedText } from '../../src/emit/pdf/layout/paginate.js';
import { TABLE } from '../../src/emit/pdf/layout/styles.js';
import { lineText, metrics, paragraph, perPage, texts } from './layout-helpers.js';

const layout = (md: string) => paginate(buildBlocks(marked.lexer(md, { gfm: true }), { metrics }));

/** The pages, each as the roles of its lines (list items by their text's parent: LBody). */
const roles = (pages: Page[]) => pages.map((page) => texts(page).map((t) => t.node?.role ?? 'artifact'));

describe('what starts at the page foot', () => {
  // Every paragraph length against every room left: the print shop's rule, spelt out as a table.
  test('a paragraph leaves no single first line at the foot and carries no single last line over', () => {
    /** Lines of an n-line paragraph set on the page with room for r lines. */
    const expected = (n: number, r: number) => (r >= n ? n : r < 2 ? 0 : n - r > 1 ? r : r >= 3 ? r - 1 : 0);
    for (let n = 2; n <= 6; n++) {
      for (let r = 1; r <= 6; r++) {
        const pages = layout(`${paragraph('a', perPage - r)}\n\n${paragraph('b', n)}`);
        const set = texts(pages[0]!).filter((t) => lineText(t).startsWith('b')).length;
        expect(set, `${n} lines with room for ${r}`).toBe(expected(n, r));
      }
    }
  });

  // 1 to 4 lines of room under a paragraph: the list's first two lines are set together or not at all,
  // whether its items are lines (a tight list) or paragraphs (a loose one, more space between them).
  test('a list does not start with one line at the page foot', () => {
    const lists = { tight: '- Gemeinde A\n- Gemeinde B\n- Gemeinde C', loose: '- Gemeinde A\n\n- Gemeinde B\n\n- Gemeinde C' };
    for (const [name, list] of Object.entries(lists)) {
      for (let k = 1; k <= 4; k++) {
        const pages = layout(`# Sachverhalt\n\n${paragraph('a', perPage - k)}\n\n${list}`);
        const items = pages.map((page) => texts(page).filter((t) => lineText(t).startsWith('Gemeinde')).length);
        const first = items.find((n) => n > 0);
        expect(first, `${name}, ${k} lines short of a page: list lines per page ${items.join(', ')}`).toBeGreaterThanOrEqual(2);
      }
    }
  });

  test('a list with room for its first two lines starts at the page foot', () => {
    const pages = layout(`${paragraph('a', perPage - 4)}\n\n- Gemeinde A\n- Gemeinde B\n- Gemeinde C\n- Gemeinde D\n- Gemeinde E`);
    expect(texts(pages[0]!).filter((t) => lineText(t).startsWith('Gemeinde')).length).toBeGreaterThanOrEqual(2);
  });

  test('a table\'s header row is not left at the page foot without the first row', () => {
    for (let k = 1; k <= 4; k++) {
      const pages = layout(`${paragraph('a', perPage - k)}\n\n| Kommune | Anzahl |\n| --- | ---: |\n| Ascheberg | 3 |\n| Nordkirchen | 2 |`);
      const page = pages.find((p) => texts(p).some((t) => t.node?.role === 'TH'))!;
      expect(texts(page).map(lineText), `${k} lines short of a page`).toContain('Ascheberg');
    }
    // With room for both, the table starts right below the paragraph.
    const pages = layout(`${paragraph('a', perPage - 3)}\n\n| Kommune | Anzahl |\n| --- | ---: |\n| Ascheberg | 3 |`);
    expect(roles(pages)[0]).toContain('TH');
  });

  test('a centred column sets each cell in the middle of its column', () => {
    const [page] = layout('| Kommune | Stand |\n| --- | :---: |\n| Ascheberg | ja |\n| Nordkirchen | teilweise |');
    const cells = texts(page!).filter((t) => t.node?.role === 'TD' && ['ja', 'teilweise'].includes(lineText(t)));
    expect(cells.map(lineText)).toEqual(['ja', 'teilweise']);
    const centre = (t: PlacedText) => t.x + (metrics.width('regular', lineText(t)) * t.size) / 2;
    // The second column's frame: the stroked rectangles of a body row, left to right.
    const frames = page!.items.filter((i): i is PlacedRect => i.kind === 'rect' && i.stroke !== undefined);
    const column = frames.find((r) => r.x > frames[0]!.x)!;
    for (const cell of cells) expect(centre(cell)).toBeCloseTo(column.x + column.width / 2, 6);
    expect(cells[0]!.x).toBeGreaterThan(column.x + TABLE.paddingX + 1);
  });
});

describe('lists and figures', () => {
  test('numbers of a list are right-aligned on their delimiter: "9." and "10." end at the same x', () => {
    const md = Array.from({ length: 10 }, (_, i) => `${i + 1}. Punkt ${i + 1}`).join('\n');
    const labels = texts(layout(md)[0]!).filter((t) => t.node?.role === 'Lbl');
    expect(labels.map(lineText)).toEqual(Array.from({ length: 10 }, (_, i) => `${i + 1}.`));
    const ends = labels.map((t) => t.x + metrics.width('regular', lineText(t)) * t.size);
    for (const end of ends) expect(end).toBeCloseTo(ends[0]!, 6);
    expect(labels[9]!.x).toBeLessThan(labels[8]!.x);
  });

  // The staffing chart is one drawing: it never starts at a page foot it does not fit, and its heading goes with it.
  test('a chart that does not fit below the text goes whole to the next page, with its heading', () => {
    const chart = { alt: 'Stellen je Modul', drawing: { width: 400, height: 300, shapes: [] } };
    const figures = new Map([['stellen.diagramm.svg', chart]]);
    const md = `# Sachverhalt\n\n${paragraph('a', perPage - 12)}\n\n## Stellen\n\n![Stellen je Modul](stellen.diagramm.svg)`;
    const pages = paginate(buildBlocks(marked.lexer(md, { gfm: true }), { metrics, figures } as Parameters<typeof buildBlocks>[1]));
    expect(pages).toHaveLength(2);
    expect(pages[0]!.items.some((i) => i.kind === 'figure')).toBe(false);
    expect(pages[1]!.items.some((i) => i.kind === 'figure')).toBe(true);
    expect(texts(pages[1]!)[0]!.node?.role).toBe('H2');
    // Without a heading, straight after a paragraph: the same.
    const alone = paginate(buildBlocks(marked.lexer(md.replace('## Stellen\n\n', ''), { gfm: true }), { metrics, figures } as Parameters<typeof buildBlocks>[1]));
    for (const layoutPages of [pages, alone]) {
      const figure = layoutPages[1]!.items.find((i) => i.kind === 'figure');
      expect(figure !== undefined && figure.kind === 'figure' && figure.y + figure.height <= DEFAULT_AREA.bottom).toBe(true);
      expect(layoutPages[0]!.items.some((i) => i.kind === 'figure')).toBe(false);
    }
  });
});

describe('the hyphen at a line end is part of the line', () => {
  /** Every character 1 pt wide. */
  const measure: Measure = (_font, text) => Array.from(text).length;
  const hyphenate = (w: string) => (w === 'Implementierung' ? ['Im', 'ple', 'men', 'tie', 'rung'].join(SOFT_HYPHEN) : w);
  const lines = (width: number) =>
    breakLines(buildPieces([{ text: 'die Implementierung ist', bold: false, italic: false }], 'regular', measure, hyphenate), width, measure).map((l) => ({
      text: l.segments.map((s) => (s.breakHyphen ? '-' : s.text)).join(''),
      width: l.width,
    }));

  test('a syllable that fits only without its hyphen goes to the next line', () => {
    // "die Implemen" is 12 wide, with its hyphen 13: too wide for 12.
    expect(lines(12).map((l) => l.text)).toEqual(['die Imple-', 'mentierung', 'ist']);
    for (const line of lines(12)) expect(line.width).toBeLessThanOrEqual(12);
    // With the hyphen exactly at the edge, the syllable stays.
    expect(lines(13).map((l) => l.text)).toEqual(['die Implemen-', 'tierung ist']);
  });
});
