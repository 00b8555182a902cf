/**
 * Result cards pushed when an order ends: success (with เติมซ้ำ and a receipt), failure and
 * reversal (red, with "order again"), and the customer's own cancel (calm, neutral).
 */
import type { messagingApi } from '@line/bot-sdk';
import { formatBaht, formatDateTime, formatMobile } from '../../format.ts';
import { languageOf, type T } from '../../i18n.ts';
import { networkColor, networkName } from './brand.ts';
import { bubble, flexMessage, note, postbackButton, row, separator, title } from './flex.ts';
import { messageChip, postbackChip } from './text.ts';

export interface ResultCardInput {
  ref: string;
  number: string;
  network: string;
  amountSatang: number;
  providerOrderId?: string | null;
  at: Date;
  /** Wallet mode: the credit used or returned, and what is left. */
  creditNote?: string;
  /** Postback data of "order the same again" (`action=repeat&order=…`). */
  repeatData: string;
}

const SUCCESS_GREEN = '#06C755';
const FAILURE_RED = '#D93025';
/** A cancel the customer asked for is not bad news: no red. */
const CANCELLED_GREY = '#5B6470';

/** The order's facts, the same on every result card. */
export function orderRows(t: T, input: Omit<ResultCardInput, 'repeatData' | 'creditNote'>): messagingApi.FlexComponent[] {
  return [
    row(t('card.number'), formatMobile(input.number), { weight: 'bold' }),
    row(t('card.network'), networkName(input.network), { weight: 'bold', color: networkColor(input.network) }),
    row(t('card.amount'), formatBaht(input.amountSatang), { weight: 'bold', size: 'lg' }),
    separator(),
    row(t('card.ref'), input.ref),
    ...(input.providerOrderId ? [row(t('card.providerRef'), input.providerOrderId)] : []),
    row(t('card.time'), formatDateTime(input.at, languageOf(t))),
  ];
}

function vars(input: Pick<ResultCardInput, 'amountSatang' | 'number'>) {
  return { amount: formatBaht(input.amountSatang), number: formatMobile(input.number) };
}

/** Success: เติมซ้ำ on the card, the receipt one tap away. */
export function successCard(t: T, input: ResultCardInput & { receiptData: string }): messagingApi.FlexMessage {
  return {
    ...flexMessage(
      t('result.success.altText', vars(input)),
      bubble({
        header: [title(t('result.success.title'), SUCCESS_GREEN)],
        body: [...orderRows(t, input), ...(input.creditNote ? [note(input.creditNote)] : []), note(t('result.success.thanks'))],
        footer: [postbackButton(t('result.repeat'), input.repeatData, 'secondary'), postbackButton(t('result.receipt'), input.receiptData, 'link')],
      }),
    ),
    quickReply: { items: [postbackChip(t('result.receipt'), input.receiptData), messageChip(t('chip.status'))] },
  };
}

/**
 * A failure (or a success the provider reversed): why, and the same order again in one tap
 * (no `repeatData` when trying again cannot help).
 */
export function failureCard(
  t: T,
  input: Omit<ResultCardInput, 'repeatData'> & { repeatData?: string; reason: string; reversal?: boolean },
): messagingApi.FlexMessage {
  const key = input.reversal ? 'result.reversed' : 'result.failed';
  return endedCard(t, input, { key, color: FAILURE_RED, reason: input.reason });
}

/** The customer's own cancel, done: calm, and the credit given back in wallet mode. */
export function cancelledCard(t: T, input: ResultCardInput): messagingApi.FlexMessage {
  return endedCard(t, input, { key: 'result.cancelled', color: CANCELLED_GREY, reason: t('result.cancelled.note') });
}

function endedCard(
  t: T,
  input: Omit<ResultCardInput, 'repeatData'> & { repeatData?: string },
  look: { key: string; color: string; reason: string },
): messagingApi.FlexMessage {
  return {
    ...flexMessage(
      t(`${look.key}.altText`, vars(input)),
      bubble({
        header: [title(t(`${look.key}.title`), look.color)],
        body: [...orderRows(t, input), note(look.reason), ...(input.creditNote ? [note(input.creditNote)] : [])],
        ...(input.repeatData ? { footer: [postbackButton(t('result.retry'), input.repeatData, 'secondary')] } : {}),
      }),
    ),
    quickReply: { items: [messageChip(t('chip.status'))] },
  };
}
