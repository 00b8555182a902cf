import type { ParseContext } from '../context.ts';
import type { Match, ParseHint, ParseResult } from '../types.ts';
import type { KeywordKind } from '../vocabulary/keywords.ts';

/** What the clause refiner read from the message's small words (refiners/clauses.ts). */
export interface Clauses {
  /** The match that makes the message a question about an order already made. */
  status: Match | undefined;
  /** The match that makes it a question about the customer's credit. */
  balance: Match | undefined;
  /** Top-up verbs that tell of a past top-up ("เติมไปแล้ว"), not a new order. */
  pastVerbs: Match[];
  /** A complaint about the service ("เน็ตทรูช้ามาก"). */
  complaint: boolean;
}

/** What refiners share: the extraction context, the hint, the result being built, and verdicts. */
export interface RefineState {
  readonly ctx: ParseContext;
  readonly hint: ParseHint;
  readonly result: ParseResult;
  /** Slot matches the customer ruled out or replaced. Arrays: they hold zero to a few entries. */
  readonly negated: Match[];
  /** Keyword matches that were used to negate or repair a slot (so ไม่เอา there is not a cancel). */
  readonly usedMarkers: Match[];
  /** Network matches that count: strong ones, plus weak ones the weak-network refiner accepted. */
  networkMatches: Match[];
  /** Bare numbers no money frame claims (a year, a count in chatter): not amounts. */
  readonly notMoney: Match[];
  clauses: Clauses;
}

export type Refiner = (state: RefineState) => void;

/** Slot kinds a match can fill. */
export type SlotKind = 'number' | 'network' | 'amount';

export function slotKind(m: Match): SlotKind | null {
  if (m.kind === 'number' || m.kind === 'amount' || m.kind === 'network') return m.kind;
  return null;
}

/** A comparable value for a slot match: the number, the network, or the amount readings. */
export function slotValue(m: Match): string {
  if (m.kind === 'amount') return m.values.join('/');
  if (m.kind === 'number' || m.kind === 'network') return m.value;
  return '';
}

export function isKeyword(m: Match | undefined, kind: KeywordKind): boolean {
  return m !== undefined && m.kind === 'keyword' && m.value === kind;
}

export function isKeywordIn(m: Match | undefined, kinds: ReadonlySet<KeywordKind>): boolean {
  return m !== undefined && m.kind === 'keyword' && kinds.has(m.value);
}

export const keywordSet = (...kinds: KeywordKind[]): ReadonlySet<KeywordKind> => new Set(kinds);
