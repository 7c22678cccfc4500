import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createPdfRenderer } from '../../src/emit/pdf/index.js';
import { removeTempDirs, tempDir } from '../support/temp.js';
import { SAMPLE_MD, SAMPLE_META, SOFT_HYPHEN, markdownBlocks } from './pdf-helpers.js';
import { invisibleWords, readFontsAndText, taggedText, type TaggedElement } from './pdf-objects.js';

let bytes: Uint8Array;
let elements: TaggedElement[];

beforeAll(async () => {
  bytes = await createPdfRenderer().render(SAMPLE_MD, SAMPLE_META);
  elements = taggedText(bytes);
});
afterAll(removeTempDirs);

describe('the tagged text reads like the Markdown', () => {
  test('every paragraph, heading, list item and table cell is one element whose text is the Markdown text, spaces where lines break', () => {
    const texts = elements.filter((e) => !e.path.endsWith('/Lbl')).map((e) => e.text);
    expect(texts).toEqual(markdownBlocks(SAMPLE_MD));
  });

  test('a word hyphenated at a line end reads as one word: its parts and hyphen are shapes in an artifact, the word whole is text in the element', () => {
    const pages = readFontsAndText(bytes);
    const words = invisibleWords(pages);
    expect(words.length).toBeGreaterThan(3);
    const tagged = elements.map((e) => e.text).join('\n');
    for (const word of words) {
      expect(word.tag, word.text).not.toBe('Artifact');
      expect(tagged).toMatch(new RegExp(`(^|[^\\p{L}])${word.text}([^\\p{L}]|$)`, 'u'));
    }
    // Before: the parts were text and the hyphen a text artifact of its own; now every shape is an artifact.
    const shapes = pages.flatMap((page) => page.shapes);
    expect(shapes.length).toBeGreaterThan(20);
    for (const shape of shapes) expect(shape.tag).toBe('Artifact');
    expect(tagged).not.toContain(SOFT_HYPHEN);
  });

  test('list labels are their own elements, in front of each item', () => {
    const labels = elements.filter((e) => e.path.endsWith('/L/LI/Lbl')).map((e) => e.text);
    expect(labels).toEqual(['1)', '2)', '3)', '4)', '5)', '6)', '7)', '8)', '9)', '1.']);
  });
});

// Debian's tools read the file as other viewers do; CI's machine may not have them.
const pdfinfo = spawnSync('pdfinfo', ['-v']).status === 0;
const JARS = ['preflight', 'pdfbox2', 'fontbox2', 'xmpbox', 'commons-logging', 'javax.activation', 'jaxb-api'].map((name) => `/usr/share/java/${name}.jar`);
const preflight = spawnSync('java', ['-version']).status === 0 && JARS.every((jar) => existsSync(jar));
if (!pdfinfo) console.warn('pdfinfo (poppler-utils) is not installed: its check of the structure tree text is skipped.');
if (!preflight) console.warn('PDFBox preflight (libpdfbox2-java, libactivation-java, libjaxb-api-java, Java) is not installed: its check is skipped.');

describe('as Debian tools read it', () => {
  test.skipIf(!pdfinfo)('pdfinfo -struct-text shows every Markdown block whole, spaces where lines break', () => {
    const file = join(tempDir(), 'sample.pdf');
    writeFileSync(file, bytes);
    const tree = execFileSync('pdfinfo', ['-struct-text', file], { encoding: 'utf8' });
    // An element's text is the quoted lines below it, one per marked-content sequence (a hyphen's artifact ends one).
    const texts: string[] = [];
    let current: string[] | undefined;
    for (const line of tree.split('\n')) {
      const quoted = /^\s*"(.*)"$/.exec(line);
      if (quoted) (current ??= []).push(quoted[1]!);
      else if (!/^\s*\//.test(line)) {
        if (current) texts.push(current.join(''));
        current = undefined;
      }
    }
    if (current) texts.push(current.join(''));
    for (const block of markdownBlocks(SAMPLE_MD)) expect(texts, block).toContain(block);
    expect(tree).toMatch(/L \(block\):\s+\/ListNumbering \/Decimal/);
  });

  test.skipIf(!preflight)('PDFBox preflight finds nothing but that the file is PDF/A-2, not PDF/A-1', () => {
    const file = join(tempDir(), 'sample.pdf');
    writeFileSync(file, bytes);
    const result = spawnSync('java', ['-cp', JARS.join(':'), 'org.apache.pdfbox.preflight.Validator_A1b', file], { encoding: 'utf8' });
    const errors = result.stdout.split('\n').filter((line) => /^\d+(\.\d+)* : /.test(line));
    // PDFBox checks PDF/A-1b only; the file declares part 2 (PDF/A-2a).
    expect(errors).toEqual(['7.11.2 : Error on MetaData, part must be 1']);
  });
});
