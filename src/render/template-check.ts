/**
 * A template's text → its parsed form, or every located reason kim refuses it: its syntax (blocks nested
 * too deep before Handlebars' recursive parser overflows on them, then kim's scan for a block left open
 * or closed twice, then Handlebars' message through the table, at the token where its parser stopped),
 * then the sandbox. Used by the engine before it compiles, and by the template registry so that
 * `kim validate` reports every broken override file in one run.
 */
import Handlebars from 'handlebars';
import { error } from '../diagnostics.js';
import { DataError } from '../errors.js';
import { fillIn, translate, withoutLocation } from './handlebars-messages.js';
import { sandboxViolations } from './template-sandbox.js';
import { depthProblem, structuralProblem, type SyntaxProblem } from './template-syntax.js';

const FAULTY = 'Das Vorlagenmuster ist fehlerhaft.';

/** The parsed template; throws DataError with every problem, located in `path`. */
export function checkedTemplate(path: string, source: string): hbs.AST.Program {
  const ast = parsed(path, source);
  const outside = sandboxViolations(path, ast);
  if (outside.length > 0) throw new DataError(outside, FAULTY);
  return ast;
}

function parsed(path: string, source: string): hbs.AST.Program {
  const deep = depthProblem(source);
  if (deep) throw syntaxError(path, deep);
  try {
    return Handlebars.parse(source);
  } catch (cause) {
    const structural = structuralProblem(source);
    if (structural) throw syntaxError(path, structural);
    const message = cause instanceof Error ? cause.message : String(cause);
    const found = translate(withoutLocation(message));
    const text = found ? fillIn(found.entry.kim, found.values) : 'Syntaxfehler im Vorlagenmuster.';
    throw syntaxError(path, { ...parserPosition(cause), message: text });
  }
}

const syntaxError = (path: string, problem: SyntaxProblem): DataError => new DataError([error(path, problem.line, problem.col, '', problem.message)], FAULTY);

/**
 * Where Handlebars stopped: its exceptions carry a position (a mismatched block, an invalid path); its
 * parser's errors only name the line, but its lexer (Handlebars.Parser, not in the type declarations)
 * still holds the token it stopped at.
 */
function parserPosition(cause: unknown): { line: number; col: number } {
  const e = cause as { lineNumber?: number; column?: number };
  if (typeof e.lineNumber === 'number') return { line: e.lineNumber, col: (e.column ?? 0) + 1 };
  const at = (Handlebars as unknown as { Parser?: { lexer?: { yylloc?: { first_line?: number; first_column?: number } } } }).Parser?.lexer?.yylloc;
  return { line: at?.first_line ?? 1, col: (at?.first_column ?? 0) + 1 };
}

