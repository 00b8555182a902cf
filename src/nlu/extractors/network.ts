import type { ParseContext } from '../context.ts';
import { buildTrie, scanLongest } from '../trie.ts';
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
  scanLongest(TRIE, ctx.text, ctx.taken, (entry, start, end) => {
    if (entry.network === null) {
      ctx.add({ kind: 'ignored', note: entry.note, start, end, extractor: 'network' });
      return;
    }
    const weak = entry.weak === true;
    ctx.add({ kind: 'network', value: entry.network, weak, start, end, extractor: weak ? 'network.weak' : 'network' });
  });
}
