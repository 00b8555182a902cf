/**
 * Drafts: the order a confirm card shows. A chat has at most one live draft: a new one
 * supersedes the old (whose button then only says which card is current), and a draft the
 * customer walks away from is dropped.
 */
import { findDraftByEvent, insertDraftOrder, supersedeDrafts } from '../db/queries/orders.ts';
import type { OrderRow } from '../db/schema.ts';
import type { OrderContext } from './context.ts';

export interface DraftRequest {
  /** The webhook event asking for it: the same event handled again gets the same draft. */
  eventId?: string;
  userId: string;
  chatId: string;
  number: string;
  network: string;
  amountSatang: number;
  language: string;
}

/**
 * The chat's new live draft; any older live draft is superseded in the same transaction (the
 * set form of the move draft → expired). An event handled twice (a crash, a sweep) gets the
 * draft it made the first time, not a second card.
 */
export function createDraft(ctx: OrderContext, request: DraftRequest): Promise<OrderRow> {
  return ctx.db.transaction(async (tx) => {
    const made = request.eventId ? await findDraftByEvent(tx, request.eventId) : undefined;
    if (made) return made;
    await supersedeDrafts(tx, request.chatId);
    return insertDraftOrder(tx, { ...request, ttlMs: ctx.config.draftTtlMs });
  });
}

/** The card on screen is abandoned: its button must do nothing from now on. */
export async function dropDraft(ctx: OrderContext, draftId: string): Promise<void> {
  await ctx.move({ id: draftId, from: ['draft'], to: 'expired', reason: 'superseded', changes: { detail: 'superseded' } });
}
