import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import createHyphenator from 'hyphen/hyphen.js';
import patterns from 'hyphen/patterns/de-1996.js';
import { packageRoot } from '../../src/paths.js';
import { hyphenatorFromPacked, loadHyphenator } from '../../src/emit/pdf/layout/hyphenation.js';
import { packPatterns } from '../../src/emit/pdf/layout/hyphenation-pack.js';

// Packed first: hyphen keeps its cache of hyphenated words in the patterns' exception table.
const packedBytes = packPatterns(patterns);
const packed = hyphenatorFromPacked(packedBytes);
/** The hyphen package itself, configured as kim used it before the packed trie. */
const reference = createHyphenator(patterns, { html: false, minWordLength: 6 });

/** Every word of six or more letters in the repository's German texts. */
function repositoryWords(): string[] {
  const files = [
    join(packageRoot, 'test', 'fixtures', 'vorlage-sample.md'),
    join(packageRoot, 'test', 'fixtures', 'reference', 'vorlage-2022-03-16-kim-sachstand.txt'),
    join(packageRoot, 'README.md'),
    // The README's former text lives in docs/ now.
    ...readdirSync(join(packageRoot, 'docs')).filter((name) => name.endsWith('.md')).map((name) => join(packageRoot, 'docs', name)),
    ...readdirSync(join(packageRoot, 'data'), { recursive: true, encoding: 'utf8' })
      .filter((name) => name.endsWith('.yaml'))
      .map((name) => join(packageRoot, 'data', name)),
    ...readdirSync(join(packageRoot, 'schemas')).map((name) => join(packageRoot, 'schemas', name)),
  ];
  const words = new Set<string>();
  for (const file of files) for (const word of readFileSync(file, 'utf8').match(/\p{L}{6,}/gu) ?? []) words.add(word);
  return [...words];
}

/**
 * Words made of the patterns' own letter sequences (two to four, some capitalised), so that every
 * pattern of the trie is hit in many positions: at the word start, inside and at the end.
 */
function patternWords(count: number): string[] {
  const fragments: string[] = [];
  const walk = (node: Record<string, unknown>, prefix: string) => {
    for (const [char, value] of Object.entries(node)) {
      const text = prefix + char;
      if (typeof value === 'number' || Array.isArray(value)) fragments.push(text.replaceAll('.', ''));
      const child = Array.isArray(value) ? value[0] : typeof value === 'object' ? value : undefined;
      if (child) walk(child as Record<string, unknown>, text);
    }
  };
  walk((patterns as unknown[])[1] as Record<string, unknown>, '');
  let seed = 0x5eed;
  const random = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const words: string[] = [];
  for (let i = 0; i < count; i++) {
    const parts = 2 + Math.floor(random() * 3);
    let word = '';
    for (let p = 0; p < parts; p++) word += fragments[Math.floor(random() * fragments.length)];
    words.push(random() < 0.3 ? word[0]!.toUpperCase() + word.slice(1) : word);
  }
  return words;
}

describe('hyphenation from the packed trie', () => {
  test('hyphenates like the hyphen package, word for word, over a large German word list', () => {
    const words = [...repositoryWords(), ...patternWords(40_000)];
    expect(words.length).toBeGreaterThan(40_500);
    const differing = words.filter((word) => packed(word) !== reference(word));
    expect(differing.slice(0, 10).map((word) => [word, packed(word), reference(word)])).toEqual([]);
    // The list really exercises hyphenation: most words get at least one soft hyphen.
    expect(words.filter((word) => packed(word).includes('\u00ad')).length).toBeGreaterThan(words.length / 2);
  });

  test('the same on arbitrary strings of German letters', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzäöüßéAÄÖÜ'), minLength: 1, maxLength: 40 }), (word) => {
        expect(packed(word)).toBe(reference(word));
      }),
      { numRuns: 20_000 },
    );
  });

  test('German words get soft hyphens at the de-1996 break points; short words stay whole', () => {
    const hyphenate = loadHyphenator();
    expect(hyphenate('Implementierung')).toBe('Im\u00adple\u00admen\u00adtie\u00adrung');
    expect(hyphenate('Geschäftsstelle')).toContain('schäfts\u00adstel');
    expect(hyphenate('Stadt')).toBe('Stadt');
  });

  test('the packed file of the build is the one packing gives now (no stale asset)', () => {
    const built = readFileSync(join(packageRoot, 'dist', 'pdf-assets', 'hyphenation-de-1996.bin'));
    expect(Buffer.compare(built, Buffer.from(packedBytes))).toBe(0);
  });
});
