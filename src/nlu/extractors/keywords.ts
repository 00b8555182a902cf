import type { ParseContext } from '../context.ts';
import { buildTrie, scanLongest } from '../trie.ts';
import { KEYWORDS, type KeywordKind } from '../vocabulary/keywords.ts';

/**
 * Intent phrases, conversation markers and the parts of clauses (ไม่, ยัง, เข้า …), longest
 * first, so a phrase is read whole: "ไม่ต้องเติมแล้ว" is one cancel phrase, not cancel + topup.
 * Keywords are consumed, which also protects number words inside them (เรียบร้อยยัง holds ร้อย)
 * from the amount extractors that run next.
 */
const TRIE = buildTrie<KeywordKind>(
  (Object.entries(KEYWORDS) as [KeywordKind, readonly string[]][]).flatMap(([kind, words]) =>
    words.map((w) => [w, kind] as const),
  ),
);

export function extractKeywords(ctx: ParseContext): void {
  scanLongest(TRIE, ctx.text, ctx.taken, (value, start, end) => {
    ctx.add({ kind: 'keyword', value, start, end, extractor: 'keyword' });
  });
}
