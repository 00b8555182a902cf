/**
 * Per-customer limits, checked at the confirm tap (the moment money would move): orders per
 * minute, orders per day and baht per day, the day being Bangkok's.
 */
import type { Config } from '../config.ts';
import type { DbOrTx } from '../db/client.ts';
import { countConfirmedOrders, findNthLatestConfirmation } from '../db/queries/orders.ts';

export interface LimitHit {
  /** Translation key under `order.limit.`. */
  kind: 'perMinute' | 'perDay' | 'bahtPerDay';
  count?: number;
  limitSatang?: number;
  /** bahtPerDay: what may still be ordered today (0 when the day's limit is used up). */
  remainingSatang?: number;
  /** When the customer may order again. */
  retryAt: Date;
}

const BANGKOK_OFFSET_MS = 7 * 60 * 60 * 1000;
const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/** Midnight in Bangkok (UTC+7, no daylight saving) at or before `now`. */
export function startOfBangkokDay(now: Date): Date {
  const local = now.getTime() + BANGKOK_OFFSET_MS;
  return new Date(local - (local % DAY_MS) - BANGKOK_OFFSET_MS);
}

export async function checkOrderLimits(
  db: DbOrTx,
  config: Config,
  options: { userId: string; amountSatang: number; now?: Date },
): Promise<LimitHit | undefined> {
  const now = options.now ?? new Date();
  const { limits } = config;
  const tomorrow = new Date(startOfBangkokDay(now).getTime() + DAY_MS);
  const lastMinute = await countConfirmedOrders(db, { userId: options.userId, since: new Date(now.getTime() - MINUTE_MS) });
  if (lastMinute.count >= limits.ordersPerMinute) {
    // Once the N-th latest confirmation is a minute old, fewer than N fall in the window.
    const nth = await findNthLatestConfirmation(db, { userId: options.userId, n: limits.ordersPerMinute });
    return { kind: 'perMinute', count: limits.ordersPerMinute, retryAt: new Date((nth ?? now).getTime() + MINUTE_MS) };
  }
  const today = await countConfirmedOrders(db, { userId: options.userId, since: startOfBangkokDay(now) });
  if (today.count >= limits.ordersPerDay) return { kind: 'perDay', count: limits.ordersPerDay, retryAt: tomorrow };
  const limitSatang = limits.bahtPerDay * 100;
  if (today.satang + options.amountSatang > limitSatang) {
    return { kind: 'bahtPerDay', limitSatang, remainingSatang: Math.max(0, limitSatang - today.satang), retryAt: tomorrow };
  }
  return undefined;
}
