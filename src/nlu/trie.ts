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

/**
 * A compiled vocabulary. Scanners try a match at nearly every character and most attempts fail
 * on the first one, so the root's children are also held in a flat table indexed by code unit.
 */
export interface Trie<T> {
  readonly root: TrieNode<T>;
  /** first[c]: the root's child for code unit c < FLAT_SIZE (undefined when none). */
  readonly first: readonly (TrieNode<T> | undefined)[];
}

/** ASCII through the Thai block: every first character our vocabularies use. */
const FLAT_SIZE = 0x0e80;

export function buildTrie<T>(entries: Iterable<readonly [string, T]>): Trie<T> {
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
  const first = new Array<TrieNode<T> | undefined>(FLAT_SIZE).fill(undefined);
  for (const [c, child] of root.next) if (c < FLAT_SIZE) first[c] = child;
  return { root, first };
}

function child<T>(trie: Trie<T>, c: number): TrieNode<T> | undefined {
  return c < FLAT_SIZE ? trie.first[c] : trie.root.next.get(c);
}

/** Can a word of this vocabulary start with code unit c? */
export function canStart(trie: Trie<unknown>, c: number): boolean {
  return child(trie, c) !== undefined;
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
  trie: Trie<T>,
  text: string,
  start: number,
  taken?: Uint8Array,
  checkBoundaries = true,
): TrieMatch<T> | null {
  const n = text.length;
  if (start >= n || (taken !== undefined && taken[start] !== 0)) return null;
  let node = child(trie, text.charCodeAt(start));
  let bestEnd = -1;
  let best: T | undefined;
  for (let i = start + 1; node !== undefined; i++) {
    if (node.value !== undefined && (!checkBoundaries || fitsBoundaries(text, start, i))) {
      bestEnd = i;
      best = node.value;
    }
    if (i >= n || (taken !== undefined && taken[i] !== 0)) break;
    node = node.next.get(text.charCodeAt(i));
  }
  return bestEnd < 0 ? null : { end: bestEnd, value: best as T };
}

/**
 * Walks the text left to right and calls `onMatch` for every longest entry on characters no
 * earlier extractor has taken; scanning resumes after each match. The loop every vocabulary
 * extractor (networks, keywords) shares.
 */
export function scanLongest<T>(
  trie: Trie<T>,
  text: string,
  taken: Uint8Array,
  onMatch: (value: T, start: number, end: number) => void,
): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (taken[i] !== 0 || !canStart(trie, text.charCodeAt(i))) {
      i++;
      continue;
    }
    const m = longestMatch(trie, text, i, taken);
    if (m === null) {
      i++;
      continue;
    }
    onMatch(m.value, i, m.end);
    i = m.end;
  }
}

/**
 * The longest entry ending at `end`, for a trie built from reversed words (`buildReversedTrie`),
 * whose span fits word boundaries and lies on untaken characters. Returns the entry's start.
 */
export function longestMatchBefore<T>(trie: Trie<T>, text: string, end: number, taken: Uint8Array): { start: number; value: T } | null {
  if (end <= 0 || taken[end - 1] !== 0) return null;
  let node = child(trie, text.charCodeAt(end - 1));
  let bestStart = -1;
  let best: T | undefined;
  for (let i = end - 1; node !== undefined; i--) {
    if (node.value !== undefined && fitsBoundaries(text, i, end)) {
      bestStart = i;
      best = node.value;
    }
    if (i === 0 || taken[i - 1] !== 0) break;
    node = node.next.get(text.charCodeAt(i - 1));
  }
  return bestStart < 0 ? null : { start: bestStart, value: best as T };
}

/** A trie of the words spelled backwards, for `longestMatchBefore`. */
export function buildReversedTrie<T>(entries: Iterable<readonly [string, T]>): Trie<T> {
  const reversed: [string, T][] = [];
  for (const [word, value] of entries) reversed.push([[...word].reverse().join(''), value]);
  return buildTrie(reversed);
}
