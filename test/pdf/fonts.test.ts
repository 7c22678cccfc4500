import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { createPdfRenderer } from '../../src/emit/pdf/index.js';
import { buildFontAsset, decodeFontAsset, encodeFontAsset, VORLAGE_CHARACTERS, type FontkitFont } from '../../src/emit/pdf/writer/font-asset.js';
import { FACES } from '../../src/emit/pdf/writer/fonts.js';
import { packageRoot } from '../../src/paths.js';
import { SAMPLE_MD, SAMPLE_META, readPages } from './pdf-helpers.js';
import { invisibleWords, readFontsAndText, type PdfPage } from './pdf-objects.js';

const require = createRequire(import.meta.url);
const fontkit = createRequire(require.resolve('pdfkit'))('fontkit') as { create(bytes: Uint8Array): FontkitFont & { getGlyph(id: number): { advanceWidth: number } } };
const original = (name: string) => fontkit.create(readFileSync(require.resolve(`source-sans/TTF/${name}.ttf`)));

const renderer = createPdfRenderer();
const MIXED = `${SAMPLE_MD}\n\nNormal, **fett**, *kursiv* und ***beides***: „Anführung“ – Gedankenstrich, 5 % von 1.000 €, Łódź, Ærø, ½ · §§ 1–3 …`;
let pages: PdfPage[];

beforeAll(async () => {
  pages = readFontsAndText(await renderer.render(MIXED, SAMPLE_META));
});

describe('embedded fonts', () => {
  test('every width in W is the embedded glyph\'s advance and the original font\'s advance for that character', () => {
    const fonts = new Set(pages.flatMap((page) => [...page.fonts.values()]));
    expect([...fonts].map((f) => f.baseFont.replace(/^[A-Z]{6}\+/, '')).sort()).toEqual(['SourceSans3-Bold', 'SourceSans3-BoldIt', 'SourceSans3-It', 'SourceSans3-Regular']);
    for (const font of fonts) {
      const embedded = fontkit.create(font.program) as ReturnType<typeof original>;
      const source = original(font.baseFont.replace(/^[A-Z]{6}\+/, ''));
      expect(font.widths.size).toBeGreaterThan(300);
      for (const [cid, width] of font.widths) {
        expect(embedded.getGlyph(font.cidToGid(cid)).advanceWidth, `${font.baseFont} CID ${cid}`).toBe(width);
        const text = font.toUnicode.get(cid);
        if (text === undefined) continue; // CID 0, .notdef
        expect(source.glyphForCodePoint(text.codePointAt(0)!).advanceWidth, `${font.baseFont} ${text}`).toBe(width);
      }
    }
  });

  test('every glyph drawn has a ToUnicode entry, so copied text is the text that was set', () => {
    let drawn = 0;
    for (const page of pages) {
      for (const line of page.lines) {
        for (const run of line.runs) {
          const font = page.fonts.get(run.font)!;
          for (const cid of run.cids) {
            expect(font.toUnicode.has(cid), `${font.baseFont} CID ${cid}`).toBe(true);
            drawn++;
          }
        }
      }
    }
    expect(drawn).toBeGreaterThan(3000);
  });

  test('a word hyphenated at a line end is text once, whole and invisible; what is drawn there is shapes; never U+00AD', () => {
    const lineTexts = pages.flatMap((page) => page.lines.map((line) => line.runs.filter((run) => !run.invisible).map((run) => run.cids.map((cid) => page.fonts.get(run.font)!.toUnicode.get(cid)).join('')).join('')));
    // Readers extract the invisible word whole (see hyphenated-words.test.ts); the visible parts are no text.
    expect(invisibleWords(pages).length).toBeGreaterThan(3);
    expect(pages.flatMap((page) => page.shapes).length).toBeGreaterThan(20);
    expect(lineTexts.join('')).not.toContain('\u00ad');
    // A line of words may end in "-" only where the Markdown has a hyphen: a compound such as "KIM-Prozess".
    for (const text of lineTexts.filter((t) => /-\s*$/.test(t))) {
      const word = /(\S+-)\s*$/.exec(text)![1]!;
      expect(MIXED, text).toContain(word);
    }
  });

  test('a character outside the prebuilt set but in the font is embedded for that document, not replaced', async () => {
    const text = (await readPages(await renderer.render('Erledigt \u2713, Pfeil \u21d2, Stern \u2605.', SAMPLE_META)))[0]!.text;
    expect(text).toContain('Erledigt \u2713, Pfeil \u21d2');
    const [page] = readFontsAndText(await renderer.render('Erledigt \u2713.', SAMPLE_META));
    const font = page!.fonts.get('KR')!;
    expect([...font.toUnicode.values()]).toContain('\u2713');
    expect(VORLAGE_CHARACTERS).not.toContain(0x2713);
  });

  test('the prebuilt fonts of the build are what the font files give now (no stale asset)', () => {
    for (const name of Object.values(FACES)) {
      const built = readFileSync(join(packageRoot, 'dist', 'pdf-assets', `${name}.font`));
      const now = encodeFontAsset(buildFontAsset(original(name), VORLAGE_CHARACTERS));
      expect(Buffer.compare(built, now)).toBe(0);
      expect(decodeFontAsset(now)).toEqual(buildFontAsset(original(name), VORLAGE_CHARACTERS));
    }
  });
});
