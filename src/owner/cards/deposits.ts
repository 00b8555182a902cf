/**
 * The owners' card for a deposit slip: the slip, the amount, the customer, อนุมัติ / ปฏิเสธ.
 * Postback data: `action=depositApprove|depositReject&deposit=<id>`.
 */
import type { messagingApi } from '@line/bot-sdk';
import { languageOf, type T } from '../../i18n.ts';
import { formatBaht, formatDateTime } from '../../format.ts';
import type { DepositRow } from '../../db/schema.ts';
import { encodePostback } from '../../line/postback.ts';
import { bubble, flexMessage, note, postbackButton, row, separator, SHOP_GREEN, stackedRow, title } from '../../line/messages/flex.ts';
import { MAX_CARDS_IN_CAROUSEL } from './style.ts';

export const DEPOSIT_ACTIONS = { approve: 'depositApprove', reject: 'depositReject' } as const;

export interface DepositCardInput {
  /** The customer's LINE display name, when known. */
  customerName?: string;
  /** The customer's credit before this deposit. */
  balanceSatang: number;
  /** Where LINE fetches the slip image (https in production). */
  slipUrl: string;
}

function depositBubble(t: T, deposit: DepositRow, input: DepositCardInput): messagingApi.FlexBubble {
  const data = (action: string) => encodePostback(action, { deposit: deposit.id });
  const amount = formatBaht(deposit.amountSatang);
  const tap = { ref: deposit.ref, amount };
  return {
    ...bubble({
      header: [title(t('owner.deposit.title'), SHOP_GREEN)],
      body: [
        row(t('owner.deposit.amount'), amount, { weight: 'bold', size: 'lg' }),
        row(t('owner.deposit.customer'), input.customerName ?? t('owner.deposit.noName'), { weight: 'bold' }),
        stackedRow(t('owner.deposit.customerId'), deposit.userId, { size: 'xxs' }),
        row(t('owner.deposit.credit'), formatBaht(input.balanceSatang)),
        row(t('card.ref'), deposit.ref),
        row(t('card.time'), formatDateTime(deposit.slipAt ?? deposit.createdAt, languageOf(t))),
        separator(),
        note(t('owner.deposit.hint', { amount })),
      ],
      footer: [
        postbackButton(t('owner.deposit.approve'), data(DEPOSIT_ACTIONS.approve), 'primary', t('owner.deposit.approveTap', tap)),
        postbackButton(t('owner.deposit.reject'), data(DEPOSIT_ACTIONS.reject), 'secondary', t('owner.deposit.rejectTap', tap)),
      ],
    }),
    hero: {
      type: 'image',
      url: input.slipUrl,
      size: 'full',
      aspectRatio: '3:4',
      aspectMode: 'fit',
      backgroundColor: '#F2F3F5',
      // Tapping the slip opens it full size.
      action: { type: 'uri', label: t('owner.deposit.openSlip'), uri: input.slipUrl },
    },
  };
}

/** A customer's transfer slip for a deposit: the slip, the amount, the customer, อนุมัติ / ปฏิเสธ. */
export function depositSlipCard(t: T, deposit: DepositRow, input: DepositCardInput): messagingApi.FlexMessage {
  return flexMessage(
    t('owner.deposit.altText', { amount: formatBaht(deposit.amountSatang), ref: deposit.ref, customer: input.customerName ?? deposit.userId }),
    depositBubble(t, deposit, input),
  );
}

/** Several deposits waiting for an owner, side by side. */
export function depositsCarousel(t: T, deposits: { deposit: DepositRow; input: DepositCardInput }[]): messagingApi.FlexMessage {
  const shown = deposits.slice(0, MAX_CARDS_IN_CAROUSEL);
  return flexMessage(t('owner.deposit.pendingAltText', { count: deposits.length }), {
    type: 'carousel',
    contents: shown.map((d) => depositBubble(t, d.deposit, d.input)),
  });
}
