import { isDigit, isLatin } from '../chars.ts';
import type { ParseContext } from '../context.ts';
import { buildTrie, canStart, longestMatch } from '../trie.ts';
import { IDENTIFIER_CUES, IDENTIFIER_FILLERS } from '../vocabulary/identifiers.ts';

/**
 * Digits that identify something: "เลขบัญชี 123-4-56789-0", "บัตรประชาชน 1103700123456",
 * "รหัสไปรษณีย์ 10110", "ห้อง 305", "พร้อมเพย์ 0812345678". Runs before phones and amounts, so
 * an account that happens to look like a mobile number is never topped up and a postcode is never
 * money. Only the digits are consumed; the cue word stays for the keyword scan.
 */
const CUES = buildTrie<true>(IDENTIFIER_CUES.map((w) => [w, true] as const));
const FILLERS = buildTrie<true>(IDENTIFIER_FILLERS.map((w) => [w, true] as const));
/** Room between a cue and its digits, fillers and further cues included ("บัญชีกสิกร: 123"). */
const MAX_GAP = 16;

export function extractIdentifiers(ctx: ParseContext): void {
  const { text, taken } = ctx;
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (taken[i] !== 0 || !canStart(CUES, text.charCodeAt(i))) {
      i++;
      continue;
    }
    const cue = longestMatch(CUES, text, i, taken);
    if (cue === null) {
      i++;
      continue;
    }
    i = takeDigitsAfter(ctx, cue.end);
  }
}

/** Skips fillers and cues after `pos`; consumes the identifier there, if any. Returns where to go on. */
function takeDigitsAfter(ctx: ParseContext, pos: number): number {
  const { text, taken } = ctx;
  const limit = pos + MAX_GAP;
  let p = pos;
  while (p < text.length && p <= limit) {
    if (text.charCodeAt(p) === 0x20) {
      p++;
      continue;
    }
    const skip = longestMatch(FILLERS, text, p, taken) ?? longestMatch(CUES, text, p, taken);
    if (skip === null) break;
    p = skip.end;
  }
  // A code may start with letters glued to its digits: TH0123456789, KEX12345.
  const start = p;
  while (isLatin(text.charCodeAt(p)) && taken[p] === 0) p++;
  if (!isDigit(text.charCodeAt(p)) || taken[p] !== 0) return pos;
  const end = identifierEnd(text, taken, p);
  ctx.add({ kind: 'ignored', note: 'identifier', start, end, extractor: 'identifier' });
  return end;
}

/**
 * Where the identifier starting at `p` ends: digit groups joined by "-", "/" or ".", and by a
 * space only between long groups ("1 1037 00123 45 6" is rare; "123 456 7890" is not), so an
 * amount after it ("ห้อง 305 เติม 50") stays free.
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
