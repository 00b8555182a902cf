/**
 * Answering an event exactly once: a reply while its token works (free), otherwise a push
 * through the outbox (stored retry key, so a retry never delivers twice).
 */
import type { webhook } from '@line/bot-sdk';
import type { Db } from '../db/client.ts';
import { LineApiError } from '../line/errors.ts';
import type { LineClient } from '../line/client.ts';
import type { Logger } from '../log.ts';
import type { Outbox } from '../outbox/index.ts';
import type { LineMessage } from './render.ts';

export class AlreadyResponded extends Error {
  override name = 'AlreadyResponded';
}

/** A reply token is good for about a minute; past that, don't spend a call finding out. */
const REPLY_TOKEN_MAX_AGE_MS = 50_000;

export function createResponder(options: {
  event: webhook.Event;
  chatId: string;
  db: Db;
  line: LineClient;
  logger: Logger;
  outbox: Outbox;
}) {
  let responded = false;
  const { event } = options;
  const replyToken = 'replyToken' in event ? event.replyToken : undefined;
  const fresh = Date.now() - event.timestamp < REPLY_TOKEN_MAX_AGE_MS;

  async function viaOutbox(messages: LineMessage[]) {
    await options.outbox.queue(options.db, { key: `event:${event.webhookEventId}:answer`, to: options.chatId, messages });
    options.outbox.kick();
  }

  return {
    get responded() {
      return responded;
    },
    async respond(messages: LineMessage[]): Promise<void> {
      if (responded) throw new AlreadyResponded('this event was already answered');
      responded = true;
      if (messages.length === 0) return;
      if (!replyToken || !fresh) return viaOutbox(messages);
      try {
        await options.line.reply(replyToken, messages);
      } catch (error) {
        // 400 on a reply: the token is used up or expired (e.g. a redelivered event); the
        // customer still deserves the answer. Other errors propagate to the event's retry.
        if (error instanceof LineApiError && error.invalidReplyToken) {
          options.logger.info({ eventId: event.webhookEventId }, 'reply token no longer valid; answering by push');
          return viaOutbox(messages);
        }
        responded = false;
        throw error;
      }
    },
  };
}
