/**
 * Answering an event exactly once: a reply while its token works (free), otherwise a push
 * through the outbox (stored retry key, so a retry never delivers twice). A reply that fails for
 * any reason (5xx, 429, a timeout, a used token) becomes that push at once (DESIGN §5): the
 * customer hears within seconds and the event is not handled again for it. Once answered, the
 * event is marked so: handling it again after a crash does not answer twice.
 */
import type { webhook } from '@line/bot-sdk';
import type { Db } from '../db/client.ts';
import { markWebhookEventAnswered } from '../db/queries/inbox.ts';
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

/** The push that stands in for an event's reply: one per event, whoever queues it. */
export function answerKey(eventId: string): string {
  return `event:${eventId}:answer`;
}

export function createResponder(options: {
  event: webhook.Event;
  chatId: string;
  db: Db;
  line: LineClient;
  logger: Logger;
  outbox: Outbox;
}) {
  let responded = false;
  const { event, db } = options;
  const replyToken = 'replyToken' in event ? event.replyToken : undefined;
  const fresh = Date.now() - event.timestamp < REPLY_TOKEN_MAX_AGE_MS;

  async function viaOutbox(messages: LineMessage[]) {
    await db.transaction(async (tx) => {
      await options.outbox.queue(tx, { key: answerKey(event.webhookEventId), to: options.chatId, messages });
      await markWebhookEventAnswered(tx, event.webhookEventId);
    });
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
        // A used or expired token (a redelivered event), LINE down or busy, no answer in time: the
        // customer still deserves the answer, now. (A reply that timed out may have arrived after
        // all; a rare second copy is better than silence.)
        const why = error instanceof LineApiError && error.invalidReplyToken ? 'reply token no longer valid' : 'reply failed';
        options.logger.warn({ err: error, eventId: event.webhookEventId }, `${why}; answering by push`);
        return viaOutbox(messages);
      }
      await markWebhookEventAnswered(db, event.webhookEventId);
    },
  };
}
