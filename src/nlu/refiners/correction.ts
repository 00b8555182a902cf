import { buildTrie, longestMatch } from '../trie.ts';
import { CORRECTION_PREFIXES, LEADING_INTERJECTIONS } from '../vocabulary/markers.ts';
import type { RefineState } from './state.ts';

/**
 * flags.correction: the customer is fixing a slot of the current draft (DESIGN §5: a correction
 * makes a new draft). True when the message, after interjections (อ้าว, อุ๊ย, sorry), starts with
 * a correction word (ไม่ใช่, ผิด, แก้เป็น, เปลี่ยนเป็น, เอาเป็น …) and carries a slot, or when a
 * marker negated one value and another value of that slot remains ("ais ไม่ใช่ ทรู").
 */
const PREFIXES = buildTrie<true>(CORRECTION_PREFIXES.map((w) => [w, true] as const));
const INTERJECTIONS = buildTrie<true>(LEADING_INTERJECTIONS.map((w) => [w, true] as const));

export function detectCorrection(state: RefineState): void {
  const { result, negated } = state;
  const hasSlot =
    result.candidates.numbers.length > 0 || result.candidates.networks.length > 0 ||
    result.amountCandidates.length > 0 || result.flags.invalidNumber || negated.length > 0;
  if (!hasSlot) return;
  if (startsWithCorrection(state.ctx.text)) {
    result.flags.correction = true;
    return;
  }
  for (const m of negated) {
    const survivors =
      m.kind === 'number' ? result.candidates.numbers.length :
      m.kind === 'network' ? result.candidates.networks.length :
      result.amountCandidates.length;
    if (survivors > 0) {
      result.flags.correction = true;
      return;
    }
  }
}

function startsWithCorrection(text: string): boolean {
  let pos = 0;
  for (let guard = 0; guard < 4; guard++) {
    while (text.charCodeAt(pos) === 0x20 || text.charCodeAt(pos) === 0x2c || text.charCodeAt(pos) === 0x2e) pos++;
    if (longestMatch(PREFIXES, text, pos) !== null) return true;
    const skip = longestMatch(INTERJECTIONS, text, pos);
    if (skip === null) return false;
    pos = skip.end;
  }
  return false;
}
