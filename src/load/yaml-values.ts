import { isAlias, isMap, isPair, isScalar, isSeq, type Alias, type Document, type Node } from 'yaml';
import { error, jsonPath, type Diagnostic } from '../diagnostics.js';
import { findInvisible, hasInvisible, invisibleMessage } from './invisible-characters.js';
import { MAX_DEPTH } from './nesting-guard.js';
import { escapePointer, type Position } from './source-file.js';
import { MAX_SYNTAX_ERRORS } from './yaml-parse.js';

/** Upper bound on nodes produced by expanding aliases: stops "billion laughs" alias bombs cheaply. */
const MAX_EXPANDED_NODES = 100_000;

export type Built =
  | { value: unknown; valuePositions: Map<string, Position>; keyPositions: Map<string, Position>; numberTexts: Map<string, string> }
  | { diagnostic: Diagnostic };

/**
 * Turns the YAML document into plain data ourselves (instead of doc.toJS) so that positions are recorded
 * on the way, `__proto__` keys become ordinary own properties, and aliases stay bounded. The nesting of
 * the text is bounded before the document exists (nesting-guard.ts); aliases can still put deep data into
 * deep data (`b: &b [*a]`, `c: &c [*b]` …, or an alias inside its own anchor, which never ends), so data
 * reached through an alias may not lie deeper than MAX_DEPTH either. An invisible character written as an
 * escape is added to `problems`: the data stays readable.
 */
export function buildValue(file: string, doc: Document, at: (offset: number) => Position, text: string, problems: Diagnostic[]): Built {
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

  /** `levels`: lists and mappings around `node`; `via`: the alias in the text that `node` was reached through (the outermost one). */
  const toData = (node: unknown, pointer: string, levels: number, via: Alias | undefined): unknown => {
    if (problem) return undefined;
    // Only nodes reached through an alias count: a large file without aliases is bounded by MAX_FILE_BYTES.
    if (via && ++expanded > MAX_EXPANDED_NODES) {
      problem = locate(node, 'Zu viele Alias-Verweise (*anker): die Datei würde sich zu einer riesigen Datenmenge aufblähen.');
      return undefined;
    }
    if (via && levels >= MAX_DEPTH && (isSeq(node) || isMap(node))) {
      problem = locate(via, `Der Alias *${via.source} setzt hier Daten ein, die dadurch tiefer als ${MAX_DEPTH} Ebenen verschachtelt wären (Aliase verweisen zu oft ineinander oder stehen in ihrem eigenen Anker).`);
      return undefined;
    }
    if (isAlias(node)) {
      const target = resolveAlias(node);
      if (!target) {
        problem = locate(node, `Der Alias *${node.source} verweist auf keinen vorher definierten Anker (&${node.source}).`);
        return undefined;
      }
      const pos = rangeStart(node);
      if (pos && !valuePositions.has(pointer)) valuePositions.set(pointer, pos);
      return toData(target, pointer, levels, via ?? node);
    }
    const pos = rangeStart(node);
    if (pos && !valuePositions.has(pointer)) valuePositions.set(pointer, pos);
    if (isScalar(node)) {
      checkEscapedInvisible(node);
      checkBlank(node, pointer);
      if (typeof node.value === 'number' && node.type === 'PLAIN' && node.range) {
        const written = text.slice(node.range[0], node.range[1]);
        if (written !== String(node.value)) numberTexts.set(pointer, written);
        checkNumberBase(node, written);
      }
      return node.value;
    }
    if (isSeq(node)) return node.items.map((item, i) => toData(item, `${pointer}/${i}`, levels + 1, via));
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
          value: toData(pair.value, child, levels + 1, via),
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
  /**
   * `name: " "` passes a schema's minLength, yet prints as a gap in the Vorlage ("für folgende  neun …",
   * ": Berichterstattung …" for a label): no field of the data means anything by blanks alone.
   */
  function checkBlank(node: { value: unknown; range?: [number, number, number] | null }, pointer: string): void {
    if (typeof node.value !== 'string' || node.value === '' || node.value.trim() !== '' || !node.range || problems.length >= MAX_SYNTAX_ERRORS) return;
    const pos = at(node.range[0]);
    problems.push(error(file, pos.line, pos.col, jsonPath(pointer), 'Der Text besteht nur aus Leerzeichen oder Zeilenumbrüchen; erwartet wird ein Text mit Inhalt (oder das Feld weglassen, wo es nicht verlangt ist).'));
  }
  /**
   * YAML 1.2 reads `0x1` and `0o17` as numbers; no Stellenanteil, amount or year is written so on purpose
   * (a leading zero slipped, a copied code), and taken as read it would change a Vorlage's figures in silence.
   */
  function checkNumberBase(node: { value: unknown; range?: [number, number, number] | null }, written: string): void {
    if (!/^[-+]?0[xo]/i.test(written) || !node.range || problems.length >= MAX_SYNTAX_ERRORS) return;
    const pos = at(node.range[0]);
    const base = /^[-+]?0x/i.test(written) ? 'hexadezimal' : 'oktal';
    problems.push(error(file, pos.line, pos.col, '', `Die Zahl ${written} ist ${base} geschrieben (gelesen als ${String(node.value)}); erwartet wird eine Dezimalzahl wie ${String(node.value)}, oder als Text in Anführungszeichen ("${written}").`));
  }
  function rangeStart(node: unknown): Position | undefined {
    const range = (node as Node | null)?.range;
    return range ? at(range[0]) : undefined;
  }
  function locate(node: unknown, message: string): Diagnostic {
    const pos = rangeStart(node) ?? { line: 1, col: 1 };
    return error(file, pos.line, pos.col, '', message);
  }

  const value = toData(doc.contents, '', 0, undefined);
  if (problem) return { diagnostic: problem };
  return { value, valuePositions, keyPositions, numberTexts };
}
