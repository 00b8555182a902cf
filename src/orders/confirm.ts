/**
 * The confirm gate (DESIGN §5) with payment: `draft → confirmed` and, in wallet mode, the hold
 * on the customer's credit happen in ONE transaction. When the credit is short the transaction
 * rolls back: the draft stays a draft (the customer may deposit and tap again) and nothing is
 * held. Parallel taps on different cards of one customer can never overdraw: the hold is a
 * guarded UPDATE on the wallet row (`balance >= amount`), backed by a CHECK constraint.
 */
import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import { confirmDraftOrder, findOrder } from '../db/queries/orders.ts';
import type { WalletState } from '../db/queries/wallets.ts';
import type { OrderRow } from '../db/schema.ts';
import { holdOrderCredit } from '../wallet/ledger.ts';
import { paymentFor } from '../wallet/policy.ts';

export type ConfirmOutcome =
  /** Confirmed; `wallet` is the credit left after the hold (wallet mode). */
  | { kind: 'confirmed'; order: OrderRow; wallet?: WalletState }
  /** Not a live draft with this token in this chat (used, superseded, expired, forged). */
  | { kind: 'notConfirmed' }
  /** Wallet mode: the credit does not cover the price; the draft is still a draft. */
  | { kind: 'insufficient'; draft: OrderRow; wallet: WalletState }
  /** Trusted mode: this customer may not order. */
  | { kind: 'notAllowed' };

class ShortOfCredit extends Error {
  constructor(
    readonly draft: OrderRow,
    readonly wallet: WalletState,
  ) {
    super('credit does not cover the order');
  }
}

export async function confirmOrder(
  deps: { db: Db; config: Config },
  request: { orderId: string; token: string; chatId: string; userId: string },
): Promise<ConfirmOutcome> {
  const { db, config } = deps;
  const payment = await paymentFor(db, config, request.userId);
  if (payment.kind === 'refused') return { kind: 'notAllowed' };
  try {
    return await db.transaction(async (tx): Promise<ConfirmOutcome> => {
      const order = await confirmDraftOrder(tx, {
        orderId: request.orderId,
        token: request.token,
        chatId: request.chatId,
        sender: payment.kind === 'trusted' ? payment.sender : undefined,
      });
      if (!order) return { kind: 'notConfirmed' };
      if (payment.kind !== 'wallet') return { kind: 'confirmed', order };
      const held = await holdOrderCredit(tx, order);
      if (held.kind === 'insufficient') throw new ShortOfCredit(order, held.wallet);
      return { kind: 'confirmed', order, wallet: held.wallet };
    });
  } catch (error) {
    if (!(error instanceof ShortOfCredit)) throw error;
    const draft = (await findOrder(db, request.orderId)) ?? error.draft;
    return { kind: 'insufficient', draft, wallet: error.wallet };
  }
}
