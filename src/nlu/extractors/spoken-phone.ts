import { isDigit, isLatin } from '../chars.ts';
import type { ParseContext } from '../context.ts';
import { isThaiMobile } from '../phone.ts';
import { buildTrie, longestMatch } from '../trie.ts';
import { SPOKEN_DIGITS } from '../vocabulary/numbers.ts';

/**
 * Phone numbers dictated digit by digit, the way they are read aloud or typed by voice:
 * "ศูนย์ แปด หนึ่ง สอง สาม …", "ศูนย์แปดเก้าหนึ่งสองสาม…", "08 หนึ่ง สอง …", "zero eight one …"
 * (โท is the radio "two"). Runs after the digit phone extractor and before number words, so
 * "ห้า" in a dictated number is never five baht. At least three digits must be words, and the
 * whole must be phone-sized, so "สองสามวัน" or "ห้าสิบ" never read as a number. A Thai mobile
 * number starts with 0, so reading starts only at a zero (ศูนย์, zero, oh, 0).
 */
const DIGITS = buildTrie<number>(Object.entries(SPOKEN_DIGITS));
const MIN_WORDS = 3;
const MAX_TOKENS = 16;
/** The ways to say zero, and "0": where a dictated number may start. */
const ZERO_WORDS: readonly string[] = ['0', ...Object.entries(SPOKEN_DIGITS).filter(([, d]) => d === 0).map(([w]) => w)];

export function extractSpokenPhones(ctx: ParseContext): void {
  const { text, taken } = ctx;
  // Zeros are found with indexOf (native and fast); most messages have none left to read.
  for (const zero of ZERO_WORDS) {
    let end = 0;
    for (let i = text.indexOf(zero); i >= 0; i = text.indexOf(zero, Math.max(i + 1, end))) {
      if (taken[i] !== 0 || (zero === '0' && isDigit(text.charCodeAt(i - 1)))) continue;
      end = readDictation(ctx, i);
    }
  }
}

/** Reads digit tokens from `start`; records a number when they spell one; returns where to go on. */
function readDictation(ctx: ParseContext, start: number): number {
  const { text, taken } = ctx;
  let digits = '';
  let words = 0;
  let tokens = 0;
  let end = start;
  let p = start;
  while (tokens < MAX_TOKENS) {
    const token = digitToken(text, taken, p);
    if (token === null) break;
    digits += token.digits;
    if (token.word) words++;
    tokens++;
    end = token.end;
    p = skipSeparators(text, taken, end);
  }
  if (words < MIN_WORDS || digits.length < 9 || digits.length > 11 || digits.charCodeAt(0) !== 0x30) {
    return tokens > 1 && words === 0 ? end : start + 1;
  }
  const valid = digits.length === 10 && isThaiMobile(digits);
  ctx.add(
    valid
      ? { kind: 'number', value: digits, start, end, extractor: 'phone.words' }
      : { kind: 'invalidNumber', value: digits, start, end, extractor: 'phone.words' },
  );
  return end;
}

function digitToken(text: string, taken: Uint8Array, p: number): { digits: string; word: boolean; end: number } | null {
  if (p >= text.length || taken[p] !== 0) return null;
  if (isDigit(text.charCodeAt(p))) {
    let q = p;
    while (isDigit(text.charCodeAt(q)) && taken[q] === 0) q++;
    return { digits: text.slice(p, q), word: false, end: q };
  }
  const m = longestMatch(DIGITS, text, p, taken, false);
  if (m === null) return null;
  // Latin digit words need Latin edges ("one" is not in "someone").
  if (isLatin(text.charCodeAt(p)) && (isLatin(text.charCodeAt(p - 1)) || isLatin(text.charCodeAt(m.end)))) return null;
  return { digits: String(m.value), word: true, end: m.end };
}

function skipSeparators(text: string, taken: Uint8Array, p: number): number {
  let q = p;
  while (q < text.length && q - p < 3 && taken[q] === 0) {
    const c = text.charCodeAt(q);
    if (c !== 0x20 && c !== 0x2d && c !== 0x2e && c !== 0x2c) break;
    q++;
  }
  return q;
}
