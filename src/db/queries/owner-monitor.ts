/**
 * Monitor state (`monitor_state`, one JSON value per name) and the advisory locks that make
 * the owners' monitors singletons across instances. Locks are transaction-scoped
 * (`pg_advisory_xact_lock`), so they end with the transaction on both drivers.
 */
import { and, desc, eq, gt, isNotNull, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { monitorState, orders, providerSnapshots } from '../schema.ts';

/** Namespace of the monitors' advisory locks; the second key is the monitor's name. */
const MONITOR_LOCK_NAMESPACE = 7_262_540;

export async function readMonitorState<T>(db: DbOrTx, name: string): Promise<{ value: T; updatedAt: Date } | undefined> {
  const [row] = await db.select().from(monitorState).where(eq(monitorState.name, name));
  return row ? { value: row.value as T, updatedAt: row.updatedAt } : undefined;
}

export async function writeMonitorState(db: DbOrTx, options: { name: string; value: unknown }): Promise<void> {
  await db
    .insert(monitorState)
    .values({ name: options.name, value: options.value })
    .onConflictDoUpdate({ target: monitorState.name, set: { value: options.value, updatedAt: sql`now()` } });
}

/** Takes the monitor's lock for this transaction if nobody holds it; false otherwise. */
export async function tryLockMonitor(tx: DbOrTx, name: string): Promise<boolean> {
  const rows = await tx.execute<{ locked: boolean }>(
    sql`select pg_try_advisory_xact_lock(${MONITOR_LOCK_NAMESPACE}, hashtext(${name})) as locked`,
  );
  return firstRow<{ locked: boolean }>(rows)?.locked === true;
}

/** Waits for the monitor's lock; for short decisions that must not be dropped. */
export async function lockMonitor(tx: DbOrTx, name: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${MONITOR_LOCK_NAMESPACE}, hashtext(${name}))`);
}

/**
 * Claims the next run of a periodic job (`name`) when its last run is at least `intervalMs`
 * old, under the job's advisory lock: with any number of instances, one of them wins each
 * interval. Returns the claim time (database clock), or undefined when it is not due or taken.
 */
export async function claimMonitorRun(db: DbOrTx, options: { name: string; intervalMs: number }): Promise<Date | undefined> {
  return db.transaction(async (tx) => {
    if (!(await tryLockMonitor(tx, options.name))) return undefined;
    const rows = await tx
      .insert(monitorState)
      .values({ name: options.name, value: {} })
      .onConflictDoUpdate({
        target: monitorState.name,
        set: { updatedAt: sql`now()` },
        setWhere: sql`${monitorState.updatedAt} <= now() - make_interval(secs => ${options.intervalMs / 1000})`,
      })
      .returning({ at: monitorState.updatedAt });
    return rows[0]?.at;
  });
}

/** The database's clock, so instances with skewed clocks still order observations alike. */
export async function databaseNow(db: DbOrTx): Promise<Date> {
  const rows = await db.execute<{ now: string | Date }>(sql`select now() as now`);
  const value = firstRow<{ now: string | Date }>(rows)?.now;
  return value instanceof Date ? value : new Date(value ?? Date.now());
}

/** The newest balance the provider reported with an order result, if newer than `after`. */
export async function findLatestOrderBalance(
  db: DbOrTx,
  options: { after?: Date },
): Promise<{ balanceSatang: number; at: Date } | undefined> {
  const [row] = await db
    .select({ balanceSatang: orders.balanceAfterSatang, at: orders.finalizedAt })
    .from(orders)
    .where(
      and(
        isNotNull(orders.balanceAfterSatang),
        isNotNull(orders.finalizedAt),
        options.after ? gt(orders.finalizedAt, options.after) : undefined,
      ),
    )
    .orderBy(desc(orders.finalizedAt))
    .limit(1);
  return row && row.balanceSatang !== null && row.at ? { balanceSatang: row.balanceSatang, at: row.at } : undefined;
}

/** What one successful top-up has cost the shop lately (REALAMOUNT, else amount − discount). */
export async function averageRecentCharge(db: DbOrTx, options: { days: number }): Promise<number | undefined> {
  const [row] = await db
    .select({
      average: sql<string | null>`avg(coalesce(nullif(${orders.chargedSatang}, 0), ${orders.amountSatang} - coalesce(${orders.discountSatang}, 0)))`,
    })
    .from(orders)
    .where(and(eq(orders.status, 'success'), gt(orders.finalizedAt, sql`now() - make_interval(days => ${options.days})`)));
  const average = row?.average == null ? undefined : Number(row.average);
  return average && average > 0 ? Math.round(average) : undefined;
}

/** Old snapshots are history nobody reads; keep a few days. */
export async function pruneSnapshots(db: DbOrTx, options: { kind: 'balance' | 'network'; olderThanDays: number }): Promise<void> {
  await db
    .delete(providerSnapshots)
    .where(
      and(
        eq(providerSnapshots.kind, options.kind),
        lt(providerSnapshots.takenAt, sql`now() - make_interval(days => ${options.olderThanDays})`),
      ),
    );
}

/** postgres.js returns an array of rows, PGlite an object with `rows`. */
function firstRow<T>(result: unknown): T | undefined {
  if (Array.isArray(result)) return result[0] as T | undefined;
  return (result as { rows?: T[] }).rows?.[0];
}
