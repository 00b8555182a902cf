import type { Match } from '../types.ts';
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
  const found = new Set<string>();
  const firstKeyword: Partial<Record<string, Match>> = {};
  for (const m of ctx.matches) {
    if (m.kind !== 'keyword') continue;
    let kind: string = m.value;
    if (kind === 'reject' || kind === 'negatedVerb') {
      if (usedMarkers.has(m)) continue;
      kind = 'cancel';
    }
    found.add(kind);
    firstKeyword[kind] ??= m;
    if (m.value === 'greeting') result.flags.greeting = true;
    else if (m.value === 'thanks') result.flags.thanks = true;
    else if (m.value === 'affirm') result.flags.affirm = true;
    else if (m.value === 'deny') result.flags.deny = true;
  }

  const hasSlot =
    result.number !== null || result.network !== null || result.amount !== null ||
    result.candidates.numbers.length > 0 || result.candidates.networks.length > 0 ||
    result.amountCandidates.length > 0 || result.flags.invalidNumber || result.flags.fractionalAmount ||
    negated.size > 0;

  for (const intent of INTENT_PRIORITY) {
    if (!found.has(intent)) continue;
    if (intent === 'help' && found.has('topup') && hasSlot) continue;
    result.intent = intent;
    result.sources.intent = keywordText(ctx.text, firstKeyword[intent]);
    return;
  }
  if (hasSlot) {
    result.intent = 'topup';
    result.flags.impliedIntent = true;
    result.sources.intent = 'implied';
  }
}

function keywordText(text: string, m: Match | undefined): string | undefined {
  return m === undefined ? undefined : text.slice(m.start, m.end);
}
