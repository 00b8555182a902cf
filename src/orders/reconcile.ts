/**
 * The reconciler (one tick; every instance runs it, rows are claimed with SKIP LOCKED):
 * - pending and cancel_requested orders: ask `update` (10 s, then backing off; 24 h → unknown)
 * - unknown with an ORDERID: ask `update` now and then, in case the provider knows by now
 * - confirmed and never sent (a crash between confirm and submit): submit now
 * - submitting past its deadline (a crash mid-refill): unknown, never resent
 */
import { claimDueOrders, scheduleOrderCheck } from '../db/queries/orders.ts';
import type { OrderRow } from '../db/schema.ts';
import type { OrderContext } from './context.ts';
import { ProviderError, ProviderRejected } from '../provider/errors.ts';
import { checkProviderOrders } from './provider-word.ts';
import { applyUpdate, markUnknown } from './results.ts';
import { submitOrder } from './submit.ts';
import { CONFIRMED_GRACE_MS, GIVE_UP_AFTER_MS, nextCheckDelayMs, UNKNOWN_RECHECK_MS } from './timing.ts';

const LEASE_MS = 60_000;
const BATCH = 20;

/** One pass; returns how many orders it looked at. */
export async function reconcileOnce(ctx: OrderContext): Promise<number> {
  const { db, logger } = ctx;
  let handled = 0;

  for (const status of ['pending', 'cancel_requested', 'unknown'] as const) {
    const due = await claimDueOrders(db, { status, limit: BATCH, leaseMs: LEASE_MS });
    await Promise.all(due.map((order) => checkWithProvider(ctx, order)));
    handled += due.length;
  }

  const stale = await claimDueOrders(db, { status: 'submitting', limit: BATCH, leaseMs: LEASE_MS });
  for (const order of stale) {
    logger.error({ ref: order.ref }, 'refill was in flight when an instance stopped; outcome unknown');
    await markUnknown(ctx, order, { from: ['submitting'], why: 'interrupted' });
  }
  handled += stale.length;

  // Nobody answered the customer's tap (the handler died): the submit tells them by push.
  const unsent = await claimDueOrders(db, { status: 'confirmed', limit: BATCH, leaseMs: LEASE_MS, dueForMs: CONFIRMED_GRACE_MS });
  for (const order of unsent) await submitOrder(ctx, order, { byReply: false });
  handled += unsent.length;

  // Callbacks for ORDERIDs none of our orders holds: checked and shown to the owners.
  return handled + (await checkProviderOrders(ctx));
}

/**
 * An order asked about this many times that the provider now refuses to report (it answers
 * "no such order"): the provider lost it, or never had it; a person looks.
 */
const LOST_AFTER_REJECTIONS = 3;

/** Polls the provider for one claimed order that is waiting on its result. */
async function checkWithProvider(ctx: OrderContext, order: OrderRow): Promise<void> {
  if (!order.providerOrderId) return;
  const age = Date.now() - (order.submittedAt ?? order.createdAt).getTime();
  try {
    const updated = await applyUpdate(ctx, order, await ctx.provider.update(order.providerOrderId));
    if (updated.status !== order.status) return;
  } catch (error) {
    if (!(error instanceof ProviderError)) throw error;
    if (error instanceof ProviderRejected && order.status !== 'unknown') {
      // The provider says it has no such order (or refuses to say): not a passing fault.
      if (order.checkAttempts + 1 >= LOST_AFTER_REJECTIONS) {
        ctx.logger.error({ ref: order.ref, providerOrderId: order.providerOrderId }, 'the provider does not know this order; owners asked to check');
        await markUnknown(ctx, order, { from: ['pending', 'cancel_requested'], why: 'providerLost' });
        return;
      }
      ctx.logger.warn({ ref: order.ref, detail: error.detail }, 'the provider refused to report this order; will ask again');
    } else {
      ctx.logger.warn({ ref: order.ref, error: error.message }, 'could not read the order result; will ask again');
    }
  }
  if (order.status === 'unknown') {
    await scheduleOrderCheck(ctx.db, { id: order.id, status: 'unknown', delayMs: UNKNOWN_RECHECK_MS });
    return;
  }
  if (age > GIVE_UP_AFTER_MS) {
    await markUnknown(ctx, order, { from: ['pending', 'cancel_requested'], why: 'noResult' });
    return;
  }
  await scheduleOrderCheck(ctx.db, { id: order.id, status: order.status, delayMs: nextCheckDelayMs(order.checkAttempts + 1) });
}
