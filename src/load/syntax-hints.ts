/**
 * The two YAML slips a clerk makes most, recognised from the text itself, so that the message says what
 * to change instead of what the parser tripped over: a value with a second colon (`title: A: B`), and a
 * line indented by one space too many or too few.
 */

export interface ColonInValue {
  /** 1-based column of the value. */
  col: number;
  /** The line as it should be written. */
  fixed: string;
}

/**
 * `title: Kommunales Integrationsmanagement: Aktueller Sachstand` is read as a mapping inside a mapping,
 * because ": " starts a value; in quotes it is one text. Returns the line with the value quoted.
 */
export function colonInValue(line: string): ColonInValue | undefined {
  const m = /^(\s*(?:-\s+)*)([^\s"'{[\]}#&*!|>%@`,?:-][^:#]*?|"[^"]*"|'[^']*'):[ \t]+(.*?)\s*$/.exec(line);
  if (!m) return undefined;
  const [, prefix, key, rest] = m as unknown as [string, string, string, string];
  // A comment after the value is not part of it.
  const comment = /\s#/.exec(rest);
  const value = comment ? rest.slice(0, comment.index) : rest;
  if (!/:(\s|$)/.test(value) || /^["'{[|>&*!#]/.test(value)) return undefined;
  const quoted = /["\\]/.test(value) ? `'${value.replace(/'/g, "''")}'` : `"${value}"`;
  const col = line.length - rest.length + 1;
  return { col, fixed: `${prefix}${key}: ${quoted}${comment ? rest.slice(comment.index) : ''}` };
}

export interface Misindented {
  /** 1-based line of the line whose indentation fits nothing above it. */
  line: number;
  /** Spaces it is indented by. */
  found: number;
  /** Indentations that would fit, from the lines above. */
  expected: number[];
}

/**
 * Lines whose indentation does not fit the block structure above them: deeper than the line before
 * although that line does not open a block (`b: 1` then `   c: 2`), or shallower but on no level that is
 * still open (items at 2 and 4 spaces, then a line at 3). Block scalars (`|`, `>`), flow collections
 * spanning lines and comments are skipped; a deeper line without `: ` after a `key: value` line is the
 * continuation of a plain text and fine. A heuristic: used only to explain an error the parser found.
 */
export function misindentedLines(text: string): Misindented[] {
  const found: Misindented[] = [];
  const levels: number[] = [];
  let opens = true;
  let blockParent: number | undefined;
  let flow = 0;
  const lines = text.split('\n');
  lines.forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    const indent = /^ */.exec(line)![0].length;
    const rest = line.slice(indent);
    if (flow > 0) {
      flow = Math.max(0, flow + bracketBalance(rest));
      return;
    }
    if (rest === '' || rest.startsWith('#')) return;
    if (blockParent !== undefined) {
      if (indent > blockParent) return;
      blockParent = undefined;
    }
    if (indent === 0 && /^(---|\.\.\.|%)/.test(rest)) return;
    const top = levels.at(-1);
    if (top === undefined) levels.push(indent);
    else if (indent > top) {
      if (opens) levels.push(indent);
      else if (/:(\s|$)/.test(rest) || /^-(\s|$)/.test(rest)) {
        found.push({ line: i + 1, found: indent, expected: [top] });
        levels.push(indent);
      } else return; // continuation of a plain multi-line text
    } else {
      const popped: number[] = [];
      while (levels.length > 0 && levels.at(-1)! > indent) popped.push(levels.pop()!);
      if (levels.at(-1) !== indent) {
        const expected = [...(levels.length > 0 ? [levels.at(-1)!] : []), ...popped.slice(-1)];
        found.push({ line: i + 1, found: indent, expected: [...new Set(expected)].sort((a, b) => a - b) });
        levels.push(indent);
      }
    }
    // Sequence entries: what follows "- " opens a level of its own (the keys of the entry's mapping).
    let col = indent;
    let body = rest;
    opens = false;
    while (/^-(\s|$)/.test(body)) {
      const after = body.slice(1);
      const spaces = /^ */.exec(after)![0].length;
      if (after.trim() === '' || after.trimStart().startsWith('#')) {
        opens = true;
        break;
      }
      col += 1 + spaces;
      levels.push(col);
      body = after.slice(spaces);
    }
    const code = withoutComment(body);
    if (/:$/.test(code)) opens = true;
    if (/(^|:\s+)[|>][-+0-9]*$/.test(code)) blockParent = col;
    flow = Math.max(0, bracketBalance(code));
  });
  return found;
}

/** Open minus closed flow brackets outside quotes. */
function bracketBalance(text: string): number {
  let balance = 0;
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === quote) quote = undefined;
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (i === 0 || text[i - 1] === ' ')) break;
    else if (c === '[' || c === '{') balance++;
    else if (c === ']' || c === '}') balance--;
  }
  return balance;
}

function withoutComment(text: string): string {
  const m = /(^|\s)#/.exec(text);
  return (m ? text.slice(0, m.index) : text).trimEnd();
}

/** German wording for a misindented line. */
export function misindentedMessage(m: Misindented): string {
  const spaces = (n: number) => (n === 1 ? '1 Leerzeichen' : `${n} Leerzeichen`);
  const expected = m.expected.length === 0 ? 'gar nicht' : m.expected.map(String).join(' oder ');
  return (
    `Die Einrückung passt nicht zu den Einträgen darüber: diese Zeile ist mit ${spaces(m.found)} eingerückt, ` +
    `erwartet wird ${expected === 'gar nicht' ? 'keine Einrückung' : `eine Einrückung mit ${expected} Leerzeichen`}. ` +
    'Einträge derselben Ebene müssen genau gleich weit eingerückt sein.'
  );
}

/**
 * The position of a tab in a line's indentation (before its content, also after a list's "- "), or
 * undefined. YAML indents with spaces only; a tab there makes the parser misread the lines around it.
 */
export function tabIndentation(line: string, lineNumber: number): { line: number; col: number } | undefined {
  const indentation = /^[ \t]*(?:-[ \t]+)*/.exec(line)![0];
  const index = indentation.indexOf('\t');
  return index < 0 ? undefined : { line: lineNumber, col: index + 1 };
}

/**
 * The innermost flow bracket (`{` or `[`) opened before `offset` and not closed by then, outside quotes
 * and comments: where a missing "}" or "]" belongs to.
 */
export function unclosedFlow(text: string, offset: number): { offset: number; bracket: '{' | '[' } | undefined {
  const open: { offset: number; bracket: '{' | '[' }[] = [];
  let quote: string | undefined;
  for (let i = 0; i < offset && i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === quote) quote = undefined;
      else if (c === '\n' && open.length === 0) quote = undefined;
      continue;
    }
    if (c === '#' && (i === 0 || /\s/.test(text[i - 1]!))) {
      while (i < offset && text[i] !== '\n') i++;
      continue;
    }
    if ((c === '"' || c === "'") && (open.length > 0 || /[\s:,[{-]/.test(text[i - 1] ?? ' '))) quote = c;
    else if (c === '{' || c === '[') open.push({ offset: i, bracket: c });
    else if (c === '}' || c === ']') open.pop();
  }
  return open.at(-1);
}
