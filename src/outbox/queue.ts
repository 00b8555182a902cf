/**
 * Queuing a push, inside the caller's transaction: the news commits with the change it is
 * about, or not at all. One row per logical message (`key`), so whatever queues it twice (a
 * duplicate callback, a second sweep, a re-processed event) queues it once.
 */
import type { DbOrTx } from '../db/client.ts';
import { enqueueMessage, releaseMessages, withdrawMessages } from '../db/queries/outbox.ts';
import type { LineMessage } from '../line/client.ts';

export type PushMessage = LineMessage;

export interface Push {
  /** One logical message: `order:<id>:success`, `event:<webhookEventId>:answer`, … */
  key: string;
  /** A user, group or room id. */
  to: string;
  messages: PushMessage[];
  /** The news is about to go out by reply: the push waits this long as a fallback. */
  holdMs?: number;
}

/** True when the push is new (not queued before under its key). */
export function queuePush(tx: DbOrTx, push: Push): Promise<boolean> {
  return enqueueMessage(tx, { dedupeKey: push.key, to: push.to, messages: push.messages, holdMs: push.holdMs });
}

/** Held pushes under these keys are due now (the reply did not carry their news after all). */
export function releasePushes(tx: DbOrTx, keys: string[]): Promise<void> {
  return releaseMessages(tx, keys);
}

/** The customer got this news by reply: held pushes under these keys must not go out too. */
export function withdrawPushes(tx: DbOrTx, keys: string[]): Promise<void> {
  return withdrawMessages(tx, keys);
}
