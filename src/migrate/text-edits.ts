/**
 * Edits of a YAML file's text at the ranges its parser reports, so that everything not edited — comments,
 * folding of text blocks, flow or block style, blank lines — stays byte for byte. (Serialising the
 * document again would re-fold every text block.) Used by the migration steps; each step checks its
 * result by parsing it again (see migrate.ts). The line and scalar helpers are `kim next`'s, which edits
 * report files the same way (src/next/yaml-edit.ts).
 */
import { Document, isMap, isScalar, parseDocument, Scalar, type Pair, type YAMLMap } from 'yaml';
import { lineEnd, lineStart, scalar } from '../next/yaml-edit.js';

export { lineStart, scalar };

interface Edit {
  at: number;
  end: number;
  text: string;
}

type Range = [number, number, number];
const rangeOf = (node: unknown): Range | undefined => (node as { range?: Range } | null)?.range ?? undefined;

/** Thrown when a file is written in a shape the text edits do not handle; the caller falls back. */
export class UnusualShape extends Error {}

/** A YAML file's text with pending edits against its original offsets. */
export class TextEditor {
  readonly doc: Document;
  private readonly edits: Edit[] = [];

  constructor(readonly text: string) {
    this.doc = parseDocument(text, { version: '1.2' });
    if (this.doc.errors.length > 0) throw new UnusualShape('YAML-Fehler');
  }

  get top(): YAMLMap {
    const top = this.doc.contents;
    if (!isMap(top) || top.flow) throw new UnusualShape('keine Abbildung');
    return top;
  }

  /** The key's column in the text: the indentation of a block map's entries. */
  indentOf(map: YAMLMap): string {
    const first = map.items[0]?.key;
    const range = rangeOf(first);
    if (!range) throw new UnusualShape('leere Abbildung');
    return ' '.repeat(range[0] - lineStart(this.text, range[0]));
  }

  /** The end of a pair's last line (after its value and any comment on that line). */
  pairLineEnd(pair: Pair): number {
    const value = rangeOf(pair.value) ?? rangeOf(pair.key);
    if (!value) throw new UnusualShape('ohne Position');
    return lineEnd(this.text, Math.max(value[1], value[2]) - 1);
  }

  /** Where a pair's lines start, with the comment lines directly above it. */
  pairStart(pair: Pair): number {
    const key = rangeOf(pair.key);
    if (!key) throw new UnusualShape('ohne Position');
    let start = lineStart(this.text, key[0]);
    for (;;) {
      const above = lineStart(this.text, start - 1);
      if (start === 0 || !/^\s*#/.test(this.text.slice(above, start))) return start;
      start = above;
    }
  }

  /** Inserts text; a second insertion at the same place goes after the first. */
  insert(at: number, text: string): void {
    const same = this.edits.find((e) => e.at === at && e.end === at);
    if (same) same.text += text;
    else this.edits.push({ at, end: at, text });
  }

  replace(at: number, end: number, text: string): void {
    this.edits.push({ at, end, text });
  }

  /** Adds `key: value` to a map after its last entry (flow: `, key: value`; block: a new line). */
  addPair(map: YAMLMap, key: string, value: string): void {
    const last = map.items.at(-1);
    if (!last) throw new UnusualShape('leere Abbildung');
    this.addPairAfter(map, last, key, value);
  }

  /** Adds `key: value` to a map right after the entry `after`. */
  addPairAfter(map: YAMLMap, after: Pair, key: string, value: string): void {
    if (map.flow) {
      const end = rangeOf(after.value)?.[1];
      if (end === undefined) throw new UnusualShape('ohne Position');
      this.insert(end, `, ${key}: ${value}`);
    } else this.insert(this.pairLineEnd(after), `${this.indentOf(map)}${key}: ${value}\n`);
  }

  /** The text with every edit applied; UnusualShape when two edits overlap. */
  result(): string {
    const edits = [...this.edits].sort((a, b) => b.at - a.at || b.end - a.end);
    let out = this.text;
    let limit = Infinity;
    for (const e of edits) {
      if (e.end > limit) throw new UnusualShape('überlappende Änderungen');
      out = out.slice(0, e.at) + e.text + out.slice(e.end);
      limit = e.at;
    }
    return out;
  }
}

export function pairOf(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((p) => isScalar(p.key) && p.key.value === key) as Pair | undefined;
}

/** `key: text` as block YAML lines indented by `indent`, the text folded (`>-`) at 100 columns like the shipped data. */
export function blockLines(indent: string, key: string, value: string): string {
  const doc = new Document({ [key]: value });
  const node = doc.get(key, true);
  if (isScalar(node)) node.type = Scalar.BLOCK_FOLDED;
  const text = doc.toString({ lineWidth: 100 - indent.length, indent: 2 });
  return text.split('\n').map((line) => (line ? indent + line : line)).join('\n').replace(/\n+$/, '\n');
}
