import { ParseContext } from './context.ts';
import { extractDigitAmounts } from './extractors/amount-digits.ts';
import { extractWordAmounts } from './extractors/amount-words.ts';
import { extractIdentifiers } from './extractors/identifiers.ts';
import { extractKeywords } from './extractors/keywords.ts';
import { extractNetworks } from './extractors/network.ts';
import { extractPhones } from './extractors/phone.ts';
import { extractSpokenPhones } from './extractors/spoken-phone.ts';
import { normalise } from './normalise.ts';
import { frameAmounts } from './refiners/amount-frame.ts';
import { readClauses } from './refiners/clauses.ts';
import { detectCorrection } from './refiners/correction.ts';
import { resolveIntent } from './refiners/intent.ts';
import { applyNegation } from './refiners/negation.ts';
import { applyRepairs } from './refiners/repair.ts';
import { resolveSlots } from './refiners/slots.ts';
import type { Refiner, RefineState } from './refiners/state.ts';
import { resolveWeakNetwork } from './refiners/weak-network.ts';
import type { ParseHint, ParseResult } from './types.ts';

/**
 * The pipeline, in the style of the chrono date parser: normalise, run extractors in a fixed
 * order over what earlier ones left, then refiners over the matches. The order is the design:
 * - networks first: brand tokens with digits (12call, 3g, tot3g) and blockers (ทรูมันนี่);
 * - identifiers next: an account or ID number is neither a phone to top up nor money;
 * - phones, typed then dictated: their digits must never be read as money;
 * - keywords: whole phrases (ไม่ต้องเติมแล้ว, เรียบร้อยยัง) before number words inside them;
 * - amounts last, digits then Thai words.
 * Refiners settle values first (repairs, negation), then read the message (clauses, money and
 * network frames), then fill the slots and decide the intent.
 */
const EXTRACTORS: readonly ((ctx: ParseContext) => void)[] = [
  extractNetworks,
  extractIdentifiers,
  extractPhones,
  extractSpokenPhones,
  extractKeywords,
  extractDigitAmounts,
  extractWordAmounts,
];

const REFINERS: readonly Refiner[] = [
  applyRepairs,
  applyNegation,
  readClauses,
  frameAmounts,
  resolveWeakNetwork,
  resolveSlots,
  resolveIntent,
  detectCorrection,
];

const NO_HINT: ParseHint = Object.freeze({});

/**
 * Parse one customer message. Pure: same text and hint, same result; no I/O, no clock. The
 * hint is what the bot just asked, when it asked something (types.ts ParseHint).
 */
export function parse(text: string, hint: ParseHint = NO_HINT): ParseResult {
  const ctx = new ParseContext(normalise(text));
  for (const extract of EXTRACTORS) extract(ctx);

  const state: RefineState = {
    ctx,
    hint,
    result: emptyResult(ctx.text),
    negated: [],
    usedMarkers: [],
    networkMatches: [],
    notMoney: [],
    clauses: { status: undefined, balance: undefined, pastVerbs: [], complaint: false },
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
      otherProduct: false,
      offTopic: false,
    },
    // All keys present from the start (one object shape); undefined keys vanish in JSON.
    sources: { intent: undefined, number: undefined, network: undefined, amount: undefined },
    candidates: { numbers: [], invalidNumbers: [], networks: [] },
    negation: { numbers: [], networks: [], amounts: [] },
    matches: [],
  };
}
