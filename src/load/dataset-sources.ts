import type { SourceFile } from './source-file.js';

/**
 * The parsed files a validated dataset was made from, so that a check long after validation (the
 * privacy check after rendering) can still point at the file and field a text came from, without every
 * caller passing the sources along. Weak: a dataset that is dropped takes its sources with it; a copy
 * (structuredClone in tests) has none, and the check then falls back to the template line.
 */
const registry = new WeakMap<object, SourceFile[]>();

export function rememberSources(dataset: object, sources: SourceFile[]): void {
  registry.set(dataset, sources);
}

/** The data files and report files behind a dataset; empty when it was not made by validation. */
export const sourcesOf = (dataset: object): SourceFile[] => registry.get(dataset) ?? [];
