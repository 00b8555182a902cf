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
  /** Wallet mode: the customer's credit now (before this order). */
  credit?: { balanceSatang: number };
  /** The card this one corrects: each field that differs is marked with its old value. */
  before?: { number: string; network: string; amountSatang: number };
}

const SHORT_RED = '#D93025';
const CHANGED_ORANGE = '#E07800';

export function confirmCard(t: T, input: ConfirmCardInput): messagingApi.FlexMessage {
  const number = formatMobile(input.number);
  const amount = formatBaht(input.amountSatang);
  const network = networkName(input.network);
  const before = input.before;
  return flexMessage(
    t('confirm.altText', { amount, number, network }),
    bubble({
      header: [title(t('confirm.title'))],
      body: [
        row(t('card.number'), number, { size: 'md', weight: 'bold' }),
        ...changedFrom(t, before?.number, input.number, formatMobile),
        row(t('card.network'), network, { weight: 'bold', color: networkColor(input.network) }),
        ...changedFrom(t, before?.network, input.network, networkName),
        row(t('card.amount'), amount, { size: 'xl', weight: 'bold' }),
        ...changedFrom(t, before?.amountSatang, input.amountSatang, formatBaht),
        ...creditRows(t, input),
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

/** Under a corrected field: what it was, so the customer sees what their correction changed. */
function changedFrom<V>(t: T, old: V | undefined, now: V, show: (value: V) => string): messagingApi.FlexComponent[] {
  if (old === undefined || old === now) return [];
  return [{ type: 'text', text: t('confirm.changedFrom', { value: show(old) }), size: 'xs', color: CHANGED_ORANGE, align: 'end', margin: 'none' }];
}

/** The price comes out of the credit: show what is there, and what is missing if anything. */
function creditRows(t: T, input: ConfirmCardInput): messagingApi.FlexComponent[] {
  if (!input.credit) return [];
  const { balanceSatang } = input.credit;
  const short = input.amountSatang - balanceSatang;
  if (short <= 0) {
    return [
      row(t('confirm.credit'), formatBaht(balanceSatang), { weight: 'bold' }),
      row(t('confirm.creditAfter'), formatBaht(balanceSatang - input.amountSatang)),
    ];
  }
  return [
    row(t('confirm.credit'), formatBaht(balanceSatang), { weight: 'bold', color: SHORT_RED }),
    row(t('confirm.short'), formatBaht(short), { weight: 'bold', color: SHORT_RED }),
  ];
}
