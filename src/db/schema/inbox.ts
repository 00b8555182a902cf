/** The webhook inbox: every LINE event is stored before anything acts on it (DESIGN §6). */
import { sql } from 'drizzle-orm';
import { bigserial, index, integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { now, at } from './columns.ts';

/**
 * LINE webhook events, stored by `webhookEventId` before anything acts on them.
 *
 * An event is *held* by one instance (`leaseOwner` until `leaseUntil`) while it waits in that
 * instance's memory or runs there; an event stored while every instance was full is held by no
 * one (`leaseUntil` null) and waits here, in arrival order (`seq`), until an instance with room
 * claims it. Events of one chat are handled in `seq` order.
 */
export const webhookEvents = pgTable(
  'webhook_events',
  {
    id: text().primaryKey(), // webhookEventId
    /** Arrival order: the order events of one chat are handled in. */
    seq: bigserial({ mode: 'number' }).notNull(),
    type: text().notNull(),
    sourceType: text(),
    sourceId: text(),
    payload: jsonb().notNull(),
    receivedAt: now(),
    /** The instance holding the event holds it until then; after that any instance may take it over. Null: waiting, held by no one. */
    leaseUntil: at(),
    /** Which instance holds it (a random id per process). */
    leaseOwner: text(),
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
  (t) => [
    // Unfinished events (neither processed nor given up), three ways. Each query has exactly one
    // of these that fits it, so a plan made on a small table cannot pick a scan of every
    // unfinished event for a per-chat check (what would make a backlog quadratic):
    // waiting ones in arrival order (claims), held ones by lease (expired leases), and per chat.
    index('webhook_events_waiting').on(t.seq).where(sql`${t.processedAt} is null and ${t.gaveUpAt} is null and ${t.leaseUntil} is null`),
    index('webhook_events_leased').on(t.leaseUntil).where(sql`${t.processedAt} is null and ${t.gaveUpAt} is null and ${t.leaseUntil} is not null`),
    index('webhook_events_pending_chat').on(t.sourceId, t.seq).where(sql`${t.processedAt} is null and ${t.gaveUpAt} is null`),
  ],
);
export type WebhookEventRow = typeof webhookEvents.$inferSelect;
