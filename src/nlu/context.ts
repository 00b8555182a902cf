import type { Match } from './types.ts';

/**
 * The working state of one parse: the normalised text, which characters extractors have taken,
 * and what they found, in text order. Extractors run in a fixed order and only look at untaken characters, so
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

  /** Records a match, keeping `matches` in text order (a few entries: insertion beats sorting). */
  add(match: Match): void {
    this.taken.fill(1, match.start, match.end);
    const list = this.matches;
    let i = list.length;
    while (i > 0 && (list[i - 1] as Match).start > match.start) i--;
    if (i === list.length) list.push(match);
    else list.splice(i, 0, match);
  }
}
