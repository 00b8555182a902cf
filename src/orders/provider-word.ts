/**
 * The provider's word is never dropped (DESIGN §5). A callback for an ORDERID none of our orders
 * holds is usually a refill whose answer was lost, so one of our orders sits in `unknown` while
 * the provider has the real outcome. Here:
 * - the reconciler checks each such ORDERID with `update` and shows the owners a card (once) with
 *   its state and the `unknown` orders it may belong to;
 * - an owner ties it to one of them (`action=link-order`), which settles that order by `update`.
 */
import { findOrder, findOrderByProviderId, listUnknownOrdersWithoutProviderId, setUnknownOrderProviderId, checkOrderSoon } from '../db/queries/orders.ts';
import {
  claimDueProviderOrders,
  findProviderOrder,
  markProviderOrderAlerted,
  saveProviderOrderCheck,
  tieProviderOrder,
} from '../db/queries/provider-orders.ts';
import type { OrderRow, ProviderOrderRow } from '../db/schema.ts';
import { ProviderError, ProviderRejected } from '../provider/errors.ts';
import type { OrderContext } from './context.ts';
import { applyUpdate } from './results.ts';
import { FIRST_CHECK_MS, GIVE_UP_AFTER_MS, nextCheckDelayMs } from './timing.ts';

const LEASE_MS = 60_000;
const BATCH = 20;
/** How far back an `unknown` order may have been sent to match a provider order. */
const MATCH_WINDOW_MS = GIVE_UP_AFTER_MS;

/** One pass over the provider orders whose check is due; returns how many it looked at. */
export async function checkProviderOrders(ctx: OrderContext): Promise<number> {
  const due = await claimDueProviderOrders(ctx.db, { limit: BATCH, leaseMs: LEASE_MS });
  for (const row of due) await checkOne(ctx, row);
  return due.length;
}

async function checkOne(ctx: OrderContext, row: ProviderOrderRow): Promise<void> {
  const id = row.providerOrderId;
  // A late refill answer may have given one of our orders this ORDERID meanwhile: then it is that
  // order's news, and the normal path settles it.
  const holder = await findOrderByProviderId(ctx.db, id);
  if (holder) {
    await tieProviderOrder(ctx.db, { providerOrderId: id, orderId: holder.id, by: 'provider' });
    await checkOrderSoon(ctx.db, holder.id);
    return;
  }
  let update;
  try {
    update = await ctx.provider.update(id);
  } catch (error) {
    if (error instanceof ProviderRejected) {
      // The provider does not know it: a forged or mistyped callback. Nothing to show anyone.
      ctx.logger.warn({ providerOrderId: id }, 'the provider does not know an ORDERID a callback named');
      await saveProviderOrderCheck(ctx.db, { providerOrderId: id, state: 'notFound', nextCheckInMs: null });
      return;
    }
    if (!(error instanceof ProviderError)) throw error;
    ctx.logger.warn({ err: error, providerOrderId: id }, 'could not check a provider order; will ask again');
    await saveProviderOrderCheck(ctx.db, { providerOrderId: id, state: row.state, nextCheckInMs: nextCheckDelayMs(row.checkAttempts) });
    return;
  }
  const saved = await saveProviderOrderCheck(ctx.db, {
    providerOrderId: id,
    state: update.state,
    chargedSatang: update.chargedSatang,
    nextCheckInMs: update.state === 'pending' ? nextCheckDelayMs(row.checkAttempts) : null,
  });
  if (saved) await showOwners(ctx, saved);
}

/** The owners' card for a provider order, once: its state and the orders it may belong to. */
async function showOwners(ctx: OrderContext, row: ProviderOrderRow): Promise<void> {
  const shown = await ctx.db.transaction(async (tx) => {
    if (!(await markProviderOrderAlerted(tx, row.providerOrderId))) return false;
    const candidates = await listUnknownOrdersWithoutProviderId(tx, {
      from: new Date(row.receivedAt.getTime() - MATCH_WINDOW_MS),
      to: new Date(),
      limit: 5,
    });
    return ctx.outbox.alertOwners(tx, {
      dedupeKey: `provider-order:${row.providerOrderId}`,
      kind: 'provider_order',
      payload: { providerOrderId: row.providerOrderId, state: row.state, chargedSatang: row.chargedSatang, candidates: candidates.map((o) => o.ref) },
      messages: ctx.announcer.owners({ kind: 'providerOrder', providerOrder: row, candidates }),
    });
  });
  if (shown) {
    ctx.logger.warn({ providerOrderId: row.providerOrderId, state: row.state }, 'provider order none of ours holds: owners asked to tie it');
    ctx.outbox.kick();
  }
}

export type LinkOutcome =
  /** Tied; `order` as it is after `update`'s answer (success, failed, pending or still unknown). */
  | { kind: 'linked'; order: OrderRow; providerDown?: boolean }
  /** Tied before, or the order was settled meanwhile. */
  | { kind: 'already'; order?: OrderRow; providerOrder?: ProviderOrderRow }
  | { kind: 'notFound' };

/** An owner ties a provider order to an `unknown` order; `update` then settles the order. */
export async function linkProviderOrder(
  ctx: OrderContext,
  request: { orderId: string; providerOrderId: string; ownerId: string },
): Promise<LinkOutcome> {
  const [order, providerOrder] = await Promise.all([findOrder(ctx.db, request.orderId), findProviderOrder(ctx.db, request.providerOrderId)]);
  if (!order || !providerOrder) return { kind: 'notFound' };
  const tied = await ctx.db
    .transaction(async (tx) => {
      if (!(await tieProviderOrder(tx, { providerOrderId: request.providerOrderId, orderId: order.id, by: request.ownerId }))) return false;
      if (!(await setUnknownOrderProviderId(tx, { orderId: order.id, providerOrderId: request.providerOrderId }))) throw new NotTied();
      return true;
    })
    .catch((error: unknown) => {
      if (error instanceof NotTied) return false;
      throw error;
    });
  if (!tied) return { kind: 'already', order: (await findOrder(ctx.db, order.id)) ?? order, providerOrder };
  ctx.logger.info({ ref: order.ref, providerOrderId: request.providerOrderId, by: request.ownerId }, 'owner tied a provider order to an unknown order');

  const held = { ...order, providerOrderId: request.providerOrderId };
  let after: OrderRow;
  try {
    after = await applyUpdate(ctx, held, await ctx.provider.update(request.providerOrderId));
  } catch (error) {
    if (!(error instanceof ProviderError)) throw error;
    // Tied: the reconciler asks again soon and settles it then.
    await checkOrderSoon(ctx.db, order.id);
    return { kind: 'linked', order: held, providerDown: true };
  }
  if (after.status === 'unknown') {
    // Still pending at the provider: poll it like any pending order.
    const moved = await ctx.move({
      id: order.id,
      from: ['unknown'],
      to: 'pending',
      reason: 'owner tied the provider order',
      changes: { nextCheckInMs: FIRST_CHECK_MS, checkAttempts: 0 },
    });
    if (moved.kind === 'moved') after = moved.order;
  }
  return { kind: 'linked', order: after };
}

class NotTied extends Error {
  constructor() {
    super('the order is no longer an unknown order without an ORDERID');
  }
}
