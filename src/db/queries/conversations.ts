/**
 * Conversation state per 1:1 chat. Writes are compare-and-set on `version` (turns.ts), so two
 * instances handling the same chat at once cannot silently overwrite each other. A version only
 * ever grows: an ended conversation keeps its row, expired, so a writer holding an old version
 * can never match a newer conversation that happens to have the same number.
 */
import { eq, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../client.ts';
import { run, statement } from '../statements.ts';
import { conversations } from '../schema.ts';

export interface StoredConversation<S> {
  /** Undefined when the chat has no conversation or it expired. */
  state: S | undefined;
  /** Pass back to the write; 0 when no row exists. */
  version: number;
  /** When `state` stops counting (ms since the epoch); undefined with no state. */
  expiresAt?: number;
}

/** The stored row as the driver returns it, made a StoredConversation. */
export function toStoredConversation<S>(row: { state: unknown; version: number | null; expires_at: Date | string | null } | undefined): StoredConversation<S> {
  if (!row || row.version === null) return { state: undefined, version: 0 };
  const expiresAt = row.expires_at === null ? 0 : new Date(row.expires_at).getTime();
  // An expired row keeps its version so the next write still compares correctly.
  return expiresAt > Date.now() ? { state: row.state as S, version: row.version, expiresAt } : { state: undefined, version: row.version };
}

const READ = statement(`select state, version, expires_at from conversations where chat_id = :chatId`);

export async function readConversation<S>(db: Db, chatId: string): Promise<StoredConversation<S>> {
  const [row] = await run<{ state: unknown; version: number; expires_at: Date }>(db, READ, { chatId });
  return toStoredConversation<S>(row);
}

/** Ends the chat's conversation whatever its version (the order it was about is confirmed). */
export async function endConversation(db: DbOrTx, chatId: string): Promise<void> {
  await db
    .update(conversations)
    .set({ version: sql`${conversations.version} + 1`, expiresAt: sql`now()`, updatedAt: sql`now()` })
    .where(eq(conversations.chatId, chatId));
}
