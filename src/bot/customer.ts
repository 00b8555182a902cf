/**
 * A customer's text or button in a 1:1 chat: load the conversation (remembered from the last
 * turn, else read), let the pure `decide` choose, carry out its effects (drafts), store the new
 * state with the answer in one statement, answer.
 */
import type { webhook } from '@line/bot-sdk';
import type { ChatInput, ChatState, Decision, Slots, Understanding } from '../chat/types.ts';
import type { StoredConversation } from '../db/queries/conversations.ts';
import { findOrder } from '../db/queries/orders.ts';
import { writeTurn, type TurnResult } from '../db/queries/turns.ts';
import { paymentFor } from '../wallet/policy.ts';
import { decideTurn, loadChatContext } from './chat-context.ts';
import { confirm } from './confirm.ts';
import type { EventContext } from './context.ts';
import { loadConversation, rememberConversation } from './conversation-memo.ts';
import { showNewDraft } from './new-draft.ts';
import { compose, renderQuestion, type LineMessage } from './render.ts';
import type { AnswerRecord } from './respond.ts';
import { replyCancelLatest, replyStatus } from './status.ts';
import { notTrusted, replyBalance, replyDeposit, withWalletHelp } from './wallet.ts';

/** What starts or continues an order: refused up front to a stranger in trusted mode. */
const ORDERING: ReadonlySet<string> = new Set(['askNetwork', 'askNumber', 'askAmount', 'chooseAmount', 'askWhatToChange', 'confirm']);

/** Two instances writing the same chat at once: the loser decides again on what is stored. */
const MAX_WRITE_ATTEMPTS = 3;

export async function onCustomerText(ctx: EventContext<webhook.MessageEvent>, text: string): Promise<void> {
  // The conversation reads the text itself, with the question it asked last as the NLU's hint.
  await converse(ctx, { kind: 'message', text });
}

/** An order with every detail known (เติมซ้ำ): as if the customer had typed it all, straight to a card. */
export function orderAgain(ctx: EventContext, slots: Required<Slots>): Promise<void> {
  const understanding: Understanding = {
    intent: 'topup',
    number: slots.number,
    network: slots.network,
    amount: slots.amount,
    amountCandidates: [],
    flags: { invalidNumber: false, ambiguousNumber: false, ambiguousNetwork: false, greeting: false },
  };
  return converse(ctx, { kind: 'text', understanding });
}

export async function converse(ctx: EventContext, input: ChatInput): Promise<void> {
  const { db, config } = ctx.deps;
  const chatContext = await loadChatContext(ctx);
  let stored = await loadConversation<ChatState>(db, ctx.chatId);
  for (let attempt = 1; ; attempt++) {
    const decision = await decideTurn(ctx, stored.state, input, chatContext);

    let closing: LineMessage | LineMessage[] | undefined;
    // The last card shown (or the order being edited) rides along, so a new card can mark what changed.
    const shown = (input.kind === 'edit' ? input.slots : undefined) ?? stored.state?.shown;
    const state = decision.state && shown ? { ...decision.state, shown } : decision.state;
    const next = decision.next;
    const refused = !!next && ORDERING.has(next.kind) && config.paymentMode === 'trusted' && (await paymentFor(db, config, ctx.userId!)).kind === 'refused';
    // The new draft supersedes the chat's live one in its own statement; drop it here only
    // when no new draft follows (saves a read and a transaction on every corrected order).
    if (decision.dropDraft && stored.state?.draftId && (refused || next?.kind !== 'confirm')) await ctx.deps.orders.dropDraft(stored.state.draftId);
    if (refused) {
      ctx.logger.info({ userId: ctx.userId }, 'trusted mode: order from a customer who is not on the list refused');
      await saveState(ctx, undefined, stored.version);
      return ctx.respond([notTrusted(ctx)]);
    }
    if (next?.kind === 'confirm') {
      const current = await showNewDraft(ctx, next.slots, { notes: decision.notes, state: state!, version: stored.version, shown });
      if (!current) return;
      stored = current;
      if (attempt < MAX_WRITE_ATTEMPTS) continue;
      // Nothing was written: the event fails now and is handled again later, from the start.
      throw new Error('the conversation kept changing under us; the draft was not made');
    } else if (next?.kind === 'confirmDraft') {
      // A typed yes under a live card: exactly the button's path (confirm clears the conversation).
      const draft = await findOrder(db, next.draftId);
      return confirm(ctx, next.draftId, draft?.confirmToken ?? '');
    } else if (next?.kind === 'status') {
      await saveState(ctx, state, stored.version);
      return replyStatus(ctx);
    } else if (next?.kind === 'cancelLatestOrder') {
      await saveState(ctx, state, stored.version);
      return replyCancelLatest(ctx);
    } else if (next?.kind === 'balance') {
      await saveState(ctx, state, stored.version);
      return replyBalance(ctx);
    } else if (next?.kind === 'deposit') {
      await saveState(ctx, state, stored.version);
      return replyDeposit(ctx, next.amount);
    } else if (next?.kind === 'help') {
      closing = withWalletHelp(ctx, renderQuestion(ctx.t, next));
    } else if (next) {
      closing = renderQuestion(ctx.t, next);
    }

    // The conversation and the answer in one statement (the answer recorded before it is sent).
    const messages = compose(ctx.t, decision.notes, closing);
    const answer = ctx.replyRecord(messages);
    const written = await saveState(ctx, state, stored.version, answer);
    if (written.kind === 'written') return ctx.respond(messages, { recorded: answer !== undefined });
    stored = written.current as StoredConversation<ChatState>;
    if (attempt < MAX_WRITE_ATTEMPTS) continue;
    ctx.logger.warn({ chatId: ctx.chatId }, 'conversation kept changing under us; answering anyway');
    return ctx.respond(messages);
  }
}

/** Writes the conversation (and the answer, if given); the memo learns what is stored either way. */
async function saveState(ctx: EventContext, state: Decision['state'], version: number, answer?: AnswerRecord): Promise<TurnResult> {
  const { db, config } = ctx.deps;
  const written = await writeTurn(db, { chatId: ctx.chatId, state, expectedVersion: version, ttlMs: config.conversationTtlMs, answer });
  if (written.kind === 'written') {
    rememberConversation(db, ctx.chatId, state ? { state, version: written.version, expiresAt: Date.now() + config.conversationTtlMs } : { state: undefined, version: written.version });
  } else if (written.kind === 'conflict') {
    rememberConversation(db, ctx.chatId, written.current);
  }
  return written;
}
