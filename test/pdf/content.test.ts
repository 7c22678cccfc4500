import { beforeAll, describe, expect, test } from 'vitest';
import { createPdfRenderer } from '../../src/emit/pdf/index.js';
import {
  A4,
  SAMPLE_MD,
  SAMPLE_META,
  SOFT_HYPHEN,
  findText,
  markdownBlocks,
  plainText,
  readPages,
  type PageInfo,
} from './pdf-helpers.js';
import { invisibleWords, readFontsAndText } from './pdf-objects.js';

const renderer = createPdfRenderer();
let pages: PageInfo[];
let text: string;

beforeAll(async () => {
  pages = await readPages(await renderer.render(SAMPLE_MD, SAMPLE_META));
  text = plainText(pages);
});

describe('sample Vorlage: what a reader copies out of the PDF', () => {
  test('every paragraph, heading, list item and table cell is there, whole and in Markdown order', () => {
    const blocks = markdownBlocks(SAMPLE_MD);
    expect(blocks.length).toBeGreaterThan(25);
    // A paragraph may continue on the next page: the footer between its parts ("Seite 1 von 2") is a
    // pagination artifact, not part of the paragraph.
    const body = text.replace(/\nSeite \d+ von \d+\n/g, '\n');
    let at = 0;
    for (const block of blocks) {
      const found = findText(body, block, at);
      expect(found, `not found (in order): ${block}`).toBeGreaterThanOrEqual(0);
      at = found + 1;
    }
  });

  test('hard line breaks and bold runs: the header block reads line by line, spaces intact', () => {
    expect(text).toContain('\nVorlage\nfür den\nöffentlichen Sitzungsteil\n');
    expect(text).toContain('\nTagesordnungspunkt:\nKommunales Integrationsmanagement - Aktueller Sachstand\n');
  });

  test('the "1)" list keeps its "1)" markers and the "1." list its "1."', () => {
    for (let n = 1; n <= 9; n++) expect(text).toMatch(new RegExp(`\\n${n}\\) (Stadt|Gemeinde) `));
    expect(text).toContain('\nAnlage:\n1. Geschäftsordnung der Lenkungsgruppe KIM');
  });

  test('long words are hyphenated at line ends, and a reader copies them whole, without a hyphen inside', async () => {
    // Where a word is hyphenated, kim draws its parts as shapes and puts the word there as invisible text.
    const hyphenated = invisibleWords(readFontsAndText(await renderer.render(SAMPLE_MD, SAMPLE_META))).map((word) => word.text);
    expect(hyphenated.length).toBeGreaterThan(3);
    for (const word of hyphenated) expect(SAMPLE_MD).toMatch(new RegExp(`(^|[^\\p{L}])${word}([^\\p{L}]|$)`, 'u'));
    // No line of the copied text ends in a part of a Markdown word that the next line completes.
    const torn = [...text.matchAll(/(\p{L}+)-?\n(\p{Ll}+)/gu)].map((m) => m[1]! + m[2]!);
    expect(torn.filter((word) => new RegExp(`(^|[^\\p{L}])${word}([^\\p{L}]|$)`, 'u').test(SAMPLE_MD))).toEqual([]);
    expect(text).not.toContain(SOFT_HYPHEN); // nothing invisible is left over mid-line either
  });

  test('pages are A4 and numbered "Seite X von N" at the bottom, outside the structure', () => {
    expect(pages.length).toBe(2);
    pages.forEach((page, i) => {
      expect(page.width).toBeCloseTo(A4.width, 1);
      expect(page.height).toBeCloseTo(A4.height, 1);
      const footer = page.items.find((item) => item.str === `Seite ${i + 1} von ${pages.length}`);
      expect(footer, `footer on page ${i + 1}`).toBeDefined();
      expect(footer!.y).toBeLessThan(60);
      expect(footer!.tag).toBe('Artifact');
    });
  });

  test('body text stays inside the type area (left margin 25 mm, nothing in the footer band)', () => {
    for (const page of pages) {
      for (const item of page.items) {
        if (item.tag === 'Artifact' || item.str.trim() === '') continue;
        expect(item.x).toBeGreaterThanOrEqual(70.8);
        expect(item.y).toBeGreaterThan(70.8);
        expect(item.y).toBeLessThan(A4.height - 76);
      }
    }
  });
});

describe('inline Markdown', () => {
  test('escaped characters print literally, emphasis styles vanish without eating spaces', async () => {
    const md = 'Ein \\*Stern\\*, ein *kursives* Wort, **fett** und ***beides*** zusammen; A&amp;B.  \nNeue Zeile.';
    const out = plainText(await readPages(await renderer.render(md, SAMPLE_META)));
    expect(findText(out, 'Ein *Stern*, ein kursives Wort, fett und beides zusammen; A&B.')).toBe(0);
    expect(out).toContain("A&B.\nNeue Zeile.\n");
  });

  test('a URL in a text block prints as the Markdown reader sees it, without the escapes of its underscores', async () => {
    // What the Markdown stage writes for "https://example.org/kim_projekt/info_blatt.pdf" in a text block.
    const md = 'Mehr unter https://example.org/kim\\_projekt/info\\_blatt.pdf und www.kim\\_kreis.de.';
    const out = plainText(await readPages(await renderer.render(md, SAMPLE_META)));
    expect(findText(out, 'https://example.org/kim_projekt/info_blatt.pdf')).toBeGreaterThanOrEqual(0);
    expect(findText(out, 'www.kim_kreis.de')).toBeGreaterThanOrEqual(0);
    expect(out).not.toContain('\\');
  });

  test('table cells and headings are never hyphenated, paragraphs are', async () => {
    const words = ['Kooperationsvereinbarungen', 'Integrationsmanagement', 'Auftaktveranstaltungen', 'Geschäftsordnungsentwurf'];
    const long = words.join(' ');
    const md = [
      `## ${long} ${long}`,
      '',
      '| A | B | C |',
      '| --- | --- | --- |',
      `| ${long} | ${long} | ${long} |`,
      '',
      `${long} ${long} ${long} ${long}`,
    ].join('\n');
    const bytes = await renderer.render(md, SAMPLE_META);
    const [page] = await readPages(bytes);
    const tokens = (tag: string) =>
      page!.items.filter((i) => i.tag === tag).flatMap((i) => i.str.split(' ')).filter((t) => t !== '');
    for (const tag of ['H1', 'TD']) {
      expect(tokens(tag).length, tag).toBeGreaterThan(4);
      for (const token of tokens(tag)) expect(words, `${tag} token ${token}`).toContain(token);
    }
    // The paragraph's lines end mid-word: there, the word is invisible text, its parts shapes.
    const hyphenated = invisibleWords(readFontsAndText(bytes));
    expect(hyphenated.length).toBeGreaterThan(0);
    for (const word of hyphenated) expect(word.tag).toBe('P');
  });
});
