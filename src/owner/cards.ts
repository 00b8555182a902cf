/**
 * The owners' cards: an order that needs a person (with its three buttons), balance and
 * network alerts, the network board, the daily summary. Pure builders: numbers in, Flex out.
 * Postback data is a URL query string: `action=ownerSuccess|ownerFailed|ownerRecheck&order=<id>`.
 */
import type { messagingApi } from '@line/bot-sdk';
import type { DepositRow, OrderRow } from '../db/schema.ts';
import { formatBaht, formatBangkokTime, formatMobile } from '../format.ts';
import type { T } from '../i18n.ts';
import { networkColor, networkName } from '../line/messages/brand.ts';
import { bubble, flexMessage, MUTED, note, postbackButton, row, separator, SHOP_GREEN, title } from '../line/messages/flex.ts';
import { messageChip, type QuickChip } from '../line/messages/text.ts';
import { encodePostback } from '../line/postback.ts';
import { NETWORKS, type Network } from '../networks.ts';
import type { UnknownReason } from '../orders/news.ts';
import type { BalanceLevel } from './balance-monitor.ts';
import type { DailySummary } from './summary.ts';

export const OWNER_ACTIONS = { success: 'ownerSuccess', failed: 'ownerFailed', recheck: 'ownerRecheck' } as const;
/** The deposit card's buttons: `action=depositApprove|depositReject&deposit=<id>`. */
export const DEPOSIT_ACTIONS = { approve: 'depositApprove', reject: 'depositReject' } as const;
export type OwnerAction = (typeof OWNER_ACTIONS)[keyof typeof OWNER_ACTIONS];

const WARN = '#F08A00';
const DANGER = '#D93025';
/** LINE allows 12 bubbles in a carousel; fewer keeps it readable. */
export const MAX_CARDS_IN_CAROUSEL = 10;

const UNKNOWN_REASONS: readonly string[] = ['ambiguous', 'unexpected', 'interrupted', 'noResult'] satisfies UnknownReason[];

/** Why an order became `unknown`, in the owners' words; the service gives a reason code. */
export function unknownReason(t: T, why: string | null | undefined): string {
  if (!why) return t('owner.why.unknown');
  // Anything that is not a code (an order from an older version) is shown as it was stored.
  return UNKNOWN_REASONS.includes(why) ? t(`owner.why.${why}`) : why;
}

function unknownOrderBubble(t: T, order: OrderRow, why?: string | null): messagingApi.FlexBubble {
  const ref = order.ref;
  const data = (action: OwnerAction) => encodePostback(action, { order: order.id });
  return bubble({
    header: [title(t('owner.unknown.title'), WARN)],
    body: [
      row(t('card.ref'), ref, { weight: 'bold' }),
      row(t('card.number'), formatMobile(order.number), { weight: 'bold' }),
      row(t('card.network'), networkName(order.network), { weight: 'bold', color: networkColor(order.network) }),
      row(t('card.amount'), formatBaht(order.amountSatang), { weight: 'bold', size: 'lg' }),
      row(t('card.providerRef'), order.providerOrderId ?? t('owner.unknown.noProviderRef')),
      row(t('card.time'), formatBangkokTime(order.submittedAt ?? order.createdAt)),
      row(t('owner.unknown.reason'), unknownReason(t, why ?? order.detail)),
      separator(),
      note(t('owner.unknown.hint')),
    ],
    footer: [
      postbackButton(t('owner.unknown.success'), data(OWNER_ACTIONS.success), 'primary', t('owner.unknown.successTap', { ref })),
      postbackButton(t('owner.unknown.failed'), data(OWNER_ACTIONS.failed), 'secondary', t('owner.unknown.failedTap', { ref })),
      postbackButton(t('owner.unknown.recheck'), data(OWNER_ACTIONS.recheck), 'link', t('owner.unknown.recheckTap', { ref })),
    ],
  });
}

/** An order whose outcome we cannot know: the owner checks the provider's panel and taps. */
export function unknownOrderCard(t: T, order: OrderRow, why?: string | null): messagingApi.FlexMessage {
  return flexMessage(
    t('owner.unknown.altText', { ref: order.ref, amount: formatBaht(order.amountSatang), number: formatMobile(order.number) }),
    unknownOrderBubble(t, order, why),
  );
}

/** Several waiting orders side by side (at most MAX_CARDS_IN_CAROUSEL). */
export function unknownOrdersCarousel(t: T, orders: OrderRow[]): messagingApi.FlexMessage {
  const shown = orders.slice(0, MAX_CARDS_IN_CAROUSEL);
  return flexMessage(t('owner.pending.altText', { count: orders.length }), {
    type: 'carousel',
    contents: shown.map((o) => unknownOrderBubble(t, o)),
  });
}

export interface BalanceCardInput {
  /** An alert (low / critical / recovered) or the answer to `ยอดเงิน` (status). */
  kind: 'low' | 'critical' | 'recovered' | 'status';
  balanceSatang: number;
  level: BalanceLevel;
  alertSatang: number;
  criticalSatang: number;
  /** Recent average cost of one top-up; undefined when there is too little history. */
  averageSatang?: number;
  at: Date;
  /** The provider did not answer now: this is the last balance we know. */
  stale?: boolean;
}

/** How many more top-ups the balance covers at the recent average; undefined without one. */
export function topupsLeft(balanceSatang: number, averageSatang: number | undefined): number | undefined {
  if (!averageSatang || averageSatang <= 0) return undefined;
  return Math.max(0, Math.floor(balanceSatang / averageSatang));
}

const LEVEL_COLOR: Record<BalanceLevel, string> = { ok: SHOP_GREEN, low: WARN, critical: DANGER };

export function balanceCard(t: T, input: BalanceCardInput): messagingApi.FlexMessage {
  const balance = formatBaht(input.balanceSatang);
  const vars = { balance, threshold: formatBaht(input.alertSatang), critical: formatBaht(input.criticalSatang) };
  const color = input.kind === 'recovered' ? SHOP_GREEN : input.kind === 'status' ? '#111111' : LEVEL_COLOR[input.level];
  const left = topupsLeft(input.balanceSatang, input.averageSatang);
  const body: messagingApi.FlexComponent[] = [
    {
      type: 'text',
      text: balance,
      size: 'xxl',
      weight: 'bold',
      color: LEVEL_COLOR[input.level],
    },
    row(t('owner.balance.level'), t(`owner.balance.levels.${input.level}`), { weight: 'bold', color: LEVEL_COLOR[input.level] }),
    row(t('owner.balance.threshold'), formatBaht(input.alertSatang)),
    ...(input.criticalSatang > 0 ? [row(t('owner.balance.criticalThreshold'), formatBaht(input.criticalSatang))] : []),
    separator(),
    note(
      left === undefined
        ? t('owner.balance.noEstimate')
        : t('owner.balance.estimate', { count: left, average: formatBaht(input.averageSatang ?? 0) }),
    ),
    ...(input.kind === 'low' || input.kind === 'critical' ? [note(t('owner.balance.refillHint'))] : []),
    ...(input.stale ? [note(t('owner.balance.stale'))] : []),
    note(t('owner.asOf', { time: formatBangkokTime(input.at) })),
  ];
  return flexMessage(t(`owner.balance.${input.kind}.altText`, vars), bubble({ header: [title(t(`owner.balance.${input.kind}.title`), color)], body }));
}

function networkLine(t: T, network: Network, open: boolean): messagingApi.FlexBox {
  return row(networkName(network), open ? t('owner.network.isOpen') : t('owner.network.isClosed'), {
    weight: 'bold',
    color: open ? SHOP_GREEN : DANGER,
  });
}

/** Networks that closed or reopened since the last look. */
export function networkAlertCard(t: T, input: { closed: Network[]; reopened: Network[]; at: Date }): messagingApi.FlexMessage {
  const names = (list: Network[]) => list.map(networkName).join(', ');
  const kind = input.reopened.length === 0 ? 'closed' : input.closed.length === 0 ? 'reopened' : 'changed';
  const body: messagingApi.FlexComponent[] = [
    ...input.closed.map((n) => networkLine(t, n, false)),
    ...input.reopened.map((n) => networkLine(t, n, true)),
    separator(),
    ...(input.closed.length ? [note(t('owner.network.closedHint'))] : []),
    ...(input.reopened.length ? [note(t('owner.network.reopenedHint'))] : []),
    note(t('owner.asOf', { time: formatBangkokTime(input.at) })),
  ];
  return flexMessage(
    t(`owner.network.alert.${kind}.altText`, { closed: names(input.closed), reopened: names(input.reopened) }),
    bubble({ header: [title(t(`owner.network.alert.${kind}.title`), kind === 'reopened' ? SHOP_GREEN : DANGER)], body }),
  );
}

/** The answer to `สถานะเครือข่าย`: every network, open or closed. */
export function networkStatusCard(
  t: T,
  input: { online: Partial<Record<Network, boolean>>; at: Date; stale?: boolean },
): messagingApi.FlexMessage {
  const closed = NETWORKS.filter((n) => input.online[n] === false);
  return flexMessage(
    closed.length
      ? t('owner.network.status.altTextClosed', { closed: closed.map(networkName).join(', ') })
      : t('owner.network.status.altTextAllOpen'),
    bubble({
      header: [title(t('owner.network.status.title'))],
      body: [
        ...NETWORKS.map((n) => networkLine(t, n, input.online[n] !== false)),
        separator(),
        ...(input.stale ? [note(t('owner.network.stale'))] : []),
        note(t('owner.asOf', { time: formatBangkokTime(input.at) })),
      ],
    }),
  );
}

function columns(cells: [string, string, string], style: { bold?: boolean; color?: string } = {}): messagingApi.FlexBox {
  const [a, b, c] = cells;
  const weight = style.bold ? ('bold' as const) : ('regular' as const);
  return {
    type: 'box',
    layout: 'horizontal',
    spacing: 'sm',
    contents: [
      { type: 'text', text: a, size: 'sm', flex: 4, weight, color: style.color ?? '#111111' },
      { type: 'text', text: b, size: 'sm', flex: 3, align: 'end', color: MUTED },
      { type: 'text', text: c, size: 'sm', flex: 3, align: 'end', weight, color: '#111111' },
    ],
  };
}

/** The daily summary (or "so far today"): per network, totals, failures, what waits, balance. */
export function summaryCard(t: T, summary: DailySummary): messagingApi.FlexMessage {
  const count = (n: number) => t('owner.summary.count', { count: n });
  const totals = summary.totals;
  const end = formatBangkokTime(summary.to);
  const titleText =
    summary.kind === 'daily'
      ? t('owner.summary.title', { date: end.slice(0, 10) })
      : t('owner.summary.titleToday', { date: end.slice(0, 10), time: end.slice(11) });
  const body: messagingApi.FlexComponent[] =
    summary.byNetwork.length === 0
      ? [note(t('owner.summary.none'))]
      : [
          columns([t('card.network'), t('owner.summary.orders'), t('owner.summary.baht')], { bold: false }),
          ...summary.byNetwork.map((n) =>
            columns([networkName(n.network), count(n.successCount), formatBaht(n.successSatang)], { bold: true, color: networkColor(n.network) }),
          ),
        ];
  body.push(
    separator(),
    row(t('owner.summary.total'), `${count(totals.successCount)} · ${formatBaht(totals.successSatang)}`, { weight: 'bold' }),
    row(t('owner.summary.discount'), formatBaht(totals.discountSatang), { weight: 'bold', color: SHOP_GREEN }),
    row(t('owner.summary.failed'), count(totals.failedCount), totals.failedCount ? { color: DANGER, weight: 'bold' } : {}),
    row(t('owner.summary.unknown'), count(totals.unknownCount), totals.unknownCount ? { color: WARN, weight: 'bold' } : {}),
    ...(totals.cancelledCount ? [row(t('owner.summary.cancelled'), count(totals.cancelledCount))] : []),
    ...(totals.inProgressCount ? [row(t('owner.summary.inProgress'), count(totals.inProgressCount))] : []),
    row(
      t('owner.summary.balance'),
      summary.balanceSatang === undefined ? t('owner.summary.balanceUnknown') : formatBaht(summary.balanceSatang),
      { weight: 'bold' },
    ),
  );
  if (summary.failedOrders.length) {
    body.push(separator(), { type: 'text', text: t('owner.summary.failedTitle'), size: 'sm', weight: 'bold', color: DANGER });
    for (const f of summary.failedOrders) {
      body.push(note(t('owner.summary.failedLine', { ref: f.ref, number: formatMobile(f.number), amount: formatBaht(f.amountSatang), network: networkName(f.network) })));
    }
    const more = totals.failedCount - summary.failedOrders.length;
    if (more > 0) body.push(note(t('owner.summary.more', { count: more })));
  }
  if (totals.unknownCount) body.push(note(t('owner.summary.unknownHint')));
  if (summary.kind === 'daily') body.push(note(t('owner.summary.period', { from: formatBangkokTime(summary.from), to: end })));
  const altText = t('owner.summary.altText', {
    title: titleText,
    count: totals.successCount,
    amount: formatBaht(totals.successSatang),
    failed: totals.failedCount,
    unknown: totals.unknownCount,
  });
  return flexMessage(altText, { ...bubble({ header: [title(titleText)], body }), size: 'mega' });
}

/** Quick replies under every owner answer: the commands, one tap away. */
export function ownerChips(t: T): QuickChip[] {
  return (['balance', 'network', 'summary', 'pending', 'help'] as const).map((c) => messageChip(t(`owner.chip.${c}`)));
}

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
        row(t('owner.deposit.customerId'), deposit.userId, { size: 'xxs' }),
        row(t('owner.deposit.credit'), formatBaht(input.balanceSatang)),
        row(t('card.ref'), deposit.ref),
        row(t('card.time'), formatBangkokTime(deposit.slipAt ?? deposit.createdAt)),
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
