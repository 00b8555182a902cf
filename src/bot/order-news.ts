/**
 * What the customer reads about their order: right after the ยืนยัน tap (the submit's outcome, by
 * reply) and later (the order service's news, by push): result cards, "a person will check",
 * "your order is under way".
 */
import { formatBaht, formatDate, formatMobile, formatTime } from '../format.ts';
import { languageOf, toLanguage, translator, type T } from '../i18n.ts';
import { networkName } from '../line/messages/brand.ts';
import { cancelledCard, failureCard, successCard, type ResultCardInput } from '../line/messages/result-card.ts';
import { postbackChip, textMessage } from '../line/messages/text.ts';
import { encodePostback } from '../line/postback.ts';
import type { OrderRow } from '../db/schema.ts';
import type { LimitHit } from '../orders/limits.ts';
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

/** The buttons that act on a past order: the same again, its receipt (bot/order-actions.ts). */
export const repeatData = (order: { id: string }) => encodePostback('repeat', { order: order.id });
export const receiptData = (order: { id: string }) => encodePostback('receipt', { order: order.id });

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
          canRetry(outcome.reason) ? [postbackChip(t('result.retry'), repeatData(order))] : [],
        ),
      ];
  }
}

/** A limit at the ยืนยัน tap: which one, and when the customer may order again. */
export function limitText(t: T, hit: LimitHit, now = new Date()): string {
  const lang = languageOf(t);
  const key = hit.kind === 'bahtPerDay' && hit.remainingSatang ? 'bahtPerDayLeft' : hit.kind;
  return t(`order.limit.${key}`, {
    count: hit.count,
    limit: hit.limitSatang === undefined ? undefined : formatBaht(hit.limitSatang),
    remaining: hit.remainingSatang === undefined ? undefined : formatBaht(hit.remainingSatang),
    seconds: Math.max(1, Math.ceil((hit.retryAt.getTime() - now.getTime()) / 1000)),
    time: formatTime(hit.retryAt, lang),
    date: formatDate(hit.retryAt, lang),
  });
}

/** The order service's news, in the customer's language, for a push. */
export function renderCustomerNews(news: CustomerNews): LineMessage[] {
  const { order } = news;
  const t = translator(toLanguage(order.language));
  if (news.kind === 'unknown') return [textMessage(t('order.unknown', { ref: order.ref }))];
  if (news.kind === 'accepted') return [textMessage(t('order.pending', orderVars(order)))];
  const card: ResultCardInput = {
    ref: order.ref,
    number: order.number,
    network: order.network,
    amountSatang: order.amountSatang,
    providerOrderId: order.providerOrderId,
    at: order.finalizedAt ?? new Date(),
    creditNote: news.credit ? creditText(t, news.credit) : undefined,
    repeatData: repeatData(order),
  };
  switch (news.kind) {
    case 'success':
      return [successCard(t, { ...card, receiptData: receiptData(order) })];
    case 'cancelled':
      return [cancelledCard(t, card)];
    case 'reversed':
      return [failureCard(t, { ...card, reversal: true, reason: failureText(t, 'reversed') })];
    case 'failed':
      return [failureCard(t, { ...card, repeatData: canRetry(news.reason) ? card.repeatData : undefined, reason: failureText(t, news.reason, news.detail) })];
  }
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
