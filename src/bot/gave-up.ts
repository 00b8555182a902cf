/**
 * An event the bot could not handle after every attempt (DESIGN §5: never dropped silently):
 * the owners get an alert with who wrote and what, and the customer, if not answered yet, a
 * kind apology asking them to send it again.
 */
import type { webhook } from '@line/bot-sdk';
import { findCustomer } from '../db/queries/customers.ts';
import type { WebhookEventRow } from '../db/schema.ts';
import { toLanguage, translator } from '../i18n.ts';
import { textMessage } from '../line/messages/text.ts';
import { unansweredEventAlert } from '../owner/index.ts';
import type { BotDeps } from './context.ts';
import { answerKey } from './respond.ts';

export async function reportAbandonedEvent(deps: Pick<BotDeps, 'db' | 'outbox'>, row: WebhookEventRow): Promise<void> {
  const event = row.payload as webhook.Event;
  const userId = event.source && 'userId' in event.source ? event.source.userId : undefined;
  const text = event.type === 'message' && (event as webhook.MessageEvent).message.type === 'text'
    ? ((event as webhook.MessageEvent).message as webhook.TextMessageContent).text
    : undefined;
  const language = userId ? (await findCustomer(deps.db, userId))?.language : undefined;
  await deps.db.transaction(async (tx) => {
    await deps.outbox.alertOwners(tx, {
      dedupeKey: `event:${row.id}:gave-up`,
      kind: 'event_gave_up',
      payload: { eventId: row.id, type: row.type, userId: userId ?? null, error: row.lastError },
      messages: [unansweredEventAlert({ userId, chatId: row.sourceId ?? undefined, type: row.type, text, receivedAt: row.receivedAt })],
    });
    // A 1:1 chat not answered yet: say sorry and ask again (one push per event, whoever queues it).
    if (userId && event.source?.type === 'user' && !row.answeredAt) {
      const t = translator(toLanguage(language));
      await deps.outbox.queue(tx, { key: answerKey(row.id), to: userId, messages: [textMessage(t('gaveUp.customer'))] });
    }
  });
  deps.outbox.kick();
}
