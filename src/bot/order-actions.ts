/**
 * Buttons that act on an order the customer already has: เติมซ้ำ (the same again, straight to
 * a confirm card), ใบเสร็จ (a receipt to forward), "show the current card" under a superseded
 * one, and แก้ไข with that order's details. An order is only ever shown or reused in its own chat.
 */
import { findLiveDraft } from '../db/queries/drafts.ts';
import { findOrder } from '../db/queries/orders.ts';
import { readWallet } from '../db/queries/wallets.ts';
import type { OrderRow } from '../db/schema.ts';
import type { Slots } from '../chat/types.ts';
import { receiptCard } from '../line/messages/receipt-card.ts';
import { textMessage } from '../line/messages/text.ts';
import { NETWORKS, type Network } from '../networks.ts';
import type { EventContext } from './context.ts';
import { converse, orderAgain } from './customer.ts';
import { helpChips, renderConfirmCard } from './render.ts';

/** The order behind a button, if it belongs to this chat (postback data can be forged). */
export async function ownOrder(ctx: EventContext, orderId: string | undefined): Promise<OrderRow | undefined> {
  if (!orderId) return undefined;
  const order = await findOrder(ctx.deps.db, orderId);
  return order && order.chatId === ctx.chatId ? order : undefined;
}

/** An order's details as the conversation's slots. */
export function slotsOf(order: OrderRow): Required<Slots> | undefined {
  const network = NETWORKS.find((n): n is Network => n === order.network);
  return network ? { number: order.number, network, amount: order.amountSatang / 100 } : undefined;
}

function notFound(ctx: EventContext): Promise<void> {
  return ctx.respond([textMessage(ctx.t('order.notFound'), helpChips(ctx.t))]);
}

/** เติมซ้ำ / สั่งใหม่อีกครั้ง: the same number, network and amount, straight to a new confirm card. */
export async function repeatOrder(ctx: EventContext, orderId: string | undefined): Promise<void> {
  const order = await ownOrder(ctx, orderId);
  const slots = order && slotsOf(order);
  if (!slots) return notFound(ctx);
  return orderAgain(ctx, slots);
}

/** แก้ไข on any card: a new order from that card's details, asking what to change. */
export async function editOrder(ctx: EventContext, orderId: string | undefined): Promise<void> {
  const order = await ownOrder(ctx, orderId);
  const slots = order && slotsOf(order);
  return converse(ctx, slots ? { kind: 'edit', slots } : { kind: 'edit' });
}

/** ใบเสร็จ: a receipt for a successful top-up; anything else says why there is none yet. */
export async function sendReceipt(ctx: EventContext, orderId: string | undefined): Promise<void> {
  const order = await ownOrder(ctx, orderId);
  if (!order) return notFound(ctx);
  if (order.status !== 'success') {
    return ctx.respond([textMessage(ctx.t('receipt.notYet', { ref: order.ref, state: ctx.t(`status.state.${order.status}`) }))]);
  }
  return ctx.respond([
    receiptCard(ctx.t, {
      ref: order.ref,
      number: order.number,
      network: order.network,
      amountSatang: order.amountSatang,
      providerOrderId: order.providerOrderId,
      at: order.finalizedAt ?? order.updatedAt,
    }),
  ]);
}

/** The chat's confirm card that can still be tapped, if any. */
export async function currentDraft(ctx: EventContext): Promise<OrderRow | undefined> {
  const draft = await findLiveDraft(ctx.deps.db, ctx.chatId);
  return draft && (!draft.expiresAt || draft.expiresAt.getTime() > Date.now()) ? draft : undefined;
}

/** Under a superseded card: the chat's live card again, exactly as it was. */
export async function showCurrentCard(ctx: EventContext): Promise<void> {
  const { db, config } = ctx.deps;
  const draft = await currentDraft(ctx);
  if (!draft) {
    return ctx.respond([textMessage(ctx.t('order.noCurrentCard'), helpChips(ctx.t))]);
  }
  const minutes = Math.max(1, Math.ceil(((draft.expiresAt?.getTime() ?? Date.now() + config.draftTtlMs) - Date.now()) / 60_000));
  const credit = config.paymentMode === 'wallet' && ctx.userId ? await readWallet(db, ctx.userId) : undefined;
  return ctx.respond([renderConfirmCard(ctx.t, draft, minutes, { credit })]);
}
