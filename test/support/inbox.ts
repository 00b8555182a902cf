/**
 * Crashes staged in the inbox table: a webhook event row as an instance that died mid-event
 * leaves it (not processed, its lease run out), for the sweep to take over.
 */
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../src/db/client.ts';
import { findWebhookEvent } from '../../src/db/queries/inbox.ts';
import { webhookEvents, type WebhookEventRow } from '../../src/db/schema.ts';
import { eventually } from './harness.ts';

/** Resolves with the row once the event has been handled (processed, or given up on). */
export function eventHandled(db: Db, eventId: string, timeoutMs = 8000): Promise<WebhookEventRow> {
  return eventually(
    async () => (await findWebhookEvent(db, eventId))!,
    (row) => row?.processedAt != null || row?.gaveUpAt != null,
    timeoutMs,
    `event ${eventId} to be handled`,
  );
}

/**
 * Rewinds a handled event to the moment its instance died: `answered` keeps the answer it had
 * recorded (the crash came after answering), otherwise it is forgotten too. Waits for the first
 * handling to end first, so the staged row is not overwritten by it.
 */
export async function asIfCrashed(db: Db, eventId: string, changes: { answered: boolean; attempts?: number }): Promise<void> {
  await eventHandled(db, eventId);
  await db
    .update(webhookEvents)
    .set({
      processedAt: null,
      leaseUntil: sql`now() - interval '1 second'`,
      ...(changes.answered ? {} : { answeredAt: null, answer: null }),
      ...(changes.attempts === undefined ? {} : { attempts: changes.attempts }),
    })
    .where(eq(webhookEvents.id, eventId));
}
