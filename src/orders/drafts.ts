/**
 * Drafts: the order a confirm card shows. A chat has at most one live draft: a new one
 * supersedes the old (whose button then only says which card is current), and a draft the
 * customer walks away from is dropped.
 */
import { randomUUID } from 'node:crypto';
import { findDraftByEvent, insertDraftOrder, newConfirmToken, newOrderRef, supersedeDrafts, type NewDraft } from '../db/queries/drafts.ts';
import { findOrder } from '../db/queries/orders.ts';
import type { StoredConversation } from '../db/queries/conversations.ts';
import { writeDraftTurn, type DraftInsert, type TurnWrite } from '../db/queries/turns.ts';
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

/** A draft's values, made here before it is written (so the card showing it can be built first). */
export type PlannedDraft = DraftInsert;

export type DraftTurnResult =
  | { kind: 'written'; draft: PlannedDraft; version: number }
  /** The conversation changed since it was read: nothing was written; decide again with `current`. */
  | { kind: 'conflict'; current: StoredConversation<unknown> }
  /** The event made a draft before (it is being handled again): that one, unchanged. */
  | { kind: 'eventHasDraft'; draft: OrderRow };

/**
 * The chat's new live draft written in one statement with the turn that shows it: `turn(draft)`
 * gives the conversation pointing at it and the answer carrying its card. Any older live draft
 * is superseded in the same statement; an event handled again gets the draft it made the first
 * time (nothing is written then: the caller shows that draft).
 */
export async function createDraftWithTurn(
  ctx: OrderContext,
  request: DraftRequest & { eventId: string },
  turn: (draft: PlannedDraft) => TurnWrite,
): Promise<DraftTurnResult> {
  const draft: PlannedDraft = {
    ...request,
    id: randomUUID(),
    ref: newOrderRef(),
    confirmToken: newConfirmToken(),
    expiresAt: new Date(Date.now() + ctx.config.draftTtlMs),
  };
  const result = await writeDraftTurn(ctx.db, turn(draft), draft);
  if (result.kind === 'written') return { kind: 'written', draft, version: result.version };
  if (result.kind === 'conflict') return result;
  const made = await findOrder(ctx.db, result.draftId);
  if (!made) throw new Error(`draft ${result.draftId} of event ${request.eventId} vanished`);
  return { kind: 'eventHasDraft', draft: made };
}
