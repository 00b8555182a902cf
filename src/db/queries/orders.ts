/**
 * Orders: every state change is one conditional UPDATE (`WHERE status IN (…)`), so two
 * instances, a double tap or a redelivered event can never move an order twice.
 */
import { randomBytes } from 'node:crypto';
import { and, desc, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import type { PgUpdateSetSource } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../client.ts';
import { orders, orderTransitions, type OrderRow, type OrderStatus } from '../schema.ts';

/** No 0/O/1/I: refs are read aloud over the phone. */
const REF_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

export function newOrderRef(): string {
  const bytes = randomBytes(8);
  let ref = 'TP';
  for (const byte of bytes) ref += REF_ALPHABET[byte % REF_ALPHABET.length];
  return ref;
}

export const LIVE_STATUSES: OrderStatus[] = ['confirmed', 'submitting', 'pending', 'cancel_requested'];
export const FINAL_STATUSES: OrderStatus[] = ['success', 'failed', 'cancelled', 'expired'];

export interface NewDraft {
  userId: string;
  chatId: string;
  number: string;
  network: string;
  amountSatang: number;
  language: string;
  ttlMs: number;
}

/**
 * Creates the chat's one live draft. Older drafts of the chat are superseded (expired with
 * the reason `superseded`): their confirm buttons then do nothing.
 */
export async function createDraftOrder(db: DbOrTx, draft: NewDraft): Promise<OrderRow> {
  return db.transaction(async (tx) => {
    const superseded = await tx
      .update(orders)
      .set({ status: 'expired', detail: 'superseded', updatedAt: sql`now()`, finalizedAt: sql`now()` })
      .where(and(eq(orders.chatId, draft.chatId), eq(orders.status, 'draft')))
      .returning({ id: orders.id });
    const [row] = await tx
      .insert(orders)
      .values({
        ref: newOrderRef(),
        userId: draft.userId,
        chatId: draft.chatId,
        number: draft.number,
        network: draft.network,
        amountSatang: draft.amountSatang,
        language: draft.language,
        confirmToken: randomBytes(12).toString('base64url'),
        expiresAt: new Date(Date.now() + draft.ttlMs),
      })
      .returning();
    await tx.insert(orderTransitions).values([
      ...superseded.map((s) => ({ orderId: s.id, fromStatus: 'draft' as const, toStatus: 'expired' as const, reason: 'superseded' })),
      { orderId: row!.id, fromStatus: null, toStatus: 'draft' as const, reason: 'slots complete' },
    ]);
    return row!;
  });
}

/**
 * The one gate from draft to confirmed: only the live draft with the right token, before it
 * expires, and only once. A second tap, a redelivery or another instance gets `undefined`.
 */
export async function confirmDraftOrder(
  db: DbOrTx,
  options: { orderId: string; token: string; chatId: string; sender?: string },
): Promise<OrderRow | undefined> {
  if (!isUuid(options.orderId)) return undefined;
  return transitionOrder(db, {
    id: options.orderId,
    from: ['draft'],
    to: 'confirmed',
    reason: 'customer confirmed',
    where: and(
      eq(orders.confirmToken, options.token),
      eq(orders.chatId, options.chatId),
      sql`${orders.expiresAt} > now()`,
    ),
    set: { confirmedAt: sql`now()`, nextCheckAt: sql`now()`, ...(options.sender ? { sender: options.sender } : {}) },
  });
}

type OrderChanges = PgUpdateSetSource<typeof orders>;

/**
 * Moves an order from one of `from` to `to`, applying `set`, and records the transition.
 * Returns the updated row, or `undefined` when the order was not in an allowed state.
 */
export async function transitionOrder(
  db: DbOrTx,
  options: {
    id: string;
    from: OrderStatus[];
    to: OrderStatus;
    reason?: string;
    set?: OrderChanges;
    where?: ReturnType<typeof and>;
  },
): Promise<OrderRow | undefined> {
  const final = FINAL_STATUSES.includes(options.to) || options.to === 'unknown';
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select({ status: orders.status })
      .from(orders)
      .where(and(eq(orders.id, options.id), inArray(orders.status, options.from)))
      .for('update');
    if (!before) return undefined;
    const [row] = await tx
      .update(orders)
      .set({
        ...options.set,
        status: options.to,
        updatedAt: sql`now()`,
        ...(final ? { finalizedAt: sql`now()` } : {}),
      })
      .where(and(eq(orders.id, options.id), inArray(orders.status, options.from), options.where))
      .returning();
    if (!row) return undefined;
    await tx.insert(orderTransitions).values({
      orderId: row.id,
      fromStatus: before.status,
      toStatus: options.to,
      reason: options.reason,
    });
    return row;
  });
}

export async function findOrder(db: DbOrTx, id: string): Promise<OrderRow | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await db.select().from(orders).where(eq(orders.id, id));
  return row;
}

export async function findOrderByProviderId(db: DbOrTx, providerOrderId: string): Promise<OrderRow | undefined> {
  const [row] = await db.select().from(orders).where(eq(orders.providerOrderId, providerOrderId));
  return row;
}

export async function findLiveDraft(db: DbOrTx, chatId: string): Promise<OrderRow | undefined> {
  const [row] = await db
    .select()
    .from(orders)
    .where(and(eq(orders.chatId, chatId), eq(orders.status, 'draft')))
    .orderBy(desc(orders.createdAt))
    .limit(1);
  return row;
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
 * Claims orders in `status` whose check is due, pushing their next check `leaseMs` ahead so
 * no other instance takes them meanwhile. Rows being claimed elsewhere are skipped.
 */
export async function claimDueOrders(
  db: DbOrTx,
  options: { status: OrderStatus; limit: number; leaseMs: number; dueBefore?: SQL },
): Promise<OrderRow[]> {
  const due = db
    .select({ id: orders.id })
    .from(orders)
    .where(and(eq(orders.status, options.status), lte(orders.nextCheckAt, options.dueBefore ?? sql`now()`)))
    .orderBy(orders.nextCheckAt)
    .limit(options.limit)
    .for('update', { skipLocked: true });
  return db
    .update(orders)
    .set({ nextCheckAt: sql`now() + make_interval(secs => ${options.leaseMs / 1000})` })
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
      nextCheckAt: sql`now() + make_interval(secs => ${options.delayMs / 1000})`,
    })
    .where(and(eq(orders.id, options.id), eq(orders.status, options.status)));
}

/** Makes the reconciler look at the order at its next sweep. */
export async function checkOrderSoon(db: DbOrTx, id: string): Promise<void> {
  await db.update(orders).set({ nextCheckAt: sql`now()` }).where(eq(orders.id, id));
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

/** The customer's newest order that is past the draft stage. */
export async function findLatestOrder(db: DbOrTx, userId: string): Promise<OrderRow | undefined> {
  const [row] = await listRecentOrders(db, { userId, limit: 1 });
  return row;
}
