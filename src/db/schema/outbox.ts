/** What the bot tells people later: queued pushes and the owners' alerts. */
import { sql } from 'drizzle-orm';
import { bigserial, index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { now, at } from './columns.ts';

/**
 * Messages to push, one row per logical notification (`dedupeKey`, e.g. `order:<id>:result`).
 * The `retryKey` is sent as `X-Line-Retry-Key`, so a retry after a lost answer never
 * delivers twice.
 */
export const outbox = pgTable(
  'outbox',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    dedupeKey: text().notNull().unique(),
    to: text().notNull(),
    messages: jsonb().notNull(),
    retryKey: uuid().notNull().defaultRandom(),
    /** `replied`: withdrawn because the customer got the same news by reply. */
    status: text({ enum: ['pending', 'sent', 'failed', 'replied'] }).notNull().default('pending'),
    attempts: integer().notNull().default(0),
    nextAttemptAt: now(),
    lastError: text(),
    createdAt: now(),
    sentAt: at(),
  },
  (t) => [index('outbox_due').on(t.nextAttemptAt).where(sql`${t.status} = 'pending'`)],
);
export type OutboxRow = typeof outbox.$inferSelect;

/** Alerts raised for owners; `dedupeKey` makes each alert happen once. */
export const alerts = pgTable('alerts', {
  id: bigserial({ mode: 'number' }).primaryKey(),
  dedupeKey: text().notNull().unique(),
  kind: text().notNull(),
  payload: jsonb().notNull(),
  createdAt: now(),
});
export type AlertRow = typeof alerts.$inferSelect;
