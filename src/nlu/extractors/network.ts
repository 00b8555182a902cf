import type { ParseContext } from '../context.ts';
import { buildTrie, canStart, longestMatch } from '../trie.ts';
import { NETWORK_VOCABULARY, type NetworkEntry } from '../vocabulary/networks.ts';

/**
 * Networks, product names, and tokens that only look like them. Runs first: brand tokens that
 * carry digits (12call, 1-2-call, 3g, tot3g) must be consumed before phones and amounts are
 * looked for, and blockers (ทรูมันนี่, หมาย) must be consumed before anything reads them.
 * Matches inside running text: "ทรู50", "0812345678ais", "เติมดีแทค".
 */
const TRIE = buildTrie<NetworkEntry>(
  NETWORK_VOCABULARY.flatMap((entry) => entry.aliases.map((alias) => [alias, entry] as const)),
);

export function extractNetworks(ctx: ParseContext): void {
  const { text, taken } = ctx;
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (taken[i] !== 0 || !canStart(TRIE, text.charCodeAt(i))) {
      i++;
      continue;
    }
    const m = longestMatch(TRIE, text, i, taken);
    if (m === null) {
      i++;
      continue;
    }
    const entry = m.value;
    if (entry.network === null) {
      ctx.add({ kind: 'ignored', note: entry.note, start: i, end: m.end, extractor: 'network' });
    } else {
      ctx.add({
        kind: 'network',
        value: entry.network,
        weak: entry.weak === true,
        start: i,
        end: m.end,
        extractor: entry.weak === true ? 'network.weak' : 'network',
      });
    }
    i = m.end;
  }
}
