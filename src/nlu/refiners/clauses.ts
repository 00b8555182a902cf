import type { Match } from '../types.ts';
import { isKeyword, type RefineState } from './state.ts';

/**
 * Reads the small words a question about an order is built from (vocabulary/clauses.ts), so a
 * whole family of phrasings is understood without listing each one:
 *
 * - status, a question about an order already made:
 *     negation + predicate            ยังไม่เข้า, บ่เข้า, ยังบ่าเข้า, เติมไม่สำเร็จ, ยอดไม่ขึ้น
 *     predicate + yet/question        เข้ายัง, เข้าแล้วบ่, สำเร็จไหม, เรียบร้อยแล้วรึยัง
 *     verb + yet, verb + perfect + question   เติมให้ยัง, เติมให้แล้วใช่มั้ย
 *     past order or order noun + progress     ออเดอร์เมื่อกี้เป็นไงบ้าง, ที่สั่งไปถึงไหนแล้ว
 * - balance: credit + how much is left, in any order (เครดิตยังเหลือไหม, how much credit);
 * - past verbs: a top-up verb with a perfect after it or a time before it ("เติมไปแล้ว",
 *   "เมื่อวานเติม") tells of a top-up made, not a new order;
 * - complaint: a service noun with a quality word (เน็ตทรูช้ามาก, สัญญาณไม่ดี).
 *
 * Parts are adjacent when only spaces and particles stand between them.
 */
export function readClauses(state: RefineState): void {
  const { ctx, clauses } = state;
  const parts = ctx.matches.filter((m) => !isKeyword(m, 'particle'));
  let credit = false;
  let remain: Match | undefined;
  let service = false;
  let quality = false;
  let pastReference = false;

  for (let k = 0; k < parts.length; k++) {
    const m = parts[k] as Match;
    const next = adjacent(state, m, parts[k + 1]);
    const afterNext = next === undefined ? undefined : adjacent(state, next, parts[k + 2]);
    if (m.kind !== 'keyword') continue;
    switch (m.value) {
      case 'negation':
        if (isKeyword(next, 'statusPredicate')) clauses.status ??= m;
        break;
      case 'statusPredicate':
        if (isKeyword(next, 'yet', 'question', 'negation')) clauses.status ??= m;
        else if (isKeyword(next, 'perfect') && isKeyword(afterNext, 'yet', 'question', 'negation')) clauses.status ??= m;
        break;
      case 'topup':
        if (isKeyword(next, 'yet')) clauses.status ??= m;
        else if (isKeyword(next, 'perfect')) {
          clauses.pastVerbs.push(m);
          if (isKeyword(afterNext, 'yet', 'question')) clauses.status ??= m;
        } else if (isKeyword(parts[k - 1], 'pastTime') && adjacent(state, parts[k - 1], m) !== undefined) {
          clauses.pastVerbs.push(m);
        }
        break;
      case 'pastTime':
      case 'pastOrder':
      case 'orderNoun':
        pastReference = true;
        break;
      case 'progress':
        if (pastReference) clauses.status ??= m;
        break;
      case 'creditNoun':
        credit = true;
        break;
      case 'remain':
        remain ??= m;
        break;
      case 'serviceNoun':
        service = true;
        break;
      case 'quality':
        quality = true;
        break;
    }
  }
  if (credit && remain !== undefined) clauses.balance = remain;
  clauses.complaint = service && quality;
}

/** `b` when it follows `a` with only spaces, punctuation or particles between them. */
function adjacent(state: RefineState, a: Match | undefined, b: Match | undefined): Match | undefined {
  if (a === undefined || b === undefined) return undefined;
  const { text, taken } = state.ctx;
  for (let i = a.end; i < b.start; i++) {
    const c = text.charCodeAt(i);
    if (taken[i] === 0 && c !== 0x20 && c !== 0x2c && c !== 0x2e) return undefined;
  }
  return b;
}
