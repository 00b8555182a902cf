import type { Intent, Match } from '../types.ts';
import { INTENT_PRIORITY } from '../vocabulary/intents.ts';
import type { RefineState } from './state.ts';

/**
 * The intent, from the keywords found and the slots.
 *
 * - Priority: cancel > status > balance > help > topup (vocabulary/intents.ts says why).
 * - A reject marker (ไม่เอา, ไม่ต้อง) or negated verb (ไม่ต้องเติม) that did not negate a slot is
 *   a cancel.
 * - help and topup together: topup when the message carries a slot ("ช่วยหน่อย เติมทรู 50"),
 *   help otherwise ("ช่วยด้วย เติมไม่ได้").
 * - No verb but slots ("ทรู 0812345678 100 บาท", "ไม่ใช่ ทรู", a lone "100"): topup, with
 *   flags.impliedIntent. The conversation is slot filling for a top-up; answering "unknown" to a
 *   message that is all slots would make it ask a needless question.
 * - Greetings, thanks, yes/no are flags, not intents: intent stays unknown (help is kept for
 *   explicit requests for help; the conversation may greet with its help text anyway).
 */
export function resolveIntent(state: RefineState): void {
  const { ctx, result, usedMarkers, negated } = state;
  // The first keyword of each intent, by its rank in INTENT_PRIORITY.
  const first: (Match | undefined)[] = [undefined, undefined, undefined, undefined, undefined];
  for (const m of ctx.matches) {
    if (m.kind !== 'keyword') continue;
    let kind = m.value;
    if (kind === 'reject' || kind === 'negatedVerb') {
      if (usedMarkers.includes(m)) continue;
      kind = 'cancel';
    }
    if (kind === 'deposit') {
      result.flags.deposit = true;
      kind = 'topup';
    }
    const rank = (INTENT_PRIORITY as readonly string[]).indexOf(kind);
    if (rank >= 0) first[rank] ??= m;
    else if (kind === 'greeting') result.flags.greeting = true;
    else if (kind === 'thanks') result.flags.thanks = true;
    else if (kind === 'affirm') result.flags.affirm = true;
    else if (kind === 'deny') result.flags.deny = true;
  }

  const hasSlot =
    result.number !== null || result.network !== null || result.amount !== null ||
    result.candidates.numbers.length > 0 || result.candidates.networks.length > 0 ||
    result.amountCandidates.length > 0 || result.flags.invalidNumber || result.flags.fractionalAmount ||
    negated.length > 0;

  const topupRank = INTENT_PRIORITY.indexOf('topup');
  for (let rank = 0; rank < INTENT_PRIORITY.length; rank++) {
    const m = first[rank];
    if (m === undefined) continue;
    const intent = INTENT_PRIORITY[rank] as Intent;
    if (intent === 'help' && first[topupRank] !== undefined && hasSlot) continue;
    result.intent = intent;
    result.sources.intent = ctx.text.slice(m.start, m.end);
    return;
  }
  if (hasSlot) {
    result.intent = 'topup';
    result.flags.impliedIntent = true;
    result.sources.intent = 'implied';
  }
}
