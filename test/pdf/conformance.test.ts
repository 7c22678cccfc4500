import { beforeAll, describe, expect, test } from 'vitest';
import { createPdfRenderer } from '../../src/emit/pdf/index.js';
import { SAMPLE_MD, SAMPLE_META, openPdf, rawPdf, readPages } from './pdf-helpers.js';
import { pdfObjects, refOf } from './pdf-objects.js';

const renderer = createPdfRenderer();
let bytes: Uint8Array;
let raw: string;

beforeAll(async () => {
  bytes = await renderer.render(SAMPLE_MD, SAMPLE_META);
  raw = rawPdf(bytes);
});

interface StructNode {
  role?: string;
  type?: string;
  children?: StructNode[];
}

function roles(node: StructNode, path: string[] = [], out: string[][] = []): string[][] {
  if (node.role) {
    path = [...path, node.role];
    out.push(path);
  }
  for (const child of node.children ?? []) roles(child, path, out);
  return out;
}

describe('accessible (PDF/UA-1) and archival (PDF/A-2a)', () => {
  test('tagged: structure tree, marked content, language, document title shown', () => {
    expect(raw.startsWith('%PDF-1.7')).toBe(true);
    expect(raw).toMatch(/\/StructTreeRoot \d+ 0 R/);
    expect(raw).toMatch(/\/MarkInfo \d+ 0 R/);
    expect(raw).toMatch(/<<\s*\/Marked true\s*>>/);
    expect(raw).toContain('/Lang (de-DE)');
    expect(raw).toMatch(/\/DisplayDocTitle true/);
  });

  test('the structure tree has the Markdown structure: headings, paragraphs, lists, a table with header cells', async () => {
    const pdf = await openPdf(bytes);
    const paths: string[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const tree = (await (await pdf.getPage(n)).getStructTree()) as StructNode;
      paths.push(...roles(tree).map((p) => p.join('/')));
    }
    await pdf.destroy();
    const has = (suffix: string) => paths.some((p) => p.endsWith(suffix));
    expect(has('Document/H1')).toBe(true);
    expect(has('Document/H2')).toBe(true);
    expect(has('Document/P')).toBe(true);
    expect(has('Document/Table/TR/TH')).toBe(true);
    expect(has('Document/Table/TR/TD')).toBe(true);
    expect(has('Document/L/LI/Lbl')).toBe(true);
    expect(has('Document/L/LI/LBody')).toBe(true);
    expect(paths.some((p) => p.includes('Artifact'))).toBe(false);
    // Headings start at H1 and do not skip levels (the sample's "##"/"###" become H1/H2).
    expect(has('H3')).toBe(false);
  });

  test('bookmarks follow the headings, nested', async () => {
    const pdf = await openPdf(bytes);
    const outline = await pdf.getOutline();
    await pdf.destroy();
    expect(outline.map((o) => o.title)).toEqual(['Vorbemerkungen:', 'Erläuterungen:']);
    expect(outline[1]!.items.map((o) => o.title)).toEqual([
      'Personelle Besetzung des strategischen kommunalen Integrationsmanagements (Modul 1), aktueller Stand ihrer Arbeit und der Lenkungsgruppe',
      'Besetzung der Personalstellen des Case-Managements (Modul 2) und aktueller Stand ihrer Arbeit',
    ]);
  });

  test('lists say how their labels are made (ListNumbering): numbers, bullets, dashes', async () => {
    const numbering = (pdf: Uint8Array) =>
      [...pdfObjects(pdf).entries()]
        .sort(([a], [b]) => a - b)
        .filter(([, o]) => /\/S \/L\n/.test(o.dict))
        .map(([, o]) => /\/ListNumbering \/(\w+)/.exec(o.dict)?.[1]);
    expect(numbering(bytes)).toEqual(['Decimal', 'Decimal']);
    expect(numbering(await renderer.render('- eins\n  - zwei\n\n1) drei', SAMPLE_META)).sort()).toEqual(['Decimal', 'Disc', 'None']);
  });

  test('the outline counts its open items: all four on the root, two under "Erläuterungen:"', () => {
    const objects = pdfObjects(bytes);
    const catalog = [...objects.values()].find((o) => /\/Type \/Catalog/.test(o.dict))!;
    const root = objects.get(refOf(catalog.dict, 'Outlines')!)!.dict;
    expect(/\/Count (\d+)/.exec(root)?.[1]).toBe('4');
    const items = [...objects.values()].filter((o) => /\/Title \(/.test(o.dict));
    const count = (title: string) => /\/Count (-?\d+)/.exec(items.find((o) => o.dict.includes(`/Title (${title})`))?.dict ?? '')?.[1];
    expect(count('Vorbemerkungen:')).toBeUndefined();
    expect(items.map((o) => /\/Count (-?\d+)/.exec(o.dict)?.[1]).filter((c) => c !== undefined)).toEqual(['2']);
  });

  test('every font is embedded as a subset (Source Sans 3), no standard fonts', () => {
    const descriptors = raw.match(/\/Type \/FontDescriptor/g) ?? [];
    const files = raw.match(/\/FontFile2 \d+ 0 R/g) ?? [];
    expect(descriptors.length).toBeGreaterThanOrEqual(2);
    expect(files.length).toBe(descriptors.length);
    expect(raw).not.toMatch(/\/Subtype \/Type1/);
    const baseFonts = [...raw.matchAll(/\/BaseFont \/(\S+)/g)].map((m) => m[1]!);
    expect(baseFonts.length).toBeGreaterThan(0);
    for (const name of baseFonts) expect(name).toMatch(/^[A-Z]{6}\+SourceSans3-/);
  });

  test('bold, italic and bold italic are set in the matching Source Sans 3 faces', async () => {
    const out = rawPdf(await renderer.render('normal **fett** *kursiv* ***beides***', SAMPLE_META));
    const faces = new Set([...out.matchAll(/\/BaseFont \/[A-Z]{6}\+SourceSans3-(\w+)/g)].map((m) => m[1]));
    expect([...faces].sort()).toEqual(['Bold', 'BoldIt', 'It', 'Regular']);
  });

  test('a character the font lacks is drawn as "?", never as the missing-glyph box (.notdef)', async () => {
    const pages = await readPages(await renderer.render('Haken \u2713, chinesisch \u4e2d, Smiley \u{1f600}.', SAMPLE_META));
    expect(pages[0]!.text).toContain('Haken \u2713, chinesisch ?, Smiley ?.');
  });

  test('empty Markdown still gives a valid one-page document', async () => {
    const pdf = await openPdf(await renderer.render('', SAMPLE_META));
    expect(pdf.numPages).toBe(1);
    await pdf.destroy();
  });

  test('XMP: PDF/A-2a and PDF/UA-1 identifiers, and the same title, author, subject, keywords as the Info dictionary', async () => {
    const pdf = await openPdf(bytes);
    const { info, metadata } = (await pdf.getMetadata()) as unknown as {
      info: Record<string, unknown>;
      metadata: { getRaw(): string; get(name: string): unknown } | null;
    };
    await pdf.destroy();
    expect(info['Title']).toBe(SAMPLE_META.title);
    expect(info['Author']).toBe(SAMPLE_META.author);
    expect(info['Subject']).toBe(SAMPLE_META.subject);
    expect(info['Keywords']).toBe('Kommunales Integrationsmanagement, Rhein-Sieg-Kreis');
    expect(info['Creator']).toBe('kim');
    expect(info['CreationDate']).toBe('D:20220301090000Z');
    expect(info['ModDate']).toBeUndefined();
    expect(metadata).not.toBeNull();
    const xmp = metadata!.getRaw();
    expect(xmp).toMatch(/<pdfaid:part>2<\/pdfaid:part>\s*<pdfaid:conformance>A<\/pdfaid:conformance>/);
    expect(xmp).toContain('<pdfuaid:part>1</pdfuaid:part>');
    expect(xmp).toContain('<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>'); // extension schema for PDF/A
    expect(xmp).toContain('<xmp:CreateDate>2022-03-01T09:00:00Z</xmp:CreateDate>');
    expect(xmp).not.toContain('ModifyDate');
    expect(metadata!.get('dc:title')).toBe(SAMPLE_META.title);
    expect(raw).toContain('/S /GTS_PDFA1'); // sRGB output intent
  });

  test('empty author, subject and keywords are left out of Info and XMP alike', async () => {
    const out = await renderer.render('Text.', { ...SAMPLE_META, author: '', subject: '', keywords: [] });
    const pdf = await openPdf(out);
    const { info, metadata } = (await pdf.getMetadata()) as unknown as {
      info: Record<string, unknown>;
      metadata: { getRaw(): string } | null;
    };
    await pdf.destroy();
    expect(info['Author'] ?? info['Subject'] ?? info['Keywords']).toBeUndefined();
    expect(metadata!.getRaw()).not.toMatch(/dc:creator|dc:description|pdf:Keywords|dc:subject/);
  });

  test('metadata with XML special characters stays well-formed XMP', async () => {
    const title = 'Integration & Teilhabe <2022> "neu"';
    const pdf = await openPdf(await renderer.render('Text.', { ...SAMPLE_META, title }));
    const { metadata } = (await pdf.getMetadata()) as { metadata: { get(name: string): unknown } | null };
    await pdf.destroy();
    expect(metadata?.get('dc:title')).toBe(title);
  });
});

describe('reproducible', () => {
  test('the same input gives the same bytes, from the same renderer and from a new one', async () => {
    const again = await renderer.render(SAMPLE_MD, SAMPLE_META);
    const fresh = await createPdfRenderer().render(SAMPLE_MD, SAMPLE_META);
    expect(Buffer.compare(Buffer.from(again), Buffer.from(bytes))).toBe(0);
    expect(Buffer.compare(Buffer.from(fresh), Buffer.from(bytes))).toBe(0);
  });

  test('concurrent renders with one renderer give the same bytes as sequential ones', async () => {
    const all = await Promise.all([1, 2, 3].map(() => renderer.render(SAMPLE_MD, SAMPLE_META)));
    for (const out of all) expect(Buffer.compare(Buffer.from(out), Buffer.from(bytes))).toBe(0);
  });

  test('the file ID depends on the content and the creation date comes from the metadata', async () => {
    const id = (pdf: string) => /\/ID \[<([0-9a-f]+)>/.exec(pdf)?.[1];
    const changed = rawPdf(await renderer.render(`${SAMPLE_MD}\nNachtrag.`, SAMPLE_META));
    const later = rawPdf(await renderer.render(SAMPLE_MD, { ...SAMPLE_META, creationDate: new Date('2023-01-02T03:04:05Z') }));
    expect(id(raw)).toMatch(/^[0-9a-f]{32}$/);
    expect(id(changed)).not.toBe(id(raw));
    expect(id(later)).not.toBe(id(raw));
    expect(later).toContain('(D:20230102030405Z)');
  });
});
