/**
 * The owners' side of group chats (plugged into dispatch as its GroupHandler): joining,
 * registration, commands, and the buttons of the order, deposit and group-request cards. In a
 * group that is not an owners' group (a pending one included) the bot only explains how to
 * register or that approval is awaited; ordinary chatter gets silence. Rooms never get owner
 * powers. Answers use the event's reply token (free); alerts go through the outbox elsewhere.
 */
import type { webhook } from '@line/bot-sdk';
import { translator } from '../i18n.ts';
import type { LineMessage } from '../line/client.ts';
import { textMessage } from '../line/messages/text.ts';
import { decodePostback } from '../line/postback.ts';
import type { Logger } from '../log.ts';
import { createOwnerAnswers, type CommandContext } from './answers.ts';
import { DEPOSIT_ACTIONS, GROUP_ACTIONS, LINK_ACTION, OWNER_ACTIONS, ownerChips } from './cards/index.ts';
import { parseOwnerCommand, withoutMentions } from './commands.ts';
import type { OwnerDeps } from './deps.ts';
import { answerGroupDecision, answerRegistration } from './group-answers.ts';
import { decideGroup } from './group-approval.ts';
import { linkOrder, recheckOrder, resolveOrder } from './order-actions.ts';
import { onDepositDecision } from './payments.ts';
import { isOwnerChat, isPendingGroup, registerGroup, unregisterGroup } from './registration.ts';

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
const GROUP_BUTTONS: readonly string[] = Object.values(GROUP_ACTIONS);

export function createOwnerGroupHandler(deps: OwnerDeps) {
  const { db, config } = deps;
  const t = translator('th');
  const paymentDeps = { db, config, logger: deps.logger, outbox: deps.outbox, publicUrl: deps.publicUrl ?? config.payments.publicUrl ?? '' };
  const answer = createOwnerAnswers(deps, paymentDeps, t);
  const say = (text: string) => [textMessage(text, ownerChips(t))];
  const by = (ctx: GroupEventContext) => ctx.userId ?? ctx.chatId;
  const isRoom = (ctx: GroupEventContext) => ctx.event.source?.type === 'room';
  /** The owners' chats: a group in OWNER_GROUP_IDS or approved; never a room. */
  const isOwners = async (ctx: GroupEventContext) => !isRoom(ctx) && (await isOwnerChat(db, config, ctx.chatId));
  /** Why this chat may not use owner powers, in the chat's words. */
  const refusal = async (ctx: GroupEventContext) =>
    t(isRoom(ctx) ? 'owner.room' : (await isPendingGroup(db, ctx.chatId)) ? 'owner.awaitingApproval' : 'owner.notRegistered');

  async function onJoin(ctx: GroupEventContext): Promise<void> {
    if (isRoom(ctx)) return ctx.respond([textMessage(t('owner.room'))]);
    if (await isOwnerChat(db, config, ctx.chatId)) return ctx.respond(say(t('owner.join.registered')));
    if (!config.owner.registerCode) return ctx.respond([textMessage(t('owner.join.noCode', { groupId: ctx.chatId }))]);
    return ctx.respond([textMessage(t('owner.join.howTo'))]);
  }

  async function onText(ctx: GroupEventContext, message: webhook.TextMessageContent): Promise<void> {
    const command = parseOwnerCommand(withoutMentions(message.text, message.mention?.mentionees));
    if (!command) return;
    if (isRoom(ctx)) return ctx.respond([textMessage(t('owner.room'))]);
    if (command.kind === 'register') {
      const outcome = await registerGroup(deps, { groupId: ctx.chatId, userId: ctx.userId, code: command.code });
      ctx.logger.info({ outcome: outcome.kind, by: ctx.userId }, 'owner group registration');
      return ctx.respond(answerRegistration(t, outcome, ctx.chatId));
    }
    if (command.kind === 'unregister') {
      const outcome = await unregisterGroup(deps, { groupId: ctx.chatId, by: ctx.userId, eventId: ctx.event.webhookEventId, removed: false });
      ctx.logger.info({ outcome, by: ctx.userId }, 'owner group unregistration');
      return ctx.respond([textMessage(t(`owner.unregister.${outcome}`))]);
    }
    if (!(await isOwners(ctx))) {
      ctx.logger.info({ command: command.kind }, 'owner command in a group that is not an owners’ group');
      return ctx.respond([textMessage(await refusal(ctx))]);
    }
    const commandContext: CommandContext = { chatId: ctx.chatId, by: by(ctx), eventId: ctx.event.webhookEventId, logger: ctx.logger };
    return ctx.respond(await answer(commandContext, command));
  }

  async function onPostback(ctx: GroupEventContext, data: string): Promise<void> {
    const { action, fields } = decodePostback(data);
    if (![...DEPOSIT_BUTTONS, ...ORDER_BUTTONS, ...GROUP_BUTTONS].includes(action)) return;
    if (!(await isOwners(ctx))) {
      ctx.logger.warn({ action, by: ctx.userId }, 'owner button tapped outside an owners’ group; ignored');
      return ctx.respond([textMessage(await refusal(ctx))]);
    }
    if (GROUP_BUTTONS.includes(action)) {
      const decision = { requestId: Number(fields.request), approve: action === GROUP_ACTIONS.approve, by: by(ctx), inGroup: ctx.chatId };
      const outcome = await decideGroup(deps, decision);
      ctx.logger.info({ outcome: outcome.kind, requestId: fields.request, by: ctx.userId }, 'owners’ group request decided');
      return ctx.respond(answerGroupDecision(t, outcome));
    }
    if (DEPOSIT_BUTTONS.includes(action)) {
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
          if (isRoom(ctx)) return;
          await unregisterGroup(deps, { groupId: ctx.chatId, eventId: event.webhookEventId, removed: true });
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
