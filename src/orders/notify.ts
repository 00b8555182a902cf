/**
 * What the customer is told when an order ends, queued in the outbox (one row per order and
 * kind, so a duplicate callback or a second sweep can never notify twice).
 */
import type { DbOrTx } from '../db/client.ts';
import { enqueueMessage } from '../db/queries/outbox.ts';
import type { OrderRow } from '../db/schema.ts';
import { formatBaht, formatMobile } from '../format.ts';
import { toLanguage, translator } from '../i18n.ts';
import { networkName } from '../line/messages/brand.ts';
import { failureCard, successCard } from '../line/messages/result-card.ts';
import { textMessage } from '../line/messages/text.ts';
import type { CreditChange } from '../wallet/ledger.ts';

export type ResultKind = 'success' | 'failed' | 'reversed' | 'unknown';

/** Why a failed order failed, as a key under `failure.` in the locales. */
export type FailureReason = 'rejected' | 'unreachable' | 'providerFailed' | 'cancelled' | 'ownerFailed' | 'reversed';

export async function notifyResult(
  db: DbOrTx,
  order: OrderRow,
  result: { kind: ResultKind; reason?: FailureReason; detail?: string | null; holdMs?: number; credit?: CreditChange },
): Promise<void> {
  const t = translator(toLanguage(order.language));
  const card = {
    ref: order.ref,
    number: order.number,
    network: order.network,
    amountSatang: order.amountSatang,
    providerOrderId: order.providerOrderId,
    at: order.finalizedAt ?? new Date(),
    creditNote: result.credit ? creditText(t, result.credit) : undefined,
  };
  const message =
    result.kind === 'success'
      ? successCard(t, card)
      : result.kind === 'unknown'
        ? textMessage(t('order.unknown', { ref: order.ref }))
        : failureCard(t, {
            ...card,
            reversal: result.kind === 'reversed',
            reason: failureText(t, result.reason ?? 'providerFailed', result.detail),
            retryText: retryText(t, order),
          });
  await enqueueMessage(db, { dedupeKey: resultKey(order, result.kind), to: order.chatId, messages: [message], holdMs: result.holdMs });
}

/** Wallet mode: what the order did to the customer's credit, in one line. */
export function creditText(t: ReturnType<typeof translator>, credit: CreditChange): string {
  return t(`credit.${credit.kind}`, { amount: formatBaht(credit.amountSatang), balance: formatBaht(credit.balanceSatang) });
}

export function resultKey(order: { id: string }, kind: ResultKind): string {
  return `order:${order.id}:${kind}`;
}

export function failureText(t: ReturnType<typeof translator>, reason: FailureReason, detail?: string | null): string {
  if (reason === 'rejected') return detail ? t('failure.rejected', { detail }) : t('failure.rejectedNoDetail');
  return t(`failure.${reason}`);
}

/** The text a "start again" quick reply types: the same order, in words the NLU reads. */
export function retryText(t: ReturnType<typeof translator>, order: OrderRow): string {
  return t('result.retryText', {
    amount: order.amountSatang / 100,
    number: formatMobile(order.number),
    network: networkName(order.network),
  });
}

