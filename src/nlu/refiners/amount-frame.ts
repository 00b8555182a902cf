import type { Match } from '../types.ts';
import { MAX_BARE_AMOUNT, isCommonFaceValue } from '../vocabulary/numbers.ts';
import { isKeyword, isKeywordIn, keywordSet, type RefineState } from './state.ts';

/**
 * A bare number ("50", "2567", "37") is money only in a money frame:
 * - the bot just asked how much (hint `expecting: 'amount'`): any number;
 * - the message is about a top-up: a top-up or deposit word, a phone number, a network, an
 *   amount the text calls money (50 บาท), a past order: any number up to MAX_BARE_AMOUNT
 *   (above it a bare 2024 or 2567 is a year; 2,000 or 2000 บาท is money), or any number at all
 *   after a deposit word (credit is bought in thousands: "เติมเครดิต 5000");
 * - a buying or money word right before it ("ขอ 50", "จำนวน 300");
 * - the number is the whole message, give or take particles, and a face value shops sell
 *   ("100" alone is 100 baht; "37" or "2567" alone is not).
 * Numbers the text frames itself (บาท, ฿, 1,000, ห้าสิบ) are money already (extractors).
 */
const FRAMING_KEYWORDS = keywordSet('topup', 'ranOut', 'deposit', 'negatedVerb', 'status', 'cancel', 'pastOrder');
const BUYING_WORDS = keywordSet('orderWord', 'moneyWord');

export function frameAmounts(state: RefineState): void {
  const { ctx, hint, notMoney } = state;
  if (hint.expecting === 'amount' || !ctx.matches.some(isBare) || ctx.matches.some((m) => isKeyword(m, 'deposit'))) return;

  const framed = ctx.matches.some(framesMoney);
  const alone = !ctx.hasLeftoverWords();
  for (const m of ctx.matches) {
    if (!isBare(m)) continue;
    const value = Math.trunc(Number(ctx.text.slice(m.start, m.end)));
    if (value > MAX_BARE_AMOUNT) notMoney.push(m);
    else if (framed || afterBuyingWord(state, m)) continue;
    else if (!(alone && isCommonFaceValue(value))) notMoney.push(m);
  }
}

function isBare(m: Match): boolean {
  return m.kind === 'amount' && !m.framed;
}

function framesMoney(m: Match): boolean {
  if (m.kind === 'number' || m.kind === 'invalidNumber') return true;
  if (m.kind === 'network') return !m.weak;
  if (m.kind === 'amount') return m.framed;
  return isKeywordIn(m, FRAMING_KEYWORDS);
}

/** "ขอ 50", "เอา 100", "จำนวน 300": the match just before the number is a buying or money word. */
function afterBuyingWord(state: RefineState, amount: Match): boolean {
  const list = state.ctx.matches;
  const i = list.indexOf(amount);
  const prev = list[i - 1];
  if (prev === undefined || !isKeywordIn(prev, BUYING_WORDS)) return false;
  const gap = state.ctx.text.slice(prev.end, amount.start);
  return gap === '' || gap === ' ';
}
