/**
 * Scale out: two bot processes on one PostgreSQL share the webhook traffic, as behind a load
 * balancer. Double taps land on different instances; still one refill and one result per order.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLineStandin, type LineStandin } from '../../src/demo/line-standin/index.ts';
import { createSimulator, type Simulator } from '../../src/demo/simulator/index.ts';
import { childBot, freePort, outsideWorldEnv, type ChildBot } from '../support/child-bot.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import {
  buttonData,
  CALLBACK_SECRET,
  CHANNEL_SECRET,
  deliveredTo,
  postbackEvent,
  sendUserEvent,
  settledIn,
  textEvent,
  waitForMessages,
} from '../support/harness.ts';

describe.skipIf(!process.env.TEST_DATABASE_URL)('two instances on one PostgreSQL', () => {
  let simulator: Simulator;
  let line: LineStandin;
  let pg: TestDatabase;
  let a: ChildBot;
  let b: ChildBot;

  beforeAll(async () => {
    const [portA, portB] = [await freePort(), await freePort()];
    simulator = createSimulator({
      username: 'shop',
      password: 'pw-secret',
      settleAfterMs: 200,
      callbackUrl: `http://127.0.0.1:${portB}/topup/callback/${CALLBACK_SECRET}`,
    });
    const simulatorUrl = await simulator.listen();
    line = createLineStandin();
    const lineOrigin = await line.listen();
    pg = await createTestDatabase('postgres');
    const env = {
      DATABASE_URL: pg.url!,
      ...outsideWorldEnv({ lineOrigin, simulatorUrl, channelSecret: CHANNEL_SECRET, callbackSecret: CALLBACK_SECRET }),
      LOG_LEVEL: 'warn',
      LIMIT_ORDERS_PER_MINUTE: '100',
    };
    a = childBot(env, portA);
    b = childBot(env, portB);
    // Started together: the migration lock keeps them from migrating twice.
    await Promise.all([a.start(), b.start()]);
  }, 60_000);

  afterAll(async () => {
    await Promise.all([a.stop(), b.stop()]);
    await simulator.close();
    await line.close();
    await pg.close();
  });

  it('one refill and one result per order, whichever instance gets which tap', async () => {
    const users = Array.from({ length: 8 }, (_, i) => `Utwo${i}${Date.now()}`);
    const refills = simulator.refillCount();
    await Promise.all(
      users.map(async (u, i) => {
        await sendUserEvent((i % 2 ? a : b).url, line, u, textEvent(`เติม ${(i + 1) * 10} 081234567${i} ais`));
        const [card] = await waitForMessages(line, u, (m) => m.length === 1, 15_000);
        const data = buttonData(card!.message, 'ยืนยัน')!;
        // A double tap split across the instances, and LINE redelivering the first tap.
        const [first] = await Promise.all([sendUserEvent(a.url, line, u, postbackEvent(data)), sendUserEvent(b.url, line, u, postbackEvent(data))]);
        await sendUserEvent(b.url, line, u, postbackEvent(data), { eventId: first.webhookEventId, redelivery: true });
      }),
    );
    for (const u of users) await waitForMessages(line, u, (m) => m.some((x) => x.via === 'push'), 30_000);
    // Both instances done: every tap handled, every push settled, every order final.
    await settledIn(pg.db);
    await simulator.callbacksIdle();
    expect(simulator.refillCount()).toBe(refills + users.length);
    for (const u of users) expect(deliveredTo(line, u).filter((x) => x.via === 'push')).toHaveLength(1);
  }, 90_000);
});
