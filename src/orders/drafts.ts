/**
 * Drafts: the order a confirm card shows. A chat has at most one live draft: a new one
 * supersedes the old (whose button then only says which card is current), and a draft the
 * customer walks away from is dropped.
 */
import { findDraftByEvent, insertDraftOrder, supersedeDrafts, type NewDraft } from '../db/queries/orders.ts';
import type { OrderRow } from '../db/schema.ts';
import type { OrderContext } from './context.ts';

/** A draft as the conversation asks for it (its time to live is the shop's DRAFT_TTL_MINUTES). */
export type DraftRequest = Omit<NewDraft, 'ttlMs'>;

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
