/** Result cards pushed when the provider reports: success, failure, reversal. */
import type { messagingApi } from '@line/bot-sdk';
import { formatBaht, formatBangkokTime, formatMobile } from '../../format.ts';
import type { T } from '../../i18n.ts';
import { networkColor, networkName } from './brand.ts';
import { bubble, flexMessage, note, row, separator, title } from './flex.ts';
import { messageChip } from './text.ts';

export interface ResultCardInput {
  ref: string;
  number: string;
  network: string;
  amountSatang: number;
  providerOrderId?: string | null;
  at: Date;
  /** Wallet mode: the credit used or returned, and what is left. */
  creditNote?: string;
}

const SUCCESS_GREEN = '#06C755';
const FAILURE_RED = '#D93025';

function details(t: T, input: ResultCardInput) {
  return [
    row(t('card.number'), formatMobile(input.number), { weight: 'bold' }),
    row(t('card.network'), networkName(input.network), { weight: 'bold', color: networkColor(input.network) }),
    row(t('card.amount'), formatBaht(input.amountSatang), { weight: 'bold', size: 'lg' }),
    separator(),
    row(t('card.ref'), input.ref),
    ...(input.providerOrderId ? [row(t('card.providerRef'), input.providerOrderId)] : []),
    row(t('card.time'), formatBangkokTime(input.at)),
    ...(input.creditNote ? [note(input.creditNote)] : []),
  ];
}

export function successCard(t: T, input: ResultCardInput): messagingApi.FlexMessage {
  const vars = { amount: formatBaht(input.amountSatang), number: formatMobile(input.number) };
  return flexMessage(
    t('result.success.altText', vars),
    bubble({ header: [title(t('result.success.title'), SUCCESS_GREEN)], body: [...details(t, input), note(t('result.success.thanks'))] }),
  );
}

/** A failure, with a quick reply that types the same order again (when trying again can help). */
export function failureCard(
  t: T,
  input: ResultCardInput & { reason: string; retryText?: string; reversal?: boolean },
): messagingApi.FlexMessage {
  const vars = { amount: formatBaht(input.amountSatang), number: formatMobile(input.number) };
  const key = input.reversal ? 'result.reversed' : 'result.failed';
  return {
    ...flexMessage(
      t(`${key}.altText`, vars),
      bubble({ header: [title(t(`${key}.title`), FAILURE_RED)], body: [...details(t, input), note(input.reason)] }),
    ),
    quickReply: {
      items: [...(input.retryText ? [messageChip(t('result.retry'), input.retryText)] : []), messageChip(t('chip.status'))],
    },
  };
}
