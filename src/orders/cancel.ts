/**
 * A customer's "ยกเลิก" about their latest order: only a pending refill can be cancelled,
 * through `mobile=return`; the result (≥ 1 minute later) comes through `update` as usual.
 */
import { findLatestOrder } from '../db/queries/orders.ts';
import type { OrderRow } from '../db/schema.ts';
import { ProviderRejected } from '../provider/errors.ts';
import type { OrderContext } from './context.ts';
import { CANCEL_FIRST_CHECK_MS } from './timing.ts';

/** What came of the cancel; `kind` is a translation key under `cancelOrder.`. */
export type CancelOutcome =
  | { kind: 'none' }
  | { kind: 'requested' | 'tooLate' | 'notYet' | 'failed'; order: OrderRow };

export async function requestCancel(ctx: OrderContext, request: { userId: string }): Promise<CancelOutcome> {
  const order = await findLatestOrder(ctx.db, request.userId);
  if (!order) return { kind: 'none' };
  switch (order.status) {
    case 'confirmed':
    case 'submitting':
      return { kind: 'notYet', order };
    case 'success':
      return { kind: 'tooLate', order };
    case 'pending':
      break;
    default:
      return { kind: 'none' };
  }
  // Marked before the call: the provider may report the cancel (callback) before it answers us.
  const requested = await ctx.move({
    id: order.id,
    from: ['pending'],
    to: 'cancel_requested',
    reason: 'customer asked to cancel',
    changes: { nextCheckInMs: CANCEL_FIRST_CHECK_MS },
  });
  if (requested.kind !== 'moved') return { kind: 'notYet', order };
  try {
    await ctx.provider.cancel(order.providerOrderId!);
    return { kind: 'requested', order };
  } catch (error) {
    ctx.logger.warn({ err: error, ref: order.ref }, 'cancel request not accepted');
    if (error instanceof ProviderRejected) {
      // The provider said no: the order simply goes on as pending.
      await ctx.move({ id: order.id, from: ['cancel_requested'], to: 'pending', reason: 'provider refused the cancel' });
      return { kind: 'failed', order };
    }
    // Maybe cancelled, maybe not: `update` will tell, as for any cancel_requested order.
    return { kind: 'requested', order };
  }
}
