/**
 * An end-to-end harness: the real bot over real HTTP, with the provider simulator and the
 * LINE stand-in as the outside world, on PGlite or PostgreSQL.
 *
 * Every reply and push the bot sends is validated against LINE's OpenAPI schemas and limits
 * when the harness stops (`expectAllPayloadsValid`).
 */
import { createHmac, randomUUID } from 'node:crypto';
import { and, eq, inArray, isNull, lte, sql } from 'drizzle-orm';
import { orders as ordersTable, outbox, webhookEvents } from '../../src/db/schema.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Clock } from '../../src/clock.ts';
import { loadConfig, type Config } from '../../src/config.ts';
import { createLineStandin, type LineStandin } from '../../src/demo/line-standin/index.ts';
import { createLogger } from '../../src/log.ts';
import { createSimulator, type Simulator } from '../../src/demo/simulator/index.ts';
import { startBot, type RunningBot } from '../../src/start.ts';
import { freePort } from './child-bot.ts';
import { createTestDatabase, type Driver, type TestDatabase } from './db.ts';
import { validatePushRequest, validateReplyRequest } from './line-schema.ts';

export const CHANNEL_SECRET = 'test-channel-secret';
export const CALLBACK_SECRET = 'test-callback-secret-123';

export interface Harness {
  bot: RunningBot;
  config: Config;
  simulator: Simulator;
  line: LineStandin;
  /** The bot's own database (the same one it uses, whichever driver). */
  readonly db: RunningBot['database']['db'];
  /** Sends a signed webhook body; returns the HTTP status. */
  post(events: unknown[], options?: { signature?: string; rawBody?: string }): Promise<Response>;
  /** `sentAt`: when LINE says the customer sent it (default now; earlier for a late delivery). */
  text(userId: string, text: string, options?: { eventId?: string; redelivery?: boolean; sentAt?: number }): Promise<LineEvent>;
  postback(userId: string, data: string, options?: { eventId?: string }): Promise<LineEvent>;
  /** Messages delivered to a chat (replies and pushes), in order. */
  delivered(chatId: string): DeliveredMessage[];
  /** Waits until `predicate` holds for the chat's messages. */
  waitFor(chatId: string, predicate: (messages: DeliveredMessage[]) => boolean, timeoutMs?: number): Promise<DeliveredMessage[]>;
  /**
   * Waits until the bot has nothing left to do for now: the provider's callbacks answered, every
   * stored webhook event processed, no push due or being sent, no order confirmed but unsent.
   * "Nothing more happened" is asserted after this, never after a fixed sleep.
   */
  quiet(timeoutMs?: number): Promise<void>;
  /** Every reply/push body the bot sent that failed LINE's schema or limits. */
  invalidPayloads(): string[];
  stop(): Promise<void>;
  restart(): Promise<void>;
}

export interface DeliveredMessage {
  via: 'reply' | 'push';
  to: string;
  message: { type: string } & Record<string, unknown>;
}

export interface LineEvent {
  webhookEventId: string;
  replyToken: string;
  status: number;
}

export function sign(body: string, secret = CHANNEL_SECRET): string {
  return createHmac('sha256', secret).update(body).digest('base64');
}

/** POSTs a signed webhook body to a running bot. */
export function postWebhook(
  baseUrl: string,
  events: unknown[],
  opts: { signature?: string; rawBody?: string } = {},
): Promise<Response> {
  const body = opts.rawBody ?? JSON.stringify({ destination: 'Ubot', events });
  return fetch(`${baseUrl}/webhook`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-line-signature': opts.signature ?? sign(body) },
    body,
  });
}

/** A new id in LINE's webhookEventId shape. */
export const newWebhookEventId = () => `E${randomUUID().replaceAll('-', '').toUpperCase()}`;

/** Sends one event from a 1:1 chat, with a reply token the stand-in ties to that chat. */
export async function sendUserEvent(
  baseUrl: string,
  line: LineStandin,
  userId: string,
  event: Record<string, unknown>,
  opts: { eventId?: string; redelivery?: boolean; sentAt?: number; replyToken?: string } = {},
): Promise<LineEvent> {
  const webhookEventId = opts.eventId ?? newWebhookEventId();
  const replyToken = opts.replyToken ?? line.issueReplyToken(userId);
  const response = await postWebhook(baseUrl, [
    {
      ...event,
      mode: 'active',
      timestamp: opts.sentAt ?? Date.now(),
      webhookEventId,
      deliveryContext: { isRedelivery: opts.redelivery ?? false },
      source: { type: 'user', userId },
      replyToken,
    },
  ]);
  return { webhookEventId, replyToken, status: response.status };
}

export const textEvent = (text: string) => ({ type: 'message', message: { id: randomUUID(), type: 'text', text, quoteToken: 'q' } });
export const postbackEvent = (data: string) => ({ type: 'postback', postback: { data } });

/**
 * Messages the stand-in delivered to a chat (replies and pushes), in order: what the person in
 * the chat sees, including a push whose answer was lost after delivery (`deliverThenFailNext`).
 */
export function deliveredTo(line: LineStandin, chatId: string): DeliveredMessage[] {
  const replies = new Map(line.replies().map((r) => [r.requestId, r]));
  const pushes = new Map(line.pushes().map((p) => [p.requestId, p]));
  const out: DeliveredMessage[] = [];
  for (const call of line.calls) {
    const push = pushes.get(call.requestId);
    if (push?.to === chatId) for (const message of push.messages) out.push({ via: 'push', to: chatId, message });
    const reply = replies.get(call.requestId);
    if (reply?.to === chatId) for (const message of reply.messages) out.push({ via: 'reply', to: chatId, message });
  }
  return out;
}

/** Polls until `predicate` holds. */
export async function eventually<T>(read: () => T | Promise<T>, predicate: (value: T) => boolean, timeoutMs = 8000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (predicate(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last value:\n${JSON.stringify(value, null, 1)?.slice(0, 3000)}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export async function startHarness(
  driver: Driver,
  options: {
    env?: Record<string, string>;
    settleAfterMs?: number;
    sweepIntervalMs?: number;
    /** `'manual'`: no worker runs on a timer; the test steps them with `h.bot.tick(…)`. */
    workers?: 'timed' | 'manual';
    /** The calendar the owners' summaries read (default the system clock). */
    clock?: Clock;
  } = {},
): Promise<Harness> {
  // PostgreSQL: a fresh database per harness; PGlite: the bot's own files in a temp folder.
  const database: TestDatabase | undefined = driver === 'postgres' ? await createTestDatabase(driver) : undefined;
  const botPort = await freePort();
  const simulator = createSimulator({
    username: 'shop',
    password: 'shop-password',
    settleAfterMs: options.settleAfterMs ?? 300,
    callbackUrl: `http://127.0.0.1:${botPort}/topup/callback/${CALLBACK_SECRET}`,
  });
  const simulatorUrl = await simulator.listen();
  const line = createLineStandin({ channelAccessToken: 'test-access-token' });
  const lineOrigin = await line.listen();
  const dataDir = driver === 'pglite' ? mkdtempSync(join(tmpdir(), 'topup-e2e-')) : undefined;

  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: String(botPort),
    ...(database?.url ? { DATABASE_URL: database.url } : { DATA_DIR: dataDir }),
    LINE_CHANNEL_SECRET: CHANNEL_SECRET,
    LINE_CHANNEL_ACCESS_TOKEN: 'test-access-token',
    LINE_API_BASE_URL: lineOrigin,
    LINE_DATA_API_BASE_URL: lineOrigin,
    TOPUP_API_URL: simulatorUrl,
    TOPUP_USERNAME: 'shop',
    TOPUP_PASSWORD: 'shop-password',
    TOPUP_CALLBACK_SECRET: CALLBACK_SECRET,
    TOPUP_TIMEOUT_MS: '1500',
    TOPUP_CONNECT_TIMEOUT_MS: '500',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    // Most tests are about the order path itself; payment tests choose wallet or trusted.
    PAYMENT_MODE: 'open',
    ...options.env,
  });
  const logger = createLogger({ level: config.logLevel });
  const start = () =>
    startBot(config, {
      logger,
      sweepIntervalMs: options.sweepIntervalMs ?? 100,
      workers: options.workers === 'manual' ? 'manual' : true,
      ...(options.clock ? { clock: options.clock } : {}),
    });
  let bot = await start();

  const post = (events: unknown[], opts: { signature?: string; rawBody?: string } = {}) => postWebhook(bot.url, events, opts);
  const send = (userId: string, event: Record<string, unknown>, eventId?: string, redelivery = false, sentAt?: number) =>
    sendUserEvent(bot.url, line, userId, event, { eventId, redelivery, sentAt });
  const delivered = (chatId: string) => deliveredTo(line, chatId);

  const harness: Harness = {
    get bot() {
      return bot;
    },
    config,
    simulator,
    line,
    get db() {
      return bot.database.db;
    },
    post,
    text: (userId, text, o = {}) => send(userId, textEvent(text), o.eventId, o.redelivery, o.sentAt),
    postback: (userId, data, o = {}) => send(userId, postbackEvent(data), o.eventId),
    delivered,
    waitFor: (chatId, predicate, timeoutMs = 8000) => waitForMessages(line, chatId, predicate, timeoutMs),
    async quiet(timeoutMs = 8000) {
      const settled = async () => {
        // The provider's callbacks in flight are answered once the bot has acted on them, and an
        // outbox round runs after the one in progress: a push being sent is sent by then.
        await simulator.callbacksIdle();
        await bot.tick('outbox');
        return busyCounts(bot.database.db);
      };
      await eventually(settled, (c) => c.events + c.pushes + c.orders === 0, timeoutMs, 'the bot to be idle');
    },
    invalidPayloads() {
      const problems: string[] = [];
      for (const call of line.calls) {
        const validate =
          call.path === '/v2/bot/message/reply' ? validateReplyRequest : call.path === '/v2/bot/message/push' ? validatePushRequest : undefined;
        if (!validate) continue;
        const result = validate(call.body);
        if (!result.ok) problems.push(`${call.path}: ${result.errors.join('; ')}\n${JSON.stringify(call.body)}`);
      }
      return problems;
    },
    async stop() {
      await bot.close();
      await simulator.close();
      await line.close();
      await database?.close();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
    async restart() {
      await bot.close();
      bot = await start();
    },
  };
  return harness;
}

/**
 * For bots in other processes: waits until a database shows every event processed, every push
 * settled (sent, withdrawn or failed for good) and every order final or unknown.
 */
export async function settledIn(db: RunningBot['database']['db'], timeoutMs = 30_000): Promise<void> {
  const count = sql<number>`count(*)::int`;
  const open = async () => {
    const [[events], [pushes], [orders]] = await Promise.all([
      db.select({ n: count }).from(webhookEvents).where(and(isNull(webhookEvents.processedAt), isNull(webhookEvents.gaveUpAt))),
      db.select({ n: count }).from(outbox).where(eq(outbox.status, 'pending')),
      db.select({ n: count }).from(ordersTable).where(inArray(ordersTable.status, ['confirmed', 'submitting', 'pending', 'cancel_requested'])),
    ]);
    return { events: Number(events?.n ?? 0), pushes: Number(pushes?.n ?? 0), orders: Number(orders?.n ?? 0) };
  };
  await eventually(open, (c) => c.events + c.pushes + c.orders === 0, timeoutMs, 'the database to settle');
}

/** Work the bot still has: unprocessed events, pushes due now, confirmed orders not yet sent. */
async function busyCounts(db: RunningBot['database']['db']): Promise<{ events: number; pushes: number; orders: number }> {
  const count = sql<number>`count(*)::int`;
  const [[events], [pushes], [orders]] = await Promise.all([
    db.select({ n: count }).from(webhookEvents).where(and(isNull(webhookEvents.processedAt), isNull(webhookEvents.gaveUpAt))),
    db.select({ n: count }).from(outbox).where(and(eq(outbox.status, 'pending'), lte(outbox.nextAttemptAt, sql`now()`))),
    db.select({ n: count }).from(ordersTable).where(inArray(ordersTable.status, ['confirmed', 'submitting'])),
  ]);
  return { events: Number(events?.n ?? 0), pushes: Number(pushes?.n ?? 0), orders: Number(orders?.n ?? 0) };
}

export async function waitForMessages(
  line: LineStandin,
  chatId: string,
  predicate: (messages: DeliveredMessage[]) => boolean,
  timeoutMs = 8000,
): Promise<DeliveredMessage[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const messages = deliveredTo(line, chatId);
    if (predicate(messages)) return messages;
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for messages to ${chatId}; got:\n${JSON.stringify(messages.map(describe), null, 1)}`);
    }
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** A short, readable form of a message for assertions and failure output. */
export function describe(m: DeliveredMessage | DeliveredMessage['message']): string {
  const message = 'message' in m && typeof m.message === 'object' ? (m as DeliveredMessage).message : (m as DeliveredMessage['message']);
  if (message.type === 'text') return `text: ${message.text as string}`;
  if (message.type === 'flex') return `flex: ${message.altText as string}`;
  return message.type;
}

/** All text in a message, including inside Flex, for "the customer can read X" assertions. */
export function textOf(message: DeliveredMessage['message']): string {
  const parts: string[] = [];
  const walk = (node: unknown) => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(walk);
    for (const [key, value] of Object.entries(node)) {
      if ((key === 'text' || key === 'altText' || key === 'label') && typeof value === 'string') parts.push(value);
      else walk(value);
    }
  };
  walk(message);
  return parts.join(' | ');
}

/** Postback data of the button labelled `label` in a Flex message. */
export function buttonData(message: DeliveredMessage['message'], label: string): string | undefined {
  let found: string | undefined;
  const walk = (node: unknown) => {
    if (found || !node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(walk);
    const n = node as Record<string, unknown>;
    const action = n.action as { type?: string; label?: string; data?: string } | undefined;
    if (n.type === 'button' && action?.type === 'postback' && action.label === label) found = action.data;
    else Object.values(n).forEach(walk);
  };
  walk(message);
  return found;
}
