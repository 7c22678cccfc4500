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
