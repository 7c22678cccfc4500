import { Lexer, Parser, type CST } from 'yaml';

/** Deeper nesting than this is certainly a mistake or an attack; the data model needs at most 6 levels. */
export const MAX_DEPTH = 64;

export const TOO_DEEP = `Die Daten sind zu tief verschachtelt (mehr als ${MAX_DEPTH} Ebenen).`;

/**
 * kim's one guard against deep nesting: reads `source` into the yaml library's syntax tree (CST) with the
 * library's own lexer and parser, one token at a time, and stops at the first list or mapping that would
 * be opened deeper than MAX_DEPTH, returning its offset. It has to run before the tree is composed into
 * a document: the composer recurses once per level (a file of nothing but `[` overflows the stack), and
 * the lexer and parser themselves slow down sharply with depth. Stopping at the first level too deep keeps
 * such a file as cheap to refuse as a small one. Counting what the library's parser holds open, not what
 * a second scanner guesses, means brackets in quoted text, comments and block scalars never count.
 * Aliases can repeat deep data inside other data; yaml-values.ts bounds what they add.
 */
export function readSyntaxTree(source: string, onNewLine: (offset: number) => void): { tokens: CST.Token[] } | { tooDeepAt: number } {
  const parser = new Parser(onNewLine);
  const tokens: CST.Token[] = [];
  onNewLine(0); // Parser.parse() announces the first line itself; next() does not
  for (const lexeme of new Lexer().lex(source)) {
    for (const token of parser.next(lexeme)) tokens.push(token);
    // Each entry of the parser's stack is at most two levels (see levelsOf); most files never get here.
    if (parser.stack.length * 2 > MAX_DEPTH) {
      const tooDeep = firstTooDeep(parser.stack);
      if (tooDeep !== undefined) return { tooDeepAt: tooDeep };
    }
  }
  for (const token of parser.end()) tokens.push(token);
  return { tokens };
}

/** Offset of the open list or mapping that is the first to lie deeper than MAX_DEPTH, if any. */
function firstTooDeep(stack: readonly CST.Token[]): number | undefined {
  let levels = 0;
  for (const token of stack) {
    levels += levelsOf(token);
    if (levels > MAX_DEPTH) return token.offset;
  }
  return undefined;
}

/**
 * The levels of data an open token of the parser's stack makes: one for a list or mapping, and one more
 * for a list in `[ ]` whose current entry is a pair (`[a: 1]` is a list holding the mapping {a: 1},
 * which has no token of its own).
 */
function levelsOf(token: CST.Token): number {
  if (token.type === 'block-map' || token.type === 'block-seq') return 1;
  if (token.type !== 'flow-collection') return 0;
  const entry = token.items.at(-1);
  const isPair = token.start.source === '[' && entry !== undefined && [...entry.start, ...(entry.sep ?? [])].some((t) => t.type === 'map-value-ind' || t.type === 'explicit-key-ind');
  return isPair ? 2 : 1;
}
