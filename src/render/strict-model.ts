/**
 * Handlebars' strict mode catches a missing `{{field}}`, but not a missing field given to a helper:
 * `{{#if text.prefce}}` or `{{#each hirse}}` silently print nothing, and the Vorlage loses a paragraph
 * without a word. Rendering through this view of the model makes every such lookup fail like a missing
 * `{{field}}`. Array indexes past the end stay allowed (`{{#if attachments.[1]}}` asks whether there are two).
 *
 * Only a value's own fields are fields: an inherited property (`{{#if items.map}}`, a list's methods)
 * fails like a missing one, where Handlebars' prototype guard would answer with a blank. JavaScript
 * itself still reaches what it needs to print a value (`toString`, `valueOf`, `join` of a list).
 * Helpers get the plain values (see `plainValue`), so their own code is not held to this.
 */
export class MissingField extends Error {
  constructor(
    readonly field: string,
    readonly known: string[],
  ) {
    // Worded like Handlebars' own message for a missing field, so that one entry of the message table serves both.
    super(`"${field}" not defined in the report model`);
  }
}

/** What printing a value with `{{value}}` reads of it (string conversion; a list's toString calls join). */
const CONVERSIONS: ReadonlySet<string> = new Set(['toString', 'valueOf', 'toJSON', 'join']);

const views = new WeakMap<object, object>();
const plain = new WeakMap<object, object>();

export function strictModel<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (plain.has(value)) return value;
  let view = views.get(value);
  if (!view) {
    view = new Proxy(value, {
      get(target, key, receiver) {
        if (typeof key !== 'string') return Reflect.get(target, key, receiver);
        const own = Object.prototype.hasOwnProperty.call(target, key);
        if (!own && !CONVERSIONS.has(key) && !(Array.isArray(target) && /^\d+$/.test(key))) throw new MissingField(key, Object.keys(target));
        const found: unknown = Reflect.get(target, key, receiver);
        return own ? strictModel(found) : found;
      },
    });
    views.set(value, view);
    plain.set(view, value);
  }
  return view as T;
}

/** The model value behind a strict view (for helpers, which read lists and fields with their own code). */
export function plainValue<T>(value: T): T {
  return value !== null && typeof value === 'object' ? ((plain.get(value) as T | undefined) ?? value) : value;
}
