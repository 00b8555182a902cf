/**
 * Answers to the owners' commands in a registered group: ยอดเงิน, สถานะเครือข่าย, สรุปวันนี้,
 * รายการค้าง, ช่วยเหลือ, and the payment and staff commands. Owners read Thai.
 */
import { averageRecentCharge } from '../db/queries/owner-monitor.ts';
import { listUnknownOrdersWithoutProviderId } from '../db/queries/orders.ts';
import { countOpenOrders, listUnknownOrders } from '../db/queries/owner-orders.ts';
import { listUntiedProviderOrders } from '../db/queries/provider-orders.ts';
import type { T } from '../i18n.ts';
import type { LineMessage } from '../line/client.ts';
import { textMessage } from '../line/messages/text.ts';
import type { Logger } from '../log.ts';
import { ProviderError } from '../provider/errors.ts';
import { lastKnownBalance, observeBalance, thresholdsOf } from './balance-monitor.ts';
import {
  balanceCard,
  MAX_CARDS_IN_CAROUSEL,
  networkStatusCard,
  ownerChips,
  providerOrdersCarousel as providersCarousel,
  summaryCard,
  unknownOrdersCarousel,
} from './cards/index.ts';
import type { OwnerCommand } from './commands.ts';
import type { OwnerDeps } from './deps.ts';
import { lastKnownNetworks, observeNetworks } from './network-monitor.ts';
import { onAdjust, onStaffCommand, pendingDeposits, type PaymentDeps } from './payments.ts';
import { loadSummary, todaySoFar } from './summary.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Registering and unregistering are answered by the handler: they work outside owners' groups too. */
export type AnsweredCommand = Exclude<OwnerCommand, { kind: 'register' | 'unregister' }>;

export interface CommandContext {
  chatId: string;
  /** The owner who typed it (LINE user id), or the group when LINE does not say. */
  by: string;
  eventId: string;
  logger: Logger;
}

export function createOwnerAnswers(deps: OwnerDeps, paymentDeps: PaymentDeps, t: T) {
  const { db, config } = deps;
  const say = (text: string) => [textMessage(text, ownerChips(t))];
  const withChips = <M extends LineMessage>(message: M): M => ({ ...message, quickReply: { items: ownerChips(t) } });

  /** A fresh balance (fed to the monitor, so alerts stay consistent), else the last known. */
  async function balance(ctx: CommandContext): Promise<LineMessage[]> {
    const averageSatang = await averageRecentCharge(db, { days: 7 });
    const common = { ...thresholdsOf(config), averageSatang };
    try {
      const { balanceSatang } = await deps.provider.balance();
      const { level } = await observeBalance(deps, { balanceSatang, source: 'command' });
      return [withChips(balanceCard(t, { kind: 'status', balanceSatang, level, at: new Date(), ...common }))];
    } catch (error) {
      if (!(error instanceof ProviderError)) throw error;
      ctx.logger.warn({ err: error }, 'balance command: provider did not answer');
      const known = await lastKnownBalance(db);
      if (!known) return say(t('owner.balance.unavailable'));
      return [withChips(balanceCard(t, { kind: 'status', ...known, ...common, stale: true }))];
    }
  }

  async function network(ctx: CommandContext): Promise<LineMessage[]> {
    try {
      const online = await deps.provider.networkStatus();
      await observeNetworks(deps, { online });
      return [withChips(networkStatusCard(t, { online, at: new Date() }))];
    } catch (error) {
      if (!(error instanceof ProviderError)) throw error;
      ctx.logger.warn({ err: error }, 'network command: provider did not answer');
      const known = await lastKnownNetworks(db);
      if (!known) return say(t('owner.network.unavailable'));
      return [withChips(networkStatusCard(t, { ...known, stale: true }))];
    }
  }

  /** Provider orders none of ours holds yet, each with the `unknown` orders it may be. */
  async function untiedProviderOrders(): Promise<LineMessage[]> {
    const since = new Date(Date.now() - DAY_MS);
    const untied = await listUntiedProviderOrders(db, { states: ['unchecked', 'pending', 'success'], since, limit: MAX_CARDS_IN_CAROUSEL });
    if (untied.length === 0) return [];
    const entries = await Promise.all(
      untied.map(async (providerOrder) => ({
        providerOrder,
        candidates: await listUnknownOrdersWithoutProviderId(db, {
          from: new Date(providerOrder.receivedAt.getTime() - DAY_MS),
          to: new Date(),
          limit: 4,
        }),
      })),
    );
    return [textMessage(t('owner.providerOrder.pendingHeader', { count: untied.length })), providersCarousel(t, entries)];
  }

  async function pending(): Promise<LineMessage[]> {
    const [waiting, open, deposits, providers] = await Promise.all([
      listUnknownOrders(db, { limit: MAX_CARDS_IN_CAROUSEL }),
      countOpenOrders(db),
      pendingDeposits(paymentDeps, t),
      untiedProviderOrders(),
    ]);
    // The provider's word that may settle the waiting orders goes just before the last message
    // (the one carrying the command chips); LINE takes five messages per reply.
    const withProviders = (messages: LineMessage[]) => [
      ...messages.slice(0, -1),
      ...providers.slice(0, Math.max(0, 5 - messages.length)),
      ...messages.slice(-1),
    ];
    if (deposits) {
      // Slips waiting for a decision first: a customer is waiting for their credit.
      const orderCards = waiting.length ? [unknownOrdersCarousel(t, waiting)] : [];
      return withProviders([textMessage(t('owner.pending.deposits')), ...orderCards, withChips(deposits)]);
    }
    if (waiting.length === 0) return withProviders(say(t('owner.pending.none', { count: open.inProgress })));
    const more = open.unknown - waiting.length;
    return withProviders([
      textMessage(
        t('owner.pending.header', { count: open.unknown }) +
          (more > 0 ? `\n${t('owner.pending.more', { count: more })}` : '') +
          (open.inProgress > 0 ? `\n${t('owner.pending.inProgress', { count: open.inProgress })}` : ''),
      ),
      withChips(unknownOrdersCarousel(t, waiting)),
    ]);
  }

  function help(): LineMessage[] {
    const base = config.owner.dailySummaryTime ? t('owner.help', { time: config.owner.dailySummaryTime }) : t('owner.helpNoSummary');
    const extra = config.paymentMode === 'wallet' ? t('owner.helpWallet') : config.paymentMode === 'trusted' ? t('owner.helpTrusted') : '';
    return say(extra ? `${base}\n${extra}` : base);
  }

  return async function answer(ctx: CommandContext, command: AnsweredCommand): Promise<LineMessage[]> {
    switch (command.kind) {
      case 'balance':
        return balance(ctx);
      case 'network':
        return network(ctx);
      case 'summary': {
        const known = await lastKnownBalance(db);
        const summary = await loadSummary(db, { kind: 'today', period: todaySoFar(deps.clock.now()), balanceSatang: known?.balanceSatang });
        return [withChips(summaryCard(t, summary))];
      }
      case 'pending':
        return pending();
      case 'help':
        return help();
      case 'adjust':
        return onAdjust(paymentDeps, t, { ...command, by: ctx.by, eventId: ctx.eventId });
      case 'trust':
      case 'untrust':
      case 'staff':
        return onStaffCommand(paymentDeps, t, command, ctx.by);
      case 'usage':
        return [textMessage(t(`owner.usage.${command.of}`))];
    }
  };
}
