/**
 * The webhook inbox: events stored by `webhookEventId` before anything acts on them.
 *
 * The instance that stores an event holds a lease on it and processes it at once. If it
 * crashes, the lease runs out and any instance's sweep claims the event.
 */
import { and, eq, gte, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { webhookEvents, type WebhookEventRow } from '../schema.ts';

export interface NewWebhookEvent {
  id: string;
  type: string;
  sourceType?: string;
  sourceId?: string;
  payload: unknown;
}

/** Stores the events under a lease; returns the ids that were new (duplicates are left out). */
export async function storeWebhookEvents(
  db: DbOrTx,
  options: { events: NewWebhookEvent[]; leaseMs: number },
): Promise<Set<string>> {
  if (options.events.length === 0) return new Set();
  const leaseUntil = new Date(Date.now() + options.leaseMs);
  const rows = await db
    .insert(webhookEvents)
    .values(options.events.map((e) => ({ ...e, leaseUntil })))
    .onConflictDoNothing({ target: webhookEvents.id })
    .returning({ id: webhookEvents.id });
  return new Set(rows.map((r) => r.id));
}

export async function findWebhookEvent(db: DbOrTx, id: string): Promise<WebhookEventRow | undefined> {
  const [row] = await db.select().from(webhookEvents).where(eq(webhookEvents.id, id));
  return row;
}

/**
 * Claims events whose lease ran out without being processed (a crash, a failure), renewing
 * the lease and counting the attempt. Rows another instance is claiming are skipped.
 */
export async function claimExpiredWebhookEvents(
  db: DbOrTx,
  options: { limit: number; leaseMs: number; maxAttempts: number },
): Promise<WebhookEventRow[]> {
  const due = db
    .select({ id: webhookEvents.id })
    .from(webhookEvents)
    .where(
      and(
        isNull(webhookEvents.processedAt),
        lt(webhookEvents.leaseUntil, sql`now()`),
        lt(webhookEvents.attempts, options.maxAttempts),
      ),
    )
    .orderBy(webhookEvents.receivedAt)
    .limit(options.limit)
    .for('update', { skipLocked: true });
  return db
    .update(webhookEvents)
    .set({
      leaseUntil: sql`now() + make_interval(secs => ${options.leaseMs / 1000})`,
      attempts: sql`${webhookEvents.attempts} + 1`,
    })
    .where(inArray(webhookEvents.id, due))
    .returning();
}

/** Records the event's answer just before it goes out (`messages` when it goes by reply). */
export async function recordWebhookEventAnswer(db: DbOrTx, options: { id: string; messages?: unknown[] }): Promise<void> {
  await db
    .update(webhookEvents)
    .set({ answeredAt: sql`now()`, ...(options.messages ? { answer: options.messages } : {}) })
    .where(eq(webhookEvents.id, options.id));
}

/** Keeps the events this instance still holds (queued or in progress) from being claimed by a sweep. */
export async function renewWebhookEventLeases(db: DbOrTx, options: { ids: string[]; leaseMs: number }): Promise<void> {
  if (options.ids.length === 0) return;
  await db
    .update(webhookEvents)
    .set({ leaseUntil: sql`now() + make_interval(secs => ${options.leaseMs / 1000})` })
    .where(and(inArray(webhookEvents.id, options.ids), isNull(webhookEvents.processedAt)));
}

/**
 * Claims events that used up their attempts and were never processed: each is given up once
 * (and reported by the caller).
 */
export async function claimAbandonedWebhookEvents(db: DbOrTx, options: { maxAttempts: number; limit: number }): Promise<WebhookEventRow[]> {
  const due = db
    .select({ id: webhookEvents.id })
    .from(webhookEvents)
    .where(
      and(
        isNull(webhookEvents.processedAt),
        isNull(webhookEvents.gaveUpAt),
        gte(webhookEvents.attempts, options.maxAttempts),
        lt(webhookEvents.leaseUntil, sql`now()`),
      ),
    )
    .limit(options.limit)
    .for('update', { skipLocked: true });
  return db.update(webhookEvents).set({ gaveUpAt: sql`now()` }).where(inArray(webhookEvents.id, due)).returning();
}

export async function markWebhookEventProcessed(db: DbOrTx, id: string): Promise<void> {
  await db.update(webhookEvents).set({ processedAt: sql`now()`, lastError: null }).where(eq(webhookEvents.id, id));
}

/** Records a failure; the event is retried by the sweep once its lease runs out. */
export async function markWebhookEventFailed(db: DbOrTx, options: { id: string; error: string }): Promise<void> {
  await db
    .update(webhookEvents)
    .set({ lastError: options.error.slice(0, 500) })
    .where(eq(webhookEvents.id, options.id));
}
