/** The webhook inbox: every LINE event is stored before anything acts on it (DESIGN §6). */
import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { now, at } from './columns.ts';

/** LINE webhook events, stored by `webhookEventId` before anything acts on them. */
export const webhookEvents = pgTable(
  'webhook_events',
  {
    id: text().primaryKey(), // webhookEventId
    type: text().notNull(),
    sourceType: text(),
    sourceId: text(),
    payload: jsonb().notNull(),
    receivedAt: now(),
    /** The instance processing the event holds it until then; a sweep takes over after. */
    leaseUntil: at().notNull(),
    processedAt: at(),
    attempts: integer().notNull().default(0),
    lastError: text(),
    /**
     * The answer, recorded just before it is sent: an event handled again after a crash finishes
     * sending this answer (the reply token tells whether it arrived) instead of answering anew.
     */
    answer: jsonb(),
    answeredAt: at(),
    /** Given up on after its attempts (the owners were told); never retried again. */
    gaveUpAt: at(),
  },
  (t) => [index('webhook_events_unprocessed').on(t.leaseUntil).where(sql`${t.processedAt} is null`)],
);
export type WebhookEventRow = typeof webhookEvents.$inferSelect;
