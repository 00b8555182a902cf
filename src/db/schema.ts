/**
 * The whole database, one table per concern, with the row types beside each table.
 * Money is always integer satang (1 baht = 100 satang); times are timestamptz.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  check,
  customType,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const now = () => timestamp({ withTimezone: true }).notNull().defaultNow();
const at = () => timestamp({ withTimezone: true });

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
  },
  (t) => [index('webhook_events_unprocessed').on(t.leaseUntil).where(sql`${t.processedAt} is null`)],
);
export type WebhookEventRow = typeof webhookEvents.$inferSelect;

/** Raw bytes (slip images). postgres.js hands back a Buffer, PGlite a Uint8Array: both become a Buffer. */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  toDriver: (value) => value,
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/** Customers we have talked to: profile cache (language) and payment flags. */
export const customers = pgTable('customers', {
  userId: text().primaryKey(),
  displayName: text(),
  language: text().notNull().default('th'),
  profileFetchedAt: at(),
  /** Trusted mode: added by an owner's command (TRUSTED_USER_IDS are trusted without a row). */
  trusted: boolean().notNull().default(false),
  /** The name an owner gave this member of staff; sent as the refill's `users` (sender) field. */
  staffName: text(),
  trustedBy: text(),
  createdAt: now(),
});
export type CustomerRow = typeof customers.$inferSelect;

/** One conversation per 1:1 chat; `version` guards against two instances writing at once. */
export const conversations = pgTable('conversations', {
  chatId: text().primaryKey(),
  state: jsonb().notNull(),
  version: integer().notNull().default(0),
  updatedAt: now(),
  expiresAt: at().notNull(),
});
export type ConversationRow = typeof conversations.$inferSelect;

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

/** LINE groups whose members run the shop. */
export const ownerGroups = pgTable('owner_groups', {
  groupId: text().primaryKey(),
  source: text({ enum: ['env', 'command'] }).notNull(),
  registeredBy: text(),
  registeredAt: now(),
});
export type OwnerGroupRow = typeof ownerGroups.$inferSelect;

/** Wrong registration codes, for the per-group rate limit. */
export const registerAttempts = pgTable(
  'register_attempts',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    groupId: text().notNull(),
    at: now(),
  },
  (t) => [index('register_attempts_group').on(t.groupId, t.at)],
);

/** What the provider last told us about the merchant balance and the networks. */
export const providerSnapshots = pgTable(
  'provider_snapshots',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    kind: text({ enum: ['balance', 'network'] }).notNull(),
    data: jsonb().notNull(),
    takenAt: now(),
  },
  (t) => [index('provider_snapshots_latest').on(t.kind, t.takenAt)],
);
export type ProviderSnapshotRow = typeof providerSnapshots.$inferSelect;

/** Alerts raised for owners; `dedupeKey` makes each alert happen once. */
export const alerts = pgTable('alerts', {
  id: bigserial({ mode: 'number' }).primaryKey(),
  dedupeKey: text().notNull().unique(),
  kind: text().notNull(),
  payload: jsonb().notNull(),
  createdAt: now(),
});
export type AlertRow = typeof alerts.$inferSelect;

/** Callbacks naming an ORDERID we do not know: kept for the owners, never acted on. */
export const strayCallbacks = pgTable('stray_callbacks', {
  id: bigserial({ mode: 'number' }).primaryKey(),
  providerOrderId: text(),
  fields: jsonb().notNull(),
  receivedAt: now(),
});

/** Small singleton state for monitors (e.g. the last balance alert level). */
export const monitorState = pgTable('monitor_state', {
  name: text().primaryKey(),
  value: jsonb().notNull(),
  updatedAt: now(),
});


/**
 * Prepaid credit, one row per customer (wallet mode). `balanceSatang` is what the customer may
 * spend; `heldSatang` is set aside for orders not yet final. Every change is a guarded UPDATE in
 * the same transaction as its ledger row and the order's or deposit's state change; the CHECKs
 * make an overdraft impossible even for a query that forgot its guard.
 */
export const wallets = pgTable(
  'wallets',
  {
    userId: text().primaryKey(),
    balanceSatang: bigint({ mode: 'number' }).notNull().default(0),
    heldSatang: bigint({ mode: 'number' }).notNull().default(0),
    createdAt: now(),
    updatedAt: now(),
  },
  (t) => [
    check('wallets_balance_not_negative', sql`${t.balanceSatang} >= 0`),
    check('wallets_held_not_negative', sql`${t.heldSatang} >= 0`),
  ],
);
export type WalletRow = typeof wallets.$inferSelect;

/**
 * Credit movements: deposit (approved slip), credit / debit (an owner's command), hold (order
 * confirmed), capture (order succeeded), release (order failed or cancelled before success),
 * refund (a success reversed). `amountSatang` is always positive; the kind says which way it
 * went. Append-only: nothing updates or deletes a row.
 */
export const ledgerKind = pgEnum('ledger_kind', ['deposit', 'credit', 'debit', 'hold', 'capture', 'release', 'refund']);
export type LedgerKind = (typeof ledgerKind.enumValues)[number];

export const walletLedger = pgTable(
  'wallet_ledger',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    userId: text().notNull(),
    kind: ledgerKind().notNull(),
    amountSatang: bigint({ mode: 'number' }).notNull(),
    /** The wallet right after this movement. */
    balanceAfterSatang: bigint({ mode: 'number' }).notNull(),
    heldAfterSatang: bigint({ mode: 'number' }).notNull(),
    orderId: uuid().references(() => orders.id),
    depositId: uuid().references(() => deposits.id),
    /** Why (owners' commands), in the owner's words. */
    reason: text(),
    /** The owner who approved or typed it (LINE user id). */
    actor: text(),
    /**
     * What makes the movement happen once: `order:<id>:<kind>`, `deposit:<id>:deposit`,
     * `event:<webhookEventId>` for an owner's command.
     */
    key: text().notNull().unique(),
    createdAt: now(),
  },
  (t) => [
    check('wallet_ledger_amount_positive', sql`${t.amountSatang} > 0`),
    uniqueIndex('wallet_ledger_order_kind').on(t.orderId, t.kind).where(sql`${t.orderId} is not null`),
    uniqueIndex('wallet_ledger_deposit_kind').on(t.depositId, t.kind).where(sql`${t.depositId} is not null`),
    index('wallet_ledger_user').on(t.userId, t.id),
  ],
);
export type LedgerRow = typeof walletLedger.$inferSelect;

/** A customer's deposit: QR shown → slip received → an owner approves or rejects. */
export const depositStatus = pgEnum('deposit_status', ['awaiting_slip', 'awaiting_approval', 'approved', 'rejected', 'expired']);
export type DepositStatus = (typeof depositStatus.enumValues)[number];

export const deposits = pgTable(
  'deposits',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** Short code shown to the customer and the owners (e.g. `DP7K3Q9MXA`). */
    ref: text().notNull().unique(),
    userId: text().notNull(),
    chatId: text().notNull(),
    amountSatang: bigint({ mode: 'number' }).notNull(),
    status: depositStatus().notNull().default('awaiting_slip'),
    /** The PromptPay id the QR pays to (kept: the shop may change PROMPTPAY_ID later). */
    promptPayId: text().notNull(),
    /** Unguessable path parts: the QR image (customer) and the slip image (owners). */
    qrToken: text().notNull().unique(),
    slipToken: text().unique(),
    language: text().notNull().default('th'),
    createdAt: now(),
    /** A slip is accepted until then. */
    expiresAt: at().notNull(),
    slipAt: at(),
    decidedAt: at(),
    decidedBy: text(),
  },
  (t) => [
    check('deposits_amount_positive', sql`${t.amountSatang} > 0`),
    index('deposits_user_status').on(t.userId, t.status),
  ],
);
export type DepositRow = typeof deposits.$inferSelect;

/** The transfer slip a customer sent for a deposit (an image from LINE, at most a few MB). */
export const depositSlips = pgTable('deposit_slips', {
  depositId: uuid()
    .primaryKey()
    .references(() => deposits.id),
  messageId: text().notNull(),
  contentType: text().notNull(),
  data: bytea().notNull(),
  createdAt: now(),
});
