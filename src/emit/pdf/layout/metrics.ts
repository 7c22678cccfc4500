/**
 * What layout needs to know about the fonts: widths and which characters can be drawn. Layout gets it
 * injected (the writer's font set, or a fake in tests), so it never touches a font file.
 */
import type { Measure } from './linebreak.js';
import type { FontKey } from './styles.js';

export interface FontMetrics {
  /** Width of `text` set in `font` at 1 pt (plain advances: no kerning, no ligatures). */
  width(font: FontKey, text: string): number;
  /**
   * `text` with every character the face has no glyph for replaced by "?": PDF/A forbids drawing the
   * missing-glyph box, and a replaced character is visible where a dropped one would be silent.
   */
  drawable(font: FontKey, text: string): string;
}

export function measureAt(metrics: FontMetrics, size: number): Measure {
  return (font, text) => metrics.width(font, text) * size;
}
