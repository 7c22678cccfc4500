/**
 * Strings in code-point order: how kim sorts ISO dates (which then sort by time), ids and file names.
 * Never `localeCompare`: it depends on the locale and loads ICU's collation data at a cold start.
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A comparator for sorting items by a text key in code-point order: `list.sort(by((s) => s.start))`. */
export function by<T>(key: (item: T) => string): (a: T, b: T) => number {
  return (a, b) => compareText(key(a), key(b));
}
