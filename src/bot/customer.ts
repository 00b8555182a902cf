/**
 * A customer's text or button in a 1:1 chat: load the conversation, let the pure `decide`
 * choose, carry out its effects (drafts), store the new state, answer.
 */
import type { webhook } from '@line/bot-sdk';
import { decide } from '../chat/decide.ts';
import type { ChatContext, ChatInput, ChatState, Decision, Slots, Understanding } from '../chat/types.ts';
import { readConversation } from '../db/queries/conversations.ts';
import { findOrder } from '../db/queries/orders.ts';
import { readChat, writeTurn } from '../db/queries/turns.ts';
import { latestSnapshot } from '../db/queries/snapshots.ts';
import { readWallet } from '../db/queries/wallets.ts';
import { paymentFor } from '../wallet/policy.ts';
import type { Network } from '../networks.ts';
import { confirm } from './confirm.ts';
import type { EventContext } from './context.ts';
import { compose, renderConfirmCard, renderQuestion, type DraftForCard, type LineMessage } from './render.ts';
import { replyCancelLatest, replyStatus } from './status.ts';
import { insufficientCredit, notTrusted, replyBalance, replyDeposit, withWalletHelp } from './wallet.ts';

/** What starts or continues an order: refused up front to a stranger in trusted mode. */
const ORDERING: ReadonlySet<string> = new Set(['askNetwork', 'askNumber', 'askAmount', 'chooseAmount', 'askWhatToChange', 'confirm']);

/** Two instances writing the same chat at once: the loser re-reads and decides again. */
const MAX_WRITE_ATTEMPTS = 3;
/** How many of the customer's past numbers the conversation offers (เบอร์เดิม). */
const RECENT_NUMBERS = 3;

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
  // One statement for the conversation and the customer's recent numbers; a retry re-reads the conversation alone.
  const first = await readChat<ChatState>(db, { chatId: ctx.chatId, userId: ctx.userId, recent: RECENT_NUMBERS });
  const chatContext = await loadChatContext(ctx, first.recentNumbers);
  for (let attempt = 1; ; attempt++) {
    const stored = attempt === 1 ? first.conversation : await readConversation<ChatState>(db, ctx.chatId);
    const decision = decide(stored.state, input, chatContext);

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
      const turn = { notes: decision.notes, state: state!, version: stored.version, shown };
      if (await showNewDraft(ctx, next.slots, turn)) return;
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
    const written = await writeTurn(db, { chatId: ctx.chatId, state, expectedVersion: stored.version, ttlMs: config.conversationTtlMs, answer });
    if (written.kind === 'written') return ctx.respond(messages, { recorded: answer !== undefined });
    if (attempt < MAX_WRITE_ATTEMPTS) continue;
    ctx.logger.warn({ chatId: ctx.chatId }, 'conversation kept changing under us; answering anyway');
    return ctx.respond(messages);
  }
}

/**
 * A complete order: its draft, the conversation pointing at it and the answer showing its card,
 * written in one statement, then sent. False when the conversation changed under us (nothing
 * was written: read and decide again). An event handled again shows the draft it made before.
 */
async function showNewDraft(
  ctx: EventContext,
  slots: Required<Slots>,
  turn: { notes: Decision['notes']; state: ChatState; version: number; shown?: Required<Slots> },
): Promise<boolean> {
  const { db, config } = ctx.deps;
  // Wallet mode: the price comes out of the credit, so the card shows both (and a deposit offer when short).
  const wallet = config.paymentMode === 'wallet' ? await readWallet(db, ctx.userId!) : undefined;
  const minutes = Math.round(config.draftTtlMs / 60_000);
  const answerFor = (draft: DraftForCard) => {
    const card = renderConfirmCard(ctx.t, draft, minutes, { credit: wallet, before: turn.shown });
    const short = wallet && wallet.balanceSatang < draft.amountSatang ? [insufficientCredit(ctx, draft.amountSatang, wallet.balanceSatang)] : [];
    return compose(ctx.t, turn.notes, [card, ...short]);
  };
  const state = (draftId: string): ChatState => ({ ...turn.state, draftId, shown: slots });
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
      return { chatId: ctx.chatId, state: state(draft.id), expectedVersion: turn.version, ttlMs: config.conversationTtlMs, answer: ctx.replyRecord(messages) };
    },
  );
  if (made.kind === 'conflict') return false;
  if (made.kind === 'written') {
    await ctx.respond(messages, { recorded: ctx.replyRecord(messages) !== undefined });
    return true;
  }
  // Handled again: the card of the draft this event made the first time, once more.
  messages = answerFor(made.draft);
  const answer = ctx.replyRecord(messages);
  const written = await writeTurn(db, { chatId: ctx.chatId, state: state(made.draft.id), expectedVersion: turn.version, ttlMs: config.conversationTtlMs, answer });
  if (written.kind === 'conflict') return false;
  await ctx.respond(messages, { recorded: answer !== undefined });
  return true;
}

async function saveState(ctx: EventContext, state: Decision['state'], version: number): Promise<boolean> {
  const written = await writeTurn(ctx.deps.db, { chatId: ctx.chatId, state, expectedVersion: version, ttlMs: ctx.deps.config.conversationTtlMs });
  return written.kind === 'written';
}

async function loadChatContext(ctx: EventContext, recentNumbers: string[]): Promise<ChatContext> {
  const { db, config } = ctx.deps;
  const networkSnapshot = await latestNetworkSnapshot(db);
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
