/**
 * The owners' module as the composition root sees it: the group handler for dispatch, the
 * background ticks (balance and network monitors, daily summary), and the owners' side of the
 * order service's news (the card for an `unknown` order).
 */
import type { DepositRow } from '../db/schema.ts';
import { translator } from '../i18n.ts';
import type { LineMessage } from '../line/client.ts';
import type { OwnerNews } from '../orders/news.ts';
import { balanceTick } from './balance-monitor.ts';
import { depositSlipCard, unknownOrderCard, type DepositCardInput } from './cards/index.ts';
import { dailySummaryTick } from './daily-summary.ts';
import { createOwnerGroupHandler, type OwnerDeps } from './handler.ts';
import { networkTick } from './network-monitor.ts';

export type { OwnerDeps } from './handler.ts';

export function createOwnerModule(deps: OwnerDeps) {
  return {
    groups: createOwnerGroupHandler(deps),
    balanceTick: () => balanceTick(deps),
    networkTick: () => networkTick(deps),
    summaryTick: () => dailySummaryTick(deps),
  };
}

export type OwnerModule = ReturnType<typeof createOwnerModule>;

/** The owners' message for the order service's news (owners read Thai). */
export function renderOwnerNews(news: OwnerNews): LineMessage[] {
  return [unknownOrderCard(translator('th'), news.order, news.why)];
}

/** The owners' card for a deposit slip to approve or reject (owners read Thai). */
export function depositSlipAlert(deposit: DepositRow, input: DepositCardInput): LineMessage {
  return depositSlipCard(translator('th'), deposit, input);
}
