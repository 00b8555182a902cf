import { buildTrie, canStart, longestMatch, type TrieMatch } from './trie.ts';
import { NUMBER_WORDS, type NumberWord } from './vocabulary/numbers.ts';

/**
 * Thai number words: a small grammar over the words in vocabulary/numbers.ts.
 *
 *   number   := section (ล้าน section)?
 *   section  := (digit? multiplier)* digit?      multipliers strictly descending
 *   ยี่ only before สิบ; เอ็ด only last, after a multiplier; ศูนย์ only alone; ครึ่ง (half) after ร้อย+.
 *
 * Reading stops at the first word that breaks the grammar, so "ห้าสิบบาท" reads ห้าสิบ and
 * "สองสาม" reads สอง. Colloquial speech drops the last multiplier: ร้อยห้า is 105 by the book and
 * 150 in a shop, พันห้า 1005 or 1500. Both readings are returned and the caller decides.
 * ร้อยนึง / พันนึง ("a hundred", "a thousand") are 100 and 1000. Northern and Isan ซาว is a
 * tens word with its own coefficient (ซาว = 20, ร้อยซาวห้า = 125); Isan writes ร้อย as ฮ้อย.
 */
const TRIE = buildTrie<NumberWord>(Object.entries(NUMBER_WORDS));

export interface ThaiNumberReading {
  readonly start: number;
  readonly end: number;
  /** The formal value. */
  readonly value: number;
  /** The colloquial value when it differs (ร้อยห้า: value 105, colloquial 150), else null. */
  readonly colloquial: number | null;
  /** At least one multiplier (สิบ, ร้อย, …): "ห้า" alone is a digit, not an amount by itself. */
  readonly hasMultiplier: boolean;
  /** A single multiplier word with no coefficient: "ร้อย", "แสน". */
  readonly bare: boolean;
}

/** Is this code unit the first character of some number word? (Cheap pre-check for scanners.) */
export function startsNumberWord(c: number): boolean {
  return canStart(TRIE, c);
}

export function readThaiNumber(text: string, start: number, taken?: Uint8Array): ThaiNumberReading | null {
  // Words are read one at a time with one word of look-ahead (ยี่ needs to see สิบ); internal
  // word edges need no boundary check (สาม|สิบ).
  let word = longestMatch(TRIE, text, start, taken, false);
  if (word === null) return null;

  let millions = 0;
  let section = 0;
  let digit: NumberWord | null = null;
  let lastMult = Infinity;
  let coefExplicit = false;
  let hasMultiplier = false;
  let words = 0;
  let end = -1;
  let closed = false; // after เอ็ด, ครึ่ง or ศูนย์ only ล้าน (or nothing) may follow

  while (word !== null) {
    const w = word.value;
    const next: TrieMatch<NumberWord> | null = longestMatch(TRIE, text, word.end, taken, false);
    let stop = false;
    if (w.kind === 'digit') {
      if (digit !== null || closed) break;
      if (w.role === 'zero') {
        if (words !== 0) break;
        stop = true; // ศูนย์ stands alone
      }
      if (w.role === 'yi' && next?.value !== NUMBER_WORDS['สิบ']) break;
      if (w.role === 'ed' && lastMult === Infinity) break;
      digit = w;
      if (w.role === 'ed') closed = true;
    } else if (w.kind === 'multiplier') {
      if (closed || w.value >= lastMult) break;
      if (digit !== null && (digit.role === 'ed' || digit.role === 'zero')) break;
      section += (digit?.value ?? 1) * w.value;
      coefExplicit = digit !== null;
      lastMult = w.value;
      digit = null;
      hasMultiplier = true;
    } else if (w.kind === 'twenty') {
      // ซาว: twenty, so it takes no coefficient of its own.
      if (closed || digit !== null || lastMult <= 10) break;
      section += w.value;
      coefExplicit = true;
      lastMult = 10;
      hasMultiplier = true;
    } else if (w.kind === 'million') {
      if (millions !== 0) break;
      const coef = section + (digit?.value ?? 0);
      millions = (coef === 0 ? 1 : coef) * w.value;
      coefExplicit = coef !== 0;
      section = 0;
      digit = null;
      lastMult = w.value;
      hasMultiplier = true;
      closed = false;
    } else {
      // ครึ่ง: half of the last multiplier (พันครึ่ง = 1500).
      if (closed || digit !== null || lastMult === Infinity || lastMult < 100) break;
      if (lastMult === 1_000_000) millions += lastMult / 2;
      else section += lastMult / 2;
      closed = true;
    }
    words++;
    end = word.end;
    if (stop) break;
    word = next;
  }
  if (words === 0) return null;

  let value = millions + section;
  let colloquial: number | null = null;
  if (digit !== null) {
    if (lastMult === Infinity || lastMult === 10 || digit.role === 'ed') {
      value += digit.value;
    } else if (digit.role === 'one') {
      // ร้อยนึง = a hundred; หนึ่งร้อยหนึ่ง = 101.
      if (coefExplicit) value += 1;
    } else {
      colloquial = value + (digit.value * lastMult) / 10;
      value += digit.value;
    }
  }
  return { start, end, value, colloquial, hasMultiplier, bare: words === 1 && hasMultiplier };
}

/** The formal value of a whole string of Thai number words, or null if it is not one. */
export function thaiNumberValue(words: string): number | null {
  const r = readThaiNumber(words, 0);
  return r !== null && r.end === words.length ? r.value : null;
}
