/** The confirm card: what the customer is about to buy, and the ยืนยัน / แก้ไข / ยกเลิก buttons. */
import type { messagingApi } from '@line/bot-sdk';
import { formatBaht, formatMobile } from '../../format.ts';
import type { T } from '../../i18n.ts';
import { networkColor, networkName } from './brand.ts';
import { bubble, flexMessage, note, postbackButton, row, separator, title } from './flex.ts';

export interface ConfirmCardInput {
  number: string;
  network: string;
  amountSatang: number;
  minutesToConfirm: number;
  /** Postback data of the three buttons. */
  confirmData: string;
  editData: string;
  cancelData: string;
}

export function confirmCard(t: T, input: ConfirmCardInput): messagingApi.FlexMessage {
  const number = formatMobile(input.number);
  const amount = formatBaht(input.amountSatang);
  const network = networkName(input.network);
  return flexMessage(
    t('confirm.altText', { amount, number, network }),
    bubble({
      header: [title(t('confirm.title'))],
      body: [
        row(t('card.number'), number, { size: 'md', weight: 'bold' }),
        row(t('card.network'), network, { weight: 'bold', color: networkColor(input.network) }),
        row(t('card.amount'), amount, { size: 'xl', weight: 'bold' }),
        separator(),
        note(t('confirm.hint', { minutes: input.minutesToConfirm })),
      ],
      footer: [
        postbackButton(t('confirm.confirm'), input.confirmData, 'primary'),
        postbackButton(t('confirm.edit'), input.editData, 'secondary'),
        postbackButton(t('confirm.cancel'), input.cancelData, 'link'),
      ],
    }),
  );
}
