/**
 * German hyphenation, synchronous, from the packed trie of hyphen's de-1996 patterns (hyphenation-pack.ts).
 *
 * The algorithm is hyphen's own (Liang's, as in TeX), step for step, including its edge cases (a word's
 * first and last two letters never split off, levels past the word's end); a test compares it with the
 * hyphen package word for word. The packed trie is built at build time; if it is missing (a bare `tsc`
 * build), it is packed here from the hyphen package once.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ASSET_DIR, HYPHENATION_ASSET } from '../assets.js';
import { PACKED_MAGIC, PACKED_VERSION, packPatterns } from './hyphenation-pack.js';

/** A word (letters only) with soft hyphens (U+00AD) at the allowed breaks. */
export type Hyphenate = (word: string) => string;

export const SOFT_HYPHEN = '\u00ad';
/** hyphen's `minWordLength` as kim uses it: shorter words are never hyphenated. */
const MIN_WORD_LENGTH = 6;
/** Words seen across documents; bounded so a renderer that lives long stays small. */
const CACHE_LIMIT = 50_000;

export function loadHyphenator(): Hyphenate {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(join(ASSET_DIR, HYPHENATION_ASSET));
  } catch {
    const require = createRequire(import.meta.url);
    bytes = packPatterns(require('hyphen/patterns/de-1996.js'));
  }
  return hyphenatorFromPacked(bytes);
}

interface Trie {
  /** Alphabet index + 1 of a UTF-16 code unit below 0x180, 0 if it is not in the alphabet. */
  latin: Uint8Array;
  /** The same for code units from 0x180 on. */
  charIndex: Map<number, number>;
  levelOffsets: Uint32Array;
  levelValues: Uint8Array;
  firstEdge: Uint32Array;
  labels: Uint32Array;
  children: Uint32Array;
  /** Alphabet index → the root's edge for it, -1 if none. */
  rootEdges: Int32Array;
}

export function hyphenatorFromPacked(bytes: Uint8Array): Hyphenate {
  const trie = unpack(bytes);
  const cache = new Map<string, string>();
  return (word) => {
    let out = cache.get(word);
    if (out === undefined) {
      out = word.length < MIN_WORD_LENGTH ? word : insertHyphens(word, markers(trie, word));
      if (cache.size >= CACHE_LIMIT) cache.clear();
      cache.set(word, out);
    }
    return out;
  };
}

function unpack(input: Uint8Array): Trie {
  // A typed-array view needs a 4-byte aligned offset; Buffers from the pool may not have one.
  const aligned = input.byteOffset % 4 === 0 ? input : input.slice();
  const words = new Uint32Array(aligned.buffer, aligned.byteOffset, aligned.byteLength >>> 2);
  if (words[0] !== PACKED_MAGIC || words[1] !== PACKED_VERSION) throw new Error('hyphenation: packed patterns have an unknown format');
  let at = 2;
  const alphabetLength = words[at++]!;
  const latin = new Uint8Array(0x180);
  const charIndex = new Map<number, number>();
  for (let i = 0; i < alphabetLength; i++) {
    const word = words[at + (i >> 1)]!;
    const code = i % 2 === 0 ? word & 0xffff : word >>> 16;
    if (code < latin.length) latin[code] = i + 1;
    else charIndex.set(code, i);
  }
  at += (alphabetLength + 1) >> 1;
  const levelCount = words[at++]!;
  const levelOffsets = words.subarray(at, at + levelCount + 1);
  at += levelCount + 1;
  const levelBytes = levelOffsets[levelCount]!;
  const levelValues = new Uint8Array(words.buffer, words.byteOffset + at * 4, levelBytes);
  at += (levelBytes + 3) >> 2;
  const nodeCount = words[at++]!;
  const firstEdge = words.subarray(at, at + nodeCount + 1);
  at += nodeCount + 1;
  const edgeCount = words[at++]!;
  const labels = words.subarray(at, at + edgeCount);
  const children = words.subarray(at + edgeCount, at + 2 * edgeCount);
  const rootEdges = new Int32Array(alphabetLength).fill(-1);
  for (let e = firstEdge[0]!; e < firstEdge[1]!; e++) rootEdges[labels[e]! & 0xff] = e;
  return { latin, charIndex, levelOffsets, levelValues, firstEdge, labels, children, rootEdges };
}

/**
 * hyphen's hyphenateWord: every pattern that matches somewhere in ".word." raises the levels between
 * the letters it covers; odd levels are breaks. Kept as hyphen has it, with a plain array that may grow
 * past the word (such entries become NaN, which is never odd) and the last two entries of the grown
 * array cleared, so that the results are the same to the letter.
 */
function markers(trie: Trie, text: string): number[] {
  const lowered = `.${text.toLowerCase()}.`;
  const levels: number[] = new Array<number>(text.length + 1).fill(0);
  const { latin, charIndex, levelOffsets, levelValues, firstEdge, labels, children, rootEdges } = trie;
  // The word's letters as alphabet indexes, once (-1: not in the alphabet, no pattern goes past it).
  const codes = new Int16Array(lowered.length);
  for (let i = 0; i < lowered.length; i++) {
    const unit = lowered.charCodeAt(i);
    codes[i] = unit < 0x180 ? latin[unit]! - 1 : (charIndex.get(unit) ?? -1);
  }
  for (let start = 0; lowered.length - start >= 3; start++) {
    // hyphen's slices starting at the leading dot and at the first letter both apply at position 0.
    const entity = start === 0 ? 0 : start - 1;
    let node = 0;
    for (let q = start; q < lowered.length; q++) {
      const c = codes[q]!;
      if (c < 0) break;
      let edge = -1;
      if (node === 0) edge = rootEdges[c]!; // every start position begins at the root, which has an edge for most letters
      else {
        for (let e = firstEdge[node]!, end = firstEdge[node + 1]!; e < end; e++) {
          if ((labels[e]! & 0xff) === c) {
            edge = e;
            break;
          }
        }
      }
      if (edge < 0) break;
      const level = (labels[edge]! >>> 8) - 1;
      if (level >= 0) {
        for (let k = 0, from = levelOffsets[level]!, to = levelOffsets[level + 1]!; from + k < to; k++) {
          levels[entity + k] = Math.max(levelValues[from + k]!, levels[entity + k]!);
        }
      }
      node = children[edge]!;
      if (node === 0) break;
    }
  }
  levels[0] = levels[1] = levels[levels.length - 1] = levels[levels.length - 2] = 0;
  const out: number[] = [];
  for (let i = 0; i < levels.length; i++) if ((levels[i]! & 1) === 1) out.push(i);
  return out;
}

function insertHyphens(text: string, at: readonly number[]): string {
  if (at.length === 0) return text;
  const parts = [text.slice(0, at[0])];
  for (let i = 1; i < at.length; i++) parts.push(text.slice(at[i - 1], at[i]));
  parts.push(text.slice(at[at.length - 1]));
  return parts.join(SOFT_HYPHEN);
}
