/**
 * A word hyphenated at a line end ("Integrati-" / "onsmanagements") must come out whole where readers
 * look for it: the search of pdf.js (Firefox's viewer, many council portals), pdftotext (poppler),
 * mutool's text extraction with dehyphenation, and the structure tree (screen readers).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { renderReport } from '../../src/api.js';
import { EXAMPLE_DIR } from '../support/example.js';
import { removeTempDirs, tempDir } from '../support/temp.js';
import { readPages } from './pdf-helpers.js';
import { taggedText } from './pdf-objects.js';

let pdf: Uint8Array;
let markdown: string;
/** The shipped example's PDF as pdf.js extracts it: items joined, a line break where pdf.js ends a line. */
let pdfjsText: string;

beforeAll(async () => {
  const rendered = await renderReport({ dataDir: EXAMPLE_DIR, formats: ['md', 'pdf'] });
  pdf = rendered.pdf!;
  markdown = rendered.markdown!;
  pdfjsText = (await readPages(pdf)).map((page) => page.text).join('\n');
}, 60_000);
afterAll(removeTempDirs);

/** Words of the Markdown, for telling a torn word ("Integrati" + "onsmanagements") from two words. */
const isMarkdownWord = (word: string) => new RegExp(`(^|[^\\p{L}])${word}([^\\p{L}]|$)`, 'u').test(markdown);

/** Pairs "end of a line" + "start of the next" that are one word of the Markdown torn in two. */
function tornWords(text: string, separator: string): string[] {
  return [...text.matchAll(new RegExp(`(\\p{L}+)${separator}(\\p{Ll}+)`, 'gu'))].map((m) => m[1]! + m[2]!).filter(isMarkdownWord);
}

describe('the shipped example, hyphenated words as readers extract them', () => {
  test('pdf.js: no word is torn in two; a hyphenated word ends its line in "-", which the viewer\'s search joins', () => {
    // Before: the break hyphen was U+00AD, which pdf.js drops, so "Integrati\nonsmanagements" (two words to its search).
    expect(tornWords(pdfjsText, '\\n')).toEqual([]);
    const hyphenated = tornWords(pdfjsText, '-\\n');
    expect(hyphenated.length).toBeGreaterThan(3);
    expect(hyphenated).toContain('Integrationsmanagements');
    // pdf.js's find controller (web/pdf_find_controller.js) removes "-\n" between a lower-case letter and
    // a lower-case letter; then "Integrationsmanagements" is found where it is printed hyphenated.
    const searched = pdfjsText.replace(/(\p{Ll})-\n(?=\p{Ll})/gu, '$1').replace(/\n/g, ' ');
    for (const word of hyphenated) expect(searched).toContain(word);
  });

  test('the structure tree reads every hyphenated word whole, without the hyphen (an artifact) or a soft hyphen', () => {
    const tagged = taggedText(pdf).map((element) => element.text);
    const words = tornWords(pdfjsText, '-\\n');
    for (const word of words) expect(tagged.some((text) => text.includes(word)), word).toBe(true);
    expect(tagged.join('\n')).not.toContain('\u00ad');
  });
});

// Debian's tools (poppler-utils, mupdf-tools); CI's machine may not have them, then these are skipped.
const has = (tool: string, ...args: string[]) => spawnSync(tool, args).error === undefined;
const pdftotext = has('pdftotext', '-v');
const mutool = has('mutool', '-v');
if (!pdftotext) console.warn('pdftotext (poppler-utils) is not installed: its check of hyphenated words is skipped.');
if (!mutool) console.warn('mutool (mupdf-tools) is not installed: its check of hyphenated words is skipped.');

describe('as Debian tools extract it', () => {
  const file = () => {
    const path = join(tempDir(), 'vorlage.pdf');
    writeFileSync(path, pdf);
    return path;
  };

  test.skipIf(!pdftotext)('pdftotext joins every hyphenated word (it joins lines only at a hyphen-minus)', () => {
    const text = execFileSync('pdftotext', [file(), '-'], { encoding: 'utf8' });
    expect(tornWords(text, '\u00ad?\\n')).toEqual([]);
    expect(text).toContain('Implementierung des Kommunalen Integrationsmanagements und des dazugehörigen');
  });

  test.skipIf(!mutool)('mutool joins every hyphenated word when asked to dehyphenate, and prints the hyphen where it draws it', () => {
    const path = file();
    const out = join(tempDir(), 'vorlage.txt');
    execFileSync('mutool', ['convert', '-F', 'text', '-O', 'dehyphenate', '-o', out, path], { stdio: 'ignore' });
    const joined = readFileSync(out, 'utf8');
    expect(tornWords(joined, '[-\u00ad]?\\n')).toEqual([]);
    expect(joined).toContain('Kommunalen Integrationsmanagements und');
    // Without dehyphenation mutool prints the lines as drawn: the hyphen is a visible "-", never U+00AD.
    const lines = execFileSync('mutool', ['draw', '-F', 'txt', path], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    expect(lines).toContain('Integrati-\nonsmanagements');
    expect(lines).not.toContain('\u00ad');
  });
});
