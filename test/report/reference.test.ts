import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { packageRoot } from '../../src/paths.js';
import { FOLLOW_UP, FOLLOW_UP_DIR, LINDENAU, LINDENAU_DIR, renderWith, TALHEIM_DIR, TALHEIM_FIRST, TALHEIM_NEXT } from '../support/example.js';
import { expectGolden } from '../support/golden.js';
const REFERENCE = join(packageRoot, 'test', 'fixtures', 'reference', 'vorlage-2022-03-16-kim-sachstand.txt');

/**
 * The reference is text extracted from the real PDF; these are the places where extraction, not the
 * Vorlage, differs from what kim writes. Each is a known artefact, named here so nothing else can hide.
 */
function normaliseReference(text: string): string {
  return text
    .replace('identifizieren.\n\nzieren und die Wege', 'identifizieren und die Wege') // page-break artefact
    .replace('V o r l a g e', 'Vorlage') // letter-spaced heading; kim writes the word (screen readers)
    .replace('Tagesordnungs- Punkt', 'Tagesordnungspunkt') // table cell broken over two lines
    .replace(/<\/?b>/g, ''); // HTML bold from the extraction
}

/** Markup and layout do not count: compare the words, numbers and dates a reader sees. */
function words(markdown: string): string[] {
  return markdown
    .replace(/^\s*[-*]\s+(?=\d+\))/gm, '') // "- 1)" list rendering in the extraction
    .replace(/^\|?\s*-{3,}.*$/gm, '') // table delimiter rows
    .replace(/[|*#\t]/g, ' ')
    .replace(/\\(.)/g, '$1')
    .replace(/\s*€/g, ' €') // "55.000€" in the extraction, "55.000 €" (DIN 5008) in kim
    .split(/\s+/)
    .filter(Boolean);
}

describe('the 16.03.2022 Vorlage', () => {
  test('matches the checked-in golden file (UPDATE_GOLDEN=1 rewrites it after review)', async () => {
    expectGolden('2022-03-16-kim-sachstand.md', await renderWith());
  });

  test('says exactly the words, numbers and dates of the reference Vorlage', async () => {
    const ours = words(await renderWith());
    const reference = words(normaliseReference(await readFile(REFERENCE, 'utf8')));
    const firstDifference = ours.findIndex((w, i) => w !== reference[i]);
    const context = (list: string[], at: number) => list.slice(Math.max(0, at - 8), at + 8).join(' ');
    if (firstDifference !== -1 || ours.length !== reference.length) {
      const at = firstDifference === -1 ? Math.min(ours.length, reference.length) : firstDifference;
      expect.fail(`first difference at word ${at}:\n  kim:       …${context(ours, at)}…\n  reference: …${context(reference, at)}…`);
    }
    expect(ours.length).toBeGreaterThan(400);
  });
});

/** Golden files of the other Vorlagen; each was read sentence by sentence before it was checked in. */
describe('golden files', () => {
  test.each([
    ['the first report of the shipped example (16.11.2021)', '2021-11-16-kim-sachstand', undefined, '2021-11-16-kim-sachstand.md'],
    ['the follow-up after 16.03.2022 (test fixture)', FOLLOW_UP, FOLLOW_UP_DIR, 'rsk-follow-up-2022-06-22-kim-sachstand.md'],
    ['a second Kreis: a first report and Beschlussvorlage (test fixture)', LINDENAU, LINDENAU_DIR, 'kreis-lindenau-2023-03-14-kim-umsetzung.md'],
    ['a third body: its first Sitzungsvorlage (test fixture)', TALHEIM_FIRST, TALHEIM_DIR, 'landkreis-talheim-2021-11-23-kim-sachstand.md'],
    ['a third body: the follow-up Beschlussvorlage made with kim next (test fixture)', TALHEIM_NEXT, TALHEIM_DIR, 'landkreis-talheim-2022-05-10-kim-sachstand.md'],
  ])('%s', async (_name, id, dir, golden) => {
    expectGolden(golden, await renderWith(undefined, id, dir));
  });
});
