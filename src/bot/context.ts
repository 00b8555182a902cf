/**
 * The one handler shape: every event handler gets a typed context with the event, the
 * customer's language, a translator and `respond`, which answers exactly once.
 */
import type { webhook } from '@line/bot-sdk';
import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import type { Language, T } from '../i18n.ts';
import type { LineClient } from '../line/client.ts';
import type { Logger } from '../log.ts';
import type { Metrics } from '../metrics.ts';
import type { OrderService } from '../orders/service.ts';
import type { Outbox } from '../outbox/index.ts';
import type { Background } from './background.ts';
import type { LineMessage } from './render.ts';
import type { AnswerRecord } from './respond.ts';

export interface BotDeps {
  db: Db;
  line: LineClient;
  config: Config;
  logger: Logger;
  metrics: Metrics;
  /** The money path: every change to an order goes through it. */
  orders: OrderService;
  /** Pushes: answers whose reply failed, alerts for the owners. */
  outbox: Outbox;
  /** Where LINE and customers reach this bot: base of the deposit QR and slip image URLs. */
  publicUrl: string;
  /** Work that outlives its event (the refill after the confirm tap is answered). */
  background: Background;
}

export interface EventContext<E extends webhook.Event = webhook.Event> {
  event: E;
  deps: BotDeps;
  logger: Logger;
  /** The chat to answer in: the user for 1:1 chats, else the group or room. */
  chatId: string;
  userId?: string;
  lang: Language;
  t: T;
  /**
   * Answers the event: by reply while the token is fresh, else by push. Only once. The answer is
   * recorded on the event before the reply goes out; `recorded`: the caller did that already,
   * in its own statement, with `replyRecord`.
   */
  respond(messages: LineMessage[], options?: { recorded?: boolean }): Promise<void>;
  /** What to record on the event with the caller's own write when the answer goes by reply (undefined: by push). */
  replyRecord(messages: LineMessage[]): AnswerRecord | undefined;
  /** True once `respond` was called. */
  readonly responded: boolean;
}
