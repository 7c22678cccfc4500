import { Composer, LineCounter, visit, YAMLParseError, type CST, type Document } from 'yaml';
import { error, type Diagnostic } from '../diagnostics.js';
import { findInvisible, invisibleMessage } from './invisible-characters.js';
import { readSyntaxTree, TOO_DEEP } from './nesting-guard.js';
import type { Position } from './source-file.js';
import { colonInValue, misindentedLines, misindentedMessage, tabIndentation, unclosedFlow, type Misindented } from './syntax-hints.js';
import { translateYamlError } from './yaml-messages.js';

/** Syntax errors reported per file; the rest are almost always follow-on errors of the first. */
export const MAX_SYNTAX_ERRORS = 10;

/**
 * A YAML text as a document of the yaml library. `problems` leave the data readable (an unknown tag, an
 * invisible character, a `%YAML 1.1` line): they are errors, but validation still sees the data, so the
 * clerk gets every problem in one run. A failure is a text that cannot be read as data at all.
 */
export type ParsedYaml =
  | { ok: true; doc: Document; at: (offset: number) => Position; text: string; problems: Diagnostic[] }
  | { ok: false; diagnostics: Diagnostic[] };

/** Parses the text of one data file (see yaml-text.ts) as YAML 1.2; syntax errors become German diagnostics. */
export function parseYamlText(file: string, text: string): ParsedYaml {
  const oldVersion = yaml11Directive(text);
  if (oldVersion) text = `${text.slice(0, oldVersion.start)}${' '.repeat(oldVersion.end - oldVersion.start)}${text.slice(oldVersion.end)}`;

  const lineCounter = new LineCounter();
  const at = (offset: number): Position => lineCounter.linePos(offset);
  const tree = readSyntaxTree(text, lineCounter.addNewLine);
  if ('tooDeepAt' in tree) {
    const pos = at(tree.tooDeepAt);
    return { ok: false, diagnostics: [error(file, pos.line, pos.col, '', TOO_DEEP)] };
  }
  const doc = compose(tree.tokens, text.length);

  const problems: Diagnostic[] = [];
  if (oldVersion) {
    const pos = at(oldVersion.start);
    problems.push(
      error(file, pos.line, pos.col, '', 'Die Zeile „%YAML 1.1“ verlangt die alte YAML-Fassung, in der z. B. Datumsangaben zu Zeitpunkten und yes/no zu Wahrheitswerten werden; kim liest YAML 1.2. Bitte die Zeile löschen.'),
    );
  }
  for (const found of findInvisible(text).slice(0, MAX_SYNTAX_ERRORS)) {
    const pos = at(found.index);
    problems.push(error(file, pos.line, pos.col, '', invisibleMessage(found.codePoint)));
  }
  // The parser only warns about unknown tags (`!!js/function`, `!include`) and reads them as text: kim
  // refuses them, since a file that relies on one means something kim does not do.
  for (const w of doc.warnings) {
    if (w.code === 'BAD_INDENT') continue; // `]` or `}` on its own line at the parent's indentation: a common style
    const pos = at(w.pos[0]);
    problems.push(error(file, pos.line, pos.col, '', translateYamlError(w.code, w.message)));
  }

  const syntax = syntaxDiagnostics(file, text, doc, at);
  if (syntax.length > 0) return { ok: false, diagnostics: [...syntax, ...problems] };
  return { ok: true, doc, at, text, problems };
}

/** The syntax tree as one document, as the library's parseDocument() composes it (a second document is an error). */
function compose(tokens: CST.Token[], length: number): Document {
  const composer = new Composer({ uniqueKeys: true, version: '1.2' });
  let doc: Document | undefined;
  for (const next of composer.compose(tokens, true, length)) {
    if (!doc) doc = next;
    else {
      doc.errors.push(new YAMLParseError(next.range.slice(0, 2) as [number, number], 'MULTIPLE_DOCS', 'Source contains multiple documents; please use YAML.parseAllDocuments()'));
      break;
    }
  }
  return doc!; // compose(…, forceDoc = true) yields a document even for an empty stream
}

/** Errors the parser reports for the shape of the text, worded for the clerk. */
const STRUCTURAL = new Set(['BAD_INDENT', 'MISSING_CHAR', 'BLOCK_AS_IMPLICIT_KEY', 'MULTILINE_IMPLICIT_KEY', 'UNEXPECTED_TOKEN']);

/**
 * The parser's errors as German diagnostics. One slip (an unclosed bracket, a line indented by one space
 * too many) can make the parser report an error on every following line: the first few, one per line,
 * are what helps, and once a misindented line explains an error, later errors about the structure are
 * follow-ons of it.
 */
function syntaxDiagnostics(file: string, source: string, doc: Document, at: (offset: number) => Position): Diagnostic[] {
  const lines = new Set<number>();
  const out: Diagnostic[] = [];
  const textLines = source.split('\n');
  let misindented: Misindented[] | undefined;
  let explained = false;
  for (const e of doc.errors) {
    const isQuote = e.code === 'MISSING_CHAR' && /quote/.test(e.message);
    const unclosed = e.code === 'BAD_INDENT' && /^Flow (sequence|map)/.test(e.message) ? unclosedFlow(source, e.pos[0]) : undefined;
    const structural = STRUCTURAL.has(e.code) && !isQuote && unclosed === undefined;
    if ((structural || e.code === 'TAB_AS_INDENT') && explained) continue;
    let pos = at(isQuote ? openingQuote(doc, e.pos[0]) : e.pos[0]);
    let message = translateYamlError(e.code, e.message);
    // A tab in the indentation of this line or the one before: the parser's complaint (often only "the
    // indentation is wrong", one line later) is about it, so say so where the tab is.
    const tab = structural || e.code === 'TAB_AS_INDENT' ? [pos.line, pos.line - 1].map((n) => tabIndentation(textLines[n - 1] ?? '', n)).find((t) => t !== undefined) : undefined;
    if (tab) {
      pos = tab;
      message = 'Diese Zeile ist mit einem Tabulatorzeichen eingerückt; YAML erlaubt zum Einrücken nur Leerzeichen. Bitte das Tabulatorzeichen durch Leerzeichen ersetzen.';
      explained = true; // the lines after it are read wrongly because of it
    } else if (unclosed) {
      // Reported where the parser noticed (the next line, as an indentation problem): the bracket that was opened instead.
      pos = at(unclosed.offset);
      message = unclosed.bracket === '{'
        ? 'Diese Zuordnung in { } wird nicht geschlossen: es fehlt das schließende "}".'
        : 'Diese Liste in [ ] wird nicht geschlossen: es fehlt das schließende "]".';
      explained = true;
    }
    if (e.code === 'DUPLICATE_KEY') {
      // The library does not say which key; it stands at the position, up to the colon.
      const key = /^\s*("[^"]*"|'[^']*'|[^:#,{}[\]]*?)\s*:/.exec(source.slice(e.pos[0], e.pos[0] + 200))?.[1];
      if (key) message = `Der Schlüssel "${key.replace(/^["']|["']$/g, '')}" kommt in derselben Zuordnung doppelt vor; jeder Schlüssel darf nur einmal stehen.`;
    }
    if (structural && !tab) {
      const colon = colonInValue(textLines[pos.line - 1] ?? '');
      const near = colon ? undefined : (misindented ??= misindentedLines(source)).find((m) => m.line >= pos.line - 3 && m.line <= pos.line + 1);
      if (colon) {
        pos = { line: pos.line, col: colon.col };
        message = `Der Wert enthält einen Doppelpunkt mit Leerzeichen („: “) und wird deshalb als weitere Zuordnung gelesen; ein solcher Wert muss in Anführungszeichen stehen: ${colon.fixed.trim()}`;
      } else if (near) {
        pos = { line: near.line, col: near.found + 1 };
        message = misindentedMessage(near);
        explained = true;
      }
    }
    if (lines.has(pos.line) || out.length >= MAX_SYNTAX_ERRORS) continue;
    lines.add(pos.line);
    out.push(error(file, pos.line, pos.col, '', message));
  }
  return out;
}

/**
 * A `%YAML 1.1` directive at the top: the parser would then turn dates into timestamps and yes/no into
 * booleans. Its range, so the line can be blanked and the file read as YAML 1.2 (reported as an error).
 */
function yaml11Directive(source: string): { start: number; end: number } | undefined {
  let offset = 0;
  // Directives stand before the first `---`, possibly after comments and other directives.
  for (const line of source.split('\n')) {
    if (/^%YAML[ \t]+1\.1\b/.test(line)) return { start: offset, end: offset + line.replace(/\r$/, '').length };
    if (!/^(\s*(#.*)?|%.*)$/.test(line.replace(/\r$/, ''))) return undefined;
    offset += line.length + 1;
  }
  return undefined;
}

/**
 * An unclosed quote is reported where the text runs out (often the end of the file); the clerk needs the
 * opening quote instead: the last quoted scalar that starts before the error.
 */
function openingQuote(doc: Document, errorOffset: number): number {
  let found = errorOffset;
  let best = -1;
  visit(doc, {
    Scalar(_, node) {
      const start = node.range?.[0];
      if ((node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') && start !== undefined && start < errorOffset && start > best) {
        best = start;
        found = start;
      }
    },
  });
  return found;
}
