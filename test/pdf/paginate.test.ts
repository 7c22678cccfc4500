import { marked } from 'marked';
import { describe, expect, test } from 'vitest';
import { buildBlocks } from '../../src/emit/pdf/layout/blocks.js';
import { DEFAULT_AREA, paginate, withFooters, type Page, type PlacedRect, type PlacedText } from '../../src/emit/pdf/layout/paginate.js';
import { structPath } from '../../src/emit/pdf/layout/structure.js';
import { PAGE, STYLES, TABLE } from '../../src/emit/pdf/layout/styles.js';
import { lineText, metrics, paragraph, perPage, texts } from './layout-helpers.js';

const layout = (md: string) => withFooters(paginate(buildBlocks(marked.lexer(md, { gfm: true }), { metrics })), metrics);

describe('pagination on pure data', () => {
  test('lines fill a page, continue on the next; every line knows its element, borders are artifacts', () => {
    const pages = layout(`${paragraph('a', perPage + 5)}\n\n| A | B |\n| --- | ---: |\n| x | 1 |`);
    expect(pages).toHaveLength(2);
    const [first, second] = pages;
    const body = (page: Page) => texts(page).filter((t) => !t.artifact);
    expect(body(first!).length).toBe(perPage);
    expect(body(first!).every((t) => structPath(t.node!) === 'Document/P')).toBe(true);
    expect(body(second!).slice(0, 5).every((t) => structPath(t.node!) === 'Document/P' && t.node === body(first!)[0]!.node)).toBe(true);
    expect(body(second!).slice(5).map((t) => [structPath(t.node!), lineText(t)])).toEqual([
      ['Document/Table/TR/TH', 'A'],
      ['Document/Table/TR/TH', 'B'],
      ['Document/Table/TR/TD', 'x'],
      ['Document/Table/TR/TD', '1'],
    ]);
    const artifacts = second!.items.filter((i) => i.kind === 'rect' || i.kind === 'rule');
    expect(artifacts.length).toBeGreaterThan(4);
    expect(artifacts.every((i) => 'artifact' in i && i.artifact.type === 'Layout')).toBe(true);
    for (const [i, page] of pages.entries()) {
      const footer = texts(page).filter((t) => t.artifact?.type === 'Pagination');
      expect(footer.map(lineText)).toEqual([`Seite ${i + 1} von 2`]);
    }
  });

  test('a line that breaks between words carries a space for text extraction, the last line does not', () => {
    const [page] = layout(`${paragraph('w', 3)}  \nNeue Zeile`);
    expect(texts(page!).filter((t) => !t.artifact).map((t) => t.trailingSpace)).toEqual([true, true, true, false]);
    // A paragraph that ends in a line break ends there: no space after its last word.
    const [broken] = layout('Erste Zeile<br>zweite Zeile<br>');
    expect(texts(broken!).filter((t) => !t.artifact).map((t) => [lineText(t), t.trailingSpace])).toEqual([
      ['Erste Zeile', true],
      ['zweite Zeile', false],
    ]);
  });

  test('no orphan: a paragraph whose first line alone would fit at the page bottom starts on the next page', () => {
    const pages = layout(`${paragraph('a', perPage - 1)}\n\n${paragraph('b', 6)}`);
    expect(texts(pages[0]!).some((t) => lineText(t).startsWith('b'))).toBe(false);
    expect(lineText(texts(pages[1]!)[0]!).startsWith('b')).toBe(true);
  });

  test('no widow: the last line of a paragraph is not carried over alone; two lines go to the next page', () => {
    const pages = layout(`${paragraph('a', perPage - 5)}\n\n${paragraph('b', 6)}`);
    const isB = (t: PlacedText) => lineText(t).startsWith('b');
    expect(texts(pages[0]!).filter(isB)).toHaveLength(4);
    expect(texts(pages[1]!).filter(isB)).toHaveLength(2);
  });

  // Landkreis Talheim, 10.05.2022: the three-line paragraph of Modul III was split two lines on page 2,
  // "Landratsamt eingestellt." alone on top of page 3. Three lines cannot be split without an orphan or
  // a widow, so they go over together – and the heading before them goes with them.
  test('a paragraph of three lines is never split, wherever the page ends; its heading stays with it', () => {
    const isB = (t: PlacedText) => lineText(t).startsWith('b');
    for (let k = 1; k <= 12; k++) {
      for (const heading of ['', '### Überschrift\n\n']) {
        const pages = layout(`${paragraph('a', perPage - k)}\n\n${heading}${paragraph('b', 3)}`);
        const where = `${k} lines short of a page${heading ? ', with heading' : ''}`;
        const counts = pages.map((page) => texts(page).filter(isB).length);
        expect(counts.filter((n) => n > 0), where).toEqual([3]);
        if (heading) {
          const page = pages.find((p) => texts(p).some(isB))!;
          expect(texts(page).some((t) => /^H\d$/.test(t.node?.role ?? '')), where).toBe(true);
        }
      }
    }
  });

  // The overview "Stellen und Förderung" has a two-line header row and first rows of up to three lines
  // ("Modul II – Rechtskreisübergreifendes Case Management"), and every Vorlage has a heading right over
  // a heading ("Sachdarstellung:" over "Stellen und Förderung"): no heading may stay behind alone.
  test('a heading goes with what follows it: a table\'s header and first row, a heading and its text', () => {
    const table = `| Modul ${'x '.repeat(60)}| geplant |\n| --- | ---: |\n| ${'Modul '.repeat(30)}| 1 |\n| b | 2 |`;
    const followers = {
      table: `### Stellen und Förderung\n\n${table}`,
      'heading, table': `## Sachdarstellung:\n\n### Stellen und Förderung\n\n${table}`,
      'heading, paragraph': `## Sachdarstellung:\n\n### Personelle Besetzung\n\n${paragraph('b', 5)}`,
      'heading, list': `## Sachdarstellung:\n\n### Kommunen\n\n1) eins\n2) zwei\n3) drei`,
    };
    for (const [name, follower] of Object.entries(followers)) {
      for (let k = 1; k <= 16; k++) {
        const pages = layout(`# Vorbemerkungen:\n\n${paragraph('a', perPage - k)}\n\n${follower}`);
        for (const [i, page] of pages.entries()) {
          const body = texts(page).filter((t) => !t.artifact);
          const where = `${name}, ${k} lines short of a page: a heading alone at the bottom of page ${i + 1}`;
          expect(/^H\d$/.test(body[body.length - 1]?.node?.role ?? ''), where).toBe(false);
        }
      }
    }
  });

  test('a heading is kept with the two lines after it', () => {
    const pages = layout(`${paragraph('a', perPage - 3)}\n\n## Überschrift\n\n${paragraph('b', 4)}`);
    expect(texts(pages[0]!).some((t) => t.node?.role === 'H1')).toBe(false);
    expect(texts(pages[1]!)[0]!.node!.role).toBe('H1');
    expect(pages[1]!.bookmarks.map((b) => b.title)).toEqual(['Überschrift']);
  });

  test('a word wider than the page in one cell does not break the numbers of the other columns', () => {
    const [page] = layout(`| Modul | geplant | Förderung |\n| --- | ---: | ---: |\n| Modul ${'y'.repeat(300)} | 3,5 | 192.500 € |`);
    const cells = texts(page!).filter((t) => !t.artifact && structPath(t.node!).endsWith('TD'));
    const lines = cells.map(lineText);
    expect(lines).toContain('3,5');
    expect(lines).toContain('192.500 €');
    expect(lines.filter((l) => l.includes('y')).length).toBeGreaterThan(3); // the long word is broken instead
  });

  test('a table continues across pages with its header row repeated on top, as a pagination artifact', () => {
    const rows = Array.from({ length: 120 }, (_, i) => `| Zeile ${i + 1} | ${i + 1} |`).join('\n');
    const pages = layout(`| Kommune | Anzahl |\n| --- | ---: |\n${rows}`);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    const seen: number[] = [];
    pages.forEach((page, p) => {
      const cells = texts(page).filter((t) => !t.artifact || t.artifact.type !== 'Pagination' || lineText(t) !== `Seite ${p + 1} von ${pages.length}`);
      const head = cells.filter((t) => lineText(t) === 'Kommune');
      expect(head, `page ${p + 1}`).toHaveLength(1);
      expect(head[0]!.node?.role ?? 'artifact').toBe(p === 0 ? 'TH' : 'artifact');
      if (p > 0) expect(head[0]!.artifact).toEqual({ type: 'Pagination' });
      seen.push(...cells.filter((t) => t.node?.role === 'TD' && /^Zeile/.test(lineText(t))).map((t) => Number(lineText(t).slice(6))));
    });
    expect(seen).toEqual(Array.from({ length: 120 }, (_, i) => i + 1));
  });

  test('right-aligned columns end at the same x; lists carry ListNumbering and their labels', () => {
    const [page] = layout('| Modul | geplant |\n| --- | ---: |\n| Modul 1 | 3,5 |\n| Modul 2 | 12 |\n\n1. eins\n2. zwei\n\n- a\n  - b');
    const numbers = texts(page!).filter((t) => t.node?.role === 'TD' && /\d,?\d*$/.test(lineText(t)) && !lineText(t).startsWith('Modul'));
    const right = numbers.map((t) => t.x + metrics.width('regular', lineText(t)) * t.size);
    expect(numbers.map(lineText)).toEqual(['3,5', '12']);
    expect(right[0]).toBeCloseTo(right[1]!, 6);
    const lists = page!.items.filter((i) => i.kind === 'mark' && i.node.role === 'L').map((i) => (i.kind === 'mark' ? i.node.listNumbering : undefined));
    expect(lists).toEqual(['Decimal', 'Disc', 'None']);
    const labels = texts(page!).filter((t) => t.node?.role === 'Lbl').map(lineText);
    expect(labels).toEqual(['1.', '2.', '\u2022', '\u2013']);
  });
});

describe('typesetting rules at the page foot', () => {
  const hyphenate = (w: string) => (w === 'Koordinatorinnen' ? 'Koor\u00addina\u00adto\u00adrin\u00adnen' : w);
  // Running text starts after the first heading (before it stands the letterhead, never hyphenated).
  const hyphenated = (md: string) => withFooters(paginate(buildBlocks(marked.lexer(`# Sachverhalt\n\n${md}`, { gfm: true }), { metrics, hyphenate })), metrics);
  const body = (page: Page) => texts(page).filter((t) => !t.artifact);

  // Rhein-Sieg-Kreis follow-up: "weite-" at the foot of page 1, "re Koordinatorin" on top of page 2.
  test('no word is hyphenated across a page: the page-final line never ends in a hyphen', () => {
    // Line 4 of paragraph b ends "Koor-" (7 words of 10 characters fill 76 of 85, the compound is broken).
    const words = Array.from({ length: 28 }, (_, i) => `b${String(i).padStart(9, '0')}`);
    const b = `${words.join(' ')} Koordinatorinnen ${paragraph('c', 4)}`;
    let seen = 0;
    for (let k = 1; k <= 10; k++) {
      const pages = hyphenated(`${paragraph('a', perPage - k)}\n\n${b}`);
      seen += pages.flatMap(body).filter((t) => t.segments.some((s) => s.breakHyphen)).length;
      for (const [i, page] of pages.slice(0, -1).entries()) {
        const last = body(page).at(-1)!;
        expect(last.segments.some((s) => s.breakHyphen), `${k} lines short: page ${i + 1} ends in a hyphen`).toBe(false);
        // The hyphenated line goes over; no line is pushed below the type area instead.
        expect(last.baseline, `${k} lines short: page ${i + 1} overflows`).toBeLessThan(DEFAULT_AREA.bottom);
      }
      // Nothing lost: every word of b is still set.
      expect(pages.flatMap(body).filter((t) => lineText(t).startsWith('b')).length, `${k} lines short`).toBe(4);
    }
    expect(seen).toBeGreaterThan(0); // the hyphen is there, only never at a page foot
  });

  // "Betreut werden folgende Kommunen:" alone at the foot of a page, its list on the next (three Kreise).
  test('a paragraph ending in a colon is kept with the first two lines of what follows', () => {
    const followers = {
      list: '- Gemeinde A\n- Gemeinde B\n- Gemeinde C\n- Gemeinde D',
      paragraph: paragraph('d', 5),
    };
    for (const intro of ['Betreut werden folgende Kommunen:', `${paragraph('c', 4)} eingestellt:`]) {
      for (const [name, follower] of Object.entries(followers)) {
        for (let k = 1; k <= 10; k++) {
          const pages = layout(`# Sachverhalt\n\n${paragraph('a', perPage - k)}\n\n${intro}\n\n${follower}`);
          const page = pages.find((p) => body(p).some((t) => lineText(t).endsWith(':')))!;
          const lines = body(page);
          const colon = lines.findIndex((t) => lineText(t).endsWith(':'));
          const after = lines.slice(colon + 1).filter((t) => t.node?.role !== 'Lbl');
          expect(after.length, `${name} after "${intro.slice(0, 20)}…", ${k} lines short`).toBeGreaterThanOrEqual(2);
        }
      }
    }
  });
});

// Where a reader finds things on the page: positions in pt from the page's top left corner.
describe('placement on the page', () => {
  const bodyLine = STYLES.paragraph.size * STYLES.paragraph.lineHeight;
  /** Baseline of a line of `size` pt whose line box starts at `top`: the em box centred in the box, 0.78 em ascent. */
  const baselineBelow = (top: number, size: number, lineHeight: number) => top + (size * lineHeight - size) / 2 + size * 0.78;

  test('"Seite X von Y" ends at the right margin on the footer\'s baseline, small and grey', () => {
    const pages = layout(paragraph('a', perPage + 2));
    expect(pages).toHaveLength(2);
    for (const page of pages) {
      const footer = texts(page).find((t) => t.artifact?.type === 'Pagination')!;
      expect(footer.artifact).toEqual({ type: 'Pagination', attached: 'Bottom' });
      expect(footer.x + metrics.width('regular', lineText(footer)) * footer.size).toBeCloseTo(PAGE.width - PAGE.marginRight, 6);
      expect(footer.baseline).toBeCloseTo(PAGE.height - PAGE.footerBaselineFromBottom, 6);
      expect([footer.size, footer.color]).toEqual([STYLES.footer.size, STYLES.footer.color]);
    }
  });

  test('text lines start at the left margin, one line height apart, from the top of the type area', () => {
    const pages = layout(paragraph('a', perPage + 2));
    const lines = texts(pages[0]!).filter((t) => !t.artifact);
    expect(lines.every((t) => t.x === DEFAULT_AREA.left)).toBe(true);
    expect(lines[0]!.baseline).toBeCloseTo(baselineBelow(DEFAULT_AREA.top, 11, 1.3), 6);
    lines.forEach((t, i) => expect(t.baseline).toBeCloseTo(lines[0]!.baseline + i * bodyLine, 6));
    // The last line of the page stands inside the type area; the next page starts at its top again.
    expect(lines.at(-1)!.baseline).toBeLessThan(DEFAULT_AREA.bottom);
    expect(texts(pages[1]!)[0]!.baseline).toBeCloseTo(lines[0]!.baseline, 6);
  });

  test('the space after a paragraph separates it from the next: 8 pt more than a line (6 pt in the letterhead)', () => {
    const [page] = layout(`${paragraph('f', 2)}\n\n${paragraph('g', 1)}\n\n# Sachverhalt\n\n${paragraph('a', 2)}\n\n${paragraph('b', 2)}`);
    const lines = texts(page!).filter((t) => !t.artifact);
    const gap = (from: string, to: string) => lines.find((t) => lineText(t).startsWith(to))!.baseline - lines.findLast((t) => lineText(t).startsWith(from))!.baseline;
    expect(gap('a', 'b')).toBeCloseTo(bodyLine + STYLES.paragraph.spaceAfter, 6);
    expect(gap('f', 'g')).toBeCloseTo(bodyLine + STYLES.frontParagraph.spaceAfter, 6);
  });

  test('a bullet stands 2 pt right of the margin on its item\'s first line, the item\'s text after the label width', () => {
    const [page] = layout(`- ${paragraph('a', 2)}\n- b`);
    const items = texts(page!).filter((t) => !t.artifact);
    const bullets = items.filter((t) => t.node?.role === 'Lbl');
    const text = items.filter((t) => t.node?.role !== 'Lbl');
    expect(bullets.map((t) => t.x)).toEqual([DEFAULT_AREA.left + 2, DEFAULT_AREA.left + 2]);
    expect(text.every((t) => t.x === DEFAULT_AREA.left + 20)).toBe(true);
    expect(bullets[0]!.baseline).toBe(text[0]!.baseline);
    expect(bullets[1]!.baseline).toBe(text[2]!.baseline);
  });

  test('a horizontal rule spans the text width between two paragraphs, as a layout artifact', () => {
    const [page] = layout(`${paragraph('a', 1)}\n\n---\n\n${paragraph('b', 1)}`);
    const rules = page!.items.filter((i) => i.kind === 'rule');
    expect(rules).toHaveLength(1);
    const rule = rules[0]!;
    if (rule.kind !== 'rule') throw new Error('not a rule');
    const [a, b] = texts(page!).filter((t) => !t.artifact);
    expect([rule.x1, rule.x2]).toEqual([DEFAULT_AREA.left, DEFAULT_AREA.left + DEFAULT_AREA.width]);
    expect(rule.y1).toBe(rule.y2);
    // 8 pt below the first paragraph's line, 8 pt above the second's.
    expect(rule.y1).toBeCloseTo(DEFAULT_AREA.top + bodyLine + 8, 6);
    expect(b!.baseline).toBeCloseTo(baselineBelow(rule.y1 + 8, 11, 1.3), 6);
    expect(a!.baseline).toBeLessThan(rule.y1);
    expect(rule.artifact).toEqual({ type: 'Layout' });
  });

  test('a quote is indented, with a grey bar left of it as high as its lines', () => {
    const [page] = layout(`> ${paragraph('q', 3)}`);
    const lines = texts(page!).filter((t) => !t.artifact);
    expect(lines.every((t) => t.x === DEFAULT_AREA.left + 14)).toBe(true);
    const bars = page!.items.filter((i): i is PlacedRect => i.kind === 'rect');
    expect(bars).toHaveLength(1);
    expect(bars[0]).toMatchObject({ x: DEFAULT_AREA.left + 3, y: DEFAULT_AREA.top, width: 2, artifact: { type: 'Layout' } });
    expect(bars[0]!.height).toBeCloseTo(3 * bodyLine - 2, 6);
  });

  test('a table: the header row shaded and underlined across all columns, each cell framed in its column', () => {
    const [page] = layout(`# Sachverhalt\n\n| Kommune | Anzahl |\n| --- | ---: |\n| Ascheberg | 3 |`);
    const rects = page!.items.filter((i): i is PlacedRect => i.kind === 'rect');
    const fills = rects.filter((r) => r.fill !== undefined);
    const frames = rects.filter((r) => r.stroke !== undefined);
    expect(fills).toHaveLength(1);
    expect(frames).toHaveLength(4);
    const [headLeft, headRight, rowLeft, rowRight] = frames;
    const width = headLeft!.width + headRight!.width;
    expect(fills[0]).toMatchObject({ x: DEFAULT_AREA.left, y: headLeft!.y, width, height: headLeft!.height, fill: TABLE.headerFill });
    expect(headRight!.x).toBeCloseTo(DEFAULT_AREA.left + headLeft!.width, 6);
    expect([rowLeft!.x, rowRight!.x, rowLeft!.width, rowRight!.width]).toEqual([headLeft!.x, headRight!.x, headLeft!.width, headRight!.width]);
    // The body row starts where the header row ends.
    expect(rowLeft!.y).toBeCloseTo(headLeft!.y + headLeft!.height, 6);
    const rules = page!.items.filter((i) => i.kind === 'rule');
    expect(rules).toEqual([
      { kind: 'rule', x1: DEFAULT_AREA.left, y1: rowLeft!.y, x2: DEFAULT_AREA.left + width, y2: rowLeft!.y, color: TABLE.ruleColor, width: TABLE.headerRuleWidth, artifact: { type: 'Layout' } },
    ]);
    // Cell text inside its frame: left column from its padding, right column ending at its padding.
    const cell = (text: string) => texts(page!).find((t) => lineText(t) === text)!;
    expect(cell('Ascheberg').x).toBeCloseTo(rowLeft!.x + TABLE.paddingX, 6);
    expect(cell('3').x + metrics.width('regular', '3') * cell('3').size).toBeCloseTo(rowRight!.x + rowRight!.width - TABLE.paddingX, 6);
    expect(cell('Ascheberg').baseline).toBeGreaterThan(rowLeft!.y);
    expect(cell('Ascheberg').baseline).toBeLessThan(rowLeft!.y + rowLeft!.height);
  });

  test('the logo stands where the layout put it: a Figure with its alternate text, or an artifact where the letterhead names the Kreis', () => {
    const logo = { width: 200, height: 100, alt: 'Wappen des Kreises Coesfeld' };
    const figureOf = (md: string, bodyName?: string) =>
      paginate(buildBlocks(marked.lexer(md, { gfm: true }), { metrics, logo: { ...logo, bodyName } }))[0]!.items.find((i) => i.kind === 'figure')!;
    const figure = figureOf('Kreis Coesfeld\n\n# Sachverhalt\n\nText');
    if (figure.kind !== 'figure') throw new Error('no figure');
    expect(figure.node?.role).toBe('Figure');
    expect(figure.node?.alt).toBe(logo.alt);
    expect(figure.artifact).toBeUndefined();
    expect(figure.x + figure.width).toBeCloseTo(DEFAULT_AREA.left + DEFAULT_AREA.width, 6);
    expect(figure.width / figure.height).toBeCloseTo(2, 6);
    const named = figureOf('Kreis Coesfeld\n\n# Sachverhalt\n\nText', 'Kreis Coesfeld');
    expect(named.kind === 'figure' && named.node).toBeUndefined();
    expect(named.kind === 'figure' && named.artifact).toEqual({ type: 'Layout' });
  });

  test('a bookmark leads to the top of its heading\'s first line, on the heading\'s page', () => {
    const pages = layout(`# Sachverhalt\n\n${paragraph('a', 2)}\n\n## Stellen\n\n${paragraph('b', perPage)}\n\n## Kosten\n\nText`);
    const headings = pages.map((page) => texts(page).filter((t) => /^H\d$/.test(t.node?.role ?? '')));
    const top = (t: PlacedText, style: typeof STYLES.heading1) => t.baseline - ((style.size * style.lineHeight - style.size) / 2 + style.size * 0.78);
    expect(pages.map((page) => page.bookmarks.map((b) => b.title))).toEqual([['Sachverhalt', 'Stellen'], ['Kosten']]);
    const [first, second] = headings;
    expect(pages[0]!.bookmarks[0]!.top).toBeCloseTo(DEFAULT_AREA.top, 6);
    expect(pages[0]!.bookmarks[1]!.top).toBeCloseTo(top(first![1]!, STYLES.heading2), 6);
    expect(pages[1]!.bookmarks[0]!.top).toBeCloseTo(top(second![0]!, STYLES.heading2), 6);
    expect(pages[0]!.bookmarks.map((b) => b.level)).toEqual([1, 2]);
  });

  test('no line reaches below the type area, whatever block stands at the page foot', () => {
    const followers = [paragraph('b', 6), `${paragraph('b', 6)} folgende:\n\n- b1\n- b2`, '## Überschrift\n\n' + paragraph('b', 4), '- b1\n- b2\n- b3', '| K | A |\n| --- | ---: |\n| b | 1 |\n| b | 2 |', '```\nb1\nb2\nb3\n```'];
    for (const follower of followers) {
      for (let k = 0; k <= 6; k++) {
        const pages = layout(`# Sachverhalt\n\n${paragraph('a', perPage - k)}\n\n${follower}`);
        for (const page of pages) {
          for (const t of texts(page).filter((t) => !t.artifact)) {
            // The line box below the baseline: (lineHeight - size) / 2 + 0.22 em; never past the bottom.
            expect(t.baseline + (0.3 * t.size) / 2 + 0.22 * t.size, `${follower.slice(0, 12)}, ${k} short: "${lineText(t)}"`).toBeLessThanOrEqual(DEFAULT_AREA.bottom + 0.02);
          }
          for (const r of page.items.filter((i): i is PlacedRect => i.kind === 'rect')) expect(r.y + r.height).toBeLessThanOrEqual(DEFAULT_AREA.bottom + 0.02);
        }
      }
    }
  });

  test('a heading stands 20 pt below the paragraph before it; a table 8 pt, its repeated header shaded again', () => {
    const [page] = layout(`# Sachverhalt\n\n${paragraph('a', 1)}\n\n# Stellen\n\n${paragraph('b', 1)}\n\n| K | A |\n| --- | ---: |\n| x | 1 |`);
    const lines = texts(page!).filter((t) => !t.artifact);
    const a = lines.find((t) => lineText(t).startsWith('a'))!;
    const h = lines.find((t) => lineText(t) === 'Stellen')!;
    const topOf = (t: PlacedText, size: number, lh: number) => t.baseline - ((size * lh - size) / 2 + size * 0.78);
    expect(topOf(h, 14, 1.2) - (topOf(a, 11, 1.3) + bodyLine)).toBeCloseTo(STYLES.heading1.spaceBefore, 6);
    const b = lines.find((t) => lineText(t).startsWith('b'))!;
    const frame = page!.items.find((i): i is PlacedRect => i.kind === 'rect')!;
    expect(frame.y - (topOf(b, 11, 1.3) + bodyLine)).toBeCloseTo(STYLES.paragraph.spaceAfter, 6);
    const rows = Array.from({ length: 80 }, (_, i) => `| Zeile ${i + 1} | ${i + 1} |`).join('\n');
    const pages = layout(`| Kommune | Anzahl |\n| --- | ---: |\n${rows}`);
    for (const p of pages) {
      const fills = p.items.filter((i): i is PlacedRect => i.kind === 'rect' && i.fill !== undefined);
      expect(fills).toHaveLength(1);
      expect(fills[0]!.y).toBeCloseTo(DEFAULT_AREA.top, 6);
      expect(p.items.filter((i) => i.kind === 'rule')).toHaveLength(1);
    }
  });

  test('lists: 8 pt after a list, 2 pt between items, nested items indented once more, an empty item keeps its label', () => {
    const [page] = layout(`# Sachverhalt\n\n- a1\n  - n1\n  - n2\n- a2\n- \n- a3\n\n${paragraph('p', 1)}`);
    const lines = texts(page!).filter((t) => !t.artifact);
    const at = (text: string) => lines.find((t) => lineText(t) === text || lineText(t).startsWith(text))!;
    const step = (from: string, to: string) => at(to).baseline - at(from).baseline;
    expect(step('a1', 'n1')).toBeCloseTo(bodyLine + STYLES.listItem.spaceAfter, 6);
    expect(step('n1', 'n2')).toBeCloseTo(bodyLine + STYLES.listItem.spaceAfter, 6);
    // The nested list ends inside its item: the next item follows at item spacing.
    expect(step('n2', 'a2')).toBeCloseTo(bodyLine + STYLES.listItem.spaceAfter, 6);
    expect(at('n1').x).toBe(DEFAULT_AREA.left + 40);
    expect(at('a2').x).toBe(DEFAULT_AREA.left + 20);
    const labels = lines.filter((t) => t.node?.role === 'Lbl');
    expect(labels.map(lineText)).toEqual(['\u2022', '\u2013', '\u2013', '\u2022', '\u2022', '\u2022']);
    // The empty item: its bullet on a line of its own between a2 and a3.
    expect(labels[4]!.baseline - at('a2').baseline).toBeGreaterThanOrEqual(bodyLine - 1e-6);
    expect(at('a3').baseline - labels[4]!.baseline).toBeGreaterThanOrEqual(bodyLine - 1e-6);
    expect(step('a3', 'p')).toBeCloseTo(bodyLine + STYLES.list.spaceAfter, 6);
    // And 8 pt above the list, after a paragraph.
    const [after] = layout(`# Sachverhalt\n\n${paragraph('p', 1)}\n\n- a1`);
    const both = texts(after!).filter((t) => !t.artifact && t.node?.role !== 'Lbl');
    expect(both[2]!.baseline - both[1]!.baseline).toBeCloseTo(bodyLine + STYLES.paragraph.spaceAfter, 6);
  });

  test('a chart stands 8 pt below the text at the left margin, its label on top, and the text goes on 8 pt below it', () => {
    const chart = { alt: 'Stellen je Modul', drawing: { width: 400, height: 100, shapes: [] } };
    const figures = new Map([['s.diagramm.svg', chart]]);
    const md = `# Sachverhalt\n\n${paragraph('a', 1)}\n\n![Stellen je Modul](s.diagramm.svg)\n\n${paragraph('b', 1)}\n\n- ![Stellen je Modul](s.diagramm.svg)\n\n- x`;
    const [page] = paginate(buildBlocks(marked.lexer(md, { gfm: true }), { metrics, figures }));
    const [figure, inList] = page!.items.filter((i) => i.kind === 'figure');
    if (figure?.kind !== 'figure' || inList?.kind !== 'figure') throw new Error('no figures');
    const lines = texts(page!).filter((t) => !t.artifact);
    const topOf = (t: PlacedText) => t.baseline - ((bodyLine - 11) / 2 + 11 * 0.78);
    const a = lines.find((t) => lineText(t).startsWith('a'))!;
    const b = lines.find((t) => lineText(t).startsWith('b'))!;
    expect(figure.x).toBe(DEFAULT_AREA.left);
    expect(figure.width).toBeCloseTo(DEFAULT_AREA.width, 6);
    expect(figure.y).toBeCloseTo(topOf(a) + bodyLine + 8, 6);
    expect(topOf(b)).toBeCloseTo(figure.y + figure.height + 8, 6);
    // In a list item, the bullet stands on the chart's first text line height, the chart after the label width.
    const bullet = lines.find((t) => t.node?.role === 'Lbl')!;
    expect(inList.x).toBe(DEFAULT_AREA.left + 20);
    expect(bullet.baseline).toBeCloseTo(inList.y + STYLES.paragraph.size, 6);
  });

  test('a paragraph with a colon inside its last line ("Stand: 12:30 Uhr") does not count as introducing what follows', () => {
    // Four lines of c fit below a (and the heading), d's first two lines do not: c stays whole on page 1.
    for (const last of ['Stand: 12:30 Uhr', 'ab 12:30']) {
      const pages = layout(`# Sachverhalt\n\n${paragraph('a', perPage - 7)}\n\n${paragraph('c', 3)} ${last}\n\n${paragraph('d', 5)}`);
      const firstPage = texts(pages[0]!).filter((t) => !t.artifact).map(lineText);
      expect(firstPage.at(-1), last).toContain('12:30');
      expect(firstPage.filter((t) => t.startsWith('c')).length, last).toBe(3);
    }
  });

  test('a heading over a long paragraph needs room for two of its lines only, not the whole paragraph', () => {
    const topOf = (t: PlacedText) => t.baseline - ((bodyLine - 11) / 2 + 11 * 0.78);
    const h2 = STYLES.heading2;
    // Space above the heading, its line, the space below it and two lines of text.
    const need = h2.spaceBefore + h2.size * h2.lineHeight + h2.spaceAfter + 2 * bodyLine;
    let stayed = 0;
    for (let k = 1; k <= 10; k++) {
      const pages = layout(`# Sachverhalt\n\n${paragraph('a', perPage - k)}\n\n## Stellen\n\n${paragraph('b', 6)}\n\n${paragraph('c', 5)}`);
      const first = texts(pages[0]!).filter((t) => !t.artifact);
      if (first.some((t) => lineText(t) === 'Stellen')) {
        stayed++;
        continue;
      }
      const room = DEFAULT_AREA.bottom - (topOf(first.at(-1)!) + bodyLine);
      expect(room, `${k} lines short: the heading went over with room for it and two lines`).toBeLessThan(need);
    }
    expect(stayed).toBeGreaterThan(0);
  });

  test('a Vorlage may end in a heading or hold a table without rows', () => {
    const pages = layout(`# Sachverhalt\n\n${paragraph('a', 2)}\n\n## Stellen\n\n| Modul | geplant |\n| --- | ---: |\n\n## Anlagen`);
    const lines = texts(pages.at(-1)!).map(lineText);
    expect(lines.slice(-5)).toEqual(['Stellen', 'Modul', 'geplant', 'Anlagen', `Seite ${pages.length} von ${pages.length}`]);
  });

  test('a paragraph one line longer than a page carries two lines over, not its last alone', () => {
    const pages = layout(paragraph('a', perPage + 1));
    expect(pages.map((page) => texts(page).filter((t) => !t.artifact).length)).toEqual([perPage - 1, 2]);
  });

  test('a line ending in a hyphen or a compound\'s hyphen carries no space for text extraction', () => {
    const hyphenate = (w: string) => (w === 'Koordinatorinnen' ? 'Koor\u00addina\u00adto\u00adrin\u00adnen' : w);
    const md = `# Sachverhalt\n\n${'Wort '.repeat(14)}Koordinatorinnen ${'Wort '.repeat(14)}KIM-Lenkungsgruppe ${'Wort '.repeat(30)}Ende`;
    const [page] = paginate(buildBlocks(marked.lexer(md, { gfm: true }), { metrics, hyphenate }));
    const lines = texts(page!).filter((t) => t.node?.role === 'P');
    const ends = lines.map((t) => [lineText(t).slice(-4), t.trailingSpace]);
    expect(ends.filter(([, space]) => space).length).toBeGreaterThan(0);
    for (const t of lines) {
      if (t.segments.at(-1)!.breakHyphen || lineText(t).endsWith('-')) expect(t.trailingSpace, lineText(t)).toBe(false);
    }
    expect(lines.some((t) => t.segments.at(-1)!.breakHyphen) && lines.some((t) => lineText(t).endsWith('KIM-'))).toBe(true);
  });

  // "… wurden folgende Stellen eingestellt:" over its list: two of its lines go over with the list, the
  // rest stays; with room for all, everything stays together on the page.
  test('a paragraph ending in a colon: its last two lines go over with what it introduces, its first lines stay', () => {
    const stayed: number[] = [];
    for (let k = 1; k <= 9; k++) {
      const pages = layout(`# Sachverhalt\n\n${paragraph('a', perPage - k)}\n\n${paragraph('c', 3)} eingestellt:\n\n- Gemeinde A\n- Gemeinde B\n- Gemeinde C`);
      const first = texts(pages[0]!).filter((t) => !t.artifact).map(lineText);
      stayed.push(first.filter((t) => t.startsWith('c') || t.endsWith('eingestellt:')).length);
      if (stayed.at(-1) === 4) expect(first.filter((t) => t.startsWith('Gemeinde')).length, `${k} lines short`).toBeGreaterThanOrEqual(2);
    }
    // The four lines of c with room for fewer than two of them (k 1–3): none; for two or three (k 4, 5):
    // two, no orphan and no widow; for all four but not the list (k 6–8): two stay, the last two go over
    // with the list; with room for all (k 9): everything.
    expect(stayed).toEqual([0, 0, 0, 2, 2, 2, 2, 2, 4]);
  });

  test('a list item\'s bullet goes with its text when the item\'s first paragraph goes to the next page', () => {
    for (let k = 1; k <= 6; k++) {
      const pages = layout(`# Sachverhalt\n\n${paragraph('a', perPage - k)}\n\n- ${paragraph('b', 3)}\n- Gemeinde C`);
      const page = pages.findIndex((p) => texts(p).some((t) => lineText(t).startsWith('b')));
      const lines = texts(pages[page]!).filter((t) => !t.artifact);
      const first = lines.find((t) => lineText(t).startsWith('b'))!;
      const bullets = pages.map((p) => texts(p).filter((t) => t.node?.role === 'Lbl').length);
      expect(bullets.reduce((a, b) => a + b), `${k} lines short`).toBe(2);
      expect(lines.some((t) => t.node?.role === 'Lbl' && t.baseline === first.baseline), `${k} lines short: bullets per page ${bullets.join(', ')}`).toBe(true);
    }
  });

  test('labels and the footer carry no extraction space; a number ends 7 pt before its item\'s text', () => {
    const pages = layout('# Sachverhalt\n\n1. eins\n2. zwei\n\n- drei');
    const all = texts(pages[0]!);
    expect(all.filter((t) => t.node?.role === 'Lbl' || t.artifact?.type === 'Pagination').every((t) => t.trailingSpace === false)).toBe(true);
    const [one, eins] = [all.find((t) => lineText(t) === '1.')!, all.find((t) => lineText(t) === 'eins')!];
    expect(one.x + metrics.width('regular', '1.') * one.size).toBeCloseTo(eins.x - 7, 6);
  });

  test('a table\'s cells: frames stroked grey, lines of a cell one line apart, each row and cell in the reading order once', () => {
    const rows = Array.from({ length: 70 }, (_, i) => `| Zeile ${i + 1} ${'lang '.repeat(i === 0 ? 30 : 0)}| ${i + 1} |`).join('\n');
    const pages = layout(`| Kommune | Anzahl |\n| --- | ---: |\n${rows}`);
    const frames = pages[0]!.items.filter((i): i is PlacedRect => i.kind === 'rect' && i.fill === undefined);
    expect(frames.every((r) => r.stroke?.color === TABLE.ruleColor && r.stroke.width === TABLE.ruleWidth)).toBe(true);
    const first = texts(pages[0]!).filter((t) => t.node?.role === 'TD' && /^(Zeile 1 |lang)/.test(lineText(t)));
    expect(first.length).toBeGreaterThan(1);
    first.forEach((t, i) => expect(t.baseline).toBeCloseTo(first[0]!.baseline + i * 10.5 * 1.25, 6));
    expect(first.map((t) => t.trailingSpace)).toEqual(first.map((_, i) => i < first.length - 1));
    const frame = frames.find((r) => r.y < first[0]!.baseline && first[0]!.baseline < r.y + r.height)!;
    expect(first[0]!.baseline - frame.y).toBeCloseTo(TABLE.paddingY + (10.5 * 1.25 - 10.5) / 2 + 10.5 * 0.78, 6);
    for (const page of pages) {
      const marks = page.items.filter((i) => i.kind === 'mark').map((i) => (i.kind === 'mark' ? i.node.role : ''));
      const cells = texts(page).filter((t) => t.node?.role === 'TD' && /^Zeile/.test(lineText(t))).length;
      expect(marks.filter((r) => r === 'TR').length).toBe(cells + (page === pages[0] ? 1 : 0));
      expect(marks.filter((r) => r === 'TD').length).toBe(2 * cells);
    }
  });
});

