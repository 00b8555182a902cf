/**
 * A complete order's turn: the draft, the conversation pointing at it and the answer carrying
 * its confirm card, written in one statement (the answer recorded before it is sent), then sent.
 */
import type { ChatState, Decision, Slots } from '../chat/types.ts';
import type { StoredConversation } from '../db/queries/conversations.ts';
import { writeTurn, type TurnResult } from '../db/queries/turns.ts';
import { readWallet } from '../db/queries/wallets.ts';
import type { EventContext } from './context.ts';
import { rememberConversation } from './conversation-memo.ts';
import { compose, renderConfirmCard, type DraftForCard, type LineMessage } from './render.ts';
import { insufficientCredit } from './wallet.ts';

export interface DraftTurn {
  notes: Decision['notes'];
  /** The conversation's new state, before it points at the draft. */
  state: ChatState;
  /** The version the decision was made on. */
  version: number;
  /** The card shown before (a correction marks what changed). */
  shown?: Required<Slots>;
}

/**
 * Shows a new draft of `slots`. Undefined when done; otherwise the conversation changed under
 * us (nothing was written) and this is what is stored now: decide again. An event handled
 * again shows the draft it made the first time.
 */
export async function showNewDraft(ctx: EventContext, slots: Required<Slots>, turn: DraftTurn): Promise<StoredConversation<ChatState> | undefined> {
  const { db, config } = ctx.deps;
  // Wallet mode: the price comes out of the credit, so the card shows both (and a deposit offer when short).
  const wallet = config.paymentMode === 'wallet' ? await readWallet(db, ctx.userId!) : undefined;
  const minutes = Math.round(config.draftTtlMs / 60_000);
  const answerFor = (draft: DraftForCard): LineMessage[] => {
    const card = renderConfirmCard(ctx.t, draft, minutes, { credit: wallet, before: turn.shown });
    const short = wallet && wallet.balanceSatang < draft.amountSatang ? [insufficientCredit(ctx, draft.amountSatang, wallet.balanceSatang)] : [];
    return compose(ctx.t, turn.notes, [card, ...short]);
  };
  const conversation = (draftId: string) => ({
    chatId: ctx.chatId,
    state: { ...turn.state, draftId, shown: slots } satisfies ChatState,
    expectedVersion: turn.version,
    ttlMs: config.conversationTtlMs,
  });

  let messages: LineMessage[] = [];
  const made = await ctx.deps.orders.createDraftWithTurn(
    {
      eventId: ctx.event.webhookEventId,
      userId: ctx.userId!,
      chatId: ctx.chatId,
      number: slots.number,
      network: slots.network,
      amountSatang: slots.amount * 100,
      language: ctx.lang,
    },
    (draft) => {
      messages = answerFor(draft);
      return { ...conversation(draft.id), answer: ctx.replyRecord(messages) };
    },
  );
  let result: TurnResult | typeof made = made.kind === 'written' ? { kind: 'written', version: made.version } : made;
  const draftId = made.kind === 'conflict' ? '' : made.draft.id;
  if (made.kind === 'eventHasDraft') {
    // Handled again: the card of the draft this event made the first time, once more.
    messages = answerFor(made.draft);
    result = await writeTurn(db, { ...conversation(draftId), answer: ctx.replyRecord(messages) });
  }
  if (result.kind === 'conflict') {
    rememberConversation(db, ctx.chatId, result.current);
    return result.current as StoredConversation<ChatState>;
  }
  if (result.kind !== 'written') throw new Error(`a draft for event ${ctx.event.webhookEventId} was neither made nor found`);
  const saved = conversation(draftId);
  rememberConversation(db, ctx.chatId, { state: saved.state, version: result.version, expiresAt: Date.now() + saved.ttlMs });
  await ctx.respond(messages, { recorded: ctx.replyRecord(messages) !== undefined });
  return undefined;
}
