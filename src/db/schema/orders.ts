/** Orders and their transitions (DESIGN §5). Money is integer satang; times are timestamptz. */
import { sql } from 'drizzle-orm';
import { bigint, bigserial, index, integer, jsonb, pgEnum, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { now, at } from './columns.ts';

/** DESIGN §5: the order state machine. */
export const orderStatus = pgEnum('order_status', [
  'draft',
  'confirmed',
  'submitting',
  'pending',
  'success',
  'failed',
  'cancel_requested',
  'cancelled',
  'expired',
  'unknown',
]);
export type OrderStatus = (typeof orderStatus.enumValues)[number];

export const orders = pgTable(
  'orders',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** Short code shown to customers and owners (e.g. `TP7K3Q9M`). */
    ref: text().notNull().unique(),
    userId: text().notNull(),
    chatId: text().notNull(),
    number: text().notNull(),
    network: text().notNull(),
    amountSatang: bigint({ mode: 'number' }).notNull(),
    status: orderStatus().notNull().default('draft'),
    /** Random secret carried by the confirm button; a draft is confirmed only with it. */
    confirmToken: text().notNull(),
    /**
     * The provider's ORDERID. Not unique: a provider that renumbers (or the demo simulator with a
     * fresh state) may reuse one; callbacks and `update` go to the newest order holding it.
     */
    providerOrderId: text(),
    /** The webhook event that made this draft: handling that event again returns this draft. */
    draftEventId: text().unique(),
    /** The last callback-triggered `update` for this order: a burst of replays asks once. */
    callbackCheckedAt: at(),
    discountSatang: bigint({ mode: 'number' }),
    chargedSatang: bigint({ mode: 'number' }),
    /** Merchant balance the provider reported with this order's result. */
    balanceAfterSatang: bigint({ mode: 'number' }),
    /** Provider DETAIL or our reason code for a failure, shown to owners. */
    detail: text(),
    language: text().notNull().default('th'),
    createdAt: now(),
    updatedAt: now(),
    expiresAt: at(),
    confirmedAt: at(),
    submittedAt: at(),
    finalizedAt: at(),
    /** When the reconciler should next look at this order. */
    nextCheckAt: at(),
    checkAttempts: integer().notNull().default(0),
    /** Owner who resolved an `unknown` order by hand. */
    resolvedBy: text(),
    /** Trusted mode: who ordered, sent as the refill's `users` field for the provider's per-sender report. */
    sender: text(),
  },
  (t) => [
    index('orders_due').on(t.status, t.nextCheckAt),
    // Partial where the column is empty for drafts (and every query names a value): every order
    // text writes a draft and supersedes the last one, and an index a draft is not in costs that
    // write nothing.
    index('orders_provider_order').on(t.providerOrderId, t.submittedAt).where(sql`${t.providerOrderId} is not null`),
    index('orders_user_created').on(t.userId, t.createdAt),
    index('orders_chat_status').on(t.chatId, t.status),
    // The balance monitor reads the newest balance an order result reported.
    index('orders_balance_reported').on(t.finalizedAt).where(sql`${t.balanceAfterSatang} is not null`),
    // Owners' summaries and per-customer limits count orders by when they were confirmed.
    index('orders_confirmed_at').on(t.confirmedAt).where(sql`${t.confirmedAt} is not null`),
  ],
);
export type OrderRow = typeof orders.$inferSelect;
export type NewOrderRow = typeof orders.$inferInsert;

/** Every state change, for owners and for audits: who moved which order, when, why. */
export const orderTransitions = pgTable(
  'order_transitions',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    orderId: uuid()
      .notNull()
      .references(() => orders.id),
    fromStatus: orderStatus(),
    toStatus: orderStatus().notNull(),
    reason: text(),
    at: now(),
  },
  (t) => [index('order_transitions_order').on(t.orderId)],
);

/**
 * Orders the provider told us about that no order of ours holds: a callback for an unknown
 * ORDERID (typically a refill whose answer was lost, so our order is `unknown`). The provider's
 * word is checked with `update`, shown to the owners, and tied to an order by an owner.
 */
export const providerOrders = pgTable(
  'provider_orders',
  {
    providerOrderId: text().primaryKey(),
    /** The callback's fields as received (last one wins), for the owners and for audits. */
    fields: jsonb().notNull(),
    receivedAt: now(),
    /** What `update` said: unchecked until asked; notFound when the provider does not know it. */
    state: text({ enum: ['unchecked', 'pending', 'success', 'failed', 'notFound'] }).notNull().default('unchecked'),
    chargedSatang: bigint({ mode: 'number' }),
    checkAttempts: integer().notNull().default(0),
    nextCheckAt: at(),
    /** When the owners were shown it. */
    alertedAt: at(),
    /** The order an owner tied it to, and who. */
    orderId: uuid(),
    linkedBy: text(),
    linkedAt: at(),
  },
  (t) => [index('provider_orders_due').on(t.nextCheckAt).where(sql`${t.orderId} is null`)],
);
export type ProviderOrderRow = typeof providerOrders.$inferSelect;
