/**
 * Handlebars' strict mode catches a missing `{{field}}`, but not a missing field given to a helper:
 * `{{#if text.prefce}}` or `{{#each hirse}}` silently print nothing, and the Vorlage loses a paragraph
 * without a word. Rendering through this view of the model makes every such lookup fail like a missing
 * `{{field}}`. Array indexes past the end stay allowed (`{{#if attachments.[1]}}` asks whether there are two).
 */
export class MissingField extends Error {
  constructor(
    readonly field: string,
    readonly known: string[],
  ) {
    super(field);
  }
}

const views = new WeakMap<object, object>();

export function strictModel<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  let view = views.get(value);
  if (!view) {
    view = new Proxy(value, {
      get(target, key, receiver) {
        if (typeof key === 'string' && !(key in target) && !(Array.isArray(target) && /^\d+$/.test(key))) {
          throw new MissingField(key, Object.keys(target));
        }
        const found: unknown = Reflect.get(target, key, receiver);
        return typeof key === 'string' && Object.prototype.hasOwnProperty.call(target, key) ? strictModel(found) : found;
      },
    });
    views.set(value, view);
  }
  return view as T;
}
