/**
 * Per-customer limits, checked at the confirm tap (the moment money would move): orders per
 * minute, orders per day and baht per day, the day being Bangkok's.
 */
import type { Config } from '../config.ts';
import type { DbOrTx } from '../db/client.ts';
import { countConfirmedOrders } from '../db/queries/orders.ts';

export interface LimitHit {
  /** Translation key under `order.limit.`. */
  kind: 'perMinute' | 'perDay' | 'bahtPerDay';
  count?: number;
  limitSatang?: number;
}

const BANGKOK_OFFSET_MS = 7 * 60 * 60 * 1000;

/** Midnight in Bangkok (UTC+7, no daylight saving) at or before `now`. */
export function startOfBangkokDay(now: Date): Date {
  const local = now.getTime() + BANGKOK_OFFSET_MS;
  return new Date(local - (local % 86_400_000) - BANGKOK_OFFSET_MS);
}

export async function checkOrderLimits(
  db: DbOrTx,
  config: Config,
  options: { userId: string; amountSatang: number; now?: Date },
): Promise<LimitHit | undefined> {
  const now = options.now ?? new Date();
  const { limits } = config;
  const lastMinute = await countConfirmedOrders(db, { userId: options.userId, since: new Date(now.getTime() - 60_000) });
  if (lastMinute.count >= limits.ordersPerMinute) return { kind: 'perMinute' };
  const today = await countConfirmedOrders(db, { userId: options.userId, since: startOfBangkokDay(now) });
  if (today.count >= limits.ordersPerDay) return { kind: 'perDay', count: limits.ordersPerDay };
  if (today.satang + options.amountSatang > limits.bahtPerDay * 100) {
    return { kind: 'bahtPerDay', limitSatang: limits.bahtPerDay * 100 };
  }
  return undefined;
}
