import { ParseContext } from './context.ts';
import { extractDigitAmounts } from './extractors/amount-digits.ts';
import { extractWordAmounts } from './extractors/amount-words.ts';
import { extractKeywords } from './extractors/keywords.ts';
import { extractNetworks } from './extractors/network.ts';
import { extractPhones } from './extractors/phone.ts';
import { normalise } from './normalise.ts';
import { detectCorrection } from './refiners/correction.ts';
import { resolveIntent } from './refiners/intent.ts';
import { applyNegation } from './refiners/negation.ts';
import { resolveSlots } from './refiners/slots.ts';
import type { Refiner, RefineState } from './refiners/state.ts';
import { resolveWeakNetwork } from './refiners/weak-network.ts';
import type { ParseResult } from './types.ts';

/**
 * The pipeline, in the style of the chrono date parser: normalise, run extractors in a fixed
 * order over what earlier ones left, then refiners over the matches. The order is the design:
 * - networks first: brand tokens with digits (12call, 3g, tot3g) and blockers (ทรูมันนี่);
 * - phones next: their digits must never be read as money;
 * - keywords: whole phrases (ไม่ต้องเติมแล้ว, เรียบร้อยยัง) before number words inside them;
 * - amounts last, digits then Thai words.
 */
const EXTRACTORS: readonly ((ctx: ParseContext) => void)[] = [
  extractNetworks,
  extractPhones,
  extractKeywords,
  extractDigitAmounts,
  extractWordAmounts,
];

const REFINERS: readonly Refiner[] = [
  applyNegation,
  resolveWeakNetwork,
  resolveSlots,
  resolveIntent,
  detectCorrection,
];

/** Parse one customer message. Pure: same text, same result; no I/O, no clock. */
export function parse(text: string): ParseResult {
  const ctx = new ParseContext(normalise(text));
  for (const extract of EXTRACTORS) extract(ctx);

  const state: RefineState = {
    ctx,
    result: emptyResult(ctx.text),
    negated: [],
    usedMarkers: [],
    networkMatches: [],
  };
  for (const refine of REFINERS) refine(state);
  state.result.matches = ctx.matches;
  return state.result;
}

function emptyResult(text: string): ParseResult {
  return {
    text,
    intent: 'unknown',
    number: null,
    network: null,
    amount: null,
    amountCandidates: [],
    flags: {
      invalidNumber: false,
      ambiguousNumber: false,
      ambiguousNetwork: false,
      ambiguousAmount: false,
      colloquialAmount: false,
      fractionalAmount: false,
      impliedIntent: false,
      correction: false,
      greeting: false,
      thanks: false,
      affirm: false,
      deny: false,
      trueMoney: false,
      possessiveMy: false,
      deposit: false,
    },
    // All keys present from the start (one object shape); undefined keys vanish in JSON.
    sources: { intent: undefined, number: undefined, network: undefined, amount: undefined },
    candidates: { numbers: [], invalidNumbers: [], networks: [] },
    negation: { numbers: [], networks: [], amounts: [] },
    matches: [],
  };
}
