/**
 * Sending the refill: `confirmed → submitting` is committed immediately before the HTTP call,
 * so a crash from then on leaves `submitting` (maybe sent), which the reconciler turns into
 * `unknown`, never into a second refill. Nothing here retries a refill.
 */
import { findOrder } from '../db/queries/orders.ts';
import type { OrderRow } from '../db/schema.ts';
import { isNetwork } from '../networks.ts';
import { ProviderAmbiguous, ProviderError, ProviderRejected, ProviderUnreachable } from '../provider/errors.ts';
import type { CreditChange } from '../wallet/ledger.ts';
import type { OrderContext } from './context.ts';
import type { FailureReason } from './news.ts';
import { markUnknown } from './results.ts';
import { FIRST_CHECK_MS, REPLY_WINDOW_MS, SUBMIT_MARGIN_MS } from './timing.ts';

export type SubmitOutcome =
  /** The provider accepted the refill; the result comes later. */
  | { kind: 'pending'; order: OrderRow }
  /** The provider said no, or the request never left; nothing was charged. */
  | { kind: 'failed'; order: OrderRow; reason: FailureReason; detail?: string; credit?: CreditChange }
  /** We cannot know whether the refill happened; a person will check. */
  | { kind: 'unknown'; order: OrderRow }
  /** Not sent now (e.g. another instance is sending it); the result will be pushed. */
  | { kind: 'deferred'; order: OrderRow };

/**
 * confirmed → submitting → refill → pending | failed | unknown. `byReply`: the caller tells the
 * customer the outcome by reply, so its pushes wait as a fallback (`answeredByReply` withdraws
 * them); the reconciler's submits are told by push at once.
 */
export async function submitOrder(ctx: OrderContext, order: OrderRow, options: { byReply: boolean }): Promise<SubmitOutcome> {
  const { provider, metrics, logger } = ctx;
  const sending = await ctx.move({
    id: order.id,
    from: ['confirmed'],
    to: 'submitting',
    reason: 'sending refill',
    changes: { stamp: ['submittedAt'], nextCheckInMs: ctx.config.provider.timeoutMs + SUBMIT_MARGIN_MS },
  });
  if (sending.kind !== 'moved') return { kind: 'deferred', order: (await findOrder(ctx.db, order.id)) ?? order };
  const sent = sending.order;
  if (!isNetwork(sent.network)) throw new Error(`order ${sent.id} has an unknown network ${sent.network}`);
  const holdMs = options.byReply ? REPLY_WINDOW_MS : undefined;

  let result;
  try {
    result = await provider.refill({
      network: sent.network,
      number: sent.number,
      cash: sent.amountSatang / 100,
      ...(sent.sender ? { users: sent.sender } : {}),
    });
  } catch (error) {
    if (error instanceof ProviderRejected) {
      metrics.refills.inc({ outcome: 'rejected' });
      const shopBalance = await shortShopBalance(ctx, sent);
      if (shopBalance !== undefined) {
        logger.error({ ref: sent.ref, balanceSatang: shopBalance }, 'refill refused: the shop balance at the provider is short');
        return fail(ctx, sent, 'shopUnavailable', error.detail, holdMs, shopBalance);
      }
      return fail(ctx, sent, 'rejected', error.detail, holdMs);
    }
    if (error instanceof ProviderUnreachable) {
      // The request never left: nothing happened, and the customer may simply try again.
      metrics.refills.inc({ outcome: 'unreachable' });
      logger.warn({ err: error, ref: sent.ref }, 'provider unreachable; refill not sent');
      return fail(ctx, sent, 'unreachable', undefined, holdMs);
    }
    // Ambiguous, or anything unexpected after the request may have left: we cannot know.
    metrics.refills.inc({ outcome: 'ambiguous' });
    logger.error({ err: error, ref: sent.ref }, 'refill outcome unknown');
    const why = error instanceof ProviderAmbiguous ? 'ambiguous' : 'unexpected';
    const unknown = await markUnknown(ctx, sent, { from: ['submitting'], why, holdMs });
    return { kind: 'unknown', order: unknown ?? sent };
  }

  metrics.refills.inc({ outcome: 'accepted' });
  // From `unknown` too: if a sweep gave up on us while the reply was on its way, the ORDERID we
  // now hold is exactly what resolves the order.
  const pending = await ctx.move({
    id: sent.id,
    from: ['submitting', 'unknown'],
    to: 'pending',
    reason: 'provider accepted',
    guard: { noProviderOrderId: true },
    changes: { providerOrderId: result.orderId, discountSatang: result.discountSatang, nextCheckInMs: FIRST_CHECK_MS, checkAttempts: 0 },
    // Nobody is waiting on a reply (the reconciler sent it): say the order is under way.
    ...(options.byReply ? {} : { announce: { customer: { kind: 'accepted' } } }),
  });
  return pending.kind === 'moved' ? { kind: 'pending', order: pending.order } : { kind: 'deferred', order: sent };
}

/**
 * After a rejection: is it the shop's own balance at the provider? The provider's DETAIL is free
 * text, so ask for the balance rather than read it. Returns the balance when it is below the price.
 */
async function shortShopBalance(ctx: OrderContext, order: OrderRow): Promise<number | undefined> {
  try {
    const { balanceSatang } = await ctx.provider.balance();
    return balanceSatang < order.amountSatang ? balanceSatang : undefined;
  } catch (error) {
    if (!(error instanceof ProviderError)) throw error;
    ctx.logger.warn({ err: error, ref: order.ref }, 'could not read the shop balance after a rejection');
    return undefined;
  }
}

async function fail(
  ctx: OrderContext,
  order: OrderRow,
  reason: FailureReason,
  detail: string | undefined,
  holdMs?: number,
  shopBalanceSatang?: number,
): Promise<SubmitOutcome> {
  const failed = await ctx.move({
    id: order.id,
    from: ['submitting'],
    to: 'failed',
    reason,
    changes: { detail: detail ?? reason, nextCheckInMs: null },
    announce: {
      customer: { kind: 'failed', reason, detail },
      // The owners hear at once: every order fails until the balance is topped up.
      ...(shopBalanceSatang === undefined ? {} : { owners: { kind: 'shopBalance', balanceSatang: shopBalanceSatang } }),
      holdMs,
    },
  });
  const moved = failed.kind === 'moved' ? failed : undefined;
  return { kind: 'failed', order: moved?.order ?? order, reason, detail, credit: moved?.credit };
}
