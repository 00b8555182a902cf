/**
 * What an order does to its customer's credit, decided by the order's state alone so it can run
 * inside any transaction that moves an order:
 *
 *   confirmed  → hold     (balance → held; refused when the balance is short)
 *   success    → capture  (held → spent)
 *   failed / cancelled before success → release (held → balance)
 *   cancelled after success (a reversal) → refund (spent → balance)
 *
 * `unknown` keeps the hold until a person or the provider settles the order. Orders without a
 * hold (open or trusted mode) are left alone. Each movement happens once per order (its ledger
 * key is `order:<id>:<kind>`).
 */
import type { DbOrTx } from '../db/client.ts';
import { applyMovement, listOrderLedgerEntries, type MovementResult, type WalletState } from '../db/queries/wallets.ts';
import type { LedgerKind, OrderRow } from '../db/schema.ts';

/** A settled order's effect on the credit, for the customer's result message. */
export interface CreditChange {
  kind: 'capture' | 'release' | 'refund';
  amountSatang: number;
  balanceSatang: number;
}

export function orderMovementKey(orderId: string, kind: LedgerKind): string {
  return `order:${orderId}:${kind}`;
}

/** Sets the order's price aside from the customer's credit; `insufficient` changes nothing. */
export async function holdOrderCredit(tx: DbOrTx, order: Pick<OrderRow, 'id' | 'userId' | 'amountSatang'>): Promise<MovementResult> {
  return applyMovement(tx, 'hold', {
    userId: order.userId,
    amountSatang: order.amountSatang,
    orderId: order.id,
    key: orderMovementKey(order.id, 'hold'),
  });
}

/** Captures, releases or refunds the order's hold as its new state requires; at most once each. */
export async function settleOrderCredit(tx: DbOrTx, order: OrderRow): Promise<CreditChange | undefined> {
  if (order.status !== 'success' && order.status !== 'failed' && order.status !== 'cancelled') return undefined;
  const entries = await listOrderLedgerEntries(tx, order.id);
  const hold = entries.find((e) => e.kind === 'hold');
  if (!hold) return undefined;
  const has = (kind: LedgerKind) => entries.some((e) => e.kind === kind);

  let kind: CreditChange['kind'];
  if (order.status === 'success') {
    if (has('capture') || has('release')) return undefined;
    kind = 'capture';
  } else if (has('capture')) {
    if (has('refund')) return undefined;
    kind = 'refund';
  } else {
    if (has('release')) return undefined;
    kind = 'release';
  }
  const result = await applyMovement(tx, kind, {
    userId: hold.userId,
    amountSatang: hold.amountSatang,
    orderId: order.id,
    key: orderMovementKey(order.id, kind),
  });
  if (result.kind !== 'applied') {
    // A capture or release always finds its hold in `held` (the CHECK keeps held ≥ 0), so
    // this means the ledger and the wallet disagree: stop the transaction rather than guess.
    throw new Error(`could not ${kind} the credit of order ${order.id}: ${result.kind}`);
  }
  return { kind, amountSatang: hold.amountSatang, balanceSatang: result.wallet.balanceSatang };
}

export type { WalletState };
