/**
 * The seam between the conversation and the money path: the bot confirms a draft, then
 * hands the confirmed order here and tells the customer what came of it.
 */
import type { OrderRow } from '../db/schema.ts';
import type { CreditChange } from '../wallet/ledger.ts';

export type SubmitOutcome =
  /** The provider accepted the refill; the result comes later. */
  | { kind: 'pending'; order: OrderRow }
  /** The provider said no; nothing was charged. `reason` is a translation key suffix. */
  | { kind: 'failed'; order: OrderRow; reason: string; detail?: string; credit?: CreditChange }
  /** We cannot know whether the refill happened; a person will check. */
  | { kind: 'unknown'; order: OrderRow }
  /** Not sent now (e.g. another instance is sending it); the result will be pushed. */
  | { kind: 'deferred'; order: OrderRow };

/** What came of a customer's "cancel" for their latest live order; `kind` is a translation key. */
export interface CancelOutcome {
  kind: 'none' | 'requested' | 'tooLate' | 'notYet' | 'failed';
  vars?: Record<string, string>;
}

export interface OrderHooks {
  submitConfirmed(order: OrderRow): Promise<SubmitOutcome>;
  /** The outcome reached the customer by reply; held fallback pushes are withdrawn. */
  answeredByReply(order: OrderRow): Promise<void>;
  requestCancel(options: { userId: string }): Promise<CancelOutcome>;
}
