/**
 * A customer's text or button in a 1:1 chat: load the conversation, let the pure `decide`
 * choose, carry out its effects (drafts), store the new state, answer.
 */
import type { webhook } from '@line/bot-sdk';
import { decide } from '../chat/decide.ts';
import type { ChatContext, ChatInput, ChatState, Decision } from '../chat/types.ts';
import { deleteConversation, readConversation, writeConversation } from '../db/queries/conversations.ts';
import { createDraftOrder, findOrder, listRecentNumbers, transitionOrder } from '../db/queries/orders.ts';
import { latestSnapshot } from '../db/queries/snapshots.ts';
import { parse } from '../nlu/index.ts';
import type { Network } from '../networks.ts';
import type { EventContext } from './context.ts';
import { compose, renderConfirmCard, renderQuestion, type LineMessage } from './render.ts';
import { replyCancelLatest, replyStatus } from './status.ts';

/** Two instances writing the same chat at once: the loser re-reads and decides again. */
const MAX_WRITE_ATTEMPTS = 3;

export async function onCustomerText(ctx: EventContext<webhook.MessageEvent>, text: string): Promise<void> {
  await converse(ctx, { kind: 'text', understanding: parse(text) });
}

export async function converse(ctx: EventContext, input: ChatInput): Promise<void> {
  const { db, config } = ctx.deps;
  const chatContext = await loadChatContext(ctx);
  for (let attempt = 1; ; attempt++) {
    const stored = await readConversation<ChatState>(db, ctx.chatId);
    const decision = decide(stored.state, input, chatContext);
    if (decision.dropDraft && stored.state?.draftId) await dropDraft(ctx, stored.state.draftId);

    let closing: LineMessage | undefined;
    let state = decision.state;
    const next = decision.next;
    if (next?.kind === 'confirm') {
      const draft = await createDraftOrder(db, {
        userId: ctx.userId!,
        chatId: ctx.chatId,
        number: next.slots.number,
        network: next.slots.network,
        amountSatang: next.slots.amount * 100,
        language: ctx.lang,
        ttlMs: config.draftTtlMs,
      });
      state = { ...state!, draftId: draft.id };
      closing = renderConfirmCard(ctx.t, draft, Math.round(config.draftTtlMs / 60_000));
    } else if (next?.kind === 'status') {
      await saveState(ctx, state, stored.version);
      return replyStatus(ctx);
    } else if (next?.kind === 'cancelLatestOrder') {
      await saveState(ctx, state, stored.version);
      return replyCancelLatest(ctx);
    } else if (next?.kind === 'balance') {
      closing = { type: 'text', text: ctx.t('balance.openMode') };
    } else if (next) {
      closing = renderQuestion(ctx.t, next);
    }

    if (!(await saveState(ctx, state, stored.version))) {
      if (attempt < MAX_WRITE_ATTEMPTS) continue;
      ctx.logger.warn({ chatId: ctx.chatId }, 'conversation kept changing under us; answering anyway');
    }
    return ctx.respond(compose(ctx.t, decision.notes, closing));
  }
}

async function saveState(ctx: EventContext, state: Decision['state'], version: number): Promise<boolean> {
  if (!state) {
    await deleteConversation(ctx.deps.db, ctx.chatId);
    return true;
  }
  return writeConversation(ctx.deps.db, {
    chatId: ctx.chatId,
    state,
    expectedVersion: version,
    ttlMs: ctx.deps.config.conversationTtlMs,
  });
}

/** The card on screen is replaced or abandoned: its button must do nothing from now on. */
async function dropDraft(ctx: EventContext, draftId: string): Promise<void> {
  const draft = await findOrder(ctx.deps.db, draftId);
  if (draft?.status === 'draft') {
    await transitionOrder(ctx.deps.db, { id: draftId, from: ['draft'], to: 'expired', reason: 'superseded', set: { detail: 'superseded' } });
  }
}

async function loadChatContext(ctx: EventContext): Promise<ChatContext> {
  const { db, config } = ctx.deps;
  const [networkSnapshot, recentNumbers] = await Promise.all([
    latestSnapshot(db, 'network'),
    ctx.userId ? listRecentNumbers(db, { userId: ctx.userId, limit: 3 }) : [],
  ]);
  const online = (networkSnapshot?.data ?? {}) as Partial<Record<Network, boolean>>;
  return {
    allowedAmounts: (network) => config.allowedAmounts[network],
    commonAmounts: config.commonAmounts,
    // No snapshot yet, or a network missing from it: assume open; the provider has the last word.
    isOpen: (network) => online[network] !== false,
    recentNumbers,
  };
}
