/** The confirm card: what the customer is about to buy, and the ยืนยัน / แก้ไข / ยกเลิก buttons. */
import type { messagingApi } from '@line/bot-sdk';
import { formatBaht, formatMobile } from '../../format.ts';
import { template, type T } from '../../i18n.ts';
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

/**
 * What every confirm card in one language says the same: its words and fixed components, built
 * once per translator and minutes (frozen, shared by every card: the card is on the hot path of
 * every order, and these are most of its translations).
 */
interface FixedParts {
  header: messagingApi.FlexComponent[];
  separatorAndHint: messagingApi.FlexComponent[];
  labels: { number: string; network: string; amount: string; confirm: string; edit: string; cancel: string };
}
const fixedParts = new WeakMap<T, Map<number, FixedParts>>();

function partsFor(t: T, minutes: number): FixedParts {
  let byMinutes = fixedParts.get(t);
  if (!byMinutes) fixedParts.set(t, (byMinutes = new Map()));
  let parts = byMinutes.get(minutes);
  if (!parts) {
    parts = deepFreeze({
      header: [title(t('confirm.title'))],
      separatorAndHint: [separator(), note(t('confirm.hint', { minutes }))],
      labels: {
        number: t('card.number'),
        network: t('card.network'),
        amount: t('card.amount'),
        confirm: t('confirm.confirm'),
        edit: t('confirm.edit'),
        cancel: t('confirm.cancel'),
      },
    });
    byMinutes.set(minutes, parts);
  }
  return parts;
}

export function confirmCard(t: T, input: ConfirmCardInput): messagingApi.FlexMessage {
  const number = formatMobile(input.number);
  const amount = formatBaht(input.amountSatang);
  const network = networkName(input.network);
  const before = input.before;
  const { header, separatorAndHint, labels } = partsFor(t, input.minutesToConfirm);
  return flexMessage(
    template(t, 'confirm.altText')({ amount, number, network }),
    bubble({
      header,
      body: [
        row(labels.number, number, { size: 'md', weight: 'bold' }),
        ...changedFrom(t, before?.number, input.number, formatMobile),
        row(labels.network, network, { weight: 'bold', color: networkColor(input.network) }),
        ...changedFrom(t, before?.network, input.network, networkName),
        row(labels.amount, amount, { size: 'xl', weight: 'bold' }),
        ...changedFrom(t, before?.amountSatang, input.amountSatang, formatBaht),
        ...creditRows(t, input),
        ...separatorAndHint,
      ],
      footer: [
        postbackButton(labels.confirm, input.confirmData, 'primary'),
        postbackButton(labels.edit, input.editData, 'secondary'),
        postbackButton(labels.cancel, input.cancelData, 'link'),
      ],
    }),
  );
}

/** Under a corrected field: what it was, so the customer sees what their correction changed. */
function changedFrom<V>(t: T, old: V | undefined, now: V, show: (value: V) => string): messagingApi.FlexComponent[] {
  if (old === undefined || old === now) return [];
  return [{ type: 'text', text: template(t, 'confirm.changedFrom')({ value: show(old) }), size: 'xs', color: CHANGED_ORANGE, align: 'end', margin: 'none' }];
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

function deepFreeze<V>(value: V): V {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const item of Object.values(value)) deepFreeze(item);
  }
  return value;
}
