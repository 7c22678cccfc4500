import type { Diagnostic } from '../../diagnostics.js';
import { at, type Place, type RuleContext } from '../rule-context.js';

/**
 * A diagnostic at a slot inside a text block, not at the start of the block: a text block runs over many
 * lines, and the clerk looks for `{geplant:modul-3}`, not for `preface:`. The loader records where each
 * value starts; the slot is found in the file's text from there (a slot has no spaces and no escapes, so
 * YAML's folding and quoting leave it as written; the n-th in the value is the n-th in the file). Where the
 * file cannot be read again, the diagnostic stays at the value.
 */
export function atSlot(ctx: RuleContext, place: Place, pointer: string, value: string, slot: { index: number; written: string }, message: string, severity: 'error' | 'warning' = 'error'): Diagnostic {
  const d = at(ctx, place, pointer, message, severity);
  if (d.line === 0) return d;
  const bytes = ctx.readDataFile(d.file);
  if (!bytes) return d;
  const source = new TextDecoder().decode(bytes).replace(/^\uFEFF/, '');
  let offset = 0;
  for (let line = 1; line < d.line; line++) {
    offset = source.indexOf('\n', offset) + 1;
    if (offset === 0) return d;
  }
  let found = offset + d.col - 2;
  const earlier = value.slice(0, slot.index).split(slot.written).length - 1;
  for (let n = 0; n <= earlier; n++) {
    found = source.indexOf(slot.written, found + 1);
    if (found === -1) return d;
  }
  const lineStart = source.lastIndexOf('\n', found) + 1;
  const line = source.slice(0, found).split('\n').length;
  return { ...d, line, col: found - lineStart + 1 };
}
