/**
 * Makes a plain data value print literally in Markdown: `*Sprach*förderung` stays with its asterisks,
 * `A | B` does not split a table cell, `<b>` is not HTML, and nothing in a value can start a block
 * (heading, rule, list, code block) or end the line it stands on. Backslash escapes are valid for any
 * ASCII punctuation in CommonMark, so over-escaping is harmless; under-escaping would change the document.
 */
export function escapeMarkdown(text: string): string {
  let out = flattenToOneLine(text);
  out = out.replace(/[\\`*_[\]<>|~]/g, (c) => `\\${c}`);
  // An entity like &amp; or &#42; would be decoded by a Markdown reader.
  out = out.replace(/&(?=#?[a-zA-Z0-9]+;)/g, '\\&');
  // Only at the start of a value can a character begin a block (heading, list, quote, rule).
  // A marker needs a following space (or the end) to count, so "15.10.21" or "-KI-" stay untouched.
  out = out.replace(/^(#{1,6}|[+-]|\d{1,9}[.)])(?=\s|$)/, (marker: string) => `${marker.slice(0, -1)}\\${marker.slice(-1)}`);
  // `---`, `- - -` or `===` alone is a rule or turns the line above into a heading (setext).
  return out.replace(/^([-=])(?=[-=\s]*$)/, '\\$1');
}

/**
 * A value is one line of text: every line break CommonMark knows (LF, CRLF and a lone CR) and the
 * Unicode ones become a space, control characters (NUL …) are dropped, and leading and trailing
 * blanks go, because four leading spaces make a code block and two trailing ones a hard line break.
 */
function flattenToOneLine(text: string): string {
  return (
    text
      .replace(/\r\n|[\r\n\u2028\u2029\u0085\v\f]/g, ' ')
      .replace(/\t/g, ' ')
      // eslint-disable-next-line no-control-regex -- removing control characters is the point
      .replace(/[\u0000-\u001f\u007f-\u009f]/g, '')
      .trim()
  );
}

/** Escapes every string in a model (a fresh copy); numbers and booleans pass through. */
export function escapeModel<T>(value: T): T {
  if (typeof value === 'string') return escapeMarkdown(value) as T;
  if (Array.isArray(value)) return value.map(escapeModel) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = escapeModel(v);
    return out as T;
  }
  return value;
}
