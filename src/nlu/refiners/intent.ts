import type { Intent, Match } from '../types.ts';
import type { RefineState } from './state.ts';

/**
 * The intent, from the whole message: the keywords, the clauses around them, and the slots.
 *
 * 1. cancel: a cancel phrase, or a reject word (ไม่เอา) that negated no slot;
 * 2. status: a question about an order already made (refiners/clauses.ts), even with slots in
 *    it: "เติมไปแล้วไม่เข้า 0912345678 ทรู 50" asks about that top-up, it does not order another;
 * 3. balance: a balance phrase, or credit + how much is left;
 * 4. another product (fuel, game currency, TrueMoney, TrueID …) without a phone number or a
 *    network: unknown, however much "เติม" is in it (flags.otherProduct);
 * 5. help: a how-to question, unless it is an order with a slot ("ช่วยหน่อย เติมทรู 50"), or is
 *    about another subject without a top-up word ("โปรทรูสมัครยังไง");
 * 6. topup: a top-up or deposit word that is not about the past ("เติมแล้วเข้าแล้วนะคะ" is not),
 *    or credit that ran out ("เงินหมด"),
 *    unless the message is about another subject and names no slot;
 * 7. no word but slots ("ทรู 0812345678 100 บาท", "ไม่ใช่ ทรู", "100"): topup, with
 *    flags.impliedIntent; not when the slots belong to another subject ("เน็ตทรูช้ามาก",
 *    "ais มีโปรอะไรบ้าง", "โทรกลับ 02-123-4567": flags.offTopic), and not for an amount alone
 *    amid words we do not know ("จ่ายค่าข้าวไป 300 บาท"), unless it answers the bot's question;
 * 8. otherwise unknown. Greetings, thanks, yes and no are flags, not intents.
 *
 * An unknown message orders nothing, so it carries no amount: money it mentions (a price, a
 * fuel bill) is not a top-up amount. Numbers and networks it names are kept as named.
 */
export function resolveIntent(state: RefineState): void {
  const { ctx, result, usedMarkers, negated, clauses } = state;
  let cancel: Match | undefined;
  let balance: Match | undefined = clauses.balance;
  let help: Match | undefined;
  let topup: Match | undefined;
  let product = false;
  let offTopic = clauses.complaint;
  for (const m of ctx.matches) {
    if (m.kind === 'ignored') {
      if (m.note === 'trueMoney' || m.note === 'otherService') product = true;
      else if (m.note === 'place') offTopic = true;
      continue;
    }
    if (m.kind !== 'keyword') continue;
    switch (m.value) {
      case 'cancel':
        cancel ??= m;
        break;
      case 'reject':
      case 'negatedVerb':
        if (!usedMarkers.includes(m)) cancel ??= m;
        break;
      case 'status':
        clauses.status ??= m;
        break;
      case 'balance':
        balance ??= m;
        break;
      case 'help':
        help ??= m;
        break;
      case 'deposit':
        result.flags.deposit = true;
        topup ??= m;
        break;
      case 'topup':
        if (!clauses.pastVerbs.includes(m)) topup ??= m;
        break;
      case 'ranOut':
        topup ??= m;
        break;
      case 'product':
        product = true;
        break;
      case 'offTopic':
        offTopic = true;
        break;
      case 'greeting':
        result.flags.greeting = true;
        break;
      case 'thanks':
        result.flags.thanks = true;
        break;
      case 'affirm':
        // "โอเคไหม", "ยืนยันยังไง": a yes that is asked about is not given.
        if (!asked(state, m)) result.flags.affirm = true;
        break;
      case 'deny':
        result.flags.deny = true;
        break;
    }
  }
  result.flags.otherProduct = product;
  result.flags.offTopic = offTopic;

  const phoneSlot = result.candidates.numbers.length > 0 || result.candidates.networks.length > 0;
  const hasSlot =
    phoneSlot || result.amountCandidates.length > 0 || result.flags.invalidNumber || result.flags.fractionalAmount ||
    negated.length > 0;

  const decided: [Intent, Match | undefined] =
    cancel ? ['cancel', cancel] :
    clauses.status ? ['status', clauses.status] :
    balance ? ['balance', balance] :
    product && !phoneSlot ? ['unknown', undefined] :
    help && !(topup && hasSlot) ? [offTopic && !topup ? 'unknown' : 'help', help] :
    topup && !(offTopic && !hasSlot) ? ['topup', topup] :
    ['unknown', undefined];
  result.intent = decided[0];
  if (decided[1] !== undefined) result.sources.intent = ctx.text.slice(decided[1].start, decided[1].end);

  const answering = state.hint.expecting !== undefined;
  const implies = phoneSlot || result.flags.invalidNumber || negated.length > 0 || answering || !ctx.hasLeftoverWords();
  if (result.intent === 'unknown' && hasSlot && implies && !product && (!offTopic || answering)) {
    result.intent = 'topup';
    result.flags.impliedIntent = true;
    result.sources.intent = 'implied';
  }
  if (result.intent === 'unknown') forgetAmount(state);
}

/** Is the keyword followed straight away by a question word or a how-to? */
function asked(state: RefineState, m: Match): boolean {
  const list = state.ctx.matches;
  const next = list[list.indexOf(m) + 1];
  if (next === undefined || next.kind !== 'keyword') return false;
  if (next.value !== 'question' && next.value !== 'yet' && next.value !== 'help') return false;
  return state.ctx.text.slice(m.end, next.start).trim() === '';
}

function forgetAmount({ result }: RefineState): void {
  result.amount = null;
  result.amountCandidates.length = 0;
  result.flags.ambiguousAmount = false;
  result.flags.colloquialAmount = false;
  result.flags.fractionalAmount = false;
  result.sources.amount = undefined;
}
