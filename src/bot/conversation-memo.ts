/**
 * Each chat's conversation as this instance last read or wrote it, so the next turn needs no
 * read. The database stays the truth: every write is compare-and-set on the version, and a write
 * that finds another version (another instance or another path wrote it) returns what is stored
 * instead; a stale memo costs a retry of the decision, never a lost update. Versions only grow
 * (conversations.ts), so an old version can never match by accident.
 */
import type { Db } from '../db/client.ts';
import { readConversation, type StoredConversation } from '../db/queries/conversations.ts';

const MEMO_MAX = 10_000;
const memos = new WeakMap<Db, Map<string, StoredConversation<unknown>>>();

function memoOf(db: Db): Map<string, StoredConversation<unknown>> {
  let memo = memos.get(db);
  if (!memo) memos.set(db, (memo = new Map()));
  return memo;
}

/** The chat's conversation: remembered, else read. */
export async function loadConversation<S>(db: Db, chatId: string): Promise<StoredConversation<S>> {
  const known = memoOf(db).get(chatId) as StoredConversation<S> | undefined;
  if (known) return known.expiresAt !== undefined && known.expiresAt <= Date.now() ? { state: undefined, version: known.version } : known;
  const read = await readConversation<S>(db, chatId);
  rememberConversation(db, chatId, read);
  return read;
}

/** What was just written or found stored. */
export function rememberConversation(db: Db, chatId: string, stored: StoredConversation<unknown>): void {
  const memo = memoOf(db);
  // Oldest first out: a Map keeps insertion order.
  memo.delete(chatId);
  if (memo.size >= MEMO_MAX) memo.delete(memo.keys().next().value!);
  memo.set(chatId, stored);
}

/** Written elsewhere (the conversation ended without a turn): read it next time. */
export function forgetConversation(db: Db, chatId: string): void {
  memoOf(db).delete(chatId);
}
