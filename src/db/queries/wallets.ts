/**
 * Prepaid credit: the wallet row (balance and held) and its append-only ledger. Every change
 * is a guarded UPDATE of the wallet plus one ledger row, and must run inside the caller's
 * transaction together with the state change that causes it (the order's or the deposit's).
 *
 * Each movement has a unique `key`: the wallet row is locked first, then the key is looked up,
 * so a movement that was already applied (a retry, a second sweep) changes nothing.
 */
import { and, desc, eq, gte, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { deposits, orders, walletLedger, wallets, type LedgerKind, type LedgerRow, type WalletRow } from '../schema.ts';

export interface WalletState {
  balanceSatang: number;
  heldSatang: number;
}

export interface Movement {
  userId: string;
  amountSatang: number;
  key: string;
  orderId?: string;
  depositId?: string;
  reason?: string;
  actor?: string;
}

export type MovementResult =
  /** Applied now; the wallet afterwards. */
  | { kind: 'applied'; entry: LedgerRow; wallet: WalletState }
  /** The key was applied before: nothing changed. */
  | { kind: 'duplicate'; wallet: WalletState }
  /** Not enough credit (a hold or a debit): nothing changed. */
  | { kind: 'insufficient'; wallet: WalletState };

export async function findWallet(db: DbOrTx, userId: string): Promise<WalletRow | undefined> {
  const [row] = await db.select().from(wallets).where(eq(wallets.userId, userId));
  return row;
}

/** The wallet, or zeros for a customer who never had credit. */
export async function readWallet(db: DbOrTx, userId: string): Promise<WalletState> {
  const row = await findWallet(db, userId);
  return { balanceSatang: row?.balanceSatang ?? 0, heldSatang: row?.heldSatang ?? 0 };
}

/** The customer's latest movements, newest first. */
export async function listLedgerEntries(db: DbOrTx, options: { userId: string; limit: number }): Promise<LedgerRow[]> {
  return db
    .select()
    .from(walletLedger)
    .where(eq(walletLedger.userId, options.userId))
    .orderBy(desc(walletLedger.id))
    .limit(options.limit);
}

export interface WalletMovement {
  kind: LedgerKind;
  amountSatang: number;
  balanceAfterSatang: number;
  reason: string | null;
  createdAt: Date;
  orderRef: string | null;
  depositRef: string | null;
}

/**
 * The movements a customer sees (`เช็คยอด`), newest first: everything that changed the spendable
 * balance (a capture only turns held credit into spent credit, so it is left out).
 */
export async function listWalletMovements(db: DbOrTx, options: { userId: string; limit: number }): Promise<WalletMovement[]> {
  return db
    .select({
      kind: walletLedger.kind,
      amountSatang: walletLedger.amountSatang,
      balanceAfterSatang: walletLedger.balanceAfterSatang,
      reason: walletLedger.reason,
      createdAt: walletLedger.createdAt,
      orderRef: orders.ref,
      depositRef: deposits.ref,
    })
    .from(walletLedger)
    .leftJoin(orders, eq(orders.id, walletLedger.orderId))
    .leftJoin(deposits, eq(deposits.id, walletLedger.depositId))
    .where(and(eq(walletLedger.userId, options.userId), ne(walletLedger.kind, 'capture')))
    .orderBy(desc(walletLedger.id))
    .limit(options.limit);
}

/** Every movement of one order, oldest first (hold, then capture or release, maybe refund). */
export async function listOrderLedgerEntries(db: DbOrTx, orderId: string): Promise<LedgerRow[]> {
  return db.select().from(walletLedger).where(eq(walletLedger.orderId, orderId)).orderBy(walletLedger.id);
}

/** Deposits and credits since `since` (for the owners' summary). */
export async function sumLedgerSince(db: DbOrTx, options: { kind: LedgerKind; since: Date }): Promise<number> {
  const [row] = await db
    .select({ satang: sql<string>`coalesce(sum(${walletLedger.amountSatang}), 0)` })
    .from(walletLedger)
    .where(and(eq(walletLedger.kind, options.kind), gte(walletLedger.createdAt, options.since)));
  return Number(row?.satang ?? 0);
}

/** How the wallet changes for each kind of movement, as SQL over the current row. */
const EFFECT: Record<LedgerKind, { balance: -1 | 0 | 1; held: -1 | 0 | 1 }> = {
  deposit: { balance: 1, held: 0 },
  credit: { balance: 1, held: 0 },
  debit: { balance: -1, held: 0 },
  hold: { balance: -1, held: 1 },
  capture: { balance: 0, held: -1 },
  release: { balance: 1, held: -1 },
  refund: { balance: 1, held: 0 },
};

/**
 * Applies one movement of `kind`. Must be called inside a transaction (the caller's): the wallet
 * row stays locked until it commits.
 */
export async function applyMovement(tx: DbOrTx, kind: LedgerKind, movement: Movement): Promise<MovementResult> {
  if (!Number.isSafeInteger(movement.amountSatang) || movement.amountSatang <= 0) {
    throw new RangeError(`a ${kind} must be a positive whole number of satang, got ${movement.amountSatang}`);
  }
  const effect = EFFECT[kind];
  // Credit may arrive before the customer ever had a wallet; spending needs one.
  if (effect.balance > 0) {
    await tx.insert(wallets).values({ userId: movement.userId }).onConflictDoNothing({ target: wallets.userId });
  }
  const [locked] = await tx.select().from(wallets).where(eq(wallets.userId, movement.userId)).for('update');
  const before = { balanceSatang: locked?.balanceSatang ?? 0, heldSatang: locked?.heldSatang ?? 0 };

  const [done] = await tx.select({ id: walletLedger.id }).from(walletLedger).where(eq(walletLedger.key, movement.key));
  if (done) return { kind: 'duplicate', wallet: before };
  if (!locked) return { kind: 'insufficient', wallet: before };

  const amount = movement.amountSatang;
  // The guard: whatever takes money away only happens when the money is there. The CHECK
  // constraints on the table back this up.
  const guards = [eq(wallets.userId, movement.userId)];
  if (effect.balance < 0) guards.push(gte(wallets.balanceSatang, amount));
  if (effect.held < 0) guards.push(gte(wallets.heldSatang, amount));
  const [after] = await tx
    .update(wallets)
    .set({
      balanceSatang: sql`${wallets.balanceSatang} + ${effect.balance * amount}`,
      heldSatang: sql`${wallets.heldSatang} + ${effect.held * amount}`,
      updatedAt: sql`now()`,
    })
    .where(and(...guards))
    .returning();
  if (!after) return { kind: 'insufficient', wallet: before };

  const [entry] = await tx
    .insert(walletLedger)
    .values({
      userId: movement.userId,
      kind,
      amountSatang: amount,
      balanceAfterSatang: after.balanceSatang,
      heldAfterSatang: after.heldSatang,
      orderId: movement.orderId,
      depositId: movement.depositId,
      reason: movement.reason,
      actor: movement.actor,
      key: movement.key,
    })
    .returning();
  return { kind: 'applied', entry: entry!, wallet: { balanceSatang: after.balanceSatang, heldSatang: after.heldSatang } };
}
