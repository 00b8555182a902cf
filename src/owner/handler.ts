/**
 * The owners' side of group chats (plugged into dispatch as its GroupHandler): joining,
 * registration, commands, and the buttons of the order cards. In a group that is not an
 * owners' group the bot only explains how to register; ordinary chatter gets silence.
 * Answers use the event's reply token (free); alerts go through the outbox elsewhere.
 */
import type { webhook } from '@line/bot-sdk';
import { findOrder, transitionOrder } from '../db/queries/orders.ts';
import { countOpenOrders, listUnknownOrders } from '../db/queries/owner-orders.ts';
import type { OrderRow } from '../db/schema.ts';
import { formatBaht, formatMobile } from '../format.ts';
import { translator, type T } from '../i18n.ts';
import type { LineMessage } from '../line/client.ts';
import { textMessage } from '../line/messages/text.ts';
import { decodePostback } from '../line/postback.ts';
import type { Logger } from '../log.ts';
import type { Metrics } from '../metrics.ts';
import { notifyResult } from '../orders/notify.ts';
import type { OrderService } from '../orders/service.ts';
import { ProviderError } from '../provider/errors.ts';
import { averageRecentCharge } from '../db/queries/owner-monitor.ts';
import { lastKnownBalance, observeBalance, thresholdsOf, type MonitorDeps } from './balance-monitor.ts';
import {
  balanceCard,
  DEPOSIT_ACTIONS,
  MAX_CARDS_IN_CAROUSEL,
  networkStatusCard,
  OWNER_ACTIONS,
  ownerChips,
  summaryCard,
  unknownOrdersCarousel,
} from './cards.ts';
import { parseOwnerCommand, withoutMentions, type OwnerCommand } from './commands.ts';
import { lastKnownNetworks, observeNetworks } from './network-monitor.ts';
import { isOwnerChat, registerGroup, unregisterGroup } from './registration.ts';
import { loadSummary, todaySoFar } from './summary.ts';
import { settleOrderCredit } from '../wallet/ledger.ts';
import { onAdjust, onDepositDecision, onStaffCommand, pendingDeposits } from './payments.ts';

export interface OwnerDeps extends MonitorDeps {
  metrics?: Metrics;
  /** Base of the slip image URLs on deposit cards (default PUBLIC_URL). */
  publicUrl?: string;
  /** The money path: a re-check applies the provider's `update` answer through it. */
  orders: Pick<OrderService, 'applyUpdate'>;
}

/** What the handler needs of dispatch's EventContext (owner/ does not import bot/). */
export interface GroupEventContext {
  event: webhook.Event;
  chatId: string;
  userId?: string;
  logger: Logger;
  respond(messages: LineMessage[]): Promise<void>;
}

export function createOwnerGroupHandler(deps: OwnerDeps) {
  const { db, config } = deps;
  const t = translator('th');
  const paymentDeps = { db, config, logger: deps.logger, kickOutbox: deps.kickOutbox, publicUrl: deps.publicUrl ?? config.payments.publicUrl ?? '' };
  const say = (text: string) => [textMessage(text, ownerChips(t))];

  async function onJoin(ctx: GroupEventContext): Promise<void> {
    if (await isOwnerChat(db, config, ctx.chatId)) return ctx.respond(say(t('owner.join.registered')));
    if (!config.owner.registerCode) return ctx.respond([textMessage(t('owner.join.noCode', { groupId: ctx.chatId }))]);
    return ctx.respond([textMessage(t('owner.join.howTo'))]);
  }

  async function onText(ctx: GroupEventContext, message: webhook.TextMessageContent): Promise<void> {
    const command = parseOwnerCommand(withoutMentions(message.text, message.mention?.mentionees));
    if (!command) return;
    if (command.kind === 'register') return onRegister(ctx, command.code);
    if (!(await isOwnerChat(db, config, ctx.chatId))) {
      ctx.logger.info({ command: command.kind }, 'owner command in a group that is not registered');
      return ctx.respond([textMessage(t('owner.notRegistered'))]);
    }
    return ctx.respond(await answer(ctx, command));
  }

  async function onRegister(ctx: GroupEventContext, code: string): Promise<void> {
    const outcome = await registerGroup(db, config, { groupId: ctx.chatId, userId: ctx.userId, code });
    ctx.logger.info({ outcome: outcome.kind, by: ctx.userId }, 'owner group registration');
    switch (outcome.kind) {
      case 'registered':
        return ctx.respond(say(t('owner.register.done')));
      case 'already':
        return ctx.respond(say(t('owner.register.already')));
      case 'wrongCode':
        return ctx.respond([
          textMessage(outcome.triesLeft > 0 ? t('owner.register.wrongCode', { left: outcome.triesLeft }) : t('owner.register.lastWrong')),
        ]);
      case 'rateLimited':
        return ctx.respond([textMessage(t('owner.register.rateLimited'))]);
      case 'missingCode':
        return ctx.respond([textMessage(t('owner.register.missingCode'))]);
      case 'disabled':
        return ctx.respond([textMessage(t('owner.register.disabled', { groupId: ctx.chatId }))]);
    }
  }

  async function answer(ctx: GroupEventContext, command: Exclude<OwnerCommand, { kind: 'register' }>): Promise<LineMessage[]> {
    switch (command.kind) {
      case 'unregister': {
        const outcome = await unregisterGroup(db, config, ctx.chatId);
        return [textMessage(t(`owner.unregister.${outcome}`))];
      }
      case 'balance':
        return balanceAnswer(ctx);
      case 'network':
        return networkAnswer(ctx);
      case 'summary': {
        const balance = await lastKnownBalance(db);
        const summary = await loadSummary(db, { kind: 'today', period: todaySoFar(new Date()), balanceSatang: balance?.balanceSatang });
        return [{ ...summaryCard(t, summary), quickReply: { items: ownerChips(t) } }];
      }
      case 'pending':
        return pendingAnswer();
      case 'help': {
        const base = config.owner.dailySummaryTime ? t('owner.help', { time: config.owner.dailySummaryTime }) : t('owner.helpNoSummary');
        const extra = config.paymentMode === 'wallet' ? t('owner.helpWallet') : config.paymentMode === 'trusted' ? t('owner.helpTrusted') : '';
        return say(extra ? `${base}\n${extra}` : base);
      }
      case 'adjust':
        return onAdjust(paymentDeps, t, {
          direction: command.direction,
          target: command.target,
          amountSatang: command.amountSatang,
          reason: command.reason,
          by: ctx.userId ?? ctx.chatId,
          eventId: ctx.event.webhookEventId,
        });
      case 'trust':
      case 'untrust':
      case 'staff':
        return onStaffCommand(paymentDeps, t, command, ctx.userId ?? ctx.chatId);
      case 'usage':
        return [textMessage(t(`owner.usage.${command.of}`))];
    }
  }

  /** A fresh balance (fed to the monitor, so alerts stay consistent), else the last known. */
  async function balanceAnswer(ctx: GroupEventContext): Promise<LineMessage[]> {
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

  async function networkAnswer(ctx: GroupEventContext): Promise<LineMessage[]> {
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

  async function pendingAnswer(): Promise<LineMessage[]> {
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

  function withChips<M extends LineMessage>(message: M): M {
    return { ...message, quickReply: { items: ownerChips(t) } };
  }

  async function onPostback(ctx: GroupEventContext, data: string): Promise<void> {
    const { action, fields } = decodePostback(data);
    if ((Object.values(DEPOSIT_ACTIONS) as string[]).includes(action)) {
      if (!(await isOwnerChat(db, config, ctx.chatId))) {
        ctx.logger.warn({ action, by: ctx.userId }, 'deposit button tapped in a group that is not registered; ignored');
        return ctx.respond([textMessage(t('owner.notRegistered'))]);
      }
      return ctx.respond(
        await onDepositDecision(paymentDeps, t, {
          depositId: fields.deposit ?? '',
          approve: action === DEPOSIT_ACTIONS.approve,
          by: ctx.userId ?? ctx.chatId,
          logger: ctx.logger,
        }),
      );
    }
    if (!(Object.values(OWNER_ACTIONS) as string[]).includes(action)) return;
    if (!(await isOwnerChat(db, config, ctx.chatId))) {
      ctx.logger.warn({ action, by: ctx.userId }, 'order button tapped in a group that is not registered; ignored');
      return ctx.respond([textMessage(t('owner.notRegistered'))]);
    }
    const order = await findOrder(db, fields.order ?? '');
    if (!order) return ctx.respond([textMessage(t('owner.resolve.notFound'))]);
    if (action === OWNER_ACTIONS.recheck) return ctx.respond(await recheck(ctx, order));
    return ctx.respond(await resolve(ctx, order, action === OWNER_ACTIONS.success ? 'success' : 'failed'));
  }

  /**
   * unknown → success | failed, conditionally: when two owners tap at once, one transition
   * happens and the other is told it was already settled. The customer's message is queued in
   * the same transaction.
   */
  async function resolve(ctx: GroupEventContext, order: OrderRow, to: 'success' | 'failed'): Promise<LineMessage[]> {
    const resolvedBy = ctx.userId ?? ctx.chatId;
    const resolved = await db.transaction(async (tx) => {
      const row = await transitionOrder(tx, {
        id: order.id,
        from: ['unknown'],
        to,
        reason: `owner marked ${to}`,
        set: { resolvedBy, nextCheckAt: null, ...(to === 'failed' ? { detail: 'ownerFailed' } : {}) },
      });
      if (!row) return undefined;
      // Wallet mode: success captures the hold, failure gives the credit back (same transaction).
      const credit = await settleOrderCredit(tx, row);
      await notifyResult(tx, row, to === 'success' ? { kind: 'success', credit } : { kind: 'failed', reason: 'ownerFailed', credit });
      return row;
    });
    if (!resolved) return [textMessage(await alreadySettled(order.id))];
    deps.metrics?.orderFinal.inc({ status: resolved.status });
    ctx.logger.info({ ref: resolved.ref, to, by: resolvedBy }, 'owner resolved an unknown order');
    deps.kickOutbox();
    return [textMessage(t(`owner.resolve.${to}`, vars(resolved)))];
  }

  /** Asks the provider again; its answer settles the order through the money path. */
  async function recheck(ctx: GroupEventContext, order: OrderRow): Promise<LineMessage[]> {
    if (order.status !== 'unknown') return [textMessage(await alreadySettled(order.id))];
    if (!order.providerOrderId) return [textMessage(t('owner.recheck.noProviderRef', vars(order)))];
    let after: OrderRow;
    try {
      after = await deps.orders.applyUpdate(order, await deps.provider.update(order.providerOrderId));
    } catch (error) {
      if (!(error instanceof ProviderError)) throw error;
      ctx.logger.warn({ err: error, ref: order.ref }, 'owner re-check: provider did not answer');
      return [textMessage(t('owner.recheck.providerDown', vars(order)))];
    }
    if (after.status === 'success' || after.status === 'failed') return [textMessage(t(`owner.recheck.${after.status}`, vars(after)))];
    if (after.status !== 'unknown') return [textMessage(await alreadySettled(order.id))];
    return [textMessage(t('owner.recheck.stillPending', vars(order)))];
  }

  async function alreadySettled(orderId: string): Promise<string> {
    const current = await findOrder(db, orderId);
    if (!current) return t('owner.resolve.notFound');
    return t('owner.resolve.already', { ...vars(current), state: stateName(t, current.status) });
  }

  return {
    async onGroupEvent(ctx: GroupEventContext): Promise<void> {
      const event = ctx.event;
      switch (event.type) {
        case 'join':
          return onJoin(ctx);
        case 'leave':
          // Removed from the group: nobody there can read alerts any more.
          await unregisterGroup(db, config, ctx.chatId);
          return;
        case 'message': {
          const message = (event as webhook.MessageEvent).message;
          if (message.type === 'text') return onText(ctx, message as webhook.TextMessageContent);
          return;
        }
        case 'postback':
          return onPostback(ctx, (event as webhook.PostbackEvent).postback.data);
        default:
          return;
      }
    },
  };
}

function vars(order: OrderRow) {
  return { ref: order.ref, number: formatMobile(order.number), amount: formatBaht(order.amountSatang) };
}

function stateName(t: T, status: string): string {
  return t(`status.state.${status}`, { defaultValue: status });
}
