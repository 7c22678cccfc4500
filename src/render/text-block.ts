import { escapeBlockStart, escapeInline, flattenToOneLine } from './markdown-escape.js';

/**
 * A clerk's text block made safe: Markdown that can only be paragraphs, bold text and lists. The model
 * escaper passes it through untouched (it is already escaped), and templates print it like a string.
 */
export class SafeMarkdown {
  constructor(readonly markdown: string) {}
  toString(): string {
    return this.markdown;
  }
}

type Block = { kind: 'paragraph'; text: string } | { kind: 'list'; ordered: boolean; items: Item[] };
interface Item {
  number: number;
  text: string;
  children: { ordered: boolean; items: { number: number; text: string }[] } | null;
}

const BULLET = /^(\s*)[-*+•–]\s+(.*)$/;
const NUMBERED = /^(\s*)(\d{1,3})[.)]\s+(.*)$/;

/**
 * The safe Markdown subset of text blocks: paragraphs (separated by an empty line; lines within one are
 * joined), **bold**, bullet lists ("- ") and numbered lists ("1. " or "1) "), one level of nesting by
 * indentation. Everything else prints literally: a "#" line is text, not a heading; "|", "<b>", "[x](y)",
 * backticks and entities are escaped, so a text block can never change the document's structure.
 */
export function sanitizeTextBlock(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let current: Block | undefined;
  let baseIndent = 0;
  for (const raw of lines) {
    const line = raw.replace(/\t/g, '    ');
    if (line.trim() === '') {
      current = undefined;
      continue;
    }
    const item = listItem(line);
    if (item) {
      if (current?.kind !== 'list' || (current.items.length > 0 && item.indent <= baseIndent && current.ordered !== item.ordered)) {
        current = { kind: 'list', ordered: item.ordered, items: [] };
        blocks.push(current);
        baseIndent = item.indent;
      }
      const parent = current.items.at(-1);
      if (parent && item.indent > baseIndent) {
        if (!parent.children || parent.children.ordered !== item.ordered) parent.children = { ordered: item.ordered, items: [] };
        parent.children.items.push({ number: item.number, text: item.text });
      } else {
        current.items.push({ number: item.number, text: item.text, children: null });
      }
      continue;
    }
    if (current?.kind === 'list') {
      // A line without a marker continues the last item (as in Markdown).
      const last = current.items.at(-1)!;
      const target = last.children?.items.at(-1) ?? last;
      target.text = `${target.text} ${line.trim()}`;
    } else if (current?.kind === 'paragraph') {
      current.text = `${current.text} ${line.trim()}`;
    } else {
      current = { kind: 'paragraph', text: line.trim() };
      blocks.push(current);
    }
  }
  return blocks.map(renderBlock).join('\n\n');
}

function listItem(line: string): { indent: number; ordered: boolean; number: number; text: string } | undefined {
  const numbered = NUMBERED.exec(line);
  if (numbered) return { indent: numbered[1]!.length, ordered: true, number: Number(numbered[2]), text: numbered[3]!.trim() };
  const bullet = BULLET.exec(line);
  if (bullet) return { indent: bullet[1]!.length, ordered: false, number: 0, text: bullet[2]!.trim() };
  return undefined;
}

function renderBlock(block: Block): string {
  if (block.kind === 'paragraph') return inline(block.text);
  return block.items
    .map((item, i) => {
      // Counting on from the clerk's first number: Markdown reads only that one.
      const marker = block.ordered ? `${block.items[0]!.number + i}. ` : '- ';
      const head = `${marker}${inline(item.text)}`;
      if (!item.children) return head;
      const pad = ' '.repeat(marker.length);
      const { ordered, items } = item.children;
      const children = items.map((c, j) => `${pad}${ordered ? `${items[0]!.number + j}. ` : '- '}${inline(c.text)}`);
      return [head, ...children].join('\n');
    })
    .join('\n');
}

const BOLD = /\*\*(?=\S)(.+?)(?<=\S)\*\*/g;

/** One line of text: **bold** kept, everything else escaped so it prints as written and starts no block. */
function inline(raw: string): string {
  const text = flattenToOneLine(raw);
  let out = '';
  let last = 0;
  for (const m of text.matchAll(BOLD)) {
    out += escapeInline(text.slice(last, m.index));
    out += `**${escapeInline(m[1]!)}**`;
    last = m.index + m[0].length;
  }
  return escapeBlockStart(out + escapeInline(text.slice(last)));
}
