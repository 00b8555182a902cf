import type { Network } from '../networks.ts';
import type { KeywordKind } from './vocabulary/keywords.ts';

export type Intent = 'topup' | 'cancel' | 'status' | 'balance' | 'help' | 'unknown';

/**
 * What the conversation knows and the text does not: the question the bot just asked. A bare
 * "37" after "how much?" is 37 baht; in chatter it is nothing. Pure data: no clock, no I/O.
 */
export interface ParseHint {
  expecting?: 'number' | 'network' | 'amount';
}

/** Names of the extractors, reported in `sources` and on every match. */
export type ExtractorName =
  | 'phone' | 'phone.intl' | 'phone.split' | 'phone.words' | 'identifier'
  | 'network' | 'network.weak'
  | 'amount.digits' | 'amount.words'
  | 'keyword';

/** One recognised span of the normalised text. */
export type Match =
  | { readonly kind: 'number'; readonly value: string; readonly start: number; readonly end: number; readonly extractor: ExtractorName }
  | { readonly kind: 'invalidNumber'; readonly value: string; readonly start: number; readonly end: number; readonly extractor: ExtractorName }
  | { readonly kind: 'network'; readonly value: Network; readonly weak: boolean; readonly start: number; readonly end: number; readonly extractor: ExtractorName }
  /** Consumed but not a slot: 3g, ทรูมันนี่, หมาย, an account number … */
  | { readonly kind: 'ignored'; readonly note: IgnoredNote | undefined; readonly start: number; readonly end: number; readonly extractor: ExtractorName }
  /**
   * A number that may be an amount. `values` has one entry when the text is clear, two for
   * colloquial readings (ร้อยห้า: [105, 150]); `fractional` marks 50.50 (not whole baht, so no
   * value). `framed`: the text itself says it is money (50 บาท, ฿50, 1,000, ห้าสิบ, 5ร้อย); a
   * bare number is money only in a money frame (refiners/amount-frame.ts).
   */
  | { readonly kind: 'amount'; readonly values: readonly number[]; readonly colloquial: boolean; readonly fractional: boolean; readonly framed: boolean; readonly start: number; readonly end: number; readonly extractor: ExtractorName }
  | { readonly kind: 'keyword'; readonly value: KeywordKind; readonly start: number; readonly end: number; readonly extractor: ExtractorName };

export type IgnoredNote = 'trueMoney' | 'otherService' | 'place' | 'identifier';

export interface Flags {
  /** Something looked like a phone number but is not a valid Thai mobile (landline, 9 or 11 digits). */
  invalidNumber: boolean;
  /** Two different valid numbers: `number` is null, see `candidates.numbers`. */
  ambiguousNumber: boolean;
  /** Two different networks: `network` is null, see `candidates.networks`. */
  ambiguousNetwork: boolean;
  /** Two different amounts, or a colloquial one (ร้อยห้า): `amount` is null, see `amountCandidates`. */
  ambiguousAmount: boolean;
  /** The amount is a colloquial reading to settle with the network's allowed amounts. */
  colloquialAmount: boolean;
  /** An amount with satang (50.50): not whole baht, so no amount. */
  fractionalAmount: boolean;
  /** No intent verb; intent was inferred from the slots (topup). */
  impliedIntent: boolean;
  /** The message corrects an earlier slot: "ไม่ใช่ ทรู", "แก้เป็น 100". */
  correction: boolean;
  greeting: boolean;
  thanks: boolean;
  /** ใช่ / ok / ตกลง / ยืนยัน. */
  affirm: boolean;
  /** ไม่ใช่ / no / ผิด (with or without a slot after it). */
  deny: boolean;
  /** TrueMoney wallet was mentioned: not a mobile network. */
  trueMoney: boolean;
  /** English "my" was seen and read as a possessive, not as the MY network. */
  possessiveMy: boolean;
  /** เติมเครดิต / deposit: the customer's prepaid credit at the shop (intent stays topup). */
  deposit: boolean;
  /** Something other than phone credit is being bought or filled (fuel, game currency, a card). */
  otherProduct: boolean;
  /** Another subject: a promotion, a complaint about the network, the shop's hours, a call back. */
  offTopic: boolean;
}

export interface ParseResult {
  /** The normalised text all spans refer to. */
  text: string;
  intent: Intent;
  /** Valid Thai mobile, 10-digit local form, or null (none, invalid or ambiguous). */
  number: string | null;
  network: Network | null;
  /** Whole baht, or null (none, ambiguous, colloquial or fractional). */
  amount: number | null;
  /** Every amount the text could mean, ascending; [amount] when clear. */
  amountCandidates: number[];
  flags: Flags;
  /** Which extractor produced each slot (and the keyword or "implied" for the intent). */
  sources: { intent?: string; number?: ExtractorName; network?: ExtractorName; amount?: ExtractorName };
  /** Every distinct value seen per slot, negated ones excluded. */
  candidates: { numbers: string[]; invalidNumbers: string[]; networks: Network[] };
  /** Values the customer ruled out: "ไม่เอา ais", "ไม่ใช่ 50 เป็น 100". */
  negation: { numbers: string[]; networks: Network[]; amounts: number[] };
  /** All spans, in text order, for debugging and for the conversation's own heuristics. */
  matches: Match[];
}
