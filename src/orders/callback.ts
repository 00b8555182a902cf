/**
 * The provider's result callback is a hint, never the truth: anyone who learns the URL can
 * post anything. We ask `update` about the ORDERID and act only on the provider's answer.
 * A burst of replays costs one `update` per order; a callback for an ORDERID none of our orders
 * holds is kept (provider-word.ts checks it and shows it to the owners).
 */
import { checkOrderSoon, claimCallbackCheck, findOrderByProviderId } from '../db/queries/orders.ts';
import { recordProviderOrder } from '../db/queries/provider-orders.ts';
import { parseProviderCallback } from '../provider/callback.ts';
import type { OrderContext } from './context.ts';
import { applyUpdate } from './results.ts';

export type CallbackOutcome = 'applied' | 'unchanged' | 'coalesced' | 'stray' | 'malformed' | 'deferred';

/** Replayed callbacks for one order within this long ask the provider once. */
export const CALLBACK_COALESCE_MS = 5_000;

export async function handleProviderCallback(ctx: OrderContext, form: Record<string, unknown>): Promise<CallbackOutcome> {
  const hint = parseProviderCallback(form);
  if (!hint) return 'malformed';
  const order = await findOrderByProviderId(ctx.db, hint.orderId);
  if (!order) {
    // Not ours, or an order whose refill answer we never got: the provider's word is kept.
    await recordProviderOrder(ctx.db, { providerOrderId: hint.orderId, fields: form });
    ctx.logger.warn({ providerOrderId: hint.orderId }, 'callback for an ORDERID no order holds; checking it for the owners');
    return 'stray';
  }
  // Failed and cancelled are final for good; a success can still be reversed.
  if (order.status === 'failed' || order.status === 'cancelled' || order.status === 'expired') return 'unchanged';
  if (!(await claimCallbackCheck(ctx.db, { orderId: order.id, withinMs: CALLBACK_COALESCE_MS }))) {
    // Asked a moment ago: the reconciler looks again once the window has passed, in case this
    // one carried news (a replay costs nothing; a real change is seen seconds later).
    await checkOrderSoon(ctx.db, order.id, CALLBACK_COALESCE_MS);
    return 'coalesced';
  }
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
