/** The daily summary and the answer to `สรุปวันนี้`. */
import type { messagingApi } from '@line/bot-sdk';
import { languageOf, type T } from '../../i18n.ts';
import { formatBaht, formatDate, formatDateTime, formatMobile, formatTime } from '../../format.ts';
import type { DailySummary } from '../summary.ts';
import { networkColor, networkName } from '../../line/messages/brand.ts';
import { bubble, flexMessage, MUTED, note, row, separator, SHOP_GREEN, subtitle, title } from '../../line/messages/flex.ts';
import { WARN, DANGER } from './style.ts';

/** One line of the per-network table: the name, then two numbers, right-aligned. */
function columns(cells: [string, string, string], style: { bold?: boolean; color?: string } = {}): messagingApi.FlexBox {
  const [a, b, c] = cells;
  const weight = style.bold ? ('bold' as const) : ('regular' as const);
  return {
    type: 'box',
    layout: 'horizontal',
    spacing: 'sm',
    contents: [
      { type: 'text', text: a, size: 'sm', flex: 5, weight, color: style.color ?? '#111111' },
      { type: 'text', text: b, size: 'sm', flex: 3, align: 'end', color: MUTED },
      { type: 'text', text: c, size: 'sm', flex: 4, align: 'end', weight, color: '#111111' },
    ],
  };
}

/** The daily summary (or "so far today"): per network, totals, failures, what waits, balance. */
export function summaryCard(t: T, summary: DailySummary): messagingApi.FlexMessage {
  const lang = languageOf(t);
  const count = (n: number) => t('owner.summary.count', { count: n });
  const totals = summary.totals;
  const titleText = t(summary.kind === 'daily' ? 'owner.summary.title' : 'owner.summary.titleToday');
  // The date under the title, not in it: a title with a date wraps on a phone.
  const when =
    summary.kind === 'daily'
      ? formatDate(summary.to, lang)
      : t('owner.summary.untilTime', { date: formatDate(summary.to, lang), time: formatTime(summary.to, lang) });
  const body: messagingApi.FlexComponent[] =
    summary.byNetwork.length === 0
      ? [note(t('owner.summary.none'))]
      : [
          columns([t('card.network'), t('owner.summary.orders'), t('owner.summary.baht')], { bold: false }),
          ...summary.byNetwork.map((n) =>
            columns([networkName(n.network), String(n.successCount), formatBaht(n.successSatang)], { bold: true, color: networkColor(n.network) }),
          ),
        ];
  body.push(
    separator(),
    row(t('owner.summary.total'), count(totals.successCount), { weight: 'bold' }),
    row(t('owner.summary.totalBaht'), formatBaht(totals.successSatang), { weight: 'bold' }),
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
  if (summary.kind === 'daily') {
    body.push(note(t('owner.summary.period', { from: formatDateTime(summary.from, lang), to: formatDateTime(summary.to, lang) })));
  }
  const altText = t('owner.summary.altText', {
    title: `${titleText} ${when}`,
    count: totals.successCount,
    amount: formatBaht(totals.successSatang),
    failed: totals.failedCount,
    unknown: totals.unknownCount,
  });
  return flexMessage(altText, { ...bubble({ header: [title(titleText), subtitle(when)], body }), size: 'mega' });
}
