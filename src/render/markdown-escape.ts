/**
 * Makes a data value print literally in Markdown: `*Sprach*förderung` stays with its asterisks, `A | B`
 * does not split a table cell, `<b>` is not HTML. Backslash escapes are valid for any ASCII punctuation
 * in CommonMark, so over-escaping is harmless; under-escaping would change the document.
 */
export function escapeMarkdown(text: string): string {
  let out = text.replace(/[\\`*_[\]<>|~]/g, (c) => `\\${c}`);
  // An entity like &amp; or &#42; would be decoded by a Markdown reader.
  out = out.replace(/&(?=#?[a-zA-Z0-9]+;)/g, '\\&');
  // Only at the start of a value can a character begin a block (heading, list, quote, rule).
  // A marker needs a following space (or the end) to count, so "15.10.21" or "-KI-" stay untouched.
  out = out.replace(/^(\s*)(#{1,6}|[+-]|\d{1,9}[.)])(?=\s|$)/, (_, space: string, marker: string) => `${space}${marker.slice(0, -1)}\\${marker.slice(-1)}`);
  out = out.replace(/^(\s*)(=+\s*)$/, '$1\\$2');
  // Line breaks inside a value would start new blocks: a value is one line of text.
  return out.replace(/\r?\n/g, ' ');
}

/**
 * Escapes every string in a model (a fresh copy); numbers and booleans pass through, and so do values
 * already made safe (`{ markdown }` objects of the text-block sanitiser, marked by `isSafe`).
 */
export function escapeModel<T>(value: T, isSafe: (v: object) => boolean = () => false): T {
  if (typeof value === 'string') return escapeMarkdown(value) as T;
  if (value !== null && typeof value === 'object' && isSafe(value)) return value;
  if (Array.isArray(value)) return value.map((v) => escapeModel(v, isSafe)) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = escapeModel(v, isSafe);
    return out as T;
  }
  return value;
}
