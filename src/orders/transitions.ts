/**
 * The order state machine (DESIGN §5) as data: every move the service may make. `move()` refuses
 * anything else, so a new verb cannot quietly invent a transition.
 *
 *   draft → confirmed → submitting → pending → success | failed
 *                                  ↘ failed    ↘ cancel_requested → cancelled | pending
 *                                  ↘ unknown → success | failed | pending
 *   draft → expired; success → cancelled (the provider reversed it)
 */
import type { OrderStatus } from '../db/schema.ts';

export const ALLOWED_MOVES: Readonly<Record<OrderStatus, readonly OrderStatus[]>> = {
  draft: ['confirmed', 'expired'],
  confirmed: ['submitting'],
  // A refill is never sent twice: `submitting` never goes back to `confirmed`.
  submitting: ['pending', 'failed', 'unknown'],
  pending: ['success', 'failed', 'cancel_requested', 'unknown'],
  // The provider may refuse the cancel (back to pending) or finish the refill first.
  cancel_requested: ['pending', 'cancelled', 'success', 'failed', 'unknown'],
  // Settled later by the provider's word (a late reply, `update`) or by an owner.
  unknown: ['pending', 'success', 'failed'],
  // Only a reversal the provider's `update` confirms.
  success: ['cancelled'],
  failed: [],
  cancelled: [],
  expired: [],
};

/** A move the state machine does not allow: a programming error, never a customer's. */
export class IllegalMove extends Error {
  override name = 'IllegalMove';
  constructor(
    readonly from: OrderStatus,
    readonly to: OrderStatus,
  ) {
    super(`an order cannot move from ${from} to ${to}`);
  }
}

export function assertAllowed(from: readonly OrderStatus[], to: OrderStatus): void {
  for (const status of from) if (!ALLOWED_MOVES[status].includes(to)) throw new IllegalMove(status, to);
}

/** An order's outcome as far as anyone knows it now (what the metrics count). */
export const OUTCOMES: ReadonlySet<OrderStatus> = new Set(['success', 'failed', 'cancelled', 'unknown']);
