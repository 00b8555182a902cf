/**
 * Routes one stored webhook event to its handler by `event.type` and chat kind, building the
 * typed context first. Handlers return early and answer at most once.
 */
import type { webhook } from '@line/bot-sdk';
import { translator, type Language } from '../i18n.ts';
import { textMessage } from '../line/messages/text.ts';
import type { BotDeps, EventContext } from './context.ts';
import { onCustomerText } from './customer.ts';
import { customerLanguage } from './language.ts';
import { onCustomerPostback } from './postback.ts';
import { helpChips } from './render.ts';
import { createResponder } from './respond.ts';
import { onCustomerImage, withWalletHelp } from './wallet.ts';

/** Group-side handling (the owners' module) plugs in here. */
export interface GroupHandler {
  onGroupEvent(ctx: EventContext): Promise<void>;
}

export async function dispatchEvent(
  deps: BotDeps & { groups?: GroupHandler },
  event: webhook.Event,
): Promise<void> {
  const source = event.source;
  if (!source) return;
  const userId = 'userId' in source ? source.userId : undefined;
  const chatId = source.type === 'group' ? source.groupId : source.type === 'room' ? source.roomId : userId;
  if (!chatId) return;

  const lang: Language =
    source.type === 'user' && userId ? await customerLanguage({ db: deps.db, line: deps.line, logger: deps.logger, userId }) : 'th';
  const responder = createResponder({ event, chatId, db: deps.db, line: deps.line, logger: deps.logger, outbox: deps.outbox });
  let logger: EventContext['logger'] | undefined;
  const ctx: EventContext = {
    event,
    deps,
    // Made when something is logged: most events log nothing, and a child logger is not free.
    get logger() {
      return (logger ??= deps.logger.child({ eventId: event.webhookEventId, type: event.type }));
    },
    chatId,
    userId,
    lang,
    t: translator(lang),
    respond: responder.respond,
    replyRecord: responder.replyRecord,
    get responded() {
      return responder.responded;
    },
  };

  if (source.type !== 'user') {
    // Groups and rooms: only the owners' module speaks there; everyone else gets silence.
    return deps.groups?.onGroupEvent(ctx);
  }

  switch (event.type) {
    case 'follow':
      return ctx.respond([withWalletHelp(ctx, textMessage(ctx.t('welcome'), helpChips(ctx.t)))]);
    case 'message': {
      const message = (event as webhook.MessageEvent).message;
      if (message.type === 'text') return onCustomerText(ctx as EventContext<webhook.MessageEvent>, message.text);
      // A photo may be the transfer slip of a deposit (wallet mode).
      if (message.type === 'image') return onCustomerImage(ctx, message as webhook.ImageMessageContent);
      // A sticker or anything else: answer kindly with how to order.
      return ctx.respond([withWalletHelp(ctx, textMessage(ctx.t('help'), helpChips(ctx.t)))]);
    }
    case 'postback':
      return onCustomerPostback(ctx as EventContext<webhook.PostbackEvent>);
    default:
      return;
  }
}
