import type { Match } from './types.ts';

/**
 * The working state of one parse: the normalised text, which characters extractors have taken,
 * and what they found. Extractors run in a fixed order and only look at untaken characters, so
 * a phone number's digits can never be read again as an amount.
 */
export class ParseContext {
  readonly text: string;
  readonly taken: Uint8Array;
  readonly matches: Match[] = [];

  constructor(text: string) {
    this.text = text;
    this.taken = new Uint8Array(text.length);
  }

  add(match: Match): void {
    this.taken.fill(1, match.start, match.end);
    this.matches.push(match);
  }
}
