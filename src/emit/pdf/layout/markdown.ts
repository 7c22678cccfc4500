/**
 * marked's lexer, as the PDF stage uses it (GFM), with one change that never changes a token: block
 * and inline rules that cannot match at all are skipped before marked runs their regular expression.
 *
 * V8 compiles a regular expression when it first runs, and marked's rules for HTML blocks, link
 * definitions, setext headings, quotes and the like are large: a Vorlage uses none of them, yet each is
 * compiled on a cold start because marked tries it at every block. Each guard below is a condition
 * without which the rule cannot match (the rule's own pattern starts that way); where it holds, marked's
 * own rule decides. A test compares the tokens with marked's own lexer over the repository's Markdown and
 * random Markdown-like text.
 */
import type { Token, TokenizerObject } from 'marked';

type Marked = typeof import('marked');

/** Rule name → what the text at this point must look like for the rule to be able to match. */
const GUARDS: Partial<Record<keyof TokenizerObject, RegExp>> = {
  code: /^(?: {4}| {0,3}\t)/,
  fences: /^ {0,3}(?:`{3}|~{3})/,
  blockquote: /^ {0,3}>/,
  hr: /^ {0,3}[-_*]/,
  heading: /^ {0,3}#/,
  html: /^ {0,3}</,
  def: /^ {0,3}\[/,
  // A setext heading ends in a line of "=" or "-".
  lheading: /\n {0,3}(?:=+|-+)[ \t]*(?:\n|$)/,
  // GFM autolinks: mailto:, xmpp:, http(s)://, ftp://, www. or an e-mail address.
  url: /^(?:mailto:|xmpp:|https?:\/\/|ftp:\/\/|www\.|[A-Za-z0-9._+-]+@)/i,
};

/**
 * The commonest emphasis of a Vorlage, `**Vorlage**` or `**Anlage:**`, recognised without marked's
 * closing-delimiter expression (its Unicode punctuation classes cost about 7 ms to compile on a cold
 * start). Only the unambiguous case: two stars at the start of the text or after a space, plain text
 * without any emphasis, code, link or HTML character inside, that neither starts nor ends with a space,
 * two stars and then the end, a space or a closing punctuation mark. Anything else goes to marked.
 */
const SIMPLE_STRONG = /^\*\*([^\s*_\\`\[\]<>!~&](?:[^*_\\`\[\]<>!~&\n]*[^\s*_\\`\[\]<>!~&])?)\*\*(?=$|[\s.,;:!?)\]"'„“”‚‘’])/;

function simpleStrong(this: { lexer: { inlineTokens(text: string): Token[] } }, src: string, masked: string): Token | false {
  // The character before, as marked itself looks at it: in the whole (masked) text, not the last token.
  const before = masked[masked.length - src.length - 1];
  if (before !== undefined && !/\s/.test(before)) return false;
  const match = SIMPLE_STRONG.exec(src);
  if (!match) return false;
  // The closing stars are followed by the end, a space or punctuation (the lookahead), so they close
  // also after a punctuation mark; the run is exactly two stars on both sides.
  const text = match[1]!;
  return { type: 'strong', raw: match[0], text, tokens: this.lexer.inlineTokens(text) };
}

export function createLexer(marked: Marked): (markdown: string) => Token[] {
  const tokenizer = new marked.Tokenizer();
  const prototype = marked.Tokenizer.prototype as unknown as Record<string, (...args: unknown[]) => unknown>;
  (tokenizer as unknown as Record<string, unknown>)['emStrong'] = function emStrong(this: unknown, src: string, masked: string, previous?: string) {
    return simpleStrong.call(this as never, src, masked) || prototype['emStrong']!.call(this, src, masked, previous);
  };
  for (const [name, guard] of Object.entries(GUARDS)) {
    const rule = prototype[name]!;
    // undefined: "no match here", marked goes on with the next rule (as when the rule itself fails).
    (tokenizer as unknown as Record<string, unknown>)[name] = function guarded(this: unknown, src: string, ...rest: unknown[]) {
      return guard!.test(src) ? rule.call(this, src, ...rest) : undefined;
    };
  }
  const options = { gfm: true, tokenizer };
  return (markdown) => new marked.Lexer(options).lex(markdown);
}
