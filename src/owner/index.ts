/**
 * The owners' module as the composition root sees it: the group handler for dispatch, the
 * background ticks (balance and network monitors, daily summary), and the owners' side of the
 * order service's news (the card for an `unknown` order).
 */
import type { DepositRow } from '../db/schema.ts';
import { languageOf, translator } from '../i18n.ts';
import { formatDateTime } from '../format.ts';
import type { LineMessage } from '../line/client.ts';
import { textMessage } from '../line/messages/text.ts';
import type { OwnerNews } from '../orders/news.ts';
import { balanceTick } from './balance-monitor.ts';
import { depositSlipCard, providerOrderCard, shopBalanceCard, unknownOrderCard, type DepositCardInput } from './cards/index.ts';
import { dailySummaryTick } from './daily-summary.ts';
import { createOwnerGroupHandler, type OwnerDeps } from './handler.ts';
import { networkTick } from './network-monitor.ts';

export type { OwnerDeps } from './handler.ts';

export function createOwnerModule(deps: OwnerDeps) {
  return {
    groups: createOwnerGroupHandler(deps),
    balanceTick: () => balanceTick(deps),
    networkTick: () => networkTick(deps),
    summaryTick: () => dailySummaryTick(deps, deps.clock.now()),
  };
}

export type OwnerModule = ReturnType<typeof createOwnerModule>;

/** The owners' message for the order service's news (owners read Thai). */
export function renderOwnerNews(news: OwnerNews): LineMessage[] {
  const t = translator('th');
  switch (news.kind) {
    case 'orderUnknown':
      return [unknownOrderCard(t, news.order, news.why, news.candidates)];
    case 'shopBalance':
      return [shopBalanceCard(t, news.order, news.balanceSatang)];
    case 'providerOrder':
      return [providerOrderCard(t, news.providerOrder, news.candidates)];
  }
}

/** A customer's message the bot could not handle after every attempt (owners read Thai). */
export function unansweredEventAlert(input: { userId?: string; chatId?: string; type: string; text?: string; receivedAt: Date }): LineMessage {
  const t = translator('th');
  const who = input.userId ?? input.chatId ?? '-';
  const what = input.text ? t('owner.gaveUp.text', { text: input.text.slice(0, 300) }) : t('owner.gaveUp.other', { type: input.type });
  return textMessage(t('owner.gaveUp.alert', { who, what, time: formatDateTime(input.receivedAt, languageOf(t)) }));
}

/** The owners' card for a deposit slip to approve or reject (owners read Thai). */
export function depositSlipAlert(deposit: DepositRow, input: DepositCardInput): LineMessage {
  return depositSlipCard(translator('th'), deposit, input);
}
