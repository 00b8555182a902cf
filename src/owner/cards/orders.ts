/**
 * The owners' card for an order that needs a person, with its three buttons. Postback data is
 * a URL query string: `action=ownerSuccess|ownerFailed|ownerRecheck&order=<id>`.
 */
import type { messagingApi } from '@line/bot-sdk';
import { languageOf, type T } from '../../i18n.ts';
import { formatBaht, formatDateTime, formatMobile } from '../../format.ts';
import type { OrderRow, ProviderOrderRow } from '../../db/schema.ts';
import { encodePostback } from '../../line/postback.ts';
import type { UnknownReason } from '../../orders/news.ts';
import { networkColor, networkName } from '../../line/messages/brand.ts';
import { bubble, flexMessage, note, postbackButton, row, separator, stackedRow, title } from '../../line/messages/flex.ts';
import { linkButtons } from './provider-orders.ts';
import { WARN, MAX_CARDS_IN_CAROUSEL } from './style.ts';

export const OWNER_ACTIONS = { success: 'ownerSuccess', failed: 'ownerFailed', recheck: 'ownerRecheck' } as const;
export type OwnerAction = (typeof OWNER_ACTIONS)[keyof typeof OWNER_ACTIONS];

const UNKNOWN_REASONS: readonly string[] = ['ambiguous', 'unexpected', 'interrupted', 'noResult', 'providerLost'] satisfies UnknownReason[];

/** Why an order became `unknown`, in the owners' words; the service gives a reason code. */
export function unknownReason(t: T, why: string | null | undefined): string {
  if (!why) return t('owner.why.unknown');
  // Anything that is not a code (an order from an older version) is shown as it was stored.
  return UNKNOWN_REASONS.includes(why) ? t(`owner.why.${why}`) : why;
}

/** `candidates`: provider orders not tied yet that may be this one (each a button that ties it). */
function unknownOrderBubble(t: T, order: OrderRow, why?: string | null, candidates: ProviderOrderRow[] = []): messagingApi.FlexBubble {
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
      row(t('card.time'), formatDateTime(order.submittedAt ?? order.createdAt, languageOf(t))),
      stackedRow(t('owner.unknown.reason'), unknownReason(t, why ?? order.detail)),
      separator(),
      note(t('owner.unknown.hint')),
      ...(candidates.length ? [note(t('owner.unknown.candidates'))] : []),
    ],
    footer: [
      ...linkButtons(t, order, candidates),
      postbackButton(t('owner.unknown.success'), data(OWNER_ACTIONS.success), 'primary', t('owner.unknown.successTap', { ref })),
      postbackButton(t('owner.unknown.failed'), data(OWNER_ACTIONS.failed), 'secondary', t('owner.unknown.failedTap', { ref })),
      postbackButton(t('owner.unknown.recheck'), data(OWNER_ACTIONS.recheck), 'link', t('owner.unknown.recheckTap', { ref })),
    ],
  });
}

/** An order whose outcome we cannot know: the owner checks the provider's panel and taps. */
export function unknownOrderCard(t: T, order: OrderRow, why?: string | null, candidates: ProviderOrderRow[] = []): messagingApi.FlexMessage {
  return flexMessage(
    t('owner.unknown.altText', { ref: order.ref, amount: formatBaht(order.amountSatang), number: formatMobile(order.number) }),
    unknownOrderBubble(t, order, why, candidates),
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
