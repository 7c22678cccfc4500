/**
 * `["A", "B", "C"]` → "A, B und C"; one item alone; nothing for none. When an item has an "und" of its
 * own ("eine Koordinatorin und ein Koordinator"), the last join is "sowie", so the reader sees which
 * "und" ends the list.
 */
export function joinList(items: readonly string[], conjunction?: string): string {
  if (items.length <= 1) return items[0] ?? '';
  const last = conjunction ?? (items.some((i) => i.includes(' und ')) ? 'sowie' : 'und');
  return `${items.slice(0, -1).join(', ')} ${last} ${items.at(-1)}`;
}
