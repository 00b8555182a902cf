/**
 * What the customer reads about their order: right after the ยืนยัน tap (the submit's outcome, by
 * reply) and later (the order service's news, by push): result cards, "a person will check",
 * "your order is under way".
 */
import { formatBaht, formatMobile } from '../format.ts';
import { toLanguage, translator, type T } from '../i18n.ts';
import { networkName } from '../line/messages/brand.ts';
import { failureCard, successCard } from '../line/messages/result-card.ts';
import { messageChip, textMessage } from '../line/messages/text.ts';
import type { OrderRow } from '../db/schema.ts';
import type { CustomerNews, FailureReason } from '../orders/news.ts';
import type { SubmitOutcome } from '../orders/submit.ts';
import type { CreditChange } from '../wallet/ledger.ts';
import type { LineMessage } from './render.ts';

function orderVars(order: OrderRow) {
  return {
    ref: order.ref,
    number: formatMobile(order.number),
    network: networkName(order.network),
    amount: formatBaht(order.amountSatang),
  };
}

/** The reply to the ยืนยัน tap, for each outcome of the submit. */
export function renderSubmitOutcome(t: T, outcome: SubmitOutcome): LineMessage[] {
  const { order } = outcome;
  const vars = orderVars(order);
  switch (outcome.kind) {
    case 'pending':
    case 'deferred':
      return [textMessage(t('order.pending', vars))];
    case 'unknown':
      return [textMessage(t('order.unknown', vars))];
    case 'failed':
      return [
        textMessage(
          [t('result.failed.altText', vars), failureText(t, outcome.reason, outcome.detail), ...(outcome.credit ? [creditText(t, outcome.credit)] : [])].join('\n'),
          canRetry(outcome.reason) ? [messageChip(t('result.retry'), retryText(t, order))] : [],
        ),
      ];
  }
}

/** The order service's news, in the customer's language, for a push. */
export function renderCustomerNews(news: CustomerNews): LineMessage[] {
  const { order } = news;
  const t = translator(toLanguage(order.language));
  if (news.kind === 'unknown') return [textMessage(t('order.unknown', { ref: order.ref }))];
  if (news.kind === 'accepted') return [textMessage(t('order.pending', orderVars(order)))];
  const card = {
    ref: order.ref,
    number: order.number,
    network: order.network,
    amountSatang: order.amountSatang,
    providerOrderId: order.providerOrderId,
    at: order.finalizedAt ?? new Date(),
    creditNote: news.credit ? creditText(t, news.credit) : undefined,
  };
  if (news.kind === 'success') return [successCard(t, card)];
  const reason = news.kind === 'reversed' ? 'reversed' : news.reason;
  return [
    failureCard(t, {
      ...card,
      reversal: news.kind === 'reversed',
      reason: failureText(t, reason, news.kind === 'failed' ? news.detail : undefined),
      retryText: canRetry(reason) ? retryText(t, order) : undefined,
    }),
  ];
}

/** Wallet mode: what the order did to the customer's credit, in one line. */
export function creditText(t: T, credit: CreditChange): string {
  return t(`credit.${credit.kind}`, { amount: formatBaht(credit.amountSatang), balance: formatBaht(credit.balanceSatang) });
}

/** Whether ordering the same again can help: not while the shop itself cannot top up. */
function canRetry(reason: FailureReason): boolean {
  return reason !== 'shopUnavailable';
}

export function failureText(t: T, reason: FailureReason, detail?: string | null): string {
  if (reason === 'rejected') return detail ? t('failure.rejected', { detail }) : t('failure.rejectedNoDetail');
  return t(`failure.${reason}`);
}

/** The text a "start again" quick reply types: the same order, in words the NLU reads. */
function retryText(t: T, order: OrderRow): string {
  return t('result.retryText', {
    amount: order.amountSatang / 100,
    number: formatMobile(order.number),
    network: networkName(order.network),
  });
}
