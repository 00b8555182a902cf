/**
 * The notification outbox: one row per logical message (its `dedupeKey`), delivered by the
 * outbox worker with the row's own `X-Line-Retry-Key`.
 */
import { and, eq, inArray, lte, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { outbox, type OutboxRow } from '../schema.ts';

/**
 * Queues a message; a second enqueue with the same key is ignored. True if it was new.
 * `holdMs` delays delivery, so a reply can still make the push unnecessary (`withdrawMessages`).
 */
export async function enqueueMessage(
  db: DbOrTx,
  options: { dedupeKey: string; to: string; messages: unknown[]; holdMs?: number },
): Promise<boolean> {
  const rows = await db
    .insert(outbox)
    .values({
      dedupeKey: options.dedupeKey,
      to: options.to,
      messages: options.messages,
      ...(options.holdMs ? { nextAttemptAt: sql`now() + make_interval(secs => ${options.holdMs / 1000})` } : {}),
    })
    .onConflictDoNothing({ target: outbox.dedupeKey })
    .returning({ id: outbox.id });
  return rows.length > 0;
}

/** Claims due rows, leasing them for `leaseMs` so no other instance sends them meanwhile. */
export async function claimDueMessages(db: DbOrTx, options: { limit: number; leaseMs: number }): Promise<OutboxRow[]> {
  const due = db
    .select({ id: outbox.id })
    .from(outbox)
    .where(and(eq(outbox.status, 'pending'), lte(outbox.nextAttemptAt, sql`now()`)))
    .orderBy(outbox.nextAttemptAt)
    .limit(options.limit)
    .for('update', { skipLocked: true });
  return db
    .update(outbox)
    .set({
      nextAttemptAt: sql`now() + make_interval(secs => ${options.leaseMs / 1000})`,
      attempts: sql`${outbox.attempts} + 1`,
    })
    .where(inArray(outbox.id, due))
    .returning();
}

export async function markMessageSent(db: DbOrTx, id: number): Promise<void> {
  await db.update(outbox).set({ status: 'sent', sentAt: sql`now()`, lastError: null }).where(eq(outbox.id, id));
}

export async function markMessageRetry(db: DbOrTx, options: { id: number; delayMs: number; error: string }): Promise<void> {
  await db
    .update(outbox)
    .set({
      nextAttemptAt: sql`now() + make_interval(secs => ${options.delayMs / 1000})`,
      lastError: options.error.slice(0, 500),
    })
    .where(eq(outbox.id, options.id));
}

export async function markMessageFailed(db: DbOrTx, options: { id: number; error: string }): Promise<void> {
  await db.update(outbox).set({ status: 'failed', lastError: options.error.slice(0, 500) }).where(eq(outbox.id, options.id));
}

export async function findMessage(db: DbOrTx, dedupeKey: string): Promise<OutboxRow | undefined> {
  const [row] = await db.select().from(outbox).where(eq(outbox.dedupeKey, dedupeKey));
  return row;
}

/** Held pushes whose reply did not carry the news: due now. */
export async function releaseMessages(db: DbOrTx, dedupeKeys: string[]): Promise<void> {
  await db
    .update(outbox)
    .set({ nextAttemptAt: sql`now()` })
    .where(and(inArray(outbox.dedupeKey, dedupeKeys), eq(outbox.status, 'pending'), sql`${outbox.nextAttemptAt} > now()`));
}

/** The customer already got this news by reply: the held push must not go out too. */
export async function withdrawMessages(db: DbOrTx, dedupeKeys: string[]): Promise<void> {
  await db
    .update(outbox)
    .set({ status: 'replied', sentAt: sql`now()` })
    .where(and(inArray(outbox.dedupeKey, dedupeKeys), eq(outbox.status, 'pending')));
}
