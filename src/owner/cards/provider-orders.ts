/**
 * The provider's word for the owners: an order the provider reported that none of ours holds
 * (with the `unknown` orders it may be, each a button that ties the two), and a refill refused
 * because the shop's own balance is short. Postback data: `action=link-order&order=<id>&porder=<ORDERID>`.
 */
import type { messagingApi } from '@line/bot-sdk';
import type { OrderRow, ProviderOrderRow } from '../../db/schema.ts';
import { formatBaht, formatDateTime, formatMobile } from '../../format.ts';
import { languageOf, type T } from '../../i18n.ts';
import { networkName } from '../../line/messages/brand.ts';
import { bubble, flexMessage, note, postbackButton, row, separator, title } from '../../line/messages/flex.ts';
import { encodePostback } from '../../line/postback.ts';
import { DANGER, MAX_CARDS_IN_CAROUSEL, WARN } from './style.ts';

export const LINK_ACTION = 'link-order';
/** Buttons a card carries at most (LINE shows a few comfortably). */
const MAX_LINKS = 4;

export function linkData(order: Pick<OrderRow, 'id'>, providerOrderId: string): string {
  return encodePostback(LINK_ACTION, { order: order.id, porder: providerOrderId });
}

export function providerStateName(t: T, state: ProviderOrderRow['state']): string {
  return t(`owner.providerOrder.state.${state}`);
}

function providerOrderBubble(t: T, providerOrder: ProviderOrderRow, candidates: OrderRow[]): messagingApi.FlexBubble {
  const id = providerOrder.providerOrderId;
  const shown = candidates.slice(0, MAX_LINKS);
  return bubble({
    header: [title(t('owner.providerOrder.title'), WARN)],
    body: [
      row(t('card.providerRef'), id, { weight: 'bold' }),
      row(t('card.status'), providerStateName(t, providerOrder.state), { weight: 'bold' }),
      ...(providerOrder.chargedSatang !== null ? [row(t('owner.providerOrder.charged'), formatBaht(providerOrder.chargedSatang))] : []),
      row(t('card.time'), formatDateTime(providerOrder.receivedAt, languageOf(t))),
      separator(),
      note(shown.length ? t('owner.providerOrder.candidates') : t('owner.providerOrder.noCandidates')),
      ...shown.map((o) => note(candidateLine(t, o))),
    ],
    footer: shown.map((o, i) =>
      postbackButton(t('owner.providerOrder.link', { ref: o.ref }), linkData(o, id), i === 0 ? 'primary' : 'secondary', t('owner.providerOrder.linkTap', { ref: o.ref, id })),
    ),
  });
}

function candidateLine(t: T, order: OrderRow): string {
  return t('owner.providerOrder.candidate', {
    ref: order.ref,
    number: formatMobile(order.number),
    network: networkName(order.network),
    amount: formatBaht(order.amountSatang),
    time: formatDateTime(order.submittedAt ?? order.createdAt, languageOf(t)),
  });
}

/** The provider reported an order none of ours holds: what it says, and what it may be. */
export function providerOrderCard(t: T, providerOrder: ProviderOrderRow, candidates: OrderRow[]): messagingApi.FlexMessage {
  return flexMessage(
    t('owner.providerOrder.altText', { id: providerOrder.providerOrderId, state: providerStateName(t, providerOrder.state) }),
    providerOrderBubble(t, providerOrder, candidates),
  );
}

/** For `รายการค้าง`: provider orders still waiting to be tied, side by side. */
export function providerOrdersCarousel(t: T, entries: { providerOrder: ProviderOrderRow; candidates: OrderRow[] }[]): messagingApi.FlexMessage {
  const shown = entries.slice(0, MAX_CARDS_IN_CAROUSEL);
  return flexMessage(t('owner.providerOrder.pendingAltText', { count: entries.length }), {
    type: 'carousel',
    contents: shown.map((e) => providerOrderBubble(t, e.providerOrder, e.candidates)),
  });
}

/** Buttons under an `unknown` order's card: the provider orders it may be. */
export function linkButtons(t: T, order: OrderRow, candidates: ProviderOrderRow[]): messagingApi.FlexButton[] {
  return candidates.slice(0, MAX_LINKS).map((p) =>
    postbackButton(t('owner.providerOrder.linkId', { id: p.providerOrderId }), linkData(order, p.providerOrderId), 'secondary', t('owner.providerOrder.linkTap', { ref: order.ref, id: p.providerOrderId })),
  );
}

/** A refill the provider refused because the shop's balance is short: the owners top it up. */
export function shopBalanceCard(t: T, order: OrderRow, balanceSatang: number): messagingApi.FlexMessage {
  return flexMessage(
    t('owner.shopBalance.altText', { ref: order.ref, balance: formatBaht(balanceSatang) }),
    bubble({
      header: [title(t('owner.shopBalance.title'), DANGER)],
      body: [
        row(t('owner.balance.title'), formatBaht(balanceSatang), { weight: 'bold', color: DANGER, size: 'lg' }),
        row(t('card.ref'), order.ref),
        row(t('card.number'), formatMobile(order.number)),
        row(t('card.amount'), formatBaht(order.amountSatang), { weight: 'bold' }),
        separator(),
        note(t('owner.shopBalance.hint')),
      ],
    }),
  );
}
