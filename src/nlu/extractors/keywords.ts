import type { ParseContext } from '../context.ts';
import { buildTrie, canStart, longestMatch } from '../trie.ts';
import { KEYWORDS, type KeywordKind } from '../vocabulary/intents.ts';

/**
 * Intent verbs and conversation markers (ไม่ใช่, ใช่, สวัสดี, ขอบคุณ …), longest first, so a
 * phrase is read whole: "ไม่ต้องเติมแล้ว" is one cancel phrase, not cancel + topup. Keywords are
 * consumed, which also protects number words inside them (เรียบร้อยยัง holds ร้อย) from the
 * amount extractors that run next.
 */
const TRIE = buildTrie<KeywordKind>(
  (Object.entries(KEYWORDS) as [KeywordKind, readonly string[]][]).flatMap(([kind, words]) =>
    words.map((w) => [w, kind] as const),
  ),
);

export function extractKeywords(ctx: ParseContext): void {
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
    ctx.add({ kind: 'keyword', value: m.value, start: i, end: m.end, extractor: 'keyword' });
    i = m.end;
  }
}
