/**
 * The owners' side of group chats (plugged into dispatch as its GroupHandler): joining,
 * registration, commands, and the buttons of the order and deposit cards. In a group that is
 * not an owners' group the bot only explains how to register; ordinary chatter gets silence.
 * Answers use the event's reply token (free); alerts go through the outbox elsewhere.
 */
import type { webhook } from '@line/bot-sdk';
import { translator } from '../i18n.ts';
import type { LineMessage } from '../line/client.ts';
import { textMessage } from '../line/messages/text.ts';
import { decodePostback } from '../line/postback.ts';
import type { Logger } from '../log.ts';
import { createOwnerAnswers, type CommandContext } from './answers.ts';
import { DEPOSIT_ACTIONS, LINK_ACTION, OWNER_ACTIONS, ownerChips } from './cards/index.ts';
import { parseOwnerCommand, withoutMentions } from './commands.ts';
import type { OwnerDeps } from './deps.ts';
import { linkOrder, recheckOrder, resolveOrder } from './order-actions.ts';
import { onDepositDecision } from './payments.ts';
import { isOwnerChat, registerGroup, unregisterGroup } from './registration.ts';

export type { OwnerDeps } from './deps.ts';

/** What the handler needs of dispatch's EventContext (owner/ does not import bot/). */
export interface GroupEventContext {
  event: webhook.Event;
  chatId: string;
  userId?: string;
  logger: Logger;
  respond(messages: LineMessage[]): Promise<void>;
}

const DEPOSIT_BUTTONS: readonly string[] = Object.values(DEPOSIT_ACTIONS);
const ORDER_BUTTONS: readonly string[] = [...Object.values(OWNER_ACTIONS), LINK_ACTION];

export function createOwnerGroupHandler(deps: OwnerDeps) {
  const { db, config } = deps;
  const t = translator('th');
  const paymentDeps = { db, config, logger: deps.logger, outbox: deps.outbox, publicUrl: deps.publicUrl ?? config.payments.publicUrl ?? '' };
  const answer = createOwnerAnswers(deps, paymentDeps, t);
  const say = (text: string) => [textMessage(text, ownerChips(t))];
  const by = (ctx: GroupEventContext) => ctx.userId ?? ctx.chatId;

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
    const commandContext: CommandContext = { chatId: ctx.chatId, by: by(ctx), eventId: ctx.event.webhookEventId, logger: ctx.logger };
    return ctx.respond(await answer(commandContext, command));
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

  async function onPostback(ctx: GroupEventContext, data: string): Promise<void> {
    const { action, fields } = decodePostback(data);
    const isDeposit = DEPOSIT_BUTTONS.includes(action);
    if (!isDeposit && !ORDER_BUTTONS.includes(action)) return;
    if (!(await isOwnerChat(db, config, ctx.chatId))) {
      ctx.logger.warn({ action, by: ctx.userId }, 'owner button tapped in a group that is not registered; ignored');
      return ctx.respond([textMessage(t('owner.notRegistered'))]);
    }
    if (isDeposit) {
      const request = { depositId: fields.deposit ?? '', approve: action === DEPOSIT_ACTIONS.approve, by: by(ctx), logger: ctx.logger };
      return ctx.respond(await onDepositDecision(paymentDeps, t, request));
    }
    const orderId = fields.order ?? '';
    if (action === OWNER_ACTIONS.recheck) return ctx.respond(await recheckOrder(deps.orders, t, orderId, ctx.logger));
    if (action === LINK_ACTION) {
      return ctx.respond(await linkOrder(deps.orders, t, { orderId, providerOrderId: fields.porder ?? '', ownerId: by(ctx) }));
    }
    const to = action === OWNER_ACTIONS.success ? 'success' : 'failed';
    return ctx.respond(await resolveOrder(deps.orders, t, { orderId, to, ownerId: by(ctx), sure: fields.sure === '1' }));
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
