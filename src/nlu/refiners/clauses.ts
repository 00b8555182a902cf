import type { Match } from '../types.ts';
import { isKeyword, isKeywordIn, keywordSet, type RefineState } from './state.ts';

/**
 * Reads the small words a question about an order is built from (vocabulary/clauses.ts), so a
 * whole family of phrasings is understood without listing each one:
 *
 * - status, a question about an order already made:
 *     negation + predicate            ยังไม่เข้า, บ่เข้า, ยังบ่าเข้า, เติมไม่สำเร็จ, ยอดไม่ขึ้น
 *     predicate + yet/question        เข้ายัง, เข้าแล้วบ่, สำเร็จไหม, เรียบร้อยแล้วรึยัง
 *     verb + yet, verb + perfect + question   เติมให้ยัง, เติมให้แล้วใช่มั้ย
 *     past order or order noun + progress     ออเดอร์เมื่อกี้เป็นไงบ้าง, ที่สั่งไปเป็นไง
 * - balance: credit + how much is left, in any order (เครดิตยังเหลือไหม, how much credit);
 * - past verbs: a top-up verb with a perfect after it or a time before it ("เติมไปแล้ว",
 *   "เมื่อวานเติม") tells of a top-up made, not a new order;
 * - complaint: a service noun with a quality word (เน็ตทรูช้ามาก, สัญญาณไม่ดี).
 *
 * Parts are adjacent when only spaces and particles stand between them.
 */
const ASKS = keywordSet('yet', 'question', 'negation');
const ASKS_YET = keywordSet('yet', 'question');

export function readClauses(state: RefineState): void {
  const { clauses } = state;
  const parts = state.ctx.matches;
  let credit = false;
  let remain: Match | undefined;
  let service = false;
  let quality = false;
  let pastReference = false;

  for (let k = 0; k < parts.length; k++) {
    const m = parts[k] as Match;
    if (m.kind !== 'keyword') continue;
    switch (m.value) {
      case 'negation':
        if (isKeyword(nextPart(state, k), 'statusPredicate')) clauses.status ??= m;
        break;
      case 'statusPredicate': {
        const next = nextPart(state, k);
        if (isKeywordIn(next, ASKS) || (isKeyword(next, 'perfect') && isKeywordIn(partAfter(state, next), ASKS))) {
          clauses.status ??= m;
        }
        break;
      }
      case 'topup': {
        const next = nextPart(state, k);
        if (isKeyword(next, 'yet')) clauses.status ??= m;
        else if (isKeyword(next, 'perfect')) {
          clauses.pastVerbs.push(m);
          if (isKeywordIn(partAfter(state, next), ASKS_YET)) clauses.status ??= m;
        } else if (isKeyword(previousPart(state, k), 'pastTime')) {
          clauses.pastVerbs.push(m);
        }
        break;
      }
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

/** The next match after matches[k] that is not a particle, if only spaces and particles come between. */
function nextPart(state: RefineState, k: number): Match | undefined {
  const list = state.ctx.matches;
  for (let j = k + 1; j < list.length; j++) {
    const m = list[j] as Match;
    if (!onlySpaceBetween(state, (list[j - 1] as Match).end, m.start)) return undefined;
    if (!isKeyword(m, 'particle')) return m;
  }
  return undefined;
}

function partAfter(state: RefineState, m: Match | undefined): Match | undefined {
  return m === undefined ? undefined : nextPart(state, state.ctx.matches.indexOf(m));
}

function previousPart(state: RefineState, k: number): Match | undefined {
  const list = state.ctx.matches;
  for (let j = k - 1; j >= 0; j--) {
    const m = list[j] as Match;
    if (!onlySpaceBetween(state, m.end, (list[j + 1] as Match).start)) return undefined;
    if (!isKeyword(m, 'particle')) return m;
  }
  return undefined;
}

/** Nothing but spaces or punctuation between `from` and `to` (particles are matches of their own). */
function onlySpaceBetween(state: RefineState, from: number, to: number): boolean {
  const { text } = state.ctx;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x2c && c !== 0x2e) return false;
  }
  return true;
}
