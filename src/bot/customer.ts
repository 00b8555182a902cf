/**
 * A customer's text or button in a 1:1 chat: load the conversation, let the pure `decide`
 * choose, carry out its effects (drafts), store the new state, answer.
 */
import type { webhook } from '@line/bot-sdk';
import { decide } from '../chat/decide.ts';
import type { ChatContext, ChatInput, ChatState, Decision, Slots, Understanding } from '../chat/types.ts';
import { deleteConversation, readConversation, writeConversation } from '../db/queries/conversations.ts';
import { findOrder, listRecentNumbers } from '../db/queries/orders.ts';
import { latestSnapshot } from '../db/queries/snapshots.ts';
import { readWallet } from '../db/queries/wallets.ts';
import { paymentFor } from '../wallet/policy.ts';
import type { Network } from '../networks.ts';
import { confirm } from './confirm.ts';
import type { EventContext } from './context.ts';
import { compose, renderConfirmCard, renderQuestion, type LineMessage } from './render.ts';
import { replyCancelLatest, replyStatus } from './status.ts';
import { insufficientCredit, notTrusted, replyBalance, replyDeposit, withWalletHelp } from './wallet.ts';

/** What starts or continues an order: refused up front to a stranger in trusted mode. */
const ORDERING: ReadonlySet<string> = new Set(['askNetwork', 'askNumber', 'askAmount', 'chooseAmount', 'askWhatToChange', 'confirm']);

/** Two instances writing the same chat at once: the loser re-reads and decides again. */
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
  for (let attempt = 1; ; attempt++) {
    const stored = await readConversation<ChatState>(db, ctx.chatId);
    const decision = decide(stored.state, input, chatContext);

    let closing: LineMessage | LineMessage[] | undefined;
    // The last card shown (or the order being edited) rides along, so a new card can mark what changed.
    const shown = (input.kind === 'edit' ? input.slots : undefined) ?? stored.state?.shown;
    let state = decision.state && shown ? { ...decision.state, shown } : decision.state;
    const next = decision.next;
    const refused = !!next && ORDERING.has(next.kind) && config.paymentMode === 'trusted' && (await paymentFor(db, config, ctx.userId!)).kind === 'refused';
    // createDraft supersedes the chat's live draft in its own transaction; drop it here only
    // when no new draft follows (saves a read and a transaction on every corrected order).
    if (decision.dropDraft && stored.state?.draftId && (refused || next?.kind !== 'confirm')) await ctx.deps.orders.dropDraft(stored.state.draftId);
    if (refused) {
      ctx.logger.info({ userId: ctx.userId }, 'trusted mode: order from a customer who is not on the list refused');
      await saveState(ctx, undefined, stored.version);
      return ctx.respond([notTrusted(ctx)]);
    }
    if (next?.kind === 'confirm') {
      const draft = await ctx.deps.orders.createDraft({
        eventId: ctx.event.webhookEventId,
        userId: ctx.userId!,
        chatId: ctx.chatId,
        number: next.slots.number,
        network: next.slots.network,
        amountSatang: next.slots.amount * 100,
        language: ctx.lang,
      });
      state = { ...state!, draftId: draft.id, shown: next.slots };
      const minutes = Math.round(config.draftTtlMs / 60_000);
      if (config.paymentMode === 'wallet') {
        // The price comes out of the credit: the card shows both, and a deposit offer when short.
        const wallet = await readWallet(db, ctx.userId!);
        closing = [renderConfirmCard(ctx.t, draft, minutes, { credit: wallet, before: shown })];
        if (wallet.balanceSatang < draft.amountSatang) closing.push(insufficientCredit(ctx, draft.amountSatang, wallet.balanceSatang));
      } else {
        closing = renderConfirmCard(ctx.t, draft, minutes, { before: shown });
      }
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

async function loadChatContext(ctx: EventContext): Promise<ChatContext> {
  const { db, config } = ctx.deps;
  const [networkSnapshot, recentNumbers] = await Promise.all([
    latestNetworkSnapshot(db),
    ctx.userId ? listRecentNumbers(db, { userId: ctx.userId, limit: 3 }) : [],
  ]);
  const online = (networkSnapshot?.data ?? {}) as Partial<Record<Network, boolean>>;
  return {
    allowedAmounts: (network) => config.allowedAmounts[network],
    commonAmounts: config.commonAmounts,
    // No snapshot yet, or a network missing from it: assume open; the provider has the last word.
    isOpen: (network) => online[network] !== false,
    recentNumbers,
    deposits: config.paymentMode === 'wallet',
  };
}

/** The network snapshot changes once a minute at most; read it at most every few seconds. */
const SNAPSHOT_MEMO_MS = 5_000;
const snapshotMemos = new WeakMap<object, { at: number; value: ReturnType<typeof latestSnapshot> }>();
function latestNetworkSnapshot(db: EventContext['deps']['db']): ReturnType<typeof latestSnapshot> {
  const now = Date.now();
  const memo = snapshotMemos.get(db);
  if (memo && now - memo.at <= SNAPSHOT_MEMO_MS) return memo.value;
  const value = latestSnapshot(db, 'network');
  snapshotMemos.set(db, { at: now, value });
  value.catch(() => snapshotMemos.delete(db));
  return value;
}
