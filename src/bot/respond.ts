/**
 * Answering an event exactly once: a reply while its token works (free), otherwise a push
 * through the outbox (stored retry key, so a retry never delivers twice). A reply that fails for
 * any reason (5xx, 429, a timeout, a used token) becomes that push at once (DESIGN §5).
 *
 * The answer is recorded on the event before it is sent. An instance that dies between the two
 * leaves an event that is handled again (`finishAnswer`): the same answer, with the same reply
 * token, which LINE refuses if the first one arrived. So a crash costs neither the answer nor a
 * second copy of it.
 */
import { setTimeout } from 'node:timers/promises';
import type { webhook } from '@line/bot-sdk';
import type { Db } from '../db/client.ts';
import { recordWebhookEventAnswer } from '../db/queries/inbox.ts';
import { findMessage } from '../db/queries/outbox.ts';
import type { WebhookEventRow } from '../db/schema.ts';
import { isLineError, LineApiError } from '../line/errors.ts';
import type { LineClient } from '../line/client.ts';
import type { Logger } from '../log.ts';
import type { Outbox } from '../outbox/index.ts';
import type { LineMessage } from './render.ts';

export class AlreadyResponded extends Error {
  override name = 'AlreadyResponded';
}

/** A reply token is good for about a minute; past that, don't spend a call finding out. */
const REPLY_TOKEN_MAX_AGE_MS = 50_000;

/** How long a resumed reply waits before asking LINE again, try by try. */
const RESUME_RETRY_MS = [250, 1000, 3000];

/** The push that stands in for an event's reply: one per event, whoever queues it. */
export function answerKey(eventId: string): string {
  return `event:${eventId}:answer`;
}

export interface AnswerRecord {
  eventId: string;
  messages: LineMessage[];
}

interface AnswerDeps {
  db: Db;
  line: LineClient;
  logger: Logger;
  outbox: Outbox;
}

export function createResponder(options: AnswerDeps & { event: webhook.Event; chatId: string }) {
  let responded = false;
  const { event, db } = options;
  const replyToken = 'replyToken' in event ? event.replyToken : undefined;
  const fresh = Date.now() - event.timestamp < REPLY_TOKEN_MAX_AGE_MS;

  return {
    get responded() {
      return responded;
    },
    /**
     * The answer as it is recorded on the event before a reply, for a caller that records it in
     * a statement of its own (then `respond(messages, { recorded: true })`); undefined when the
     * answer will go by push, which records itself.
     */
    replyRecord(messages: LineMessage[]): AnswerRecord | undefined {
      return replyToken && fresh && messages.length > 0 ? { eventId: event.webhookEventId, messages } : undefined;
    },
    async respond(messages: LineMessage[], opts: { recorded?: boolean } = {}): Promise<void> {
      if (responded) throw new AlreadyResponded('this event was already answered');
      responded = true;
      if (messages.length === 0) return;
      if (!replyToken || !fresh) return answerByPush(options, { eventId: event.webhookEventId, chatId: options.chatId, messages });
      if (!opts.recorded) await recordWebhookEventAnswer(db, { id: event.webhookEventId, messages });
      await reply(options, { eventId: event.webhookEventId, chatId: options.chatId, replyToken, messages });
    },
  };
}

/** A reply, and its push when the reply fails. */
async function reply(deps: AnswerDeps, answer: { eventId: string; chatId: string; replyToken: string; messages: LineMessage[] }): Promise<void> {
  try {
    await deps.line.reply(answer.replyToken, answer.messages);
  } catch (error) {
    // LINE down or busy, no answer in time: the customer still deserves the answer, now. (A reply
    // that timed out may have arrived after all; a rare second copy is better than silence.)
    deps.logger.warn({ err: error, eventId: answer.eventId }, 'reply failed; answering by push');
    await answerByPush(deps, answer);
  }
}

async function answerByPush(deps: AnswerDeps, answer: { eventId: string; chatId: string; messages: LineMessage[] }): Promise<void> {
  await deps.db.transaction(async (tx) => {
    await deps.outbox.queue(tx, { key: answerKey(answer.eventId), to: answer.chatId, messages: answer.messages });
    await recordWebhookEventAnswer(tx, { id: answer.eventId });
  });
  deps.outbox.kick();
}

/**
 * An event answered (or about to be) by an instance that then died: finish that answer. Its
 * push is queued already, or the reply is sent again with the same token: LINE refuses a token
 * used before, which means the first reply arrived. A push stands in only when LINE will not say
 * (a 4xx other than that, or still failing after a few tries, or the token too old to ask).
 */
export async function finishAnswer(deps: AnswerDeps, row: WebhookEventRow): Promise<void> {
  if (await findMessage(deps.db, answerKey(row.id))) return;
  const event = row.payload as webhook.Event;
  const messages = row.answer as LineMessage[] | null;
  const replyToken = 'replyToken' in event ? event.replyToken : undefined;
  const chatId = row.sourceId ?? undefined;
  if (!messages || !replyToken || !chatId) return;
  if (Date.now() - event.timestamp >= REPLY_TOKEN_MAX_AGE_MS) {
    // Too late to ask LINE: whether the reply arrived cannot be known. Send it again by push.
    deps.logger.warn({ eventId: row.id }, 'an answer interrupted by a crash is sent again by push');
    return answerByPush(deps, { eventId: row.id, chatId, messages });
  }
  for (let attempt = 0; ; attempt++) {
    try {
      await deps.line.reply(replyToken, messages);
      return;
    } catch (error) {
      if (error instanceof LineApiError && error.invalidReplyToken) return; // the first reply arrived
      // Only LINE's answer to this token says whether the first reply arrived: while it is busy
      // or failing, ask again (the token still lives) rather than risk a second copy by push.
      const wait = RESUME_RETRY_MS[attempt];
      const retryable = isLineError(error) && error.isRetryable;
      if (wait === undefined || !retryable || Date.now() + wait - event.timestamp >= REPLY_TOKEN_MAX_AGE_MS) {
        deps.logger.warn({ err: error, eventId: row.id }, 'reply failed; answering by push');
        return answerByPush(deps, { eventId: row.id, chatId, messages });
      }
      await setTimeout(Math.max(wait, error instanceof LineApiError ? (error.retryAfterMs ?? 0) : 0));
    }
  }
}
