/**
 * The order service: the only writer of an order's status (DESIGN §2, §5). Every verb the rest
 * of the bot needs is here, and every status change goes through `move` (move.ts): the
 * conditional UPDATE, the transition record, the wallet's settlement and the news, in one
 * transaction. Verbs return typed outcomes; `bot/` and `owner/` turn them into messages.
 */
import type { OrderRow } from '../db/schema.ts';
import { handleProviderCallback } from './callback.ts';
import { requestCancel } from './cancel.ts';
import { confirmOrder } from './confirm.ts';
import type { OrderContext, OrderDeps } from './context.ts';
import { createDraft, createDraftWithTurn, dropDraft } from './drafts.ts';
import { createMove } from './move.ts';
import { newsKey } from './news.ts';
import { reconcileOnce } from './reconcile.ts';
import { applyUpdate, recheckOrder, resolveByOwner } from './results.ts';
import { linkProviderOrder } from './provider-word.ts';
import { submitOrder } from './submit.ts';

export type { OrderDeps } from './context.ts';

export function createOrderService(deps: OrderDeps) {
  const ctx: OrderContext = { ...deps, move: createMove(deps) };
  return {
    /** A new confirm card's order; the chat's older live draft is superseded. */
    createDraft: (request: Parameters<typeof createDraft>[1]) => createDraft(ctx, request),
    /** The same, written in one statement with the chat turn that shows its card (the hot path). */
    createDraftWithTurn: (request: Parameters<typeof createDraftWithTurn>[1], turn: Parameters<typeof createDraftWithTurn>[2]) =>
      createDraftWithTurn(ctx, request, turn),
    /** The card on screen is abandoned: its button does nothing from now on. */
    dropDraft: (draftId: string) => dropDraft(ctx, draftId),
    /** The confirm tap: limits, payment, `draft → confirmed` (and the credit's hold). */
    confirm: (request: Parameters<typeof confirmOrder>[1]) => confirmOrder(ctx, request),
    /** Sends the refill of a confirmed order whose outcome the caller tells by reply. */
    submit: (order: OrderRow) => submitOrder(ctx, order, { byReply: true }),
    /** The customer read the submit's outcome in a reply: the held fallback pushes are withdrawn. */
    answeredByReply: (order: OrderRow) => deps.outbox.withdraw(deps.db, [newsKey(order, 'failed'), newsKey(order, 'unknown')]),
    /** The customer's "ยกเลิก" for their latest order. */
    requestCancel: (request: { userId: string }) => requestCancel(ctx, request),
    /** The provider's result callback (a hint: only `update` is trusted). */
    handleCallback: (form: Record<string, unknown>) => handleProviderCallback(ctx, form),
    /** Applies the provider's `update` answer for an order. */
    applyUpdate: (order: OrderRow, update: Parameters<typeof applyUpdate>[2]) => applyUpdate(ctx, order, update),
    /** An owner's "check again" on an `unknown` order. */
    recheck: (orderId: string) => recheckOrder(ctx, orderId),
    /** An owner's สำเร็จแล้ว / ไม่สำเร็จ on an `unknown` order. */
    resolveByOwner: (request: Parameters<typeof resolveByOwner>[1]) => resolveByOwner(ctx, request),
    /** An owner ties a provider order (a callback none of ours held) to an `unknown` order. */
    linkProviderOrder: (request: Parameters<typeof linkProviderOrder>[1]) => linkProviderOrder(ctx, request),
    /**
     * The customer was told "under way" by reply, not the outcome: the held pushes of a failed or
     * unknown submit go out now.
     */
    releaseHeldNews: (order: OrderRow) => deps.outbox.release(deps.db, [newsKey(order, 'failed'), newsKey(order, 'unknown')]),
    /** One reconciler pass (the worker's tick). */
    reconcile: () => reconcileOnce(ctx),
    /** The state machine's one move, for the table test of every allowed and refused move. */
    move: ctx.move,
  };
}

export type OrderService = ReturnType<typeof createOrderService>;
