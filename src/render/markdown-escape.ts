/**
 * Makes a plain data value print literally in Markdown: `*Sprach*förderung` stays with its asterisks,
 * `A | B` does not split a table cell, `<b>` is not HTML, and nothing in a value can start a block
 * (heading, rule, list, code block) or end the line it stands on. Backslash escapes are valid for any
 * ASCII punctuation in CommonMark, so over-escaping is harmless; under-escaping would change the document.
 */
export function escapeMarkdown(text: string): string {
  return escapeBlockStart(escapeInline(flattenToOneLine(text)));
}

/** The characters that mean something anywhere in a line (emphasis, code, links, HTML, tables, entities), escaped. */
export function escapeInline(text: string): string {
  // An entity like &amp; or &#42; would be decoded by a Markdown reader.
  return text.replace(/[\\`*_[\]<>|~]/g, (c) => `\\${c}`).replace(/&(?=#?[a-zA-Z0-9]+;)/g, '\\&');
}

/**
 * What would begin a block at the start of a line: a heading, list or quote marker, a rule. A marker needs
 * a following space (or the end) to count, so "15.10.21" or "-KI-" stay untouched.
 */
export function escapeBlockStart(line: string): string {
  const out = line.replace(/^(#{1,6}|[+-]|\d{1,9}[.)])(?=\s|$)/, (marker: string) => `${marker.slice(0, -1)}\\${marker.slice(-1)}`);
  // `---`, `- - -` or `===` alone is a rule or turns the line above into a heading (setext).
  return out.replace(/^([-=])(?=[-=\s]*$)/, '\\$1');
}

/**
 * A value is one line of text: every line break CommonMark knows (LF, CRLF and a lone CR) and the
 * Unicode ones become a space, control characters (NUL …) are dropped, and leading and trailing
 * blanks go, because four leading spaces make a code block and two trailing ones a hard line break.
 */
export function flattenToOneLine(text: string): string {
  return (
    text
      .replace(/\r\n|[\r\n\u2028\u2029\u0085\v\f]/g, ' ')
      .replace(/\t/g, ' ')
      .replace(/[\u0000-\u001f\u007f-\u009f]/g, '')
      .trim()
  );
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
