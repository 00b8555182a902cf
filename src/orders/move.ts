/**
 * The one way an order's status changes. In ONE transaction, `move`:
 *   1. moves the order (a conditional UPDATE: whoever gets there second changes nothing),
 *      and records the transition;
 *   2. settles the customer's credit as the new state requires (hold on confirm; capture,
 *      release or refund on an outcome: wallet/ledger.ts);
 *   3. queues the news for the customer and the owners (outbox).
 * A crash can therefore never leave a final order whose customer is never told, or whose hold
 * is never released. Moves the state machine does not allow throw `IllegalMove`.
 */
import type { Tx } from '../db/client.ts';
import { transitionOrder, type Transition } from '../db/queries/orders.ts';
import type { OrderRow } from '../db/schema.ts';
import type { WalletState } from '../db/queries/wallets.ts';
import { holdOrderCredit, settleOrderCredit, type CreditChange } from '../wallet/ledger.ts';
import type { OrderDeps } from './context.ts';
import { newsKey, type Announcement, type CustomerNews } from './news.ts';
import { assertAllowed, OUTCOMES } from './transitions.ts';

export interface MoveSpec extends Transition {
  /** Wallet mode's confirm: set the price aside from the customer's credit. */
  hold?: boolean;
  announce?: Announcement;
}

export type MoveResult =
  /** `credit`: what an outcome did to the credit; `wallet`: the credit after a hold. */
  | { kind: 'moved'; order: OrderRow; credit?: CreditChange; wallet?: WalletState }
  /** The order was not in a `from` state, or a guard did not hold: nothing changed. */
  | { kind: 'notMoved' }
  /** `hold` and the credit does not cover the price: nothing changed. */
  | { kind: 'shortOfCredit'; wallet: WalletState };

export type Move = (spec: MoveSpec) => Promise<MoveResult>;

/** Rolls the whole move back when the hold cannot be taken. */
class ShortOfCredit extends Error {
  constructor(readonly wallet: WalletState) {
    super('the credit does not cover the order');
  }
}

export function createMove(deps: Pick<OrderDeps, 'db' | 'config' | 'metrics' | 'outbox' | 'announcer'>): Move {
  return async function move(spec) {
    assertAllowed(spec.from, spec.to);
    let result: MoveResult;
    try {
      result = await deps.db.transaction((tx) => moveIn(tx, spec));
    } catch (error) {
      if (error instanceof ShortOfCredit) return { kind: 'shortOfCredit', wallet: error.wallet };
      throw error;
    }
    if (result.kind === 'moved') {
      if (OUTCOMES.has(result.order.status)) deps.metrics.orderFinal.inc({ status: result.order.status });
      if (spec.announce) deps.outbox.kick();
    }
    return result;
  };

  async function moveIn(tx: Tx, spec: MoveSpec): Promise<MoveResult> {
    const order = await transitionOrder(tx, spec);
    if (!order) return { kind: 'notMoved' };
    if (spec.hold) {
      const held = await holdOrderCredit(tx, order);
      if (held.kind === 'insufficient') throw new ShortOfCredit(held.wallet);
      await announce(tx, spec.announce, order, undefined);
      return { kind: 'moved', order, wallet: held.wallet };
    }
    const credit = await settleOrderCredit(tx, order);
    await announce(tx, spec.announce, order, credit);
    return { kind: 'moved', order, credit };
  }

  async function announce(tx: Tx, what: Announcement | undefined, order: OrderRow, credit: CreditChange | undefined): Promise<void> {
    if (what?.customer) {
      const news = { ...what.customer, order, credit } as CustomerNews;
      await deps.outbox.queue(tx, {
        key: newsKey(order, news.kind),
        to: order.chatId,
        messages: deps.announcer.customer(news),
        holdMs: what.holdMs,
      });
    }
    if (what?.owners) {
      const kind = what.owners.kind === 'orderUnknown' ? 'unknown' : 'shop-balance';
      await deps.outbox.alertOwners(tx, {
        dedupeKey: `order:${order.id}:${kind}`,
        kind: what.owners.kind === 'orderUnknown' ? 'order_unknown' : 'shop_balance',
        payload: { orderId: order.id, ref: order.ref, ...what.owners, candidates: undefined },
        messages: deps.announcer.owners({ ...what.owners, order }),
      });
    }
  }
}
