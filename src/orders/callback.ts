/**
 * The provider's result callback is a hint, never the truth: anyone who learns the URL can
 * post anything. We ask `update` about the ORDERID and act only on the provider's answer.
 */
import { storeStrayCallback } from '../db/queries/callbacks.ts';
import { checkOrderSoon, findOrderByProviderId } from '../db/queries/orders.ts';
import { parseProviderCallback } from '../provider/callback.ts';
import type { OrderContext } from './context.ts';
import { applyUpdate } from './results.ts';

export type CallbackOutcome = 'applied' | 'unchanged' | 'stray' | 'malformed' | 'deferred';

export async function handleProviderCallback(ctx: OrderContext, form: Record<string, unknown>): Promise<CallbackOutcome> {
  const hint = parseProviderCallback(form);
  if (!hint) return 'malformed';
  const order = await findOrderByProviderId(ctx.db, hint.orderId);
  if (!order) {
    // Not ours, or an order whose refill reply we never got: keep it for the owners.
    await storeStrayCallback(ctx.db, { providerOrderId: hint.orderId, fields: form });
    ctx.logger.warn({ providerOrderId: hint.orderId }, 'callback for an unknown ORDERID stored for the owners');
    return 'stray';
  }
  // Failed and cancelled are final for good; a success can still be reversed.
  if (order.status === 'failed' || order.status === 'cancelled' || order.status === 'expired') return 'unchanged';
  try {
    const update = await ctx.provider.update(hint.orderId);
    const after = await applyUpdate(ctx, order, update);
    return after.status === order.status ? 'unchanged' : 'applied';
  } catch (error) {
    // The provider did not answer now; make the reconciler ask soon instead of waiting.
    ctx.logger.warn({ err: error, ref: order.ref }, 'callback received but update failed; reconciler will retry');
    await checkOrderSoon(ctx.db, order.id);
    return 'deferred';
  }
}
