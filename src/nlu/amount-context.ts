import { isDigit, isLatin, isThai } from './chars.ts';
import { buildTrie, longestMatch } from './trie.ts';
import { CURRENCY_SUFFIXES, NON_MONEY_PREFIXES, NON_MONEY_UNITS } from './vocabulary/numbers.ts';

/**
 * What surrounds a number decides whether it is money: "50บาท" is, "2 เบอร์" and "ข้อ 3" are
 * not. Shared by the digit and the word amount extractors.
 */
const SUFFIXES = buildTrie<true>(CURRENCY_SUFFIXES.map((s) => [s, true] as const));
const UNITS = buildTrie<number>(Object.entries(NON_MONEY_UNITS));

/** End of a currency word after `pos` (one optional space), or -1. */
export function currencySuffixEnd(text: string, taken: Uint8Array, pos: number): number {
  let p = pos;
  if (text.charCodeAt(p) === 0x20) p++;
  if (taken[p] !== 0) return -1;
  const m = longestMatch(SUFFIXES, text, p, taken, false);
  if (m === null) return -1;
  const word = text.slice(p, m.end);
  const next = m.end < text.length ? text.charCodeAt(m.end) : -1;
  // Single-letter บ must stand alone (50บ, 50 บ.), not start a word (50 บวก).
  if (word === 'บ' && isThai(next)) return -1;
  // A dash before digits is a range or a phone group, not "baht".
  if ((word === '-' || word === '.-') && isDigit(next)) return word === '.-' ? m.end : -1;
  if (word === '-' && p !== pos) return -1; // "50 -" with a space is punctuation
  if (isLatin(word.charCodeAt(word.length - 1)) && isLatin(next)) return -1;
  return m.end;
}

/**
 * Does a unit after `pos` (one optional space) make a number of this size not money? Read on the
 * text itself: a unit may also be a keyword already taken ("2 เบอร์", "3 รายการ").
 */
export function blockedByUnit(text: string, pos: number, value: number): boolean {
  let p = pos;
  if (text.charCodeAt(p) === 0x20) p++;
  if (p >= text.length) return false;
  const m = longestMatch(UNITS, text, p);
  return m !== null && value <= m.value;
}

/** Does a word right before `start` (one optional space) make the number an ordinal or a code? */
export function blockedByPrefix(text: string, start: number): boolean {
  let p = start;
  if (text.charCodeAt(p - 1) === 0x20) p--;
  for (const prefix of NON_MONEY_PREFIXES) {
    const s = p - prefix.length;
    if (s >= 0 && text.startsWith(prefix, s) && !(isLatin(prefix.charCodeAt(0)) && isLatin(text.charCodeAt(s - 1)))) {
      return true;
    }
  }
  return false;
}
