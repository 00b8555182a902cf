import type { Match } from '../types.ts';
import type { KeywordKind } from '../vocabulary/intents.ts';
import type { RefineState } from './state.ts';

/**
 * "ไม่เอา ais", "ไม่ใช่ 50 เป็น 100", "ais ไม่ใช่ทรู": a marker followed closely by a slot.
 *
 * - reject markers (ไม่เอา, ไม่ต้อง) and negators (not, ยกเว้น) always negate the slot after them;
 * - deny markers (ไม่ใช่, ผิด, no) negate it only when the message gives another value for the
 *   same slot. Alone, "ไม่ใช่ ทรู" is a correction *to* True (DESIGN §5), not "not True";
 * - negated verbs (ไม่ต้องเติม, อย่าเติม) likewise: "ไม่ต้องเติม ais เติมทรู" negates AIS, while
 *   "ไม่ต้องเติม 0812345678" stays a cancel (refiners/intent.ts).
 */
const MAX_GAP = 20; // "ไม่ใช่เบอร์นี้นะคะ 08…": room for a noun and a particle, not a clause

type SlotKind = 'number' | 'network' | 'amount';
const MARKERS: ReadonlySet<KeywordKind> = new Set<KeywordKind>(['reject', 'negator', 'deny', 'negatedVerb']);

export function applyNegation(state: RefineState): void {
  const matches = state.ctx.matches; // sorted by start
  for (let k = 0; k < matches.length; k++) {
    const marker = matches[k] as Match;
    if (marker.kind !== 'keyword' || !MARKERS.has(marker.value)) continue;
    const target = matches[k + 1];
    if (target === undefined || target.start - marker.end > MAX_GAP) continue;
    const kind = slotKind(target);
    if (kind === null) continue;
    const always = marker.value === 'reject' || marker.value === 'negator';
    if (!always && !hasOtherValue(matches, target, kind)) continue;
    state.negated.push(target);
    state.usedMarkers.push(marker);
  }
}

function slotKind(m: Match): SlotKind | null {
  if (m.kind === 'number' || m.kind === 'amount') return m.kind;
  if (m.kind === 'network') return 'network';
  return null;
}

function key(m: Match): string {
  if (m.kind === 'amount') return m.values.join('/');
  if (m.kind === 'number' || m.kind === 'network') return m.value;
  return '';
}

function hasOtherValue(matches: readonly Match[], target: Match, kind: SlotKind): boolean {
  const k = key(target);
  return matches.some((m) => m !== target && slotKind(m) === kind && key(m) !== k);
}
