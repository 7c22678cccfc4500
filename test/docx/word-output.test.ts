/**
 * The Word output of every report of the examples and fixtures, read as a clerk's tools read it (mammoth,
 * the XML): the same words as the Markdown, headings as Word headings (Überschrift 1/2 with an outline
 * level), lists as Word lists, tables as Word tables, "Seite X von Y", document properties from the
 * report, and the same bytes twice.
 */
import { describe, expect, test } from 'vitest';
import { renderReport } from '../../src/api.js';
import { FIXTURE_DIRS, markdownStructure, markdownWords, partsOf, renderBoth, reportIds, wordHtml, wordWords } from './docx-helpers.js';

const CASES = FIXTURE_DIRS.flatMap((dir) => reportIds(dir).map((id) => [dir.replace(/^.*\/(test\/fixtures\/)?/, ''), dir, id] as const));

describe.each(CASES)('%s %s', (_name, dir, id) => {
  test('the Word text is the Markdown text, word for word', async () => {
    const { markdown, docx } = await renderBoth(dir, id);
    expect(await wordWords(docx)).toEqual(markdownWords(markdown));
  });

  test('headings, lists and tables keep their structure', async () => {
    const { markdown, docx } = await renderBoth(dir, id);
    const expected = markdownStructure(markdown);
    const html = await wordHtml(docx);
    const headings = [...html.matchAll(/<(h[1-6])>(.*?)<\/h[1-6]>/g)].map((m) => `${m[1]}:${m[2]!.replace(/<[^>]+>/g, '').replace(/&amp;/g, '&')}`);
    expect(headings).toEqual(expected.headings);
    // mammoth nests a list in a list item; the fixtures' lists are flat.
    const lists = [...html.matchAll(/<(ol|ul)>([\s\S]*?)<\/\1>/g)].map((m) => ({ ordered: m[1] === 'ol', items: (m[2]!.match(/<li>/g) ?? []).length }));
    expect(lists).toEqual(expected.lists);
    const tables = [...html.matchAll(/<table>([\s\S]*?)<\/table>/g)].map((m) => [...m[1]!.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((r) => (r[1]!.match(/<t[dh]\b/g) ?? []).length));
    expect(tables).toEqual(expected.tables);
  });

  test('the same data gives the same bytes, also after rendering another Vorlage in the same process', async () => {
    const first = (await renderBoth(dir, id)).docx;
    await renderReport({ dataDir: FIXTURE_DIRS[1]!, formats: ['docx'] });
    const second = (await renderBoth(dir, id)).docx;
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
  });
});

describe('one Word file in detail (Kreis Lindenau, with logo and resolution)', () => {
  const dir = FIXTURE_DIRS[2]!;
  const id = reportIds(dir).at(-1)!;

  test('headings use the styles Heading1/Heading2, named "Überschrift 1/2", with an outline level for the navigation pane', async () => {
    const parts = partsOf((await renderBoth(dir, id)).docx);
    const styles = parts.get('word/styles.xml')!;
    for (const level of [1, 2]) {
      const style = new RegExp(`<w:style w:type="paragraph" w:styleId="Heading${level}"><w:name w:val="Überschrift ${level}"/>[\\s\\S]*?<w:outlineLvl w:val="${level - 1}"/>`);
      expect(styles).toMatch(style);
    }
    expect(parts.get('word/document.xml')).toContain('<w:pStyle w:val="Heading1"/>');
    expect(styles).toContain('<w:lang w:val="de-DE"');
  });

  test('numbered lists are Word lists with their label "1)"; the footer says "Seite X von Y" with fields', async () => {
    const parts = partsOf((await renderBoth(dir, id)).docx);
    expect(parts.get('word/document.xml')).toMatch(/<w:numPr><w:ilvl w:val="0"\/><w:numId w:val="\d+"\/><\/w:numPr>/);
    expect(parts.get('word/numbering.xml')).toContain('<w:lvlText w:val="%1)"/>');
    const footer = [...parts].find(([name]) => /^word\/footer\d*\.xml$/.test(name))![1];
    expect(footer.replace(/<[^>]+>/g, '')).toMatch(/^Seite\s*PAGE\s*von\s*NUMPAGES\s*$/);
  });

  test('document properties: the title, German, the Stand as date, no author', async () => {
    const core = partsOf((await renderBoth(dir, id)).docx).get('docProps/core.xml')!;
    expect(core).toMatch(/<dc:title>[^<]*Integrationsmanagement[^<]*<\/dc:title>/);
    expect(core).toContain('<dc:language>de-DE</dc:language>');
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2023-02-01T00:00:00Z</dcterms:created>');
    expect(core).not.toMatch(/dc:creator|lastModifiedBy/);
  });

  test('the letterhead logo is an image with its alt text', async () => {
    const document = partsOf((await renderBoth(dir, id)).docx).get('word/document.xml')!;
    expect(document).toMatch(/<wp:docPr id="1" name="Wappen des Kreises Lindenau" descr="Wappen des Kreises Lindenau"/);
  });

  test('every zip entry has the same fixed date, in a fixed order', async () => {
    const bytes = Buffer.from((await renderBoth(dir, id)).docx);
    const dates: number[] = [];
    for (let at = 0; (at = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x03, 0x04]), at)) >= 0; at += 4) dates.push(bytes.readUInt32LE(at + 10));
    expect(dates.length).toBeGreaterThan(5);
    expect(new Set(dates)).toEqual(new Set([0x00210000]));
    expect([...partsOf(bytes).keys()].slice(0, 2)).toEqual(['[Content_Types].xml', '_rels/.rels']);
  });
});
