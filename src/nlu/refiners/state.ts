import type { ParseContext } from '../context.ts';
import type { Match, ParseResult } from '../types.ts';

/** What refiners share: the extraction context, the result being built, and the negated spans. */
export interface RefineState {
  readonly ctx: ParseContext;
  readonly result: ParseResult;
  /** Slot matches the customer ruled out ("ไม่เอา ais"). Arrays: they hold zero to two entries. */
  readonly negated: Match[];
  /** Keyword matches that were used to negate a slot (so ไม่เอา there is not a cancel). */
  readonly usedMarkers: Match[];
  /** Network matches that count: strong ones, plus weak ones the weak-network refiner accepted. */
  networkMatches: Match[];
}

export type Refiner = (state: RefineState) => void;
