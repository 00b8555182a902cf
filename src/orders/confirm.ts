/**
 * The confirm gate (DESIGN §5), with the shop's limits and payment: `draft → confirmed` and, in
 * wallet mode, the hold on the customer's credit happen in ONE move. When the credit is short
 * nothing changes: the draft stays a draft (the customer may deposit and tap again). Parallel
 * taps on different cards of one customer can never overdraw: the hold is a guarded UPDATE on
 * the wallet row, backed by a CHECK constraint.
 */
import { findOrder } from '../db/queries/orders.ts';
import type { WalletState } from '../db/queries/wallets.ts';
import type { OrderRow } from '../db/schema.ts';
import { paymentFor } from '../wallet/policy.ts';
import type { OrderContext } from './context.ts';
import { checkOrderLimits, type LimitHit } from './limits.ts';

export interface ConfirmRequest {
  orderId: string;
  /** The token the card's button carries. */
  token: string;
  /** The chat the tap came from: a card only confirms in its own chat. */
  chatId: string;
  userId: string;
}

export type ConfirmOutcome =
  /** Confirmed; `wallet` is the credit left after the hold (wallet mode). */
  | { kind: 'confirmed'; order: OrderRow; wallet?: WalletState }
  /** Not a live draft with this token in this chat (used, superseded, expired, forged). */
  | { kind: 'notConfirmed'; order?: OrderRow }
  /** Too many orders or baht for now; the draft is still a draft. */
  | { kind: 'limited'; hit: LimitHit }
  /** Wallet mode: the credit does not cover the price; the draft is still a draft. */
  | { kind: 'insufficient'; draft: OrderRow; wallet: WalletState }
  /** Trusted mode: this customer may not order. */
  | { kind: 'notAllowed' };

export async function confirmOrder(ctx: OrderContext, request: ConfirmRequest): Promise<ConfirmOutcome> {
  const { db, config } = ctx;
  const payment = await paymentFor(db, config, request.userId);
  if (payment.kind === 'refused') return { kind: 'notAllowed' };

  const draft = await findOrder(db, request.orderId);
  const live = draft?.status === 'draft' && draft.confirmToken === request.token && draft.chatId === request.chatId;
  if (!live) return { kind: 'notConfirmed', order: draft };
  const hit = await checkOrderLimits(db, config, { userId: draft.userId, amountSatang: draft.amountSatang });
  if (hit) return { kind: 'limited', hit };

  const moved = await ctx.move({
    id: request.orderId,
    from: ['draft'],
    to: 'confirmed',
    reason: 'customer confirmed',
    guard: { confirmToken: request.token, chatId: request.chatId, unexpired: true },
    changes: { stamp: ['confirmedAt'], nextCheckInMs: 0, ...(payment.kind === 'trusted' ? { sender: payment.sender } : {}) },
    hold: payment.kind === 'wallet',
  });
  switch (moved.kind) {
    case 'moved':
      return { kind: 'confirmed', order: moved.order, wallet: moved.wallet };
    case 'shortOfCredit':
      return { kind: 'insufficient', draft, wallet: moved.wallet };
    case 'notMoved':
      // Another tap, instance or redelivery got there first, or the draft just expired.
      return { kind: 'notConfirmed', order: (await findOrder(db, request.orderId)) ?? draft };
  }
}
