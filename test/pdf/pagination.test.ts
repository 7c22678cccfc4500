import { beforeAll, describe, expect, test } from 'vitest';
import { createPdfRenderer } from '../../src/emit/pdf/index.js';
import { A4, SAMPLE_META, findText, plainText, readPages, type PageInfo } from './pdf-helpers.js';

const MM = 72 / 25.4;
const towns = ['Troisdorf', 'Königswinter', 'Bad Honnef', 'Hennef (Sieg)', 'Meckenheim', 'Rheinbach', 'Windeck', 'Sankt Augustin'];

/** 120 list items (every 7th one wraps) and a 150-row table: a report far longer than one page. */
function longMarkdown(): string {
  const lines = ['# Langer Bericht', '', 'Einleitender Absatz.', '', '## Maßnahmen', ''];
  for (let i = 1; i <= 120; i++) {
    const more = i % 7 === 0 ? ' mit einer ausführlicheren Beschreibung der Integrationsmaßnahmen, der Kooperationsvereinbarungen und der zuständigen Ansprechpersonen vor Ort' : '';
    lines.push(`${i}) Maßnahme ${i} in der Stadt ${towns[i % towns.length]}${more}`);
  }
  lines.push('', '## Übersicht', '', '| Nr. | Kommune | Ansprechperson | Beginn |', '| ---: | --- | --- | --- |');
  for (let i = 1; i <= 150; i++) lines.push(`| ${i} | ${towns[i % towns.length]} | Person ${i} (Case Management) | 01.03.2022 |`);
  lines.push('', 'Abschließender Absatz nach der Tabelle.');
  return lines.join('\n');
}

let pages: PageInfo[];

beforeAll(async () => {
  pages = await readPages(await createPdfRenderer().render(longMarkdown(), SAMPLE_META));
});

describe('a long report paginates', () => {
  test('several A4 pages, each numbered "Seite X von N"', () => {
    expect(pages.length).toBeGreaterThanOrEqual(5);
    pages.forEach((page, i) => {
      expect(page.height).toBeCloseTo(A4.height, 1);
      const footer = page.items.filter((item) => item.tag === 'Artifact' && item.str.startsWith('Seite '));
      expect(footer.map((f) => f.str)).toEqual([`Seite ${i + 1} von ${pages.length}`]);
    });
  });

  test('no content is drawn into the footer band or above the top margin', () => {
    for (const page of pages) {
      const content = page.items.filter((item) => item.str.trim() !== '' && !item.str.startsWith('Seite '));
      expect(content.length).toBeGreaterThan(10);
      for (const item of content) {
        expect(item.y, item.str).toBeGreaterThanOrEqual(25 * MM); // baseline above the 25 mm bottom margin
        // Source Sans glyphs rise at most 0.75 em above the baseline (ascender 0.712 em).
        expect(item.y + 0.75 * item.height, item.str).toBeLessThanOrEqual(A4.height - 27 * MM);
      }
    }
  });

  test('all 120 list items are there in order, with their "n)" labels', () => {
    const text = plainText(pages);
    let at = 0;
    for (let i = 1; i <= 120; i++) {
      const found = findText(text, `${i}) Maßnahme ${i} in der Stadt ${towns[i % towns.length]}`, at);
      expect(found, `item ${i}`).toBeGreaterThanOrEqual(0);
      at = found;
    }
    const labels = pages.flatMap((p) => p.items.filter((item) => item.tag === 'Lbl' && item.str !== '').map((item) => item.str));
    expect(labels).toEqual(Array.from({ length: 120 }, (_, i) => `${i + 1})`));
  });

  test('the table continues across pages: every row once, the header row repeated on top of each page', () => {
    const rows: number[] = [];
    let tablePages = 0;
    for (const page of pages) {
      const cells = page.items.filter((item) => item.tag === 'TD' && /^Person \d+ \(Case Management\)$/.test(item.str));
      if (cells.length === 0) continue;
      tablePages++;
      rows.push(...cells.map((c) => Number(/\d+/.exec(c.str)![0])));
      const header = page.items.find((item) => item.str === 'Ansprechperson');
      expect(header, 'header row on every table page').toBeDefined();
      expect(header!.y).toBeGreaterThan(Math.max(...cells.map((c) => c.y)));
      // Only the first header row is part of the structure; repetitions are artifacts.
      expect(header!.tag).toBe(tablePages === 1 ? 'TH' : 'Artifact');
    }
    expect(tablePages).toBeGreaterThanOrEqual(3);
    expect(rows).toEqual(Array.from({ length: 150 }, (_, i) => i + 1));
  });

  test('numbers in a right-aligned column end at the same x', () => {
    // The column runs over several pages; its x positions are the same on each.
    const numbers = pages.flatMap((p) => p.items.filter((item) => item.tag === 'TD' && /^\d+$/.test(item.str)));
    expect(numbers.length).toBeGreaterThan(100);
    // Right edges agree although "9" and "150" differ in width: a shorter number starts further right.
    const lefts = new Map(numbers.map((n) => [n.str.length, n.x]));
    expect([...lefts.keys()].sort()).toEqual([1, 2, 3]);
    expect(lefts.get(1)!).toBeGreaterThan(lefts.get(2)!);
    expect(lefts.get(2)!).toBeGreaterThan(lefts.get(3)!);
  });
});
