/**
 * Answers to the owners' commands in a registered group: ยอดเงิน, สถานะเครือข่าย, สรุปวันนี้,
 * รายการค้าง, ช่วยเหลือ, and the payment and staff commands. Owners read Thai.
 */
import { averageRecentCharge } from '../db/queries/owner-monitor.ts';
import { countOpenOrders, listUnknownOrders } from '../db/queries/owner-orders.ts';
import type { T } from '../i18n.ts';
import type { LineMessage } from '../line/client.ts';
import { textMessage } from '../line/messages/text.ts';
import type { Logger } from '../log.ts';
import { ProviderError } from '../provider/errors.ts';
import { lastKnownBalance, observeBalance, thresholdsOf } from './balance-monitor.ts';
import { balanceCard, MAX_CARDS_IN_CAROUSEL, networkStatusCard, ownerChips, summaryCard, unknownOrdersCarousel } from './cards/index.ts';
import type { OwnerCommand } from './commands.ts';
import type { OwnerDeps } from './deps.ts';
import { lastKnownNetworks, observeNetworks } from './network-monitor.ts';
import { onAdjust, onStaffCommand, pendingDeposits, type PaymentDeps } from './payments.ts';
import { loadSummary, todaySoFar } from './summary.ts';

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

  async function pending(): Promise<LineMessage[]> {
    const [waiting, open, deposits] = await Promise.all([
      listUnknownOrders(db, { limit: MAX_CARDS_IN_CAROUSEL }),
      countOpenOrders(db),
      pendingDeposits(paymentDeps, t),
    ]);
    if (deposits) {
      // Slips waiting for a decision first: a customer is waiting for their credit.
      const orderCards = waiting.length ? [unknownOrdersCarousel(t, waiting)] : [];
      return [textMessage(t('owner.pending.deposits')), ...orderCards, withChips(deposits)];
    }
    if (waiting.length === 0) return say(t('owner.pending.none', { count: open.inProgress }));
    const more = open.unknown - waiting.length;
    return [
      textMessage(
        t('owner.pending.header', { count: open.unknown }) +
          (more > 0 ? `\n${t('owner.pending.more', { count: more })}` : '') +
          (open.inProgress > 0 ? `\n${t('owner.pending.inProgress', { count: open.inProgress })}` : ''),
      ),
      withChips(unknownOrdersCarousel(t, waiting)),
    ];
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
        const summary = await loadSummary(db, { kind: 'today', period: todaySoFar(new Date()), balanceSatang: known?.balanceSatang });
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
