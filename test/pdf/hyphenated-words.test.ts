/**
 * A word hyphenated at a line end ("Integrati-" / "onsmanagements") must come out whole where readers
 * look for it (issue 19, item 9): pdf.js (Firefox's viewer, many council portals: search and copy),
 * pdftotext (poppler), `mutool draw -F txt`, and the structure tree (screen readers). None of them joins
 * the two parts by itself, and pdf.js and mutool 1.21 ignore ActualText: so kim draws the parts as
 * shapes and puts the word whole, as invisible text, where its first part stands (docs/pdf-output.md).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { renderReport } from '../../src/api.js';
import { EXAMPLE_DIR } from '../support/example.js';
import { removeTempDirs, tempDir } from '../support/temp.js';
import { readPages } from './pdf-helpers.js';
import { invisibleWords, readFontsAndText, taggedText } from './pdf-objects.js';

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

/** The words kim hyphenated in the example: there, each is invisible text, whole. */
const hyphenatedWords = () => invisibleWords(readFontsAndText(pdf)).map((word) => word.text);

describe('the shipped example, hyphenated words as readers extract them', () => {
  test('pdf.js: no word is torn in two, every hyphenated word is one word for search and copy', () => {
    // Before: "Integrati-" + line end + "onsmanagements" (its search joined them, its copy did not).
    expect(tornWords(pdfjsText, '-?\\n')).toEqual([]);
    const words = hyphenatedWords();
    expect(words.length).toBeGreaterThan(3);
    expect(words).toContain('Integrationsmanagements');
    for (const word of words) expect(pdfjsText).toMatch(new RegExp(`(^|[^\\p{L}])${word}([^\\p{L}]|$)`, 'u'));
  });

  test('the structure tree reads every hyphenated word whole, without a hyphen or a soft hyphen', () => {
    const tagged = taggedText(pdf).map((element) => element.text);
    for (const word of hyphenatedWords()) expect(tagged.some((text) => text.includes(word)), word).toBe(true);
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

  test.skipIf(!pdftotext)('pdftotext reads every hyphenated word whole', () => {
    const text = execFileSync('pdftotext', [file(), '-'], { encoding: 'utf8' });
    expect(tornWords(text, '[-\u00ad]?\\n')).toEqual([]);
    expect(text).toContain('Implementierung des Kommunalen Integrationsmanagements');
    for (const word of hyphenatedWords()) expect(text).toContain(word);
  });

  test.skipIf(!mutool)('mutool draw -F txt reads every hyphenated word whole, without being asked to dehyphenate', () => {
    // Before: "Integrati-" and "onsmanagements" on two lines, as drawn.
    const lines = execFileSync('mutool', ['draw', '-F', 'txt', file()], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    expect(tornWords(lines, '[-\u00ad]?\\n')).toEqual([]);
    expect(lines).toContain('Kommunalen Integrationsmanagements');
    for (const word of hyphenatedWords()) expect(lines).toContain(word);
    expect(lines).not.toContain('\u00ad');
  });
});
