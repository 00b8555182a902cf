/**
 * What the order service tells people, as data. The service queues news in the same
 * transaction as the move it is about; the bot and the owners' module turn it into messages
 * (`OrderAnnouncer`), so `orders/` never builds a LINE message.
 */
import type { OrderRow, ProviderOrderRow } from '../db/schema.ts';
import type { PushMessage } from '../outbox/index.ts';
import type { CreditChange } from '../wallet/ledger.ts';

/**
 * Why a failed order failed, as a key under `failure.` in the locales. `shopUnavailable`: the
 * provider refused because the shop's own balance is short (not the customer's problem).
 */
export type FailureReason = 'rejected' | 'unreachable' | 'providerFailed' | 'cancelled' | 'ownerFailed' | 'reversed' | 'shopUnavailable';

/**
 * Why an order's outcome cannot be known, as a key under `owner.why.` in the locales.
 * `providerLost`: the provider says it has no such order.
 */
export type UnknownReason = 'ambiguous' | 'unexpected' | 'interrupted' | 'noResult' | 'providerLost';

/** News for the customer about their order. */
export type CustomerNews =
  | { kind: 'success'; order: OrderRow; credit?: CreditChange }
  | { kind: 'failed'; order: OrderRow; reason: FailureReason; detail?: string; credit?: CreditChange }
  /** Cancelled as the customer asked (the provider confirmed it): not a failure. */
  | { kind: 'cancelled'; order: OrderRow; credit?: CreditChange }
  /** A success the provider later reversed. */
  | { kind: 'reversed'; order: OrderRow; credit?: CreditChange }
  | { kind: 'unknown'; order: OrderRow }
  /** The refill was sent on the customer's behalf after nobody answered their tap. */
  | { kind: 'accepted'; order: OrderRow };

/** News for the owners. */
export type OwnerNews =
  /** An order that needs a person; `candidates`: untied provider orders it may be. */
  | { kind: 'orderUnknown'; order: OrderRow; why: UnknownReason; candidates: ProviderOrderRow[] }
  /** A refill refused because the shop's balance at the provider is short. */
  | { kind: 'shopBalance'; order: OrderRow; balanceSatang: number }
  /** The provider reported an order none of ours holds; `candidates`: `unknown` orders it may be. */
  | { kind: 'providerOrder'; providerOrder: ProviderOrderRow; candidates: OrderRow[] };

/** What a move tells, besides the moved order and its credit (filled in by `move`). */
export type CustomerAnnouncement =
  | { kind: 'success' | 'cancelled' | 'reversed' | 'unknown' | 'accepted' }
  | { kind: 'failed'; reason: FailureReason; detail?: string };

export type OwnerAnnouncement =
  | { kind: 'orderUnknown'; why: UnknownReason; candidates: ProviderOrderRow[] }
  | { kind: 'shopBalance'; balanceSatang: number };

export interface Announcement {
  customer?: CustomerAnnouncement;
  owners?: OwnerAnnouncement;
  /** The customer is about to hear it by reply: the push waits this long as a fallback. */
  holdMs?: number;
}

/** Supplied by the composition root: the bot renders customer news, the owners' module theirs. */
export interface OrderAnnouncer {
  customer(news: CustomerNews): PushMessage[];
  owners(news: OwnerNews): PushMessage[];
}

/** One push per order and kind of news: a duplicate callback or a second sweep tells once. */
export function newsKey(order: { id: string }, kind: CustomerNews['kind']): string {
  return `order:${order.id}:${kind}`;
}
