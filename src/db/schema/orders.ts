/** Orders and their transitions (DESIGN §5). Money is integer satang; times are timestamptz. */
import { sql } from 'drizzle-orm';
import { bigint, bigserial, index, integer, pgEnum, pgTable, text, uuid } from 'drizzle-orm/pg-core';
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
    providerOrderId: text().unique(),
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
    index('orders_user_created').on(t.userId, t.createdAt),
    index('orders_chat_status').on(t.chatId, t.status),
    // The balance monitor reads the newest balance an order result reported.
    index('orders_balance_reported').on(t.finalizedAt).where(sql`${t.balanceAfterSatang} is not null`),
    // Owners' summaries and per-customer limits count orders by when they were confirmed.
    index('orders_confirmed_at').on(t.confirmedAt),
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
