/**
 * Packs the hyphen package's pattern trie (TeX patterns, a nested object literal of 750 kB that takes
 * 130-150 ms to evaluate) into flat typed arrays that load in a fraction of a millisecond. Run at build
 * time (scripts/build-pdf-assets.mjs) and, if the packed file is missing, once at run time.
 *
 * hyphen's trie: `trie[char]` is a sub-trie (object), a pattern end (number: index into the levels table)
 * or both (`[subTrie, levelsIndex]`). Packed layout, all little-endian 32-bit words:
 *
 *   magic, version
 *   alphabet length, then the alphabet as 16-bit code units (padded to a whole word)
 *   levels count, levels offsets (count + 1), then the levels as bytes (padded)
 *   node count, first edge of every node (count + 1)
 *   edge count, edge labels (char index | (levels index + 1) << 8), edge children (node index, 0 = none)
 *
 * Node 0 is the root; it is never a child, so 0 can mean "no child".
 */

export const PACKED_MAGIC = 0x484d494b; // "KIMH"
export const PACKED_VERSION = 1;

type HyphenTrieNode = { [char: string]: HyphenTrieNode | number | [HyphenTrieNode, number] };

export function packPatterns(definition: unknown): Uint8Array {
  if (!Array.isArray(definition) || !Array.isArray(definition[0]) || typeof definition[1] !== 'object') {
    throw new TypeError('hyphen patterns: expected [levels, trie, exceptions?]');
  }
  const levels = definition[0] as number[][];
  const root = definition[1] as HyphenTrieNode;
  const exceptions = definition[2] as Record<string, unknown> | undefined;
  // The algorithm in hyphenation.ts has no exception list; de-1996 has none. A pattern set with
  // exceptions would hyphenate differently, so refuse it rather than differ silently.
  if (exceptions && Object.keys(exceptions).length > 0) throw new TypeError('hyphen patterns with exceptions are not supported');

  const alphabet: string[] = [];
  const charIndex = new Map<string, number>();
  const nodes: HyphenTrieNode[] = [root];
  const nodeIds = new Map<HyphenTrieNode, number>([[root, 0]]);
  const firstEdge: number[] = [];
  const labels: number[] = [];
  const children: number[] = [];
  // Breadth first; the order only has to be deterministic.
  for (let id = 0; id < nodes.length; id++) {
    firstEdge.push(labels.length);
    const node = nodes[id]!;
    for (const char of Object.keys(node).sort()) {
      if (char.length !== 1) throw new TypeError(`hyphen patterns: trie key ${JSON.stringify(char)} is not one code unit`);
      const value = node[char]!;
      let child: HyphenTrieNode | undefined;
      let level = -1;
      if (Array.isArray(value)) [child, level] = value;
      else if (typeof value === 'number') level = value;
      else child = value;
      let c = charIndex.get(char);
      if (c === undefined) {
        c = alphabet.length;
        alphabet.push(char);
        charIndex.set(char, c);
      }
      if (c > 0xff || level + 1 > 0xffffff) throw new TypeError('hyphen patterns: too many characters or levels');
      let childId = 0;
      if (child !== undefined) {
        childId = nodeIds.get(child) ?? nodes.length;
        if (childId === nodes.length) {
          nodes.push(child);
          nodeIds.set(child, childId);
        }
      }
      labels.push(c | ((level + 1) << 8));
      children.push(childId);
    }
  }
  firstEdge.push(labels.length);

  const levelOffsets: number[] = [0];
  const levelBytes: number[] = [];
  for (const entry of levels) {
    for (const value of entry) levelBytes.push(value);
    levelOffsets.push(levelBytes.length);
  }

  const words: number[] = [PACKED_MAGIC, PACKED_VERSION, alphabet.length];
  const pushPadded16 = (values: number[]) => {
    for (let i = 0; i < values.length; i += 2) words.push((values[i]! & 0xffff) | ((values[i + 1] ?? 0) << 16));
  };
  const pushPadded8 = (values: number[]) => {
    for (let i = 0; i < values.length; i += 4) {
      words.push(((values[i] ?? 0) | ((values[i + 1] ?? 0) << 8) | ((values[i + 2] ?? 0) << 16) | ((values[i + 3] ?? 0) << 24)) >>> 0);
    }
  };
  pushPadded16(alphabet.map((c) => c.charCodeAt(0)));
  const pushAll = (values: number[]) => {
    for (const value of values) words.push(value);
  };
  words.push(levels.length);
  pushAll(levelOffsets);
  pushPadded8(levelBytes);
  words.push(nodes.length);
  pushAll(firstEdge);
  words.push(labels.length);
  pushAll(labels);
  pushAll(children);
  // Typed arrays use the machine's byte order; hyphenation.ts checks the magic word and repacks if it differs.
  const out = new Uint32Array(words.length);
  out.set(words);
  return new Uint8Array(out.buffer);
}
