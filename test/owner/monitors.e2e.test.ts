/**
 * The owners' monitors over real HTTP: balance crossings (with hysteresis), network closing and
 * reopening, the balance an order result reports, the daily summary once per date, and two
 * instances sharing one database raising every alert once.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { like, sql } from 'drizzle-orm';
import { listAlerts } from '../../src/db/queries/alerts.ts';
import { monitorState } from '../../src/db/schema.ts';
import { createLogger } from '../../src/log.ts';
import { systemClock } from '../../src/clock.ts';
import { dailySummaryTick } from '../../src/owner/daily-summary.ts';
import { createOwnerModule } from '../../src/owner/index.ts';
import { createProviderClient } from '../../src/provider/client.ts';
import { startBot, type RunningBot } from '../../src/start.ts';
import { drivers } from '../support/db.ts';
import { orderServiceFor, outboxFor } from '../support/orders.ts';
import { testClock } from '../support/clock.ts';
import { eventually, startHarness, textOf, type Harness } from '../support/harness.ts';
import { bangkokDate, bangkokMidnight } from '../../src/owner/summary.ts';
import { groupChat, latestOrder, newGroupId, OWNER_ENV, placeOrder } from './support.ts';

const LOW = 'ยอดเงินใกล้หมด';
const CRITICAL = 'ยอดเงินต่ำมาก';
const RECOVERED = 'ยอดเงินกลับมาปกติ';
const CLOSED = 'ปิดชั่วคราว';
const REOPENED = 'กลับมาเปิดแล้ว';

function providerFor(h: Harness) {
  return createProviderClient({
    url: h.config.provider.url!,
    username: h.config.provider.username,
    password: h.config.provider.password,
    networkCodes: h.config.provider.networkCodes,
    timeoutMs: 1500,
  });
}

/**
 * The monitors' next look, now: their poll interval is made to have passed (staged in
 * `monitor_state`, as time would), one tick runs, and its alerts are delivered.
 */
async function look(h: Harness, monitor: 'balance-monitor' | 'network-monitor'): Promise<void> {
  await h.db.update(monitorState).set({ updatedAt: sql`now() - interval '1 day'` }).where(like(monitorState.name, '%:poll'));
  await h.bot.tick(monitor);
  await h.quiet();
}

describe.each(drivers())('balance and network monitors on %s', (driver) => {
  let h: Harness;
  /** The first owners' group (the code alone registers it); it approves the groups of each test. */
  let first: ReturnType<typeof groupChat>;
  beforeAll(async () => {
    h = await startHarness(driver, { env: OWNER_ENV, workers: 'manual' });
    first = groupChat(h, newGroupId('first'));
    await first.register();
  });
  afterAll(() => h.stop());
  afterEach(() => {
    h.simulator.setBalance(1_000_000);
    h.simulator.setOnline('DTAC', true);
    expect(h.invalidPayloads()).toEqual([]);
  });

  it('alerts once per balance crossing, again at critical, and on recovery past the margin; never to other groups', async () => {
    // Start from a healthy balance the monitor has seen, whatever ran before.
    await look(h, 'balance-monitor');
    const owners = groupChat(h, newGroupId('bal'));
    await owners.register(first);
    const outsiders = groupChat(h, newGroupId('out'));
    await outsiders.join();

    h.simulator.setBalance(40_000); // ฿400 < ฿500
    await look(h, 'balance-monitor');
    expect(owners.pushes(LOW)).toHaveLength(1);
    const alert = owners.pushes(LOW)[0]!;
    expect(alert.message.type).toBe('flex');
    expect(textOf(alert.message)).toContain('฿400');
    expect(textOf(alert.message)).toContain('ยังมีรายการไม่พอ'); // no top-ups yet to average
    h.simulator.setBalance(35_000);
    await look(h, 'balance-monitor');
    await look(h, 'balance-monitor');
    expect(owners.pushes(LOW)).toHaveLength(1);
    expect(owners.pushes(CRITICAL)).toHaveLength(0);

    h.simulator.setBalance(8_000); // ฿80 < ฿100
    await look(h, 'balance-monitor');
    expect(owners.pushes(CRITICAL)).toHaveLength(1);

    h.simulator.setBalance(52_000); // above ฿500 but inside the ฿50 margin: no recovery yet
    await look(h, 'balance-monitor');
    expect(owners.pushes(RECOVERED)).toHaveLength(0);

    h.simulator.setBalance(200_000);
    await look(h, 'balance-monitor');
    await look(h, 'balance-monitor');
    expect(owners.pushes(LOW)).toHaveLength(1);
    expect(owners.pushes(CRITICAL)).toHaveLength(1);
    expect(owners.pushes(RECOVERED)).toHaveLength(1);
    expect(outsiders.messages().filter((m) => m.via === 'push')).toHaveLength(0);
  });

  it('alerts once when a network closes and once when it reopens; customers are refused kindly meanwhile', async () => {
    await look(h, 'network-monitor');
    const owners = groupChat(h, newGroupId('net'));
    await owners.register(first);
    const outsiders = groupChat(h, newGroupId('netout'));
    await outsiders.join();

    h.simulator.setOnline('DTAC', false);
    await look(h, 'network-monitor');
    expect(owners.pushes(CLOSED)).toHaveLength(1);
    expect(textOf(owners.pushes(CLOSED)[0]!.message)).toContain('dtac');

    const u = `Unet${driver}${Date.now()}`;
    await h.text(u, 'เติม 50 0812345678 ดีแทค');
    const [reply] = await h.waitFor(u, (m) => m.length >= 1);
    expect(textOf(reply!.message)).toContain('ปิดปรับปรุงชั่วคราว');

    const status = await owners.ask('สถานะเครือข่าย');
    expect(textOf(status.message)).toContain('⛔ ปิด');
    await look(h, 'network-monitor');
    expect(owners.pushes(CLOSED)).toHaveLength(1);

    h.simulator.setOnline('DTAC', true);
    await look(h, 'network-monitor');
    await look(h, 'network-monitor');
    expect(owners.pushes(REOPENED)).toHaveLength(1);
    expect(owners.pushes(CLOSED)).toHaveLength(1);
    expect(outsiders.messages().filter((m) => m.via === 'push')).toHaveLength(0);
  });
});

/** The summary env: owners configured by id; monitors and the summary move only when ticked. */
const SUMMARY_ENV = (configured: string) => ({
  ...OWNER_ENV,
  OWNER_GROUP_IDS: configured,
  BALANCE_CHECK_INTERVAL_SECONDS: '3600',
  NETWORK_CHECK_INTERVAL_SECONDS: '3600',
  DAILY_SUMMARY_TIME: '00:00',
});
const summariesTo = (h: Harness, chat: string) => h.delivered(chat).filter((x) => textOf(x.message).includes('สรุปยอดประจำวัน'));
/** The first Bangkok midnight after `at`, plus a minute: when that day's summary is due. */
const dayAfter = (at: Date) => new Date(bangkokMidnight(at).getTime() + DAY_MS + 60_000);
const DAY_MS = 24 * 60 * 60 * 1000;

describe.each(drivers())('balance from order results on %s', (driver) => {
  let h: Harness;
  const configured = newGroupId('orderbal');
  beforeAll(async () => {
    h = await startHarness(driver, { env: SUMMARY_ENV(configured), workers: 'manual' });
  });
  afterAll(() => h.stop());
  afterEach(() => expect(h.invalidPayloads()).toEqual([]));

  it('notices a low balance from the AMOUNT an order result reports (no poll), and estimates top-ups left', async () => {
    await h.bot.tick('balance-monitor'); // the poll at start: ฿10,000; the next is an hour away
    h.simulator.setBalance(54_000);
    const u = `Urefill${driver}${Date.now()}`;
    await placeOrder(h, u); // ฿50 at 3 % discount: ฿48.50 charged, ฿491.50 left
    await expect.poll(async () => (await latestOrder(h, u)).status, { timeout: 8_000 }).toBe('success');
    expect((await latestOrder(h, u)).balanceAfterSatang).toBe(49_150);
    const polls = h.simulator.requests.filter((r) => r.kind === 'balance').length;

    await h.bot.tick('balance-monitor');
    await h.quiet();
    expect(h.simulator.requests.filter((r) => r.kind === 'balance')).toHaveLength(polls);
    const alerts = h.delivered(configured).filter((x) => textOf(x.message).includes(LOW));
    expect(alerts.map((x) => x.via)).toEqual(['push']);
    expect(textOf(alerts[0]!.message)).toContain('฿491.50');
    expect(textOf(alerts[0]!.message)).toContain('เติมได้อีกประมาณ 10 รายการ');
    const rows = await listAlerts(h.db, { kind: 'balance_low' });
    expect(rows.map((r) => r.payload)).toEqual([expect.objectContaining({ source: 'order', balanceSatang: 49_150 })]);
  });
});

describe.each(drivers())('the daily summary on %s', (driver) => {
  let h: Harness;
  const configured = newGroupId('daily');
  const clock = testClock();
  beforeAll(async () => {
    h = await startHarness(driver, { env: SUMMARY_ENV(configured), workers: 'manual', clock });
  });
  afterAll(() => h.stop());
  afterEach(() => {
    h.simulator.clearFault();
    expect(h.invalidPayloads()).toEqual([]);
  });

  it('is sent once for its date, even when the bot restarts and ticks again', async () => {
    const before = summariesTo(h, configured).length;
    clock.set(new Date('2026-03-14T05:00:00Z')); // 12:00 in Bangkok: the summary up to 14 March 00:00 is due
    await h.bot.tick('daily-summary');
    await h.quiet();
    await h.restart();
    await h.bot.tick('daily-summary');
    await h.quiet();
    const sent = summariesTo(h, configured).slice(before);
    expect(sent.map((x) => x.via)).toEqual(['push']);
    expect(textOf(sent[0]!.message)).toContain('14/03/2569');
    const dates = (await listAlerts(h.db, { kind: 'daily_summary' })).map((a) => (a.payload as { date: string }).date);
    expect(dates.filter((d) => d === '2026-03-14')).toHaveLength(1);
  });

  it("puts the day's orders, discount and failures in the summary of that day; three instances racing send it once", async () => {
    const u = `Usum${driver}${Date.now()}`;
    await placeOrder(h, u); // ฿50 AIS: ฿1.50 discount
    await expect.poll(async () => (await latestOrder(h, u)).status, { timeout: 8_000 }).toBe('success');
    const succeeded = await latestOrder(h, u);
    h.simulator.setFault('reject', { times: 1, kinds: ['refill'] });
    await placeOrder(h, u, 'เติม 20 0898765432 ทรู');
    await expect.poll(async () => (await latestOrder(h, u)).status, { timeout: 8_000 }).toBe('failed');
    const failed = await latestOrder(h, u);
    await h.quiet();
    const before = summariesTo(h, configured).length;

    // The day after each order's Bangkok date, that day's summary is due: usually one date,
    // two when the orders fell either side of midnight. Three instances race for each.
    const deps = { db: h.db, provider: providerFor(h), config: h.config, logger: createLogger({ level: 'silent' }), outbox: outboxFor(h.db, h.config) };
    const dates = [...new Set([succeeded.confirmedAt!, failed.confirmedAt!].map((at) => dayAfter(at).toISOString()))].map((iso) => new Date(iso));
    for (const at of dates) {
      const sent = await Promise.all([dailySummaryTick(deps, at), dailySummaryTick(deps, at), dailySummaryTick(deps, at)]);
      expect(sent.filter(Boolean)).toHaveLength(1);
      clock.set(at);
      await h.bot.tick('daily-summary'); // the bot's own tick that day: already sent
    }
    await h.quiet();

    const summaries = summariesTo(h, configured).slice(before);
    expect(summaries).toHaveLength(dates.length);
    const text = summaries.map((x) => textOf(x.message)).join('\n');
    expect(text).toContain('AIS');
    expect(text).toContain('฿1.50'); // the discount on the ฿50 top-up
    expect(text).toContain(failed.ref);
    expect(text).toContain('รายการที่ไม่สำเร็จ');
    const totals = (await listAlerts(h.db, { kind: 'daily_summary' }))
      .map((a) => (a.payload as { date: string; totals: Record<string, number> }))
      .filter((p) => dates.some((at) => bangkokDate(bangkokMidnight(at)) === p.date));
    const sum = (key: string) => totals.reduce((n, p) => n + p.totals[key]!, 0);
    expect({ success: sum('successCount'), discount: sum('discountSatang'), failed: sum('failedCount') }).toEqual({ success: 1, discount: 150, failed: 1 });
  });
});

describe.each(drivers())('two instances on %s', (driver) => {
  let h: Harness;
  let second: RunningBot | undefined;
  let extra: { stop(): Promise<void> } | undefined;

  beforeAll(async () => {
    h = await startHarness(driver, { env: OWNER_ENV });
    const logger = createLogger({ level: 'silent' });
    if (driver === 'postgres') {
      // A second bot process in all but name: its own HTTP server, pool and workers, one database.
      second = await startBot(h.config, { logger, port: 0, sweepIntervalMs: 100 });
    }
    // And (on both drivers) a third set of monitors ticking as fast as it can.
    const module = createOwnerModule({
      db: h.db,
      provider: providerFor(h),
      config: h.config,
      logger,
      outbox: outboxFor(h.db, h.config),
      orders: orderServiceFor(h.db, { config: h.config }),
      clock: systemClock,
    });
    let running = true;
    const loop = (async () => {
      while (running) {
        await Promise.all([module.balanceTick(), module.networkTick(), module.balanceTick(), module.networkTick()]).catch(() => {});
        await new Promise((r) => setImmediate(r));
      }
    })();
    extra = {
      async stop() {
        running = false;
        await loop;
      },
    };
  });
  afterAll(async () => {
    await extra?.stop();
    await second?.close();
    await h.stop();
  });

  /** Waits until the instances have asked the provider `n` more times about balance and networks. */
  const morePolls = async (n: number) => {
    const count = (kind: string) => h.simulator.requests.filter((r) => r.kind === kind).length;
    const [balance, online] = [count('balance'), count('online')];
    await eventually(() => [count('balance'), count('online')], ([b, o]) => b! >= balance + n && o! >= online + n, 15_000, 'more polls');
  };

  it('raises each alert once', async () => {
    const owners = groupChat(h, newGroupId('multi'));
    await owners.register();
    h.simulator.setBalance(30_000);
    h.simulator.setOnline('TRUE', false);
    await h.waitFor(owners.groupId, () => owners.pushes(LOW).length > 0 && owners.pushes(CLOSED).length > 0);
    await morePolls(2);
    h.simulator.setOnline('TRUE', true);
    await h.waitFor(owners.groupId, () => owners.pushes(REOPENED).length > 0);
    await morePolls(2);
    await h.quiet();
    expect(owners.pushes(LOW)).toHaveLength(1);
    expect(owners.pushes(CLOSED)).toHaveLength(1);
    expect(owners.pushes(REOPENED)).toHaveLength(1);
    expect(await listAlerts(h.db, { kind: 'network_change' })).toHaveLength(2);
    expect(h.invalidPayloads()).toEqual([]);
  });
});
