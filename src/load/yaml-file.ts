import { isAlias, isMap, type Alias, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';
import { error, type Diagnostic } from '../diagnostics.js';
import { translateYamlError } from './yaml-messages.js';
import { escapePointer, type Position, type SourceFile } from './source-file.js';
import { findInvisible, hasInvisible, invisibleMessage } from './invisible-characters.js';
import { colonInValue, misindentedLines, misindentedMessage, type Misindented } from './syntax-hints.js';

export { escapePointer, type Position, type SourceFile };

/** Files above this size are refused before parsing: no clerk writes 5 MB of YAML, and parsing it would stall. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
/** Deeper nesting than this is certainly a mistake or an attack; the data model needs at most 6 levels. */
const MAX_DEPTH = 64;
/** Upper bound on nodes produced by expanding aliases: stops "billion laughs" alias bombs cheaply. */
const MAX_EXPANDED_NODES = 100_000;
/** Nesting the pre-scan lets through to the parser: above MAX_DEPTH (reported precisely later), far below its stack limit. */
const MAX_SCAN_DEPTH = 200;
/** Syntax errors reported per file; the rest are almost always follow-on errors of the first. */
const MAX_SYNTAX_ERRORS = 10;

/**
 * `source` on a failure: the data could still be read (an unknown tag, an invisible character, a
 * `%YAML 1.1` line), so validation checks it too and the clerk sees every problem in one run; the
 * errors keep it from ever being rendered.
 */
export type ParseResult = { ok: true; source: SourceFile } | { ok: false; diagnostics: Diagnostic[]; source?: SourceFile };

/** Parses one data file's bytes: encoding, YAML syntax and safety limits; never throws for bad input. */
export function parseYamlFile(file: string, bytes: Uint8Array): ParseResult {
  if (bytes.byteLength > MAX_FILE_BYTES) {
    const mb = (bytes.byteLength / 1024 / 1024).toFixed(1).replace('.', ',');
    return fail(error(file, 0, 0, '', `Die Datei ist ${mb} MB groß; erlaubt sind höchstens 5 MB.`));
  }
  const text = decodeUtf8(file, bytes);
  if (typeof text !== 'string') return fail(text);
  // A byte-order mark is harmless. YAML 1.2 counts a lone CR as a line break (files from old Macs); the
  // parser does not and would read such a file as one long comment line: make it LF (same length, so
  // every offset stays where it was).
  let source = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).replace(/\r(?!\n)/g, '\n');
  if (source.trim() === '' || isOnlyComments(source)) {
    return fail(error(file, 1, 1, '', 'Die Datei ist leer; erwartet wird ein YAML-Dokument mit Daten.'));
  }

  // The yaml parser recurses once per nesting level and slows down sharply on deep input ("[[[[…" in a
  // 4 MB file takes seconds and can exhaust the stack): refuse absurd nesting before parsing.
  const deep = excessiveNesting(source);
  if (deep) return fail(error(file, deep.line, deep.col, '', `Die Daten sind zu tief verschachtelt (mehr als ${MAX_DEPTH} Ebenen).`));

  const oldVersion = yaml11Directive(source);
  if (oldVersion) source = `${source.slice(0, oldVersion.start)}${' '.repeat(oldVersion.end - oldVersion.start)}${source.slice(oldVersion.end)}`;

  const lineCounter = new LineCounter();
  let doc: Document;
  try {
    doc = parseDocument(source, { lineCounter, uniqueKeys: true, prettyErrors: false, version: '1.2' });
  } catch (cause) {
    // The parser recurses; absurdly deep flow collections can exhaust the stack.
    if (cause instanceof RangeError) return fail(error(file, 1, 1, '', 'Die Datei ist zu tief verschachtelt.'));
    throw cause;
  }
  const at = (offset: number): Position => lineCounter.linePos(offset);
  if (doc.errors.some((e) => e.code === 'RESOURCE_EXHAUSTION')) {
    const pos = at(doc.errors.find((e) => e.code === 'RESOURCE_EXHAUSTION')!.pos[0]);
    return fail(error(file, pos.line, pos.col, '', `Die Daten sind zu tief verschachtelt (mehr als ${MAX_DEPTH} Ebenen).`));
  }
  // Problems that leave the data readable: reported, but validation still sees the data.
  const problems: Diagnostic[] = [];
  if (oldVersion) {
    const pos = at(oldVersion.start);
    problems.push(
      error(file, pos.line, pos.col, '', 'Die Zeile „%YAML 1.1“ verlangt die alte YAML-Fassung, in der z. B. Datumsangaben zu Zeitpunkten und yes/no zu Wahrheitswerten werden; kim liest YAML 1.2. Bitte die Zeile löschen.'),
    );
  }
  for (const found of findInvisible(source).slice(0, MAX_SYNTAX_ERRORS)) {
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

  const syntax = syntaxDiagnostics(file, source, doc, at);
  if (syntax.length > 0) return { ok: false, diagnostics: [...syntax, ...problems] };

  const built = buildValue(file, doc, at, source, problems);
  if ('diagnostic' in built) return { ok: false, diagnostics: [built.diagnostic, ...problems] };
  if (built.value === null || built.value === undefined) {
    return { ok: false, diagnostics: [error(file, 1, 1, '', 'Die Datei enthält keine Daten; erwartet wird eine Zuordnung (Schlüssel: Wert).'), ...problems] };
  }
  const parsed: SourceFile = { file, value: built.value, valuePositions: built.valuePositions, keyPositions: built.keyPositions, numberTexts: built.numberTexts };
  return problems.length > 0 ? { ok: false, diagnostics: problems, source: parsed } : { ok: true, source: parsed };
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
    const structural = STRUCTURAL.has(e.code) && !isQuote && !/Flow (sequence|mapping)/.test(e.message);
    if (structural && explained) continue;
    let pos = at(isQuote ? openingQuote(doc, e.pos[0]) : e.pos[0]);
    let message = translateYamlError(e.code, e.message);
    if (structural) {
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

function fail(diagnostic: Diagnostic): ParseResult {
  return { ok: false, diagnostics: [diagnostic] };
}

function isOnlyComments(text: string): boolean {
  return text.split(/\r?\n/).every((line) => /^\s*(#.*)?$/.test(line) || line.trim() === '---');
}

function decodeUtf8(file: string, bytes: Uint8Array): string | Diagnostic {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const { line, col, offset } = firstInvalidUtf8(bytes);
    return error(
      file,
      line,
      col,
      '',
      `Die Datei ist nicht UTF-8-kodiert (ungültiges Byte 0x${bytes[offset]?.toString(16).padStart(2, '0')}); bitte als UTF-8 speichern.`,
    );
  }
}

/** Finds the first byte that breaks UTF-8, with its line and column, by decoding line by line. */
function firstInvalidUtf8(bytes: Uint8Array): Position & { offset: number } {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let lineStart = 0;
  let line = 1;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      const slice = bytes.subarray(lineStart, i);
      try {
        decoder.decode(slice);
      } catch {
        for (let end = 1; end <= slice.length; end++) {
          try {
            decoder.decode(slice.subarray(0, end));
          } catch {
            // The bad sequence starts within the last 4 bytes; report its first byte.
            let start = end - 1;
            while (start > 0 && start > end - 4 && (slice[start]! & 0xc0) === 0x80) start--;
            return { line, col: start + 1, offset: lineStart + start };
          }
        }
        return { line, col: 1, offset: lineStart };
      }
      lineStart = i + 1;
      line++;
    }
  }
  return { line: 1, col: 1, offset: 0 };
}

type Built =
  | { value: unknown; valuePositions: Map<string, Position>; keyPositions: Map<string, Position>; numberTexts: Map<string, string> }
  | { diagnostic: Diagnostic };

/**
 * Turns the YAML syntax tree into plain data ourselves (instead of doc.toJS) so that positions are recorded
 * on the way, `__proto__` keys become ordinary own properties, and aliases and depth stay bounded.
 */
function buildValue(file: string, doc: Document, at: (offset: number) => Position, text: string, problems: Diagnostic[]): Built {
  const valuePositions = new Map<string, Position>();
  const keyPositions = new Map<string, Position>();
  const numberTexts = new Map<string, string>();
  let expanded = 0;
  let problem: Diagnostic | undefined;
  // Alias.resolve walks the whole document each time: cache it, or an alias-heavy file parses in quadratic time.
  const aliasTargets = new Map<object, unknown>();
  const resolveAlias = (alias: Alias): unknown => {
    if (!aliasTargets.has(alias)) aliasTargets.set(alias, alias.resolve(doc));
    return aliasTargets.get(alias);
  };

  const visit = (node: unknown, pointer: string, depth: number, aliasDepth: number): unknown => {
    if (problem) return undefined;
    if (depth > MAX_DEPTH) {
      problem = locate(node, `Die Daten sind zu tief verschachtelt (mehr als ${MAX_DEPTH} Ebenen).`);
      return undefined;
    }
    // Only nodes reached through an alias count: a large file without aliases is bounded by MAX_FILE_BYTES.
    if (aliasDepth > 0 && ++expanded > MAX_EXPANDED_NODES) {
      problem = locate(node, 'Zu viele Alias-Verweise (*anker): die Datei würde sich zu einer riesigen Datenmenge aufblähen.');
      return undefined;
    }
    if (isAlias(node)) {
      const target = resolveAlias(node);
      if (!target || aliasDepth > MAX_DEPTH) {
        problem = locate(node, `Der Alias *${node.source} verweist auf keinen vorher definierten Anker (&${node.source}).`);
        return undefined;
      }
      const pos = rangeStart(node);
      if (pos && !valuePositions.has(pointer)) valuePositions.set(pointer, pos);
      return visit(target, pointer, depth, aliasDepth + 1);
    }
    const pos = rangeStart(node);
    if (pos && !valuePositions.has(pointer)) valuePositions.set(pointer, pos);
    if (isScalar(node)) {
      checkEscapedInvisible(node);
      if (typeof node.value === 'number' && node.type === 'PLAIN' && node.range) {
        const written = text.slice(node.range[0], node.range[1]);
        if (written !== String(node.value)) numberTexts.set(pointer, written);
      }
      return node.value;
    }
    if (isSeq(node)) return node.items.map((item, i) => visit(item, `${pointer}/${i}`, depth + 1, aliasDepth));
    if (isMap(node)) {
      const out: Record<string, unknown> = {};
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const keyNode = pair.key;
        const keyTarget = isAlias(keyNode) ? resolveAlias(keyNode) : keyNode;
        if (isScalar(keyTarget)) checkEscapedInvisible(keyTarget);
        // Never String() a collection key: the yaml library stringifies nested `? ? ? …` keys exponentially.
        const rawKey = isScalar(keyTarget) ? keyTarget.value : keyTarget === null ? '' : keyTarget;
        if (rawKey !== null && typeof rawKey === 'object') {
          problem = locate(keyNode, 'Ein Schlüssel muss ein einfacher Text sein, keine Liste oder Zuordnung.');
          return undefined;
        }
        const key = String(rawKey);
        const child = `${pointer}/${escapePointer(key)}`;
        const keyPos = rangeStart(keyNode);
        if (keyPos) keyPositions.set(child, keyPos);
        // defineProperty, not assignment: a key named __proto__ must stay data, never change the prototype.
        Object.defineProperty(out, key, {
          value: visit(pair.value, child, depth + 1, aliasDepth),
          enumerable: true,
          writable: true,
          configurable: true,
        });
        if (!valuePositions.has(child) && keyPos) valuePositions.set(child, keyPos);
      }
      return out;
    }
    return node === null || node === undefined ? null : undefined;
  };

  /** An invisible character written as an escape (`"\u202E"`) is not in the text: report it at the value. */
  function checkEscapedInvisible(node: { value: unknown; range?: [number, number, number] | null }): void {
    if (typeof node.value !== 'string' || !hasInvisible(node.value) || !node.range || problems.length >= MAX_SYNTAX_ERRORS) return;
    if (hasInvisible(text.slice(node.range[0], node.range[1]))) return; // typed as such: already reported at its position
    const pos = at(node.range[0]);
    problems.push(error(file, pos.line, pos.col, '', invisibleMessage(findInvisible(node.value)[0]!.codePoint, true)));
  }
  function rangeStart(node: unknown): Position | undefined {
    const range = (node as Node | null)?.range;
    return range ? at(range[0]) : undefined;
  }
  function locate(node: unknown, message: string): Diagnostic {
    const pos = rangeStart(node) ?? { line: 1, col: 1 };
    return error(file, pos.line, pos.col, '', message);
  }

  const value = visit(doc.contents, '', 0, 0);
  if (problem) return { diagnostic: problem };
  return { value, valuePositions, keyPositions, numberTexts };
}


/**
 * A cheap upper-bound estimate of the nesting depth (block indentation levels + compact `- - x` entries +
 * open flow brackets), line by line; returns where it first exceeds MAX_SCAN_DEPTH. Quoted scalars, block
 * scalars (`|`, `>`) and comments are skipped so brackets in prose do not count.
 */
export function excessiveNesting(text: string): Position | undefined {
  const indents: number[] = [];
  let flow = 0;
  let quote: '"' | "'" | undefined;
  let blockScalarParent: number | undefined; // indentation of the line that opened a `|` / `>` scalar
  let line = 1;
  let i = 0;
  const n = text.length;
  const isBreak = (c: string | undefined) => c === '\n' || c === '\r';
  const isSpaceOrEnd = (c: string | undefined) => c === undefined || c === ' ' || c === '\t' || isBreak(c);

  while (i < n) {
    const lineStart = i;
    let compact = 0;
    let valueStart = quote === undefined;
    if (quote === undefined) {
      let j = i;
      while (j < n && text[j] === ' ') j++;
      const blank = j >= n || isBreak(text[j]) || text[j] === '#';
      const indent = j - i;
      if (blockScalarParent !== undefined && (blank || indent > blockScalarParent)) {
        while (i < n && !isBreak(text[i])) i++; // content of a block scalar: plain text
        if (text[i] === '\r' && text[i + 1] === '\n') i++;
        i++;
        line++;
        continue;
      }
      blockScalarParent = undefined;
      if (!blank && flow === 0) {
        while (indents.length > 0 && indents[indents.length - 1]! >= indent) indents.pop();
        indents.push(indent);
      }
      i = j;
    }
    for (; i < n && !isBreak(text[i]); i++) {
      const c = text[i]!;
      if (quote === '"') {
        if (c === '\\') i++;
        else if (c === '"') quote = undefined;
        continue;
      }
      if (quote === "'") {
        if (c === "'" && text[i + 1] === "'") i++;
        else if (c === "'") quote = undefined;
        continue;
      }
      if (c === ' ' || c === '\t') continue;
      if (c === '#' && (i === lineStart || isSpaceOrEnd(text[i - 1]))) {
        while (i < n && !isBreak(text[i])) i++;
        break;
      }
      if ((c === '"' || c === "'") && valueStart) {
        quote = c;
        valueStart = false;
      } else if ((c === '[' || c === '{') && (valueStart || flow > 0)) {
        flow++;
        valueStart = true;
      } else if ((c === ']' || c === '}') && flow > 0) {
        flow--;
        valueStart = false;
      } else if (c === ',' && flow > 0) {
        valueStart = true;
      } else if ((c === '-' || c === '?') && valueStart && flow === 0 && isSpaceOrEnd(text[i + 1])) {
        compact++;
      } else if (c === ':' && (isSpaceOrEnd(text[i + 1]) || (flow > 0 && ',[]{}'.includes(text[i + 1]!)))) {
        valueStart = true;
      } else if ((c === '|' || c === '>') && valueStart && flow === 0) {
        blockScalarParent = indents[indents.length - 1] ?? 0;
        valueStart = false;
      } else if (c === '&' || c === '!') {
        while (i + 1 < n && !isSpaceOrEnd(text[i + 1])) i++; // an anchor or tag precedes the value
      } else {
        valueStart = false;
      }
      if (indents.length + compact + flow > MAX_SCAN_DEPTH) {
        return { line, col: i - lineStart + 1 };
      }
    }
    if (text[i] === '\r' && text[i + 1] === '\n') i++;
    i++;
    line++;
  }
  return undefined;
}
