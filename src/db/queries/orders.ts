/**
 * Orders: every state change is one conditional UPDATE (`WHERE status IN (…)`), so two
 * instances, a double tap or a redelivered event can never move an order twice.
 */
import { and, desc, eq, gte, inArray, isNotNull, isNull, lte, sql, type SQL } from 'drizzle-orm';
import type { PgUpdateSetSource } from 'drizzle-orm/pg-core';
import type { DbOrTx, Tx } from '../client.ts';
import { orders, orderTransitions, type OrderRow, type OrderStatus } from '../schema.ts';

export const LIVE_STATUSES: OrderStatus[] = ['confirmed', 'submitting', 'pending', 'cancel_requested'];
export const FINAL_STATUSES: OrderStatus[] = ['success', 'failed', 'cancelled', 'expired'];

/** What a move may change besides the status: plain values (the SQL is made here). */
export interface OrderChanges {
  detail?: string | null;
  providerOrderId?: string;
  discountSatang?: number | null;
  chargedSatang?: number | null;
  balanceAfterSatang?: number | null;
  /** Who settled the order by hand (an owner's LINE user id). */
  resolvedBy?: string;
  /** Trusted mode: the refill's `users` label. */
  sender?: string;
  checkAttempts?: number;
  /** The reconciler's next look, this many ms after the database's now; null: none. */
  nextCheckInMs?: number | null;
  /** Timestamps set to the database's now. */
  stamp?: readonly ('confirmedAt' | 'submittedAt')[];
}

/** Conditions a move needs besides the order's status. */
export interface OrderGuard {
  confirmToken?: string;
  chatId?: string;
  /** The draft has not passed its `expiresAt`. */
  unexpired?: boolean;
  /** No provider ORDERID is stored yet. */
  noProviderOrderId?: boolean;
}

export interface Transition {
  id: string;
  from: readonly OrderStatus[];
  to: OrderStatus;
  reason: string;
  changes?: OrderChanges;
  guard?: OrderGuard;
}

const ENDING: ReadonlySet<OrderStatus> = new Set([...FINAL_STATUSES, 'unknown']);

/**
 * Moves an order from one of `from` to `to` and records the transition, inside the caller's
 * transaction (the row stays locked until it ends). Returns the updated row, or `undefined`
 * when the order was not in an allowed state or a guard did not hold. Only `src/orders/`
 * calls this: it owns which moves are allowed.
 */
export async function transitionOrder(tx: Tx, move: Transition): Promise<OrderRow | undefined> {
  if (!isUuid(move.id)) return undefined;
  const from = [...move.from];
  const [before] = await tx
    .select({ status: orders.status })
    .from(orders)
    .where(and(eq(orders.id, move.id), inArray(orders.status, from)))
    .for('update');
  if (!before) return undefined;
  const [row] = await tx
    .update(orders)
    .set({
      ...changesToSet(move.changes),
      status: move.to,
      updatedAt: sql`now()`,
      ...(ENDING.has(move.to) ? { finalizedAt: sql`now()` } : {}),
    })
    .where(and(eq(orders.id, move.id), inArray(orders.status, from), ...guardToWhere(move.guard)))
    .returning();
  if (!row) return undefined;
  await tx.insert(orderTransitions).values({ orderId: row.id, fromStatus: before.status, toStatus: move.to, reason: move.reason });
  return row;
}

function changesToSet(changes: OrderChanges = {}): PgUpdateSetSource<typeof orders> {
  const { nextCheckInMs, stamp, ...values } = changes;
  const set: PgUpdateSetSource<typeof orders> = { ...values };
  if (nextCheckInMs !== undefined) set.nextCheckAt = nextCheckInMs === null ? null : inMs(nextCheckInMs);
  for (const column of stamp ?? []) set[column] = sql`now()`;
  return set;
}

function guardToWhere(guard: OrderGuard = {}): SQL[] {
  const where: SQL[] = [];
  if (guard.confirmToken !== undefined) where.push(eq(orders.confirmToken, guard.confirmToken));
  if (guard.chatId !== undefined) where.push(eq(orders.chatId, guard.chatId));
  if (guard.unexpired) where.push(sql`${orders.expiresAt} > now()`);
  if (guard.noProviderOrderId) where.push(isNull(orders.providerOrderId));
  return where;
}

/** The database's now plus `ms` (negative: in the past). */
function inMs(ms: number): SQL {
  return sql`now() + make_interval(secs => ${ms / 1000})`;
}

export async function findOrder(db: DbOrTx, id: string): Promise<OrderRow | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await db.select().from(orders).where(eq(orders.id, id));
  return row;
}

export async function findOrderByRef(db: DbOrTx, ref: string): Promise<OrderRow | undefined> {
  const [row] = await db.select().from(orders).where(eq(orders.ref, ref));
  return row;
}

/** The newest order holding this ORDERID (a provider may reuse one: the newest is the live one). */
export async function findOrderByProviderId(db: DbOrTx, providerOrderId: string): Promise<OrderRow | undefined> {
  const [row] = await db
    .select()
    .from(orders)
    .where(eq(orders.providerOrderId, providerOrderId))
    .orderBy(sql`${orders.submittedAt} desc nulls last`, desc(orders.createdAt))
    .limit(1);
  return row;
}

/**
 * Gives an `unknown` order without an ORDERID the provider's ORDERID an owner tied to it.
 * False when the order has one already or is no longer `unknown`.
 */
export async function setUnknownOrderProviderId(db: DbOrTx, options: { orderId: string; providerOrderId: string }): Promise<boolean> {
  if (!isUuid(options.orderId)) return false;
  const rows = await db
    .update(orders)
    .set({ providerOrderId: options.providerOrderId, updatedAt: sql`now()` })
    .where(and(eq(orders.id, options.orderId), eq(orders.status, 'unknown'), isNull(orders.providerOrderId)))
    .returning({ id: orders.id });
  return rows.length > 0;
}

/** `unknown` orders with no ORDERID that were sent within [from, to]: what a provider order may belong to. */
export async function listUnknownOrdersWithoutProviderId(db: DbOrTx, options: { from: Date; to: Date; limit: number }): Promise<OrderRow[]> {
  return db
    .select()
    .from(orders)
    .where(
      and(
        eq(orders.status, 'unknown'),
        isNull(orders.providerOrderId),
        gte(orders.submittedAt, options.from),
        lte(orders.submittedAt, options.to),
      ),
    )
    .orderBy(desc(orders.submittedAt))
    .limit(options.limit);
}

/**
 * Claims a callback-triggered check of the order: true for the first of a burst, false again
 * until `withinMs` has passed (replayed callbacks cost one `update`).
 */
export async function claimCallbackCheck(db: DbOrTx, options: { orderId: string; withinMs: number }): Promise<boolean> {
  const rows = await db
    .update(orders)
    .set({ callbackCheckedAt: sql`now()` })
    .where(
      and(
        eq(orders.id, options.orderId),
        sql`(${orders.callbackCheckedAt} is null or ${orders.callbackCheckedAt} < ${inMs(-options.withinMs)})`,
      ),
    )
    .returning({ id: orders.id });
  return rows.length > 0;
}

/** The customer's latest orders that went beyond a draft, newest first. */
export async function listRecentOrders(db: DbOrTx, options: { userId: string; limit: number }): Promise<OrderRow[]> {
  return db
    .select()
    .from(orders)
    .where(and(eq(orders.userId, options.userId), sql`${orders.status} not in ('draft', 'expired')`))
    .orderBy(desc(orders.createdAt))
    .limit(options.limit);
}

/** Numbers the customer topped up before, most recent first, for the "เบอร์เดิม" quick reply. */
export async function listRecentNumbers(db: DbOrTx, options: { userId: string; limit: number }): Promise<string[]> {
  const rows = await db
    .select({ number: orders.number, last: sql<string>`max(${orders.createdAt})` })
    .from(orders)
    .where(and(eq(orders.userId, options.userId), sql`${orders.status} not in ('draft', 'expired')`))
    .groupBy(orders.number)
    .orderBy(desc(sql`max(${orders.createdAt})`))
    .limit(options.limit);
  return rows.map((r) => r.number);
}

/**
 * Claims orders in `status` whose check is due (for at least `dueForMs`), pushing their next
 * check `leaseMs` ahead so no other instance takes them meanwhile. Rows being claimed
 * elsewhere are skipped.
 */
export async function claimDueOrders(
  db: DbOrTx,
  options: { status: OrderStatus; limit: number; leaseMs: number; dueForMs?: number },
): Promise<OrderRow[]> {
  const due = db
    .select({ id: orders.id })
    .from(orders)
    .where(and(eq(orders.status, options.status), lte(orders.nextCheckAt, inMs(-(options.dueForMs ?? 0)))))
    .orderBy(orders.nextCheckAt)
    .limit(options.limit)
    .for('update', { skipLocked: true });
  return db
    .update(orders)
    .set({ nextCheckAt: inMs(options.leaseMs) })
    .where(inArray(orders.id, due))
    .returning();
}

/** Pushes the next look at an order further out, counting the attempt; only in the same state. */
export async function scheduleOrderCheck(
  db: DbOrTx,
  options: { id: string; status: OrderStatus; delayMs: number },
): Promise<void> {
  await db
    .update(orders)
    .set({
      checkAttempts: sql`${orders.checkAttempts} + 1`,
      nextCheckAt: inMs(options.delayMs),
    })
    .where(and(eq(orders.id, options.id), eq(orders.status, options.status)));
}

/** Makes the reconciler look at the order within `inMs` (sooner if it was due sooner anyway). */
export async function checkOrderSoon(db: DbOrTx, id: string, withinMs = 0): Promise<void> {
  await db
    .update(orders)
    .set({ nextCheckAt: sql`least(coalesce(${orders.nextCheckAt}, ${inMs(withinMs)}), ${inMs(withinMs)})` })
    .where(eq(orders.id, id));
}

/** Ids arrive from postback data anyone can craft; a malformed one must not reach a uuid column. */
function isUuid(id: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);
}

/** Orders the customer confirmed since `since` (not counting drafts), and their baht. */
export async function countConfirmedOrders(
  db: DbOrTx,
  options: { userId: string; since: Date },
): Promise<{ count: number; satang: number }> {
  const [row] = await db
    .select({
      count: sql<number>`count(*)::int`,
      satang: sql<number>`coalesce(sum(${orders.amountSatang}) filter (where ${orders.status} not in ('failed', 'cancelled')), 0)::bigint`,
    })
    .from(orders)
    .where(and(eq(orders.userId, options.userId), gte(orders.confirmedAt, options.since)));
  return { count: Number(row?.count ?? 0), satang: Number(row?.satang ?? 0) };
}

/** When the customer confirmed their `n`-th most recent order (1 = the latest); undefined if fewer. */
export async function findNthLatestConfirmation(db: DbOrTx, options: { userId: string; n: number }): Promise<Date | undefined> {
  const [row] = await db
    .select({ at: orders.confirmedAt })
    .from(orders)
    .where(and(eq(orders.userId, options.userId), isNotNull(orders.confirmedAt)))
    .orderBy(desc(orders.confirmedAt))
    .offset(options.n - 1)
    .limit(1);
  return row?.at ?? undefined;
}

/** The customer's newest order that is past the draft stage. */
export async function findLatestOrder(db: DbOrTx, userId: string): Promise<OrderRow | undefined> {
  const [row] = await listRecentOrders(db, { userId, limit: 1 });
  return row;
}
