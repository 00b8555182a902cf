/**
 * Conversation state per 1:1 chat. Writes are compare-and-set on `version`, so two
 * instances handling the same chat at once cannot silently overwrite each other.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { conversations } from '../schema.ts';

export interface StoredConversation<S> {
  /** Undefined when the chat has no conversation or it expired. */
  state: S | undefined;
  /** Pass back to `writeConversation`; 0 when no row exists. */
  version: number;
}

export async function readConversation<S>(db: DbOrTx, chatId: string): Promise<StoredConversation<S>> {
  const [row] = await db
    .select({ state: conversations.state, version: conversations.version, live: sql<boolean>`${conversations.expiresAt} > now()` })
    .from(conversations)
    .where(eq(conversations.chatId, chatId));
  if (!row) return { state: undefined, version: 0 };
  // An expired row keeps its version so the next write still compares correctly.
  return { state: row.live ? (row.state as S) : undefined, version: row.version };
}

/**
 * Writes `state` if the stored version is still `expectedVersion` (0 = no row yet).
 * Returns false when another writer got there first.
 */
export async function writeConversation<S>(
  db: DbOrTx,
  options: { chatId: string; state: S; expectedVersion: number; ttlMs: number },
): Promise<boolean> {
  const expiresAt = new Date(Date.now() + options.ttlMs);
  if (options.expectedVersion === 0) {
    const rows = await db
      .insert(conversations)
      .values({ chatId: options.chatId, state: options.state, version: 1, expiresAt })
      .onConflictDoNothing({ target: conversations.chatId })
      .returning({ version: conversations.version });
    return rows.length > 0;
  }
  const rows = await db
    .update(conversations)
    .set({ state: options.state, version: options.expectedVersion + 1, updatedAt: sql`now()`, expiresAt })
    .where(and(eq(conversations.chatId, options.chatId), eq(conversations.version, options.expectedVersion)))
    .returning({ version: conversations.version });
  return rows.length > 0;
}

export async function deleteConversation(db: DbOrTx, chatId: string): Promise<void> {
  await db.delete(conversations).where(eq(conversations.chatId, chatId));
}
