/**
 * Orders the provider told us about that no order of ours holds (a callback for an unknown
 * ORDERID). Checked with `update` by the reconciler, shown to the owners once, tied to an order
 * by an owner.
 */
import { and, asc, eq, gte, inArray, isNull, lte, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { orders, providerOrders, type ProviderOrderRow } from '../schema.ts';

export type ProviderOrderState = ProviderOrderRow['state'];

/**
 * Keeps the provider's word: a new ORDERID is due for a check at once; a replay of a known one
 * only refreshes its fields (it is checked on its own schedule, so a burst costs one `update`).
 */
export async function recordProviderOrder(db: DbOrTx, options: { providerOrderId: string; fields: unknown }): Promise<void> {
  await db
    .insert(providerOrders)
    .values({ providerOrderId: options.providerOrderId, fields: options.fields, nextCheckAt: sql`now()` })
    .onConflictDoUpdate({ target: providerOrders.providerOrderId, set: { fields: options.fields }, setWhere: isNull(providerOrders.orderId) });
}

export async function findProviderOrder(db: DbOrTx, providerOrderId: string): Promise<ProviderOrderRow | undefined> {
  const [row] = await db.select().from(providerOrders).where(eq(providerOrders.providerOrderId, providerOrderId));
  return row;
}

/** Claims untied provider orders whose check is due, leasing them for `leaseMs`. */
export async function claimDueProviderOrders(db: DbOrTx, options: { limit: number; leaseMs: number }): Promise<ProviderOrderRow[]> {
  const due = db
    .select({ id: providerOrders.providerOrderId })
    .from(providerOrders)
    .where(
      and(
        isNull(providerOrders.orderId),
        inArray(providerOrders.state, ['unchecked', 'pending']),
        lte(providerOrders.nextCheckAt, sql`now()`),
      ),
    )
    .orderBy(asc(providerOrders.nextCheckAt))
    .limit(options.limit)
    .for('update', { skipLocked: true });
  return db
    .update(providerOrders)
    .set({
      nextCheckAt: sql`now() + make_interval(secs => ${options.leaseMs / 1000})`,
      checkAttempts: sql`${providerOrders.checkAttempts} + 1`,
    })
    .where(inArray(providerOrders.providerOrderId, due))
    .returning();
}

/** What `update` said; `nextCheckInMs` null: no further checks. */
export async function saveProviderOrderCheck(
  db: DbOrTx,
  options: { providerOrderId: string; state: ProviderOrderState; chargedSatang?: number; nextCheckInMs: number | null },
): Promise<ProviderOrderRow | undefined> {
  const [row] = await db
    .update(providerOrders)
    .set({
      state: options.state,
      ...(options.chargedSatang === undefined ? {} : { chargedSatang: options.chargedSatang }),
      nextCheckAt: options.nextCheckInMs === null ? null : sql`now() + make_interval(secs => ${options.nextCheckInMs / 1000})`,
    })
    .where(eq(providerOrders.providerOrderId, options.providerOrderId))
    .returning();
  return row;
}

/** True for the first caller only: the owners are shown each provider order once. */
export async function markProviderOrderAlerted(db: DbOrTx, providerOrderId: string): Promise<boolean> {
  const rows = await db
    .update(providerOrders)
    .set({ alertedAt: sql`now()` })
    .where(and(eq(providerOrders.providerOrderId, providerOrderId), isNull(providerOrders.alertedAt)))
    .returning({ id: providerOrders.providerOrderId });
  return rows.length > 0;
}

/**
 * Provider orders no order holds yet, in these states (received since `since`), oldest first.
 * One whose ORDERID an order has since received (a late refill answer) does not count.
 */
export async function listUntiedProviderOrders(
  db: DbOrTx,
  options: { states: ProviderOrderState[]; since?: Date; limit: number },
): Promise<ProviderOrderRow[]> {
  return db
    .select()
    .from(providerOrders)
    .where(
      and(
        isNull(providerOrders.orderId),
        inArray(providerOrders.state, options.states),
        options.since ? gte(providerOrders.receivedAt, options.since) : undefined,
        sql`not exists (select 1 from ${orders} where ${orders.providerOrderId} = ${providerOrders.providerOrderId})`,
      ),
    )
    .orderBy(asc(providerOrders.receivedAt))
    .limit(options.limit);
}

/** Ties the provider order to an order; false when it was tied before (another owner's tap). */
export async function tieProviderOrder(db: DbOrTx, options: { providerOrderId: string; orderId: string; by: string }): Promise<boolean> {
  const rows = await db
    .update(providerOrders)
    .set({ orderId: options.orderId, linkedBy: options.by, linkedAt: sql`now()`, nextCheckAt: null })
    .where(and(eq(providerOrders.providerOrderId, options.providerOrderId), isNull(providerOrders.orderId)))
    .returning({ id: providerOrders.providerOrderId });
  return rows.length > 0;
}
