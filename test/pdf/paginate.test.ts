import { marked } from 'marked';
import { describe, expect, test } from 'vitest';
import { buildBlocks } from '../../src/emit/pdf/layout/blocks.js';
import { paginate, withFooters, type Page, type PlacedText } from '../../src/emit/pdf/layout/paginate.js';
import { structPath } from '../../src/emit/pdf/layout/structure.js';
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
