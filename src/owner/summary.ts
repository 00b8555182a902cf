/**
 * The owners' summary: the day's orders and baht by network, the discount earned, failures,
 * what waits for a person, and the balance. `buildSummary` is pure (numbers in, summary out);
 * `loadSummary` runs the query. The daily one goes out once per Bangkok date (dedupe key
 * `summary:<date>`) at DAILY_SUMMARY_TIME and covers the 24 hours before it, so no order falls
 * between two summaries; `สรุปวันนี้` covers today since midnight.
 */
import type { DbOrTx } from '../db/client.ts';
import { listFailedOrders, summarizeOrdersByNetwork, type NetworkDayTotals } from '../db/queries/owner-orders.ts';
import type { OrderRow } from '../db/schema.ts';
import { NETWORKS } from '../networks.ts';

/** Asia/Bangkok is UTC+7 all year (no daylight saving). */
const BANGKOK_OFFSET_MS = 7 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
/** Failed orders listed by name on the card; the rest are counted. */
export const FAILED_LISTED = 5;

export type SummaryTotals = Omit<NetworkDayTotals, 'network'>;

export interface DailySummary {
  /** `daily`: the scheduled one; `today`: asked for with สรุปวันนี้. */
  kind: 'daily' | 'today';
  /** Bangkok date of the period's end, `YYYY-MM-DD`. */
  date: string;
  from: Date;
  to: Date;
  /** Networks with any order, in the shop's usual order. */
  byNetwork: NetworkDayTotals[];
  totals: SummaryTotals;
  failedOrders: Pick<OrderRow, 'ref' | 'number' | 'network' | 'amountSatang'>[];
  balanceSatang?: number;
}

/** The Bangkok calendar date of an instant, `YYYY-MM-DD`. */
export function bangkokDate(at: Date): string {
  return new Date(at.getTime() + BANGKOK_OFFSET_MS).toISOString().slice(0, 10);
}

/** Midnight (Bangkok) that starts the day `at` falls in. */
export function bangkokMidnight(at: Date): Date {
  const local = new Date(at.getTime() + BANGKOK_OFFSET_MS);
  return new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()) - BANGKOK_OFFSET_MS);
}

/**
 * Today's scheduled summary once its time (`HH:MM`, Bangkok) has come; undefined before it.
 * A bot that was down at the time sends it when it comes back the same day.
 */
export function dueDailySummary(now: Date, time: string): { date: string; from: Date; to: Date } | undefined {
  const [hours, minutes] = time.split(':').map(Number);
  const to = new Date(bangkokMidnight(now).getTime() + ((hours ?? 0) * 60 + (minutes ?? 0)) * 60_000);
  if (now < to) return undefined;
  return { date: bangkokDate(to), from: new Date(to.getTime() - DAY_MS), to };
}

/** The period of สรุปวันนี้: Bangkok midnight until now. */
export function todaySoFar(now: Date): { date: string; from: Date; to: Date } {
  return { date: bangkokDate(now), from: bangkokMidnight(now), to: now };
}

export function buildSummary(input: {
  kind: DailySummary['kind'];
  period: { date: string; from: Date; to: Date };
  byNetwork: NetworkDayTotals[];
  failedOrders: DailySummary['failedOrders'];
  balanceSatang?: number;
}): DailySummary {
  const rank = (network: string) => {
    const i = (NETWORKS as readonly string[]).indexOf(network);
    return i < 0 ? NETWORKS.length : i;
  };
  const byNetwork = input.byNetwork
    .filter((n) => n.successCount + n.failedCount + n.cancelledCount + n.unknownCount + n.inProgressCount > 0)
    .sort((a, b) => rank(a.network) - rank(b.network) || a.network.localeCompare(b.network));
  const totals: SummaryTotals = {
    successCount: 0,
    successSatang: 0,
    discountSatang: 0,
    failedCount: 0,
    cancelledCount: 0,
    unknownCount: 0,
    inProgressCount: 0,
  };
  for (const n of byNetwork) {
    for (const key of Object.keys(totals) as (keyof SummaryTotals)[]) totals[key] += n[key];
  }
  return {
    kind: input.kind,
    date: input.period.date,
    from: input.period.from,
    to: input.period.to,
    byNetwork,
    totals,
    failedOrders: input.failedOrders.slice(0, FAILED_LISTED),
    ...(input.balanceSatang === undefined ? {} : { balanceSatang: input.balanceSatang }),
  };
}

export async function loadSummary(
  db: DbOrTx,
  options: { kind: DailySummary['kind']; period: { date: string; from: Date; to: Date }; balanceSatang?: number },
): Promise<DailySummary> {
  const range = { from: options.period.from, to: options.period.to };
  const [byNetwork, failedOrders] = await Promise.all([
    summarizeOrdersByNetwork(db, range),
    listFailedOrders(db, { ...range, limit: FAILED_LISTED }),
  ]);
  return buildSummary({ ...options, byNetwork, failedOrders });
}
