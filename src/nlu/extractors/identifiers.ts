import { isDigit, isLatin } from '../chars.ts';
import type { ParseContext } from '../context.ts';
import { buildReversedTrie, longestMatchBefore } from '../trie.ts';
import { IDENTIFIER_CUES, IDENTIFIER_FILLERS } from '../vocabulary/identifiers.ts';

/**
 * Digits that identify something: "เลขบัญชี 123-4-56789-0", "บัตรประชาชน 1103700123456",
 * "รหัสไปรษณีย์ 10110", "ห้อง 305", "พร้อมเพย์ 0812345678". Runs before phones and amounts, so
 * an account that happens to look like a mobile number is never topped up and a postcode is never
 * money. Each run of digits looks back for a cue (through fillers such as "คือ", ":" and further
 * cues: "บัญชีกสิกร: 123"); only the digits are consumed, the cue stays for the keyword scan.
 */
const CUES = buildReversedTrie(IDENTIFIER_CUES.map((w) => [w, true] as const));
const FILLERS = buildReversedTrie(IDENTIFIER_FILLERS.map((w) => [w, true] as const));
/** Room between a cue and its digits. */
const MAX_GAP = 16;

/** Runs of digits, found by the regex engine (a JS loop over every character costs more). */
const DIGIT_RUN = /[0-9]+/g;

export function extractIdentifiers(ctx: ParseContext): void {
  const { text, taken } = ctx;
  DIGIT_RUN.lastIndex = 0;
  for (let run = DIGIT_RUN.exec(text); run !== null; run = DIGIT_RUN.exec(text)) {
    const i = run.index;
    if (taken[i] !== 0) continue;
    // A code may start with letters glued to its digits: TH0123456789, KEX12345.
    let start = i;
    while (start > 0 && isLatin(text.charCodeAt(start - 1)) && taken[start - 1] === 0) start--;
    if (!cueBefore(text, taken, start)) continue;
    const end = identifierEnd(text, taken, i);
    ctx.add({ kind: 'ignored', note: 'identifier', start, end, extractor: 'identifier' });
    DIGIT_RUN.lastIndex = end;
  }
}

/** Is there a cue before `pos`, with only spaces and fillers between? */
function cueBefore(text: string, taken: Uint8Array, pos: number): boolean {
  let p = pos;
  const limit = pos - MAX_GAP;
  while (p > 0 && p >= limit) {
    if (text.charCodeAt(p - 1) === 0x20) {
      p--;
      continue;
    }
    if (longestMatchBefore(CUES, text, p, taken) !== null) return true;
    const filler = longestMatchBefore(FILLERS, text, p, taken);
    if (filler === null) return false;
    p = filler.start;
  }
  return false;
}

/**
 * Where the identifier starting at `p` ends: digit groups joined by "-", "/" or ".", and by a
 * space only between groups of three or more digits ("123 456 7890"), so an amount after it
 * ("ห้อง 305 เติม 50") stays free.
 */
function identifierEnd(text: string, taken: Uint8Array, p: number): number {
  let end = p;
  for (;;) {
    let q = end;
    while (isDigit(text.charCodeAt(q)) && taken[q] === 0) q++;
    const groupLength = q - end;
    end = q;
    const sep = text.charCodeAt(end);
    const next = end + 1;
    if (!isDigit(text.charCodeAt(next)) || taken[next] !== 0) return end;
    if (sep === 0x2d || sep === 0x2f || sep === 0x2e) {
      end = next;
      continue;
    }
    if (sep === 0x20 && groupLength >= 3 && groupLengthAt(text, next) >= 3) {
      end = next;
      continue;
    }
    return end;
  }
}

function groupLengthAt(text: string, p: number): number {
  let q = p;
  while (isDigit(text.charCodeAt(q))) q++;
  return q - p;
}
