import { blockedByPrefix, blockedByUnit, currencySuffixEnd } from '../amount-context.ts';
import { isDigit, isLatin } from '../chars.ts';
import type { ParseContext } from '../context.ts';
import { buildTrie, longestMatch } from '../trie.ts';
import { DIGIT_MULTIPLIERS } from '../vocabulary/numbers.ts';

/**
 * Amounts written with digits: 50, 1,000, ฿50, 50บ., 50บาท, 50.-, 50 THB, 1000.00, 5ร้อย.
 * Runs after phones and brand tokens, on what they left. A number is not money when it is a
 * time or date (10:30, 5/12), glued to a Latin word (a50, 12pro), followed by a unit (2 เบอร์,
 * 10 หลัก), after an ordinal word (ข้อ 2, ปี 2567), starts with 0 (a broken phone), or is Thai
 * laughter (555). What is left is recorded `framed` when the text itself says it is money
 * (currency, thousands separators, satang, 5ร้อย); a bare number waits for its frame
 * (refiners/amount-frame.ts).
 */
const MULTIPLIERS = buildTrie<number>(Object.entries(DIGIT_MULTIPLIERS));
const MAX_AMOUNT_DIGITS = 6;
const BAHT_SIGN = 0x0e3f;
const NONZERO_DIGIT = /[1-9]/;
const LAUGHTER = /^5{3,}$/; // 555, 5555…: Thai for "hahaha" (ห้าห้าห้า)

export function extractDigitAmounts(ctx: ParseContext): void {
  const { text, taken } = ctx;
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (taken[i] !== 0 || !isDigit(text.charCodeAt(i)) || (i > 0 && isDigit(text.charCodeAt(i - 1)) && taken[i - 1] === 0)) {
      i++;
      continue;
    }
    i = readAmount(ctx, i);
  }
}

const freeDigit = (text: string, taken: Uint8Array, p: number): boolean =>
  p < text.length && taken[p] === 0 && isDigit(text.charCodeAt(p));

/** Reads the number at `start`; records it if it is money; returns where scanning resumes. */
function readAmount(ctx: ParseContext, start: number): number {
  const { text, taken } = ctx;
  let j = start;
  while (freeDigit(text, taken, j)) j++;
  let intDigits = text.slice(start, j);

  // Thousands separators: 1,000 / 10,000 (exactly three digits per group).
  let grouped = false;
  while (
    intDigits.length <= (grouped ? Infinity : 3) && text.charCodeAt(j) === 0x2c &&
    freeDigit(text, taken, j + 1) && freeDigit(text, taken, j + 2) && freeDigit(text, taken, j + 3) &&
    !freeDigit(text, taken, j + 4)
  ) {
    intDigits += text.slice(j + 1, j + 4);
    j += 4;
    grouped = true;
  }

  // Satang: 1000.00 is whole baht, 50.50 is not.
  let fractional = false;
  let hasFraction = false;
  if (text.charCodeAt(j) === 0x2e && freeDigit(text, taken, j + 1)) {
    let k = j + 1;
    while (freeDigit(text, taken, k)) k++;
    fractional = NONZERO_DIGIT.test(text.slice(j + 1, k));
    hasFraction = true;
    j = k;
  }
  const end = j;

  const prev = start > 0 ? text.charCodeAt(start - 1) : -1;
  const next = text.charCodeAt(end);
  if (taken[start - 1] === 0 && isLatin(prev)) return end; // a50, ip12
  // Times and dates (10:30, 5/12) have free digits on both sides of the colon or slash;
  // "0812345678/50" and "จำนวน:50" do not.
  if ((prev === 0x3a || prev === 0x2f) && freeDigit(text, taken, start - 2)) return end;
  if ((next === 0x3a || next === 0x2f) && freeDigit(text, taken, end + 1)) return end;
  if (intDigits.charCodeAt(0) === 0x30) return end; // 0, 081…: never money
  if (intDigits.length > MAX_AMOUNT_DIGITS) return end;

  let value = Number(intDigits);
  let spanEnd = end;
  let spanStart = start;

  // 5ร้อย = 500, 2 พัน = 2000.
  let multiplied = false;
  if (!grouped && !hasFraction) {
    let p = end;
    if (text.charCodeAt(p) === 0x20) p++;
    const m = longestMatch(MULTIPLIERS, text, p, taken);
    if (m !== null) {
      value *= m.value;
      spanEnd = m.end;
      multiplied = true;
    }
  }

  let currency = false;
  const signAt = prev === BAHT_SIGN ? start - 1 : prev === 0x20 && text.charCodeAt(start - 2) === BAHT_SIGN ? start - 2 : -1;
  if (signAt >= 0 && taken[signAt] === 0) {
    currency = true;
    spanStart = signAt;
  }
  const suffixEnd = currencySuffixEnd(text, taken, spanEnd);
  if (suffixEnd >= 0) {
    currency = true;
    spanEnd = suffixEnd;
  }

  if (!currency) {
    const after = text.charCodeAt(spanEnd);
    if (isLatin(after) && taken[spanEnd] === 0) return spanEnd; // 12pro, 50k handled above
    if (blockedByUnit(text, spanEnd, value)) return spanEnd;
    if (blockedByPrefix(text, start)) return spanEnd;
    if (LAUGHTER.test(intDigits)) return spanEnd;
  }
  if (value === 0) return spanEnd;

  ctx.add({
    kind: 'amount',
    values: fractional ? [] : [value],
    colloquial: false,
    fractional,
    framed: currency || grouped || multiplied || (hasFraction && !fractional),
    start: spanStart,
    end: spanEnd,
    extractor: 'amount.digits',
  });
  return spanEnd;
}
