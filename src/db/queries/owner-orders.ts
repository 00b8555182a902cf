/** Orders as the shop owners see them: the day's numbers, failures, and what waits for a person. */
import { and, asc, desc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { orders, type OrderRow } from '../schema.ts';

export interface NetworkDayTotals {
  network: string;
  successCount: number;
  /** Face value of the successful top-ups. */
  successSatang: number;
  discountSatang: number;
  failedCount: number;
  cancelledCount: number;
  unknownCount: number;
  /** Confirmed, being sent, waiting for the provider, or being cancelled. */
  inProgressCount: number;
}

/** Orders confirmed in [from, to), grouped by network (drafts never count). */
export async function summarizeOrdersByNetwork(db: DbOrTx, options: { from: Date; to: Date }): Promise<NetworkDayTotals[]> {
  const is = (status: string) => sql`${orders.status} = ${status}`;
  const rows = await db
    .select({
      network: orders.network,
      successCount: sql<number>`count(*) filter (where ${is('success')})::int`,
      successSatang: sql<string>`coalesce(sum(${orders.amountSatang}) filter (where ${is('success')}), 0)`,
      discountSatang: sql<string>`coalesce(sum(${orders.discountSatang}) filter (where ${is('success')}), 0)`,
      failedCount: sql<number>`count(*) filter (where ${is('failed')})::int`,
      cancelledCount: sql<number>`count(*) filter (where ${is('cancelled')})::int`,
      unknownCount: sql<number>`count(*) filter (where ${is('unknown')})::int`,
      inProgressCount: sql<number>`count(*) filter (where ${orders.status} in ('confirmed', 'submitting', 'pending', 'cancel_requested'))::int`,
    })
    .from(orders)
    .where(and(gte(orders.confirmedAt, options.from), lt(orders.confirmedAt, options.to)))
    .groupBy(orders.network)
    .orderBy(asc(orders.network));
  return rows.map((r) => ({
    network: r.network,
    successCount: Number(r.successCount),
    successSatang: Number(r.successSatang),
    discountSatang: Number(r.discountSatang),
    failedCount: Number(r.failedCount),
    cancelledCount: Number(r.cancelledCount),
    unknownCount: Number(r.unknownCount),
    inProgressCount: Number(r.inProgressCount),
  }));
}

/** Failed orders confirmed in [from, to), newest first. */
export async function listFailedOrders(db: DbOrTx, options: { from: Date; to: Date; limit: number }): Promise<OrderRow[]> {
  return db
    .select()
    .from(orders)
    .where(and(eq(orders.status, 'failed'), gte(orders.confirmedAt, options.from), lt(orders.confirmedAt, options.to)))
    .orderBy(desc(orders.confirmedAt))
    .limit(options.limit);
}

/** Orders whose outcome a person has to decide, oldest first. */
export async function listUnknownOrders(db: DbOrTx, options: { limit: number }): Promise<OrderRow[]> {
  return db.select().from(orders).where(eq(orders.status, 'unknown')).orderBy(asc(orders.createdAt)).limit(options.limit);
}

/** How many orders wait for a person (`unknown`) and how many for the provider. */
export async function countOpenOrders(db: DbOrTx): Promise<{ unknown: number; inProgress: number }> {
  const [row] = await db
    .select({
      unknown: sql<number>`count(*) filter (where ${orders.status} = 'unknown')::int`,
      inProgress: sql<number>`count(*) filter (where ${orders.status} <> 'unknown')::int`,
    })
    .from(orders)
    .where(inArray(orders.status, ['unknown', 'confirmed', 'submitting', 'pending', 'cancel_requested']));
  return { unknown: Number(row?.unknown ?? 0), inProgress: Number(row?.inProgress ?? 0) };
}
