import type { Match } from '../types.ts';
import { isKeyword, isKeywordIn, keywordSet, slotKind, slotValue, type RefineState, type SlotKind } from './state.ts';

/**
 * Self-repair inside one message: "เติม 20 เอ้ย 30", "ดีแทค อ่ะ ไม่ใช่ๆ ทรูค่ะ", "ขอ ais นะ
 * ขอโทษค่ะพิมพ์ผิด dtac", "0812345678 เปลี่ยนเป็น 0898765432". Whatever slot it is, when a value
 * of that slot comes both before and after a repair word, the values before are replaced (they
 * join `negated`); slots with a value on one side only are left as they are.
 *
 * A repair word is one of vocabulary/markers.ts `repair`, or a denial said twice ("ไม่ใช่
 * ไม่ใช่"). A single "ไม่ใช่" between two values is not a repair but a contrast ("ais ไม่ใช่ทรู":
 * AIS, not True), which refiners/negation.ts reads.
 */
const SLOTS: readonly SlotKind[] = ['number', 'network', 'amount'];
const MAX_REPEAT_GAP = 1;
const DENIALS = keywordSet('deny', 'reject', 'repair');

export function applyRepairs(state: RefineState): void {
  const matches = state.ctx.matches;
  for (let k = 0; k < matches.length; k++) {
    const m = matches[k] as Match;
    if (m.kind !== 'keyword' || !isRepair(matches, k)) continue;
    for (const slot of SLOTS) replaceBefore(state, m, slot);
    // Denials right after the repair word belong to it ("เอ้ย ไม่ใช่ 60"), not to a value.
    for (let j = k + 1; j < matches.length && isKeywordIn(matches[j], DENIALS); j++) {
      state.usedMarkers.push(matches[j] as Match);
    }
  }
}

function isRepair(matches: readonly Match[], k: number): boolean {
  const m = matches[k] as Match;
  if (isKeyword(m, 'repair')) return true;
  const next = matches[k + 1];
  return isKeyword(m, 'deny') && next !== undefined && isKeyword(next, 'deny') && next.start - m.end <= MAX_REPEAT_GAP;
}

function replaceBefore(state: RefineState, repair: Match, slot: SlotKind): void {
  const { negated } = state;
  const before: Match[] = [];
  const after = new Set<string>();
  for (const m of state.ctx.matches) {
    if (slotKind(m) !== slot || negated.includes(m)) continue;
    if (m.end <= repair.start) before.push(m);
    else if (m.start >= repair.end) after.add(slotValue(m));
  }
  if (after.size === 0) return;
  for (const m of before) if (!after.has(slotValue(m))) negated.push(m);
}
