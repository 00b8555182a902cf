/**
 * Outcomes: the provider's `update` answer (the only thing we trust from the provider), an
 * owner's decision on an `unknown` order, and giving up. All go through `settle`, so an
 * owner's "success" captures the credit and tells the customer exactly as the provider's does.
 */
import { findOrder } from '../db/queries/orders.ts';
import { listUntiedProviderOrders } from '../db/queries/provider-orders.ts';
import type { OrderRow, OrderStatus, ProviderOrderRow } from '../db/schema.ts';
import type { UpdateResult } from '../provider/client.ts';
import { ProviderError } from '../provider/errors.ts';
import type { OrderContext } from './context.ts';
import type { MoveResult } from './move.ts';
import type { FailureReason, UnknownReason } from './news.ts';
import { UNKNOWN_RECHECK_MS } from './timing.ts';

/** Who says how the order ended. */
export type Verdict =
  | { by: 'provider'; state: 'success' | 'failed'; chargedSatang?: number; balanceSatang?: number }
  | { by: 'owner'; state: 'success' | 'failed'; ownerId: string };

/** Where each verdict may settle an order from. */
const SETTLE_FROM: Record<Verdict['by'], OrderStatus[]> = {
  provider: ['pending', 'unknown', 'cancel_requested'],
  // An owner decides only what nobody else can: orders in `unknown`.
  owner: ['unknown'],
};

export interface Settled {
  /** The order as it is afterwards. */
  order: OrderRow;
  /** False when it was settled before (another owner, a duplicate callback): nothing changed. */
  moved: boolean;
}

/** Settles the order by the verdict. */
export async function settle(ctx: OrderContext, order: OrderRow, verdict: Verdict): Promise<Settled> {
  const money = verdict.by === 'provider' ? { chargedSatang: verdict.chargedSatang, balanceAfterSatang: verdict.balanceSatang } : {};
  const by = verdict.by === 'owner' ? { resolvedBy: verdict.ownerId } : {};
  const from = SETTLE_FROM[verdict.by];
  if (verdict.state === 'success') {
    const done = await ctx.move({
      id: order.id,
      from,
      to: 'success',
      reason: verdict.by === 'owner' ? 'owner marked success' : 'provider reports success',
      changes: { ...money, ...by, nextCheckInMs: null },
      announce: { customer: { kind: 'success' } },
    });
    return settled(ctx, order, done);
  }
  // A success the provider later reverses is real news: tell the customer (and give the credit back).
  if (verdict.by === 'provider' && order.status === 'success') {
    const reversed = await ctx.move({
      id: order.id,
      from: ['success'],
      to: 'cancelled',
      reason: 'provider reversed the refill',
      changes: { ...money, detail: 'reversed' },
      announce: { customer: { kind: 'reversed' } },
    });
    return settled(ctx, order, reversed);
  }
  const reason: FailureReason = verdict.by === 'owner' ? 'ownerFailed' : order.status === 'cancel_requested' ? 'cancelled' : 'providerFailed';
  // A failure after the customer asked to cancel is the cancel they asked for.
  const cancelled = reason === 'cancelled';
  const failed = await ctx.move({
    id: order.id,
    from: cancelled ? ['cancel_requested'] : from,
    to: cancelled ? 'cancelled' : 'failed',
    reason,
    changes: { ...by, detail: reason, nextCheckInMs: null },
    announce: { customer: cancelled ? { kind: 'cancelled' } : { kind: 'failed', reason } },
  });
  return settled(ctx, order, failed);
}

/** Acts on the provider's own `update` answer; a still-pending answer changes nothing. */
export async function applyUpdate(ctx: OrderContext, order: OrderRow, update: UpdateResult): Promise<OrderRow> {
  if (update.state === 'pending') return order;
  const verdict = { by: 'provider', state: update.state, chargedSatang: update.chargedSatang, balanceSatang: update.balanceSatang } as const;
  return (await settle(ctx, order, verdict)).order;
}

/** Nobody can know the outcome: the customer is told a person will check, the owners get a card. */
export async function markUnknown(
  ctx: OrderContext,
  order: OrderRow,
  options: { from: OrderStatus[]; why: UnknownReason; holdMs?: number },
): Promise<OrderRow | undefined> {
  // The provider may already have told us about it (a callback for an ORDERID we never got).
  const candidates = order.providerOrderId ? [] : await untiedProviderOrdersFor(ctx, order);
  const moved = await ctx.move({
    id: order.id,
    from: options.from,
    to: 'unknown',
    reason: options.why,
    // Keep asking the provider now and then when we know its ORDERID.
    changes: { detail: options.why, nextCheckInMs: order.providerOrderId ? UNKNOWN_RECHECK_MS : null },
    announce: { customer: { kind: 'unknown' }, owners: { kind: 'orderUnknown', why: options.why, candidates }, holdMs: options.holdMs },
  });
  return moved.kind === 'moved' ? moved.order : undefined;
}

export type RecheckOutcome =
  | { kind: 'settled'; order: OrderRow }
  | { kind: 'stillUnknown'; order: OrderRow }
  /** Settled before (another owner, the provider); `order` as it is now. */
  | { kind: 'already'; order: OrderRow }
  | { kind: 'noProviderRef'; order: OrderRow }
  /** The provider did not answer (any `ProviderError`); nothing changed. */
  | { kind: 'providerDown'; order: OrderRow; error: ProviderError }
  | { kind: 'notFound' };

/** An owner's "check again": asks `update` and settles by its answer. */
export async function recheckOrder(ctx: OrderContext, orderId: string): Promise<RecheckOutcome> {
  const order = await findOrder(ctx.db, orderId);
  if (!order) return { kind: 'notFound' };
  if (order.status !== 'unknown') return { kind: 'already', order };
  if (!order.providerOrderId) return { kind: 'noProviderRef', order };
  let update: UpdateResult;
  try {
    update = await ctx.provider.update(order.providerOrderId);
  } catch (error) {
    if (!(error instanceof ProviderError)) throw error;
    return { kind: 'providerDown', order, error };
  }
  const after = await applyUpdate(ctx, order, update);
  if (after.status === 'success' || after.status === 'failed') return { kind: 'settled', order: after };
  if (after.status !== 'unknown') return { kind: 'already', order: after };
  return { kind: 'stillUnknown', order };
}

export type ResolveOutcome =
  | { kind: 'resolved'; order: OrderRow }
  | { kind: 'already'; order: OrderRow }
  /** "Failed" while the provider reported an untied order that may be this one: asked once more. */
  | { kind: 'confirmFailed'; order: OrderRow; candidates: ProviderOrderRow[] }
  | { kind: 'notFound' };

/**
 * An owner's สำเร็จแล้ว / ไม่สำเร็จ on an `unknown` order: the first tap settles it. Failing it
 * (which gives the credit back) while the provider reported a success that may be this order
 * asks once more (`sure` is the owner's second tap).
 */
export async function resolveByOwner(
  ctx: OrderContext,
  request: { orderId: string; to: 'success' | 'failed'; ownerId: string; sure?: boolean },
): Promise<ResolveOutcome> {
  const order = await findOrder(ctx.db, request.orderId);
  if (!order) return { kind: 'notFound' };
  if (request.to === 'failed' && !request.sure && order.status === 'unknown' && !order.providerOrderId) {
    const candidates = await untiedProviderOrdersFor(ctx, order);
    if (candidates.length > 0) return { kind: 'confirmFailed', order, candidates };
  }
  const after = await settle(ctx, order, { by: 'owner', state: request.to, ownerId: request.ownerId });
  if (!after.moved) return { kind: 'already', order: after.order };
  ctx.logger.info({ ref: after.order.ref, to: request.to, by: request.ownerId }, 'owner resolved an unknown order');
  return { kind: 'resolved', order: after.order };
}

/** Untied provider orders (not known to have failed) reported since `order` was sent. */
function untiedProviderOrdersFor(ctx: OrderContext, order: OrderRow): Promise<ProviderOrderRow[]> {
  return listUntiedProviderOrders(ctx.db, { states: ['unchecked', 'pending', 'success'], since: order.submittedAt ?? order.createdAt, limit: 5 });
}

async function settled(ctx: OrderContext, order: OrderRow, result: MoveResult): Promise<Settled> {
  if (result.kind === 'moved') return { order: result.order, moved: true };
  return { order: (await findOrder(ctx.db, order.id)) ?? order, moved: false };
}
