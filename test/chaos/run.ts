/**
 * `npm run chaos`: N orders (default 200, `CHAOS_ORDERS`) through the real bot while it is
 * SIGKILLed and restarted at random, LINE fails pushes with 500/429 at random, and the
 * provider's callbacks arrive twice. Prints what happened and the two numbers that must be
 * zero: double refills and lost results. Exits 1 if either is not.
 *
 * Uses PostgreSQL when DATABASE_URL is set, else PGlite in a temporary folder.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../src/db/client.ts';
import { orders, outbox } from '../../src/db/schema.ts';
import { createLineStandin } from '../../src/demo/line-standin/index.ts';
import { createSimulator } from '../../src/demo/simulator/index.ts';
import { childBot, freePort } from '../support/child-bot.ts';
import { buttonData, CALLBACK_SECRET, CHANNEL_SECRET, deliveredTo, postbackEvent, sendUserEvent, textEvent } from '../support/harness.ts';

const ORDERS = Number(process.env.CHAOS_ORDERS ?? 200);
const CONCURRENCY = 8;
const seed = Number(process.env.CHAOS_SEED ?? Date.now() % 100_000);
let state = seed;
/** A small deterministic PRNG, so a failing run can be replayed with CHAOS_SEED. */
const random = () => ((state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const port = await freePort();
const callbackUrl = `http://127.0.0.1:${port}/topup/callback/${CALLBACK_SECRET}`;
const simulator = createSimulator({ username: 'shop', password: 'pw-chaos', settleAfterMs: 400, callbackUrl });
const simulatorUrl = await simulator.listen();
const line = createLineStandin();
const lineOrigin = await line.listen();
const dataDir = process.env.DATABASE_URL ? undefined : mkdtempSync(join(tmpdir(), 'topup-chaos-'));
const env = {
  ...(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : { DATA_DIR: dataDir! }),
  LINE_CHANNEL_SECRET: CHANNEL_SECRET,
  LINE_CHANNEL_ACCESS_TOKEN: 'token',
  LINE_API_BASE_URL: lineOrigin,
  LINE_DATA_API_BASE_URL: lineOrigin,
  TOPUP_API_URL: simulatorUrl,
  TOPUP_USERNAME: 'shop',
  TOPUP_PASSWORD: 'pw-chaos',
  TOPUP_CALLBACK_SECRET: CALLBACK_SECRET,
  TOPUP_TIMEOUT_MS: '2000',
  LOG_LEVEL: 'error',
  PAYMENT_MODE: 'open',
};
const bot = childBot(env, port);
console.log(`chaos: ${ORDERS} orders, seed ${seed}, ${dataDir ? 'PGlite' : 'PostgreSQL'}`);
await bot.start();

// --- chaos makers -------------------------------------------------------------------------
let running = true;
let kills = 0;
const killer = (async () => {
  while (running) {
    await sleep(2000 + random() * 4000);
    if (!running) break;
    kills++;
    await bot.kill();
    await sleep(random() * 1000);
    await bot.start();
  }
})();
const flaky = setInterval(() => {
  if (random() < 0.3) line.failNext(random() < 0.5 ? 500 : 429, 1 + Math.floor(random() * 3), { retryAfter: 1 });
}, 500);
// The provider sometimes says the same thing twice.
const duplicateCallbacks = setInterval(() => {
  const settled = [...simulator.state.orders.values()].filter((o) => o.status !== 'pending');
  const order = settled[Math.floor(random() * settled.length)];
  if (!order) return;
  const form = new URLSearchParams({ orderid: order.orderId, status_refill: '1', status_cancel: '0', realamount: '0', detail: '' });
  fetch(callbackUrl, { method: 'POST', body: form }).catch(() => {});
}, 300);

/** LINE redelivers a webhook until it gets a 200; so do we (same webhookEventId). */
async function deliver(send: (eventId?: string) => Promise<{ status: number; webhookEventId: string }>): Promise<void> {
  let eventId: string | undefined;
  for (;;) {
    try {
      const result = await send(eventId);
      eventId = result.webhookEventId;
      if (result.status === 200) return;
    } catch {
      // bot down: retry
    }
    await sleep(300);
  }
}

// --- customers ------------------------------------------------------------------------------
const numbers = new Map<string, string>();
let confirmed = 0;
async function customer(i: number): Promise<void> {
  const user = `Uchaos${seed}x${i}`;
  const number = `08${String(10_000_000 + i).padStart(8, '0')}`;
  numbers.set(user, number);
  if (random() < 0.1) simulator.queueOutcome('fail');
  for (let attempt = 0; attempt < 20; attempt++) {
    const seen = deliveredTo(line, user).length;
    await deliver((eventId) => sendUserEvent(bot.url, line, user, textEvent(`เติม 50 ${number} ais`), { eventId, redelivery: !!eventId }));
    const deadline = Date.now() + 4000;
    while (Date.now() < deadline) {
      // Tap the newest card: an older one may have arrived late, by push.
      const card = deliveredTo(line, user).slice(seen).filter((m) => m.message.type === 'flex').at(-1);
      if (card) {
        const data = buttonData(card.message, 'ยืนยัน')!;
        // A double tap, for good measure.
        await Promise.all([
          deliver((eventId) => sendUserEvent(bot.url, line, user, postbackEvent(data), { eventId, redelivery: !!eventId })),
          deliver((eventId) => sendUserEvent(bot.url, line, user, postbackEvent(data), { eventId, redelivery: !!eventId })),
        ]);
        confirmed++;
        return;
      }
      await sleep(100);
    }
    // No card (the bot died mid-turn): the customer types again, as people do.
  }
}

let next = 0;
await Promise.all(
  Array.from({ length: CONCURRENCY }, async () => {
    while (next < ORDERS) await customer(next++);
  }),
);
console.log(`chaos: ${confirmed} orders confirmed by customers; waiting for results…`);

// --- let it settle: every confirmed order final or unknown, outbox drained -----------------
running = false;
clearInterval(flaky);
clearInterval(duplicateCallbacks);
await killer;
const finals = new Set(['success', 'failed', 'cancelled', 'unknown']);
const deadline = Date.now() + 4 * 60_000;
let rows: (typeof orders.$inferSelect)[] = [];
let pendingPushes = 0;
for (;;) {
  await sleep(2000);
  await bot.kill();
  const database = await openDatabase({ url: process.env.DATABASE_URL, dataDir });
  rows = (await database.db.select().from(orders)).filter((o) => o.status !== 'draft' && o.status !== 'expired');
  pendingPushes = (await database.db.select().from(outbox)).filter((o) => o.status === 'pending').length;
  await database.close();
  const open = rows.filter((o) => !finals.has(o.status)).length;
  if ((open === 0 && pendingPushes === 0) || Date.now() > deadline) break;
  await bot.start();
}
await simulator.callbacksIdle();

// --- the verdict -------------------------------------------------------------------------------
const refillsByNumber = new Map<string, number>();
for (const o of simulator.state.orders.values()) refillsByNumber.set(o.number, (refillsByNumber.get(o.number) ?? 0) + 1);
const doubleRefills = [...refillsByNumber.values()].filter((c) => c > 1).length;

const byStatus: Record<string, number> = {};
for (const o of rows) byStatus[o.status] = (byStatus[o.status] ?? 0) + 1;
let lost = 0;
let pushes = 0;
for (const o of rows) {
  const results = deliveredTo(line, o.userId).filter((m) => m.via === 'push');
  pushes += results.length;
  // Every order ends final or unknown, and its customer got the news.
  if (!finals.has(o.status) || results.length === 0) {
    lost++;
    if (process.env.CHAOS_VERBOSE) console.log('lost:', o.userId, o.status, o.ref, deliveredTo(line, o.userId).map((m) => `${m.via}: ${JSON.stringify(m.message).slice(0, 100)}`));
  }
}
const duplicatesSeen = rows.filter((o) => {
  const texts = deliveredTo(line, o.userId).filter((m) => m.via === 'push').map((m) => JSON.stringify(m.message));
  if (new Set(texts).size !== texts.length && process.env.CHAOS_VERBOSE) console.log(o.userId, o.status, texts.map((t) => t.slice(0, 120)));
  return new Set(texts).size !== texts.length;
}).length;

console.log('');
console.log(`bot kills:              ${kills}`);
console.log(`refills sent:           ${simulator.refillCount()}`);
console.log(`orders by final state:  ${JSON.stringify(byStatus)}`);
console.log(`pushes delivered:       ${pushes}`);
console.log(`duplicate pushes:       ${duplicatesSeen}`);
console.log(`undelivered pushes:     ${pendingPushes}`);
console.log(`double refills:         ${doubleRefills}`);
console.log(`lost results:           ${lost}`);

await bot.stop().catch(() => {});
await simulator.close();
await line.close();
if (dataDir) rmSync(dataDir, { recursive: true, force: true });
process.exit(doubleRefills === 0 && lost === 0 && duplicatesSeen === 0 ? 0 : 1);
