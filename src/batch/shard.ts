import { by } from '../compare.js';
import { UsageError } from '../errors.js';

/** One part of a CI matrix: `K/N` means the K-th of N parts (1-based). */
export interface Shard {
  index: number;
  count: number;
}

/** Parses `--shard K/N`; a wrong value is a usage error that says what is expected. */
export function parseShard(text: string | undefined): Shard | undefined {
  if (text === undefined) return undefined;
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (!m || count < 1 || index < 1 || index > count) {
    throw new UsageError(`Ungültiger Wert für --shard: "${text}". Erwartet wird K/N mit 1 ≤ K ≤ N, z. B. --shard 1/2.`);
  }
  return { index, count };
}

/**
 * The reports of one shard: ids sorted (code-point order, independent of locale), then every N-th,
 * starting at K-1. Deterministic, so the parts of a CI matrix are disjoint and together complete.
 */
export function selectShard<T>(items: readonly T[], idOf: (item: T) => string, shard: Shard | undefined): T[] {
  const sorted = [...items].sort(by(idOf));
  if (!shard) return sorted;
  return sorted.filter((_, i) => i % shard.count === shard.index - 1);
}
