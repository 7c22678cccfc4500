/**
 * kim's own scan of a template's {{…}} tags, for the mistakes Handlebars' parser words in its tokens
 * ("Expecting 'OPEN_INVERSE_CHAIN', 'INVERSE', 'OPEN_ENDBLOCK', got 'EOF'") or not at all (a stack
 * overflow on a very deep nesting, reported at 1:1): a block left open, a closing tag without its block,
 * an {{else}} outside a block, a {{ without }}, blocks nested too deep. Each is said in words a clerk
 * understands, at the tag to change. The scan is used when Handlebars cannot parse a template (and for
 * the depth before it tries); a template it passes is left to Handlebars.
 */

/** No Vorlage needs blocks nested deeper; Handlebars' recursive parser and compiler overflow far below 10 000. */
export const MAX_BLOCK_DEPTH = 50;

export interface SyntaxProblem {
  line: number;
  col: number;
  message: string;
}

interface Tag {
  kind: 'open' | 'close' | 'else' | 'other';
  /** `#` or `^` for an open tag, as written (`{{#if}}`, `{{^items}}`, `{{#> name}}`). */
  sigil: string;
  name: string;
  line: number;
  col: number;
  /** How deep its parentheses (sub-expressions) nest: `{{#if (eq (a) b)}}` is 2. */
  parens: number;
}

const PREFIX = 'Syntaxfehler im Vorlagenmuster: ';

/** The first structural problem of a template, or nothing when its blocks are in order. */
export function structuralProblem(source: string): SyntaxProblem | undefined {
  const { tags, unclosed } = scanTags(source);
  const stack: Tag[] = [];
  for (const tag of tags) {
    if (tag.kind === 'open') {
      stack.push(tag);
      if (stack.length > MAX_BLOCK_DEPTH) return tooDeep(tag);
    } else if (tag.kind === 'close') {
      const top = stack.pop();
      if (!top) return at(tag, `{{/${tag.name}}} schließt keinen offenen Block.`);
      if (top.name !== tag.name) {
        const open = `{{${top.sigil}${top.name}}}`;
        if (stack.some((t) => t.name === tag.name)) return at(tag, `Der Block ${open} aus Zeile ${top.line} wird nicht geschlossen: vor {{/${tag.name}}} fehlt {{/${top.name}}}.`);
        return at(tag, `Der Block ${open} aus Zeile ${top.line} wird mit {{/${tag.name}}} geschlossen; erwartet wurde {{/${top.name}}}.`);
      }
    } else if (tag.kind === 'else' && stack.length === 0) {
      return at(tag, '{{else}} steht außerhalb eines Blocks; es gehört zwischen {{#if …}} und {{/if}} (oder {{#each}}, {{#unless}}, {{#with}}).');
    }
  }
  if (unclosed) return { ...unclosed, message: `${PREFIX}Das {{ wird nicht mit }} geschlossen.` };
  const open = stack.at(-1);
  if (open) return at(open, `Der Block {{${open.sigil}${open.name}}} aus Zeile ${open.line} wird nicht geschlossen: es fehlt {{/${open.name}}}.`);
  return undefined;
}

/**
 * Blocks or parentheses nested deeper than MAX_BLOCK_DEPTH, at the first tag too deep; checked before
 * Handlebars parses (its parser, compiler and kim's checks all recurse on the nesting).
 */
export function depthProblem(source: string): SyntaxProblem | undefined {
  let depth = 0;
  for (const tag of scanTags(source).tags) {
    if (tag.parens > MAX_BLOCK_DEPTH) return at(tag, `Die Klammern (…) in diesem {{…}} sind zu tief verschachtelt: mehr als ${MAX_BLOCK_DEPTH} Ebenen; kein Vorlagenmuster braucht so viele.`);
    if (tag.kind === 'open' && ++depth > MAX_BLOCK_DEPTH) return tooDeep(tag);
    if (tag.kind === 'close') depth = Math.max(0, depth - 1);
  }
  return undefined;
}

const tooDeep = (tag: Tag): SyntaxProblem =>
  at(tag, `Die Blöcke sind zu tief verschachtelt: mehr als ${MAX_BLOCK_DEPTH} Ebenen. Hier beginnt die ${MAX_BLOCK_DEPTH + 1}. Ebene ({{${tag.sigil}${tag.name}}}); kein Vorlagenmuster braucht so viele.`);

const at = (tag: Tag, message: string): SyntaxProblem => ({ line: tag.line, col: tag.col, message: PREFIX + message });

/**
 * The template's tags in order, comments skipped, and the first `{{` that has no `}}` before the next
 * `{{` or the end. `\{{` is Handlebars' escape for a literal `{{` and no tag.
 */
function scanTags(source: string): { tags: Tag[]; unclosed?: { line: number; col: number } } {
  const tags: Tag[] = [];
  const lineStarts = [0];
  for (let i = source.indexOf('\n'); i >= 0; i = source.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const position = (offset: number): { line: number; col: number } => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, col: offset - lineStarts[lo]! + 1 };
  };
  let i = source.indexOf('{{');
  while (i >= 0) {
    if (i > 0 && source[i - 1] === '\\') {
      i = source.indexOf('{{', i + 2);
      continue;
    }
    if (source.startsWith('{{!--', i) || source.startsWith('{{~!--', i)) {
      const end = source.indexOf('--', source.indexOf('!--', i) + 3);
      const close = end < 0 ? -1 : source.indexOf('}}', end);
      if (close < 0) return { tags, unclosed: position(i) };
      i = source.indexOf('{{', close + 2);
      continue;
    }
    const close = source.indexOf('}}', i + 2);
    const next = source.indexOf('{{', i + 2);
    if (close < 0 || (next >= 0 && next < close && !source.startsWith('{{{', i))) return { tags, unclosed: position(i) };
    tags.push(classify(source.slice(i + 2, close), position(i)));
    i = source.indexOf('{{', close + 2);
  }
  return { tags };
}

function classify(inner: string, position: { line: number; col: number }): Tag {
  let parens = 0;
  let depth = 0;
  for (const c of inner.replace(/"[^"]*"|'[^']*'/g, '')) {
    if (c === '(') parens = Math.max(parens, ++depth);
    else if (c === ')') depth--;
  }
  const where = { ...position, parens };
  const text = inner.replace(/^[{~]*\s*/, '').replace(/\s*[~}]*$/, '');
  const name = (rest: string): string => /^\s*(?:>\s*)?([^\s}()~]+)/.exec(rest)?.[1] ?? '';
  if (text.startsWith('!')) return { kind: 'other', sigil: '', name: '', ...where };
  if (text.startsWith('#')) {
    const sigil = text.startsWith('#>') ? '#> ' : text.startsWith('#*') ? '#*' : '#';
    return { kind: 'open', sigil, name: name(text.slice(text.startsWith('#*') ? 2 : 1)), ...where };
  }
  if (text.startsWith('^')) {
    const n = name(text.slice(1));
    return n ? { kind: 'open', sigil: '^', name: n, ...where } : { kind: 'else', sigil: '', name: '', ...where };
  }
  if (text.startsWith('/')) return { kind: 'close', sigil: '', name: name(text.slice(1)), ...where };
  if (/^else(\s|$)/.test(text)) return { kind: 'else', sigil: '', name: '', ...where };
  return { kind: 'other', sigil: '', name: '', ...where };
}
