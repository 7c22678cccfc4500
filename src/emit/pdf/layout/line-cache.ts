/**
 * Broken lines of a text, kept across documents: `kim build` lays out the same template sentences in
 * every report. Keyed by everything the result depends on (runs, font, size, width, hyphenation); the
 * lines are never changed after they are made, so documents can share them. Bounded, oldest use first out.
 */
import type { Line } from './linebreak.js';

export class LineCache {
  private readonly entries = new Map<string, Line[]>();

  // 1 000 entries keep the sentences every report shares (they are used again before they age out) at a
  // few MB; more entries cost memory and win no time (measured over 1 000 generated reports).
  constructor(private readonly limit = 1000) {}

  get(key: string): Line[] | undefined {
    const lines = this.entries.get(key);
    if (lines) {
      // Most recently used last, so eviction drops the least recently used.
      this.entries.delete(key);
      this.entries.set(key, lines);
    }
    return lines;
  }

  set(key: string, lines: Line[]): void {
    if (this.entries.size >= this.limit) this.entries.delete(this.entries.keys().next().value!);
    // A copy: V8 keeps a string built from substrings as a view of the strings they were cut from, so
    // the key as built would keep every document's whole Markdown alive (some 80 MB over 1 000 reports).
    this.entries.set(structuredClone(key), lines);
  }

  get size(): number {
    return this.entries.size;
  }
}
