/**
 * Handlebars' English error messages → kim's German text, from a table kept as data
 * (`schemas/template-messages.yaml`), not from regular expressions in the engine: adding or rewording a
 * message is an edit to that file. The table is read on the first template error only.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../paths.js';
import { parseOwnYaml } from './built-yaml.js';

export const MESSAGE_TABLE = join(packageRoot, 'schemas', 'template-messages.yaml');

/** Handlebars ends a located message with " - line:col"; the table's keys are the messages without it. */
export const withoutLocation = (message: string): string => message.replace(/ - \d+:\d+$/, '');

/** What kim adds to a message that only code knows (see the table's header). */
export type MessageKind = 'missing-field' | 'unknown-helper' | 'too-deep';

export interface MessageEntry {
  handlebars: string;
  kim: string;
  kind?: MessageKind;
  example?: string;
}

export interface Translation {
  entry: MessageEntry;
  /** What each `${name}` of the entry's pattern matched. */
  values: Record<string, string>;
}

interface CompiledEntry {
  entry: MessageEntry;
  pattern: RegExp;
  names: string[];
}

const PLACEHOLDER = /\$\{(\w+)\}/g;
const KINDS: readonly string[] = ['missing-field', 'unknown-helper', 'too-deep'] satisfies MessageKind[];

let table: CompiledEntry[] | undefined;

/** The table, checked once: a broken table is a bug in kim, not in the clerk's template. */
export function messageTable(): MessageEntry[] {
  return compiledTable().map((c) => c.entry);
}

function compiledTable(): CompiledEntry[] {
  if (table) return table;
  const data = parseOwnYaml(readFileSync(MESSAGE_TABLE, 'utf8')) as { messages?: unknown };
  if (!Array.isArray(data?.messages)) throw new Error(`${MESSAGE_TABLE}: "messages" fehlt`);
  table = data.messages.map((raw: unknown, i: number) => {
    const e = raw as Partial<MessageEntry>;
    if (typeof e.handlebars !== 'string' || typeof e.kim !== 'string' || (e.kind !== undefined && !KINDS.includes(e.kind))) {
      throw new Error(`${MESSAGE_TABLE}: Eintrag ${i + 1} braucht "handlebars" und "kim" (Text) und höchstens ein bekanntes "kind"`);
    }
    return compileEntry(e as MessageEntry);
  });
  return table;
}

function compileEntry(entry: MessageEntry): CompiledEntry {
  const names: string[] = [];
  let source = '';
  let last = 0;
  for (const m of entry.handlebars.matchAll(PLACEHOLDER)) {
    source += escapeRegExp(entry.handlebars.slice(last, m.index)) + '([\\s\\S]*?)';
    names.push(m[1]!);
    last = m.index + m[0].length;
  }
  source += escapeRegExp(entry.handlebars.slice(last));
  return { entry, pattern: new RegExp(`^${source}$`), names };
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The first entry whose pattern matches the whole message, or nothing for a message the table lacks. */
export function translate(message: string): Translation | undefined {
  for (const c of compiledTable()) {
    const m = c.pattern.exec(message);
    if (m) return { entry: c.entry, values: Object.fromEntries(c.names.map((n, i) => [n, m[i + 1]!])) };
  }
  return undefined;
}

/** The entry's German text with every `${name}` replaced; a name without a value becomes nothing. */
export function fillIn(text: string, values: Record<string, string>): string {
  return text.replace(PLACEHOLDER, (_, name: string) => values[name] ?? '');
}
