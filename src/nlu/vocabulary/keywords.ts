import { CLAUSE_WORDS } from './clauses.ts';
import { INTENT_PHRASES } from './intents.ts';
import { MARKERS } from './markers.ts';
import { TOPIC_WORDS } from './topics.ts';

/**
 * Every keyword vocabulary, by kind: one trie is built from all of them (extractors/keywords.ts),
 * so the longest phrase wins whichever table it is in. A phrase belongs to one kind only
 * (test/nlu/vocabulary.test.ts checks it).
 */
export const KEYWORDS = { ...INTENT_PHRASES, ...MARKERS, ...CLAUSE_WORDS, ...TOPIC_WORDS };

export type KeywordKind = keyof typeof KEYWORDS;
