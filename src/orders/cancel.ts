/**
 * A customer's "ยกเลิก" about their latest order: only a pending refill can be cancelled,
 * through `mobile=return`; the result (≥ 1 minute later) comes through `update` as usual.
 */
import { findLatestOrder, transitionOrder } from '../db/queries/orders.ts';
import { ProviderRejected } from '../provider/errors.ts';
import type { CancelOutcome } from './hooks.ts';
import type { OrderDeps } from './service.ts';

/** A cancel takes at least a minute to show in `update` (DESIGN §4). */
const CANCEL_FIRST_CHECK_MS = 60_000;

export async function requestCancel(deps: OrderDeps, options: { userId: string }): Promise<CancelOutcome> {
  const order = await findLatestOrder(deps.db, options.userId);
  const vars = { ref: order?.ref ?? '' };
  if (!order) return { kind: 'none' };
  switch (order.status) {
    case 'confirmed':
    case 'submitting':
      return { kind: 'notYet', vars };
    case 'success':
      return { kind: 'tooLate', vars };
    case 'pending':
      break;
    default:
      return { kind: 'none' };
  }
  // Marked before the call: the provider may report the cancel (callback) before it answers us.
  const requested = await transitionOrder(deps.db, {
    id: order.id,
    from: ['pending'],
    to: 'cancel_requested',
    reason: 'customer asked to cancel',
    set: { nextCheckAt: new Date(Date.now() + CANCEL_FIRST_CHECK_MS) },
  });
  if (!requested) return { kind: 'notYet', vars };
  try {
    await deps.provider.cancel(order.providerOrderId!);
    return { kind: 'requested', vars };
  } catch (error) {
    deps.logger.warn({ err: error, ref: order.ref }, 'cancel request not accepted');
    if (error instanceof ProviderRejected) {
      // The provider said no: the order simply goes on as pending.
      await transitionOrder(deps.db, { id: order.id, from: ['cancel_requested'], to: 'pending', reason: 'provider refused the cancel' });
      return { kind: 'failed', vars };
    }
    // Maybe cancelled, maybe not: `update` will tell, as for any cancel_requested order.
    return { kind: 'requested', vars };
  }
}
