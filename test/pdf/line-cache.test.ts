import { marked } from 'marked';
import { expect, test } from 'vitest';
import { buildBlocks } from '../../src/emit/pdf/layout/blocks.js';
import { LineCache } from '../../src/emit/pdf/layout/line-cache.js';
import type { FontMetrics } from '../../src/emit/pdf/layout/metrics.js';
import { SAMPLE_MD } from './pdf-helpers.js';

const metrics: FontMetrics = { width: (_font, text) => Array.from(text).length * 0.5, drawable: (_font, text) => text };
const hyphenate = (word: string) => word.replace(/(.{4})(?=.{3})/g, '$1\u00ad');
const layout = (md: string, lineCache?: LineCache) => buildBlocks(marked.lexer(md, { gfm: true }), { metrics, hyphenate, lineCache });

test('lines from the cache are the lines layout makes without it, and they are shared, not made again', () => {
  const cache = new LineCache();
  const first = layout(SAMPLE_MD, cache);
  expect(cache.size).toBeGreaterThan(10);
  const again = layout(SAMPLE_MD, cache);
  expect(again).toEqual(layout(SAMPLE_MD));
  expect(first).toEqual(again);
  const lines = (blocks: ReturnType<typeof layout>) => blocks.flatMap((b) => (b.kind === 'text' ? [b.lines] : []));
  expect(lines(again).every((l, i) => l === lines(first)[i])).toBe(true);
});

test('the cache keeps the most recently used entries up to its limit', () => {
  const cache = new LineCache(2);
  cache.set('a', []);
  cache.set('b', []);
  cache.get('a');
  cache.set('c', []);
  expect([cache.get('a'), cache.get('b'), cache.get('c')].map((v) => v !== undefined)).toEqual([true, false, true]);
  expect(cache.size).toBe(2);
});

// kim build renders the reports of one renderer with one cache: a Kreis counting in "Stellen" must not
// get the lines set for a Kreis without that unit word.
test('the data\'s unit words are part of the key: the same sentence is set apart for a Kreis that counts in "Stellen"', () => {
  const cache = new LineCache();
  // 84 characters of 85 per line, then "0,5 Stellen": the figure ends the first line unless bound to its unit.
  const md = `# Sachverhalt\n\n${'x'.repeat(76)} mit 0,5 Stellen besetzt.`;
  const text = (unitWords?: string[]) =>
    buildBlocks(marked.lexer(md, { gfm: true }), { metrics, lineCache: cache, unitWords }).flatMap((b) =>
      b.kind === 'text' ? b.lines.map((l) => l.segments.map((s) => s.text).join('')) : [],
    );
  expect(text()).toEqual(['Sachverhalt', `${'x'.repeat(76)} mit 0,5`, 'Stellen besetzt.']);
  expect(text(['Stelle', 'Stellen'])).toEqual(['Sachverhalt', `${'x'.repeat(76)} mit`, '0,5 Stellen besetzt.']);
});
