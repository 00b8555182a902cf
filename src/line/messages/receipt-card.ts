/**
 * A receipt the customer can forward: the facts of one successful top-up and nothing to tap
 * (buttons would act in whatever chat it is forwarded to). The alt text carries every fact
 * too, so a chat list, a notification or a forward preview reads in full.
 */
import type { messagingApi } from '@line/bot-sdk';
import { formatBaht, formatDateTime, formatMobile } from '../../format.ts';
import { languageOf, type T } from '../../i18n.ts';
import { networkColor, networkName } from './brand.ts';
import { bubble, flexMessage, row, separator, subtitle, title } from './flex.ts';

export interface ReceiptInput {
  ref: string;
  number: string;
  network: string;
  amountSatang: number;
  providerOrderId?: string | null;
  /** When the top-up was done. */
  at: Date;
}

export function receiptCard(t: T, input: ReceiptInput): messagingApi.FlexMessage {
  const facts = {
    ref: input.ref,
    number: formatMobile(input.number),
    network: networkName(input.network),
    amount: formatBaht(input.amountSatang),
    providerRef: input.providerOrderId ?? '–',
    time: formatDateTime(input.at, languageOf(t)),
  };
  return flexMessage(
    t('receipt.altText', facts),
    bubble({
      header: [title(t('receipt.title')), subtitle(t('receipt.subtitle'))],
      body: [
        row(t('card.number'), facts.number, { weight: 'bold' }),
        row(t('card.network'), facts.network, { weight: 'bold', color: networkColor(input.network) }),
        row(t('card.amount'), facts.amount, { weight: 'bold', size: 'lg' }),
        separator(),
        row(t('card.ref'), facts.ref),
        ...(input.providerOrderId ? [row(t('card.providerRef'), input.providerOrderId)] : []),
        row(t('card.time'), facts.time),
      ],
    }),
  );
}
