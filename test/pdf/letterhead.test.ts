import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { createPdfRenderer, logoProblem, type PdfMetadata } from '../../src/emit/pdf/index.js';
import { A4, SAMPLE_META, openPdf } from './pdf-helpers.js';
import { pdfObjects, refOf, taggedText } from './pdf-objects.js';

// Test logos made for these tests (a shield with a cross, 96 × 120 px): RGBA PNG and RGB JPEG.
const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url)));
const PNG = fixture('logo.png');
const JPEG = fixture('logo.jpg');
const MM = 72 / 25.4;

/** A letterhead as a Kreis prints it: the Kreis's name, label/value lines, department, paper, Beratungsfolge, agenda item. */
const LETTERHEAD = `Rhein-Sieg-Kreis

Vorlagenart: Beschlussvorlage  
Drucksache: 197/23  
Aktenzeichen: II-8.10  
Datum: 01.03.2023

2-07 - Kommunales Integrationszentrum -KI-

**Vorlage**  
für den  
**öffentlichen Sitzungsteil**

| Gremium | Datum | Zuständigkeit |
| --- | --- | --- |
| Ausschuss für Soziales und Integration | 16.03.2023 | Entscheidung |

Tagesordnungspunkt  
**Kommunales Integrationsmanagement - Stellen und Förderung**

## Vorbemerkungen:

Text.
`;

const renderer = createPdfRenderer();
const render = (meta: Partial<PdfMetadata>, md = LETTERHEAD) => renderer.render(md, { ...SAMPLE_META, ...meta });

/** Every image drawn, with its place (pt from the top left) and the marked content around it. */
function imagesDrawn(bytes: Uint8Array) {
  const objects = pdfObjects(bytes);
  const page = [...objects.entries()].sort(([a], [b]) => a - b).find(([, o]) => /\/Type \/Page\n/.test(o.dict))![1];
  const content = objects.get(refOf(page.dict, 'Contents')!)!.stream!.toString('latin1');
  return [...content.matchAll(/([-\d.]+) 0 0 ([-\d.]+) ([-\d.]+) ([-\d.]+) cm\n\/\w+ Do/g)].map((m) => {
    const before = content.slice(0, m.index);
    const tag = [...before.matchAll(/\/(\w+)(?: <<[^>]*>>)? BDC|\/(\w+) BMC/g)].at(-1)!;
    const [w, h, x, y] = [m[1], m[2], m[3], m[4]].map(Number) as [number, number, number, number];
    return { x, top: y + h, width: w, height: -h, tag: tag[1] ?? tag[2] };
  });
}

describe('the letterhead', () => {
  test('its lines come first, in order, each whole; then the rule and the body', async () => {
    const elements = taggedText(await render({}));
    expect(elements.slice(0, 5).map((e) => e.text)).toEqual([
      'Rhein-Sieg-Kreis',
      'Vorlagenart: Beschlussvorlage Drucksache: 197/23 Aktenzeichen: II-8.10 Datum: 01.03.2023',
      '2-07 - Kommunales Integrationszentrum -KI-',
      'Vorlage für den öffentlichen Sitzungsteil',
      'Gremium',
    ]);
    expect(elements.find((e) => e.path.endsWith('H1'))?.text).toBe('Vorbemerkungen:');
  });

  test('a logo beside the Kreis\'s name is decoration: drawn top right, as an artifact, no Figure', async () => {
    const bytes = await render({ logo: { bytes: PNG, format: 'png', alt: 'Wappen des Rhein-Sieg-Kreises' }, bodyName: 'Rhein-Sieg-Kreis' });
    const [image] = imagesDrawn(bytes);
    expect(image!.tag).toBe('Artifact');
    expect(image!.x + image!.width).toBeCloseTo(A4.width - 20 * MM, 1); // right margin
    expect(image!.top).toBeGreaterThan(5 * MM);
    expect(image!.top + image!.height).toBeLessThan(27 * MM); // above the text area
    expect(image!.width / image!.height).toBeCloseTo(96 / 120, 3);
    expect(taggedText(bytes).some((e) => e.path.includes('Figure'))).toBe(false);
  });

  test('a logo without the name in text is a Figure whose alternate text a screen reader reads', async () => {
    const bytes = await render({ logo: { bytes: JPEG, format: 'jpeg', alt: 'Wappen des Rhein-Sieg-Kreises' } }, LETTERHEAD.replace('Rhein-Sieg-Kreis\n\n', ''));
    const [image] = imagesDrawn(bytes);
    expect(image!.tag).toBe('Figure');
    const pdf = await openPdf(bytes);
    const tree = (await (await pdf.getPage(1)).getStructTree()) as { children: { role: string; alt?: string }[] };
    await pdf.destroy();
    expect(tree.children[0]).toMatchObject({ role: 'Document' });
    const figure = (tree.children[0] as unknown as { children: { role: string; alt?: string }[] }).children[0]!;
    expect(figure).toMatchObject({ role: 'Figure', alt: 'Wappen des Rhein-Sieg-Kreises' });
    const figureDict = [...pdfObjects(bytes).values()].find((o) => /\/S \/Figure/.test(o.dict))!.dict;
    expect(figureDict).toMatch(/\/BBox \[/);
  });

  test('a file that is not a usable PNG or JPEG is named before rendering, in German', () => {
    expect(logoProblem(PNG, 'png')).toBeUndefined();
    expect(logoProblem(JPEG, 'jpeg')).toBeUndefined();
    expect(logoProblem(JPEG, 'png')).toBe('Das Logo ist keine PNG-Datei.');
    expect(logoProblem(new Uint8Array([1, 2, 3]), 'jpeg')).toBe('Das Logo ist keine JPEG-Datei.');
    // The same JPEG, its frame header saying four components (CMYK): PDF/A with an sRGB output intent cannot show it.
    const cmyk = Buffer.from(JPEG);
    const sof = cmyk.indexOf(Buffer.from([0xff, 0xc0]));
    cmyk[sof + 9] = 4;
    expect(logoProblem(cmyk, 'jpeg')).toBe('Das JPEG-Logo ist in CMYK gespeichert; bitte als RGB speichern.');
  });

  test('a PNG or JPEG cut short, or with damaged image data, is named before rendering (pdfkit would fail while drawing)', () => {
    const png = Buffer.from(PNG);
    expect(logoProblem(png.subarray(0, 40), 'png')).toBe('Die PNG-Datei des Logos ist abgeschnitten (unvollständig hochgeladen oder kopiert).');
    expect(logoProblem(png.subarray(0, png.length - 12), 'png')).toBe('Die PNG-Datei des Logos ist abgeschnitten (unvollständig hochgeladen oder kopiert).');
    const idat = png.indexOf('IDAT');
    const damaged = Buffer.from(png);
    damaged.fill(0x55, idat + 4, idat + 24);
    expect(logoProblem(damaged, 'png')).toBe('Die PNG-Datei des Logos ist beschädigt: Ihre Bilddaten lassen sich nicht entpacken.');
    const jpeg = Buffer.from(JPEG);
    expect(logoProblem(jpeg.subarray(0, Math.floor(jpeg.length / 2)), 'jpeg')).toBe('Die JPEG-Datei des Logos ist abgeschnitten (unvollständig hochgeladen oder kopiert).');
  });
});
