/**
 * What the pure `decide` needs besides the conversation: the network snapshot (remembered for a
 * few seconds), the configured amounts, and the customer's past numbers, read only when the
 * answer offers them.
 */
import { decide } from '../chat/decide.ts';
import type { ChatContext, ChatInput, ChatState, Decision } from '../chat/types.ts';
import { listRecentNumbers } from '../db/queries/orders.ts';
import { latestSnapshot } from '../db/queries/snapshots.ts';
import type { Network } from '../networks.ts';
import type { EventContext } from './context.ts';

/** How many of the customer's past numbers the conversation offers (เบอร์เดิม). */
const RECENT_NUMBERS = 3;

export async function loadChatContext(ctx: EventContext): Promise<ChatContext> {
  const { db, config } = ctx.deps;
  const networkSnapshot = await latestNetworkSnapshot(db);
  const online = (networkSnapshot?.data ?? {}) as Partial<Record<Network, boolean>>;
  return {
    allowedAmounts: (network) => config.allowedAmounts[network],
    commonAmounts: config.commonAmounts,
    // No snapshot yet, or a network missing from it: assume open; the provider has the last word.
    isOpen: (network) => online[network] !== false,
    recentNumbers: [],
    deposits: config.paymentMode === 'wallet',
  };
}

/**
 * `decide`, with the customer's past numbers read only when the decision offers them (when it
 * asks for a number: the only question that uses them). `decide` is pure, so deciding again
 * with them gives the same decision plus the numbers; every other turn costs no read.
 */
export async function decideTurn(ctx: EventContext, state: ChatState | undefined, input: ChatInput, context: ChatContext): Promise<Decision> {
  const decision = decide(state, input, context);
  if (decision.next?.kind !== 'askNumber' || !ctx.userId) return decision;
  const recentNumbers = await listRecentNumbers(ctx.deps.db, { userId: ctx.userId, limit: RECENT_NUMBERS });
  return recentNumbers.length > 0 ? decide(state, input, { ...context, recentNumbers }) : decision;
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
