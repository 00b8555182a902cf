import { describe, expect, it } from 'vitest';
import { normalise } from '../../src/nlu/index.ts';
import { IDENTIFIER_CUES } from '../../src/nlu/vocabulary/identifiers.ts';
import { KEYWORDS } from '../../src/nlu/vocabulary/keywords.ts';
import { NETWORK_VOCABULARY } from '../../src/nlu/vocabulary/networks.ts';

/** The vocabularies are data: each word is written normalised and means one thing. */
describe('vocabulary', () => {
  const keywordEntries = Object.entries(KEYWORDS).flatMap(([kind, words]) => words.map((w) => [w, kind] as const));
  const networkAliases = NETWORK_VOCABULARY.flatMap((e) => e.aliases);

  it('every keyword belongs to one kind only', () => {
    const seen = new Map<string, string>();
    const clashes: string[] = [];
    for (const [word, kind] of keywordEntries) {
      const other = seen.get(word);
      if (other !== undefined && other !== kind) clashes.push(`${word}: ${other} and ${kind}`);
      seen.set(word, kind);
    }
    expect(clashes).toEqual([]);
  });

  it('every network alias names one entry only', () => {
    const dupes = networkAliases.filter((a, i) => networkAliases.indexOf(a) !== i);
    expect(dupes).toEqual([]);
  });

  it.each([
    ['keywords', keywordEntries.map(([w]) => w)],
    ['network aliases', networkAliases],
    ['identifier cues', IDENTIFIER_CUES],
  ] as const)('%s are written in normalised form', (_name, words) => {
    const off = words.filter((w) => normalise(w) !== w);
    expect(off).toEqual([]);
  });
});
