/** `["A", "B", "C"]` → "A, B und C"; one item alone; nothing for none. */
export function joinList(items: readonly string[], conjunction = 'und'): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items.at(-1)}`;
}
