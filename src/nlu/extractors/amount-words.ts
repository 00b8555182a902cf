import { blockedByPrefix, blockedByUnit, currencySuffixEnd } from '../amount-context.ts';
import { fitsBoundaries } from '../chars.ts';
import type { ParseContext } from '../context.ts';
import { readThaiNumber, startsNumberWord } from '../thai-number-words.ts';
import { buildTrie, canStart, longestMatch } from '../trie.ts';
import { NUMBER_WORD_BLOCKERS } from '../vocabulary/numbers.ts';

/**
 * Amounts written in Thai words: ห้าสิบ, ร้อยบาท, ร้อยนึง, สองร้อยห้าสิบ, ห้าสิบบาทถ้วน, and the
 * colloquial ร้อยห้า / พันห้า (two readings, settled later against the network's amounts).
 *
 * Words that merely contain a number word are skipped first (เรียบร้อย = done, สามี = husband,
 * see vocabulary/numbers.ts), and the syllable-edge rule in chars.ts does the rest. A lone digit
 * word (ห้า) or a bare big multiplier (แสน, as in แสนดี "so kind") is money only with บาท.
 */
const MAX_AMOUNT = 1_000_000;
const BLOCKERS = buildTrie<true>(NUMBER_WORD_BLOCKERS.map((w) => [w, true] as const));

export function extractWordAmounts(ctx: ParseContext): void {
  const { text, taken } = ctx;
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (taken[i] !== 0) {
      i++;
      continue;
    }
    if (canStart(BLOCKERS, c)) {
      const b = longestMatch(BLOCKERS, text, i, taken, false);
      if (b !== null) {
        i = b.end;
        continue;
      }
    }
    if (!startsNumberWord(c)) {
      i++;
      continue;
    }
    const r = readThaiNumber(text, i, taken);
    if (r === null) {
      i++;
      continue;
    }
    if (fitsBoundaries(text, r.start, r.end)) accept(ctx, r.start, r.end, r.value, r.colloquial, r.hasMultiplier, r.bare);
    i = r.end;
  }
}

function accept(
  ctx: ParseContext,
  start: number,
  end: number,
  value: number,
  colloquial: number | null,
  hasMultiplier: boolean,
  bare: boolean,
): void {
  const { text, taken } = ctx;
  const suffixEnd = currencySuffixEnd(text, taken, end);
  const currency = suffixEnd >= 0;
  if (value === 0 || value > MAX_AMOUNT) return; // พันล้าน is news, not a top-up
  if (!currency) {
    if (!hasMultiplier) return; // ห้า alone is not an amount
    if (bare && value >= 10_000) return; // แสน alone is "very"
    if (blockedByUnit(text, end, value)) return;
    if (blockedByPrefix(text, start)) return;
  }
  ctx.add({
    kind: 'amount',
    values: colloquial === null ? [value] : [value, colloquial],
    colloquial: colloquial !== null,
    fractional: false,
    // Number words are quantities typed on purpose ("ห้าสิบ"), never a code or a year.
    framed: true,
    start,
    end: currency ? suffixEnd : end,
    extractor: 'amount.words',
  });
}
