/** Pure-data pagination tests (paginate.test.ts, page-foot.test.ts): a fake measure and paragraphs of known length. */
import type { FontMetrics } from '../../src/emit/pdf/layout/metrics.js';
import { DEFAULT_AREA, type Page, type PlacedText } from '../../src/emit/pdf/layout/paginate.js';
import { STYLES } from '../../src/emit/pdf/layout/styles.js';

/** Every character half an em wide: 11 pt text holds 85 characters per line of the 165 mm type area. */
export const metrics: FontMetrics = { width: (_font, text) => Array.from(text).length * 0.5, drawable: (_font, text) => text };

export const texts = (page: Page) => page.items.filter((i): i is PlacedText => i.kind === 'text');
export const lineText = (item: PlacedText) => item.segments.map((s) => s.text).join('');
/** A paragraph of `lines` lines: words of 10 characters, 7 per line (77 of 85 characters). */
export const paragraph = (tag: string, lines: number) =>
  Array.from({ length: lines * 7 }, (_, i) => `${tag}${String(i).padStart(10 - tag.length, '0')}`).join(' ');
const bodyLine = STYLES.paragraph.size * STYLES.paragraph.lineHeight;
/** How many body lines fit on an empty page. */
export const perPage = Math.floor((DEFAULT_AREA.bottom - DEFAULT_AREA.top + 0.01) / bodyLine);
