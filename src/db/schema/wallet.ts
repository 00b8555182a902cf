/** Customers' prepaid credit: wallets, the append-only ledger, deposits and their slips. */
import { sql } from 'drizzle-orm';
import { bigint, bigserial, check, index, pgEnum, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { now, at, bytea } from './columns.ts';
import { orders } from './orders.ts';

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
