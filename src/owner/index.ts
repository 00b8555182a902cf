/**
 * The owners' module as the composition root sees it: the group handler for dispatch, the
 * background ticks (balance and network monitors, daily summary), and the card the order
 * service raises for an `unknown` order.
 */
import type { DepositRow, OrderRow } from '../db/schema.ts';
import { translator } from '../i18n.ts';
import type { LineMessage } from '../line/client.ts';
import { balanceTick } from './balance-monitor.ts';
import { depositSlipCard, unknownOrderCard, type DepositCardInput } from './cards.ts';
import { createOwnerGroupHandler, type OwnerDeps } from './handler.ts';
import { networkTick } from './network-monitor.ts';
import { dailySummaryTick } from './daily-summary.ts';

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

/** The owners' alert for an order nobody can settle automatically (owners read Thai). */
export function unknownOrderAlert(order: OrderRow, why: string): LineMessage {
  return unknownOrderCard(translator('th'), order, why);
}

/** The owners' card for a deposit slip to approve or reject (owners read Thai). */
export function depositSlipAlert(deposit: DepositRow, input: DepositCardInput): LineMessage {
  return depositSlipCard(translator('th'), deposit, input);
}
