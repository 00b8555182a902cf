import type { Match } from '../types.ts';
import type { KeywordKind } from '../vocabulary/keywords.ts';
import { slotKind, slotValue, type RefineState, type SlotKind } from './state.ts';

/**
 * "ไม่เอา ais", "ไม่ใช่ 50 เป็น 100", "ais ไม่ใช่ทรู": a marker followed closely by a slot.
 *
 * - reject markers (ไม่เอา, ไม่ต้อง) and negators (not, ยกเว้น) always negate the slot after them;
 * - deny markers (ไม่ใช่, ผิด, no) negate it only when the message gives another value for the
 *   same slot. Alone, "ไม่ใช่ ทรู" is a correction *to* True (DESIGN §5), not "not True";
 * - negated verbs (ไม่ต้องเติม, อย่าเติม) likewise: "ไม่ต้องเติม ais เติมทรู" negates AIS, while
 *   "ไม่ต้องเติม 0812345678" stays a cancel (refiners/intent.ts).
 * Markers a repair already used (refiners/repair.ts) are left alone.
 */
const MAX_GAP = 20; // "ไม่ใช่เบอร์นี้นะคะ 08…": room for a noun and a particle, not a clause

const MARKERS: ReadonlySet<KeywordKind> = new Set<KeywordKind>(['reject', 'negator', 'deny', 'negatedVerb']);

export function applyNegation(state: RefineState): void {
  const matches = state.ctx.matches; // sorted by start
  for (let k = 0; k < matches.length; k++) {
    const marker = matches[k] as Match;
    if (marker.kind !== 'keyword' || !MARKERS.has(marker.value) || state.usedMarkers.includes(marker)) continue;
    const target = nextSlot(matches, k);
    if (target === undefined || target.start - marker.end > MAX_GAP || state.negated.includes(target)) continue;
    const kind = slotKind(target) as SlotKind;
    const always = marker.value === 'reject' || marker.value === 'negator';
    if (!always && !hasOtherValue(state, target, kind)) continue;
    state.negated.push(target);
    state.usedMarkers.push(marker);
  }
}

/** The first slot after the marker, skipping particles ("ไม่ใช่ค่ะ ทรู"). */
function nextSlot(matches: readonly Match[], k: number): Match | undefined {
  for (let j = k + 1; j < matches.length; j++) {
    const m = matches[j] as Match;
    if (m.kind === 'keyword' && m.value === 'particle') continue;
    return slotKind(m) === null ? undefined : m;
  }
  return undefined;
}

function hasOtherValue(state: RefineState, target: Match, kind: SlotKind): boolean {
  const k = slotValue(target);
  return state.ctx.matches.some((m) => m !== target && !state.negated.includes(m) && slotKind(m) === kind && slotValue(m) !== k);
}
