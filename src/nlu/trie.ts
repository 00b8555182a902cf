import { fitsBoundaries } from './chars.ts';

/**
 * A character trie compiled once per vocabulary at module load. Matching walks the text from a
 * position and keeps the longest entry that also fits word boundaries, so vocabularies need no
 * ordering and no regex is built per call.
 */
export interface TrieNode<T> {
  readonly next: Map<number, TrieNode<T>>;
  value: T | undefined;
}

export function buildTrie<T>(entries: Iterable<readonly [string, T]>): TrieNode<T> {
  const root: TrieNode<T> = { next: new Map(), value: undefined };
  for (const [word, value] of entries) {
    if (word.length === 0) continue;
    let node = root;
    for (let i = 0; i < word.length; i++) {
      const c = word.charCodeAt(i);
      let child = node.next.get(c);
      if (!child) {
        child = { next: new Map(), value: undefined };
        node.next.set(c, child);
      }
      node = child;
    }
    // First writer wins: a vocabulary lists its preferred reading first.
    if (node.value === undefined) node.value = value;
  }
  return root;
}

export interface TrieMatch<T> {
  readonly end: number;
  readonly value: T;
}

/**
 * The longest entry starting at `start` whose span fits word boundaries (see chars.ts), and, when
 * `taken` is given, lies on characters no earlier extractor has taken.
 */
export function longestMatch<T>(
  root: TrieNode<T>,
  text: string,
  start: number,
  taken?: Uint8Array,
  checkBoundaries = true,
): TrieMatch<T> | null {
  let node: TrieNode<T> | undefined = root;
  let bestEnd = -1;
  let best: T | undefined;
  const n = text.length;
  for (let i = start; i < n; i++) {
    if (taken !== undefined && taken[i] !== 0) break;
    node = node.next.get(text.charCodeAt(i));
    if (node === undefined) break;
    if (node.value !== undefined && (!checkBoundaries || fitsBoundaries(text, start, i + 1))) {
      bestEnd = i + 1;
      best = node.value;
    }
  }
  return bestEnd < 0 ? null : { end: bestEnd, value: best as T };
}
