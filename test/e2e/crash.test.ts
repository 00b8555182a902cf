/**
 * Crashes: the bot runs as a child process (as `npm start` runs it) and is killed with
 * SIGKILL at chosen points of the money path, then restarted. The simulator's refill count
 * is the ground truth: never a second refill, and every order ends final or `unknown`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/db/client.ts';
import { orders, outbox, webhookEvents } from '../../src/db/schema.ts';
import { eq } from 'drizzle-orm';
import { createLineStandin, type LineStandin } from '../../src/demo/line-standin/index.ts';
import { createSimulator, type SimOrder, type Simulator } from '../../src/demo/simulator/index.ts';
import { childBot, freePort, outsideWorldEnv, type ChildBot } from '../support/child-bot.ts';
import { createTestDatabase, drivers, type TestDatabase } from '../support/db.ts';
import { orderServiceFor } from '../support/orders.ts';
import { loadConfig } from '../../src/config.ts';
import {
  buttonData,
  CALLBACK_SECRET,
  CHANNEL_SECRET,
  deliveredTo,
  eventually,
  postbackEvent,
  sendUserEvent,
  textEvent,
  textOf,
  waitForMessages,
} from '../support/harness.ts';

describe.each(drivers())('crash recovery on %s', (driver) => {
  let simulator: Simulator;
  let line: LineStandin;
  let bot: ChildBot;
  let pg: TestDatabase | undefined;
  let dataDir: string | undefined;
  let n = 0;
  const nextUser = () => `Ucrash${driver}${++n}${Date.now()}`;

  beforeAll(async () => {
    const port = await freePort();
    simulator = createSimulator({
      username: 'shop',
      password: 'pw-secret',
      settleAfterMs: Infinity,
      callbackUrl: `http://127.0.0.1:${port}/topup/callback/${CALLBACK_SECRET}`,
    });
    const simulatorUrl = await simulator.listen();
    line = createLineStandin();
    const lineOrigin = await line.listen();
    if (driver === 'postgres') pg = await createTestDatabase('postgres');
    else dataDir = mkdtempSync(join(tmpdir(), 'topup-crash-'));
    bot = childBot(
      {
        ...(pg?.url ? { DATABASE_URL: pg.url } : { DATA_DIR: dataDir! }),
        ...outsideWorldEnv({ lineOrigin, simulatorUrl, channelSecret: CHANNEL_SECRET, callbackSecret: CALLBACK_SECRET }),
        TOPUP_TIMEOUT_MS: '1500',
        LOG_LEVEL: 'warn',
      },
      port,
    );
    await bot.start();
  }, 60_000);

  /**
   * The tap is answered before the refill goes out: waits until the bot holds the provider's
   * ORDERID, as the customer sees it (เช็คสถานะ says กำลังเติม, not กำลังส่ง), and returns the
   * simulator's order for `number`.
   */
  async function untilPending(u: string, number: string): Promise<SimOrder> {
    await eventually(
      async () => {
        const before = deliveredTo(line, u).length;
        await sendUserEvent(bot.url, line, u, textEvent('เช็คสถานะ'));
        return textOf((await waitForMessages(line, u, (m) => m.length > before)).at(-1)!.message);
      },
      (status) => status.includes('กำลังเติม'),
      15_000,
      'the order to be pending',
    );
    return [...simulator.state.orders.values()].filter((o) => o.number === number && o.status === 'pending').at(-1)!;
  }

  // A test that failed between a kill and its restart must not take the next ones with it.
  afterEach(async () => {
    if (!bot.running()) await bot.start();
  }, 60_000);

  afterAll(async () => {
    await bot.stop();
    await simulator.close();
    await line.close();
    await pg?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  /** Reads orders through a short-lived connection (PGlite only while the bot is down). */
  async function withDb<T>(fn: (db: Database['db']) => Promise<T>): Promise<T> {
    const database = await openDatabase({ url: pg?.url, dataDir });
    try {
      return await fn(database.db);
    } finally {
      await database.close();
    }
  }

  async function draft(u: string, text: string): Promise<string> {
    await sendUserEvent(bot.url, line, u, textEvent(text));
    const [card] = await waitForMessages(line, u, (m) => m.length === 1);
    return buttonData(card!.message, 'ยืนยัน')!;
  }

  it('killed while the refill is in flight: restarted, the order becomes unknown and is never resent', async () => {
    const u = nextUser();
    const data = await draft(u, 'เติม 50 0812345678 ais');
    const refills = simulator.refillCount();
    // The provider takes the refill but never answers: the bot sits in `submitting`.
    simulator.setFault('hang', { times: 1, kinds: ['refill'] });
    void sendUserEvent(bot.url, line, u, postbackEvent(data));
    await eventually(() => simulator.refillCount(), (c) => c === refills + 1, 5000, 'the refill to reach the provider');
    await bot.kill();
    simulator.clearFault();
    await bot.start();
    // Past the provider timeout plus a margin, the sweep gives up on the in-flight refill.
    const messages = await waitForMessages(line, u, (m) => m.some((x) => textOf(x.message).includes('ไม่แน่ใจ')), 20_000);
    expect(messages.filter((x) => x.via === 'push')).toHaveLength(1);
    // A graceful stop finishes whatever the bot had in hand; then nothing more can happen.
    await bot.stop();
    expect(simulator.refillCount()).toBe(refills + 1);
    expect(await withDb(async (db) => (await db.select().from(orders).where(eq(orders.userId, u)))[0]!.status)).toBe('unknown');
    await bot.start();
  }, 40_000);

  it('killed while the order is pending: restarted, the result is still delivered, once', async () => {
    const u = nextUser();
    const data = await draft(u, 'เติม 100 0891234567 ทรู');
    await sendUserEvent(bot.url, line, u, postbackEvent(data));
    await waitForMessages(line, u, (m) => m.some((x) => textOf(x.message).includes('รับรายการแล้ว')));
    const pendingOrder = await untilPending(u, '0891234567');
    await bot.kill();
    // The provider finishes while we are down; its callback finds nobody home.
    simulator.settle(pendingOrder.orderId, 'success');
    await simulator.callbacksIdle();
    await bot.start();
    const messages = await waitForMessages(line, u, (m) => m.some((x) => x.via === 'push'), 20_000);
    expect(textOf(messages.find((x) => x.via === 'push')!.message)).toContain('สำเร็จ');
    await bot.stop();
    expect(deliveredTo(line, u).filter((x) => x.via === 'push')).toHaveLength(1);
    const rows = await withDb((db) => db.select().from(outbox).where(eq(outbox.to, u)));
    expect(rows.map((r) => [r.dedupeKey.split(':').at(-1), r.status])).toEqual([['success', 'sent']]);
    await bot.start();
  }, 40_000);

  it('a confirmed order that was never sent (crash before submit) is sent once after restart', async () => {
    const u = nextUser();
    await bot.kill();
    const id = await withDb(async (db) => {
      const service = orderServiceFor(db, { config: loadConfig({ PAYMENT_MODE: 'open' }) });
      const order = await service.createDraft({ userId: u, chatId: u, number: '0812345678', network: 'DTAC', amountSatang: 2000, language: 'th' });
      expect((await service.confirm({ orderId: order.id, token: order.confirmToken, chatId: u, userId: u })).kind).toBe('confirmed');
      // As if confirmed a while ago, before the crash.
      await db.update(orders).set({ nextCheckAt: new Date(Date.now() - 60_000) }).where(eq(orders.id, order.id));
      return order.id;
    });
    const refills = simulator.refillCount();
    await bot.start();
    await waitForMessages(line, u, (m) => m.some((x) => textOf(x.message).includes('รับรายการแล้ว')), 15_000);
    expect(simulator.refillCount()).toBe(refills + 1);
    await bot.kill();
    const status = await withDb(async (db) => (await db.select().from(orders).where(eq(orders.id, id)))[0]!.status);
    expect(status).toBe('pending');
    await bot.start();
  }, 40_000);

  it('a push that LINE keeps failing survives a crash and is delivered exactly once', async () => {
    const u = nextUser();
    const data = await draft(u, 'เติม 20 0812345678 ais');
    await sendUserEvent(bot.url, line, u, postbackEvent(data));
    await waitForMessages(line, u, (m) => m.length === 2);
    const order = await untilPending(u, '0812345678');
    line.failNext(500, 1000);
    simulator.settle(order.orderId, 'success');
    await eventually(() => line.calls.filter((c) => c.path === '/v2/bot/message/push' && c.status === 500).length, (c) => c >= 1, 10_000, 'a failed push');
    await bot.kill();
    line.reset();
    await bot.start();
    // The row keeps its backoff across the restart (a few seconds after a few failures).
    const messages = await waitForMessages(line, u, (m) => m.some((x) => x.via === 'push'), 45_000);
    expect(messages.filter((x) => x.via === 'push')).toHaveLength(1);
  }, 90_000);

  /** SIGKILLs the bot the moment LINE has an answer for `u`: the instance never finishes that event. */
  async function killAtFirstAnswerTo(u: string, send: () => Promise<unknown>): Promise<void> {
    let killing: Promise<void> | undefined;
    const off = line.on('message', (delivered) => {
      if (delivered.to === u && !killing) killing = bot.kill();
    });
    await send();
    await eventually(() => killing !== undefined, (started) => started, 10_000, 'the answer');
    await killing;
    off();
  }

  /** Waits until the customer's `count` events are processed (their leases run out, a sweep takes them over). */
  async function eventsProcessed(u: string, count: number): Promise<void> {
    // PGlite is read between runs of the bot (one process per DATA_DIR).
    const read = async () => {
      if (!pg) await bot.stop();
      const rows = await withDb((db) => db.select().from(webhookEvents).where(eq(webhookEvents.sourceId, u)));
      if (!pg) await bot.start();
      return rows;
    };
    await eventually(read, (rows) => rows.length === count && rows.every((r) => r.processedAt !== null), 60_000, 'the events finished');
  }

  it('killed right after its reply went out: restarted, the customer is not answered twice', async () => {
    const u = nextUser();
    await killAtFirstAnswerTo(u, () => sendUserEvent(bot.url, line, u, textEvent('เติม 20 0812345678 ais')));
    await bot.start();
    await eventsProcessed(u, 1);
    expect(deliveredTo(line, u)).toHaveLength(1);
  }, 90_000);

  it('killed right after the reply to a confirm tap: restarted, the card and the tap are each answered once, by reply', async () => {
    const u = nextUser();
    const data = await draft(u, 'เติม 20 0812345678 ais');
    await killAtFirstAnswerTo(u, () => sendUserEvent(bot.url, line, u, postbackEvent(data)));
    await bot.start();
    await eventsProcessed(u, 2);
    const replies = deliveredTo(line, u).filter((m) => m.via === 'reply');
    expect(replies.map((m) => textOf(m.message).slice(0, 20))).toEqual([expect.stringContaining('ยืนยัน'), expect.stringContaining('รับรายการแล้ว')]);
  }, 90_000);
});
