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
  private leftover: number | undefined;

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

  /**
   * Is any word left that no extractor understood? Untaken Thai consonants or Latin letters
   * (vowel signs alone are not a word). "100 ค่ะ" has none: a reply of slots and particles.
   */
  hasLeftoverWords(latinOnly = false): boolean {
    if (this.leftover === undefined) {
      // Computed once, after extraction: 0 none, 1 Thai only, 2 some Latin.
      const { text, taken } = this;
      let found = 0;
      for (let i = 0; i < text.length && found < 2; i++) {
        if (taken[i] !== 0) continue;
        const c = text.charCodeAt(i);
        if (c >= 0x61 && c <= 0x7a) found = 2; // Latin (the text is lower-cased)
        else if (c >= 0x0e01 && c <= 0x0e2e) found = 1;
      }
      this.leftover = found;
    }
    return latinOnly ? this.leftover === 2 : this.leftover > 0;
  }
}
