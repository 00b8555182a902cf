/**
 * The owners' monitors over real HTTP: balance crossings (with hysteresis), network closing and
 * reopening, the balance an order result reports, the daily summary once per date, and two
 * instances sharing one database raising every alert once.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { listAlerts } from '../../src/db/queries/alerts.ts';
import { createLogger } from '../../src/log.ts';
import { dailySummaryTick } from '../../src/owner/daily-summary.ts';
import { createOwnerModule } from '../../src/owner/index.ts';
import { createProviderClient } from '../../src/provider/client.ts';
import { startBot, type RunningBot } from '../../src/start.ts';
import { drivers } from '../support/db.ts';
import { orderServiceFor, outboxFor } from '../support/orders.ts';
import { startHarness, textOf, type Harness } from '../support/harness.ts';
import { groupChat, latestOrder, newGroupId, OWNER_ENV, placeOrder, sleep } from './support.ts';

const LOW = 'ยอดเงินใกล้หมด';
const CRITICAL = 'ยอดเงินต่ำมาก';
const RECOVERED = 'ยอดเงินกลับมาปกติ';
const CLOSED = 'ปิดชั่วคราว';
const REOPENED = 'กลับมาเปิดแล้ว';

/** Several polls' worth of time, to see that nothing is sent twice. */
const SEVERAL_POLLS_MS = 2_500;

function providerFor(h: Harness) {
  return createProviderClient({
    url: h.config.provider.url!,
    username: h.config.provider.username,
    password: h.config.provider.password,
    networkCodes: h.config.provider.networkCodes,
    timeoutMs: 1500,
  });
}

describe.each(drivers())('balance and network monitors on %s', (driver) => {
  let h: Harness;
  /** The first owners' group (the code alone registers it); it approves the groups of each test. */
  let first: ReturnType<typeof groupChat>;
  beforeAll(async () => {
    h = await startHarness(driver, { env: OWNER_ENV });
    first = groupChat(h, newGroupId('first'));
    await first.register();
  });
  afterAll(() => h.stop());
  afterEach(() => expect(h.invalidPayloads()).toEqual([]));

  it('alerts once per balance crossing, again at critical, and on recovery past the margin', async () => {
    const owners = groupChat(h, newGroupId('bal'));
    await owners.register(first);
    const outsiders = groupChat(h, newGroupId('out'));
    await outsiders.join();

    h.simulator.setBalance(40_000); // ฿400 < ฿500
    await h.waitFor(owners.groupId, () => owners.pushes(LOW).length > 0);
    const alert = owners.pushes(LOW)[0]!;
    expect(alert.message.type).toBe('flex');
    expect(textOf(alert.message)).toContain('฿400');
    expect(textOf(alert.message)).toContain('ยังมีรายการไม่พอ'); // no top-ups yet to average
    h.simulator.setBalance(35_000);
    await sleep(SEVERAL_POLLS_MS);
    expect(owners.pushes(LOW)).toHaveLength(1);

    h.simulator.setBalance(8_000); // ฿80 < ฿100
    await h.waitFor(owners.groupId, () => owners.pushes(CRITICAL).length > 0);

    h.simulator.setBalance(52_000); // above ฿500 but inside the ฿50 margin: no recovery yet
    await sleep(SEVERAL_POLLS_MS);
    expect(owners.pushes(RECOVERED)).toHaveLength(0);

    h.simulator.setBalance(200_000);
    await h.waitFor(owners.groupId, () => owners.pushes(RECOVERED).length > 0);
    await sleep(SEVERAL_POLLS_MS);
    expect(owners.pushes(LOW)).toHaveLength(1);
    expect(owners.pushes(CRITICAL)).toHaveLength(1);
    expect(owners.pushes(RECOVERED)).toHaveLength(1);
    expect(outsiders.messages().filter((m) => m.via === 'push')).toHaveLength(0);
  });

  it('alerts once when a network closes and once when it reopens; customers are refused kindly meanwhile', async () => {
    const owners = groupChat(h, newGroupId('net'));
    await owners.register(first);
    const outsiders = groupChat(h, newGroupId('netout'));
    await outsiders.join();

    h.simulator.setOnline('DTAC', false);
    await h.waitFor(owners.groupId, () => owners.pushes(CLOSED).length > 0);
    expect(textOf(owners.pushes(CLOSED)[0]!.message)).toContain('dtac');

    const u = `Unet${driver}${Date.now()}`;
    await h.text(u, 'เติม 50 0812345678 ดีแทค');
    const [reply] = await h.waitFor(u, (m) => m.length >= 1);
    expect(textOf(reply!.message)).toContain('ปิดปรับปรุงชั่วคราว');

    const status = await owners.ask('สถานะเครือข่าย');
    expect(textOf(status.message)).toContain('⛔ ปิด');
    await sleep(SEVERAL_POLLS_MS);
    expect(owners.pushes(CLOSED)).toHaveLength(1);

    h.simulator.setOnline('DTAC', true);
    await h.waitFor(owners.groupId, () => owners.pushes(REOPENED).length > 0);
    await sleep(SEVERAL_POLLS_MS);
    expect(owners.pushes(REOPENED)).toHaveLength(1);
    expect(owners.pushes(CLOSED)).toHaveLength(1);
    expect(outsiders.messages().filter((m) => m.via === 'push')).toHaveLength(0);
  });
});

describe.each(drivers())('balance from order results and the daily summary on %s', (driver) => {
  let h: Harness;
  const configured = newGroupId('daily');
  beforeAll(async () => {
    h = await startHarness(driver, {
      env: {
        ...OWNER_ENV,
        OWNER_GROUP_IDS: configured,
        // One poll at start, then only order results tell the monitor about the balance.
        BALANCE_CHECK_INTERVAL_SECONDS: '3600',
        NETWORK_CHECK_INTERVAL_SECONDS: '3600',
        DAILY_SUMMARY_TIME: '00:00',
      },
    });
  });
  afterAll(() => h.stop());
  afterEach(() => {
    h.simulator.clearFault();
    expect(h.invalidPayloads()).toEqual([]);
  });

  it('sends the daily summary once, even after a restart', async () => {
    await h.waitFor(configured, (m) => m.some((x) => textOf(x.message).includes('สรุปยอดประจำวัน')));
    await h.restart();
    await sleep(1_000);
    expect(h.delivered(configured).filter((x) => textOf(x.message).includes('สรุปยอดประจำวัน'))).toHaveLength(1);
  });

  it('notices a low balance from the AMOUNT an order result reports, and estimates top-ups left', async () => {
    await expect.poll(async () => (await listAlerts(h.db, { kind: 'daily_summary' })).length).toBe(1);
    h.simulator.setBalance(54_000); // the monitor polled ฿10,000 at start and will not poll again
    const u = `Urefill${driver}${Date.now()}`;
    await placeOrder(h, u); // ฿50 at 3 % discount: ฿48.50 charged, ฿491.50 left
    await expect.poll(async () => (await latestOrder(h, u)).status, { timeout: 8_000 }).toBe('success');
    expect((await latestOrder(h, u)).balanceAfterSatang).toBe(49_150);

    await h.waitFor(configured, (m) => m.some((x) => x.via === 'push' && textOf(x.message).includes(LOW)));
    const alert = h.delivered(configured).find((x) => textOf(x.message).includes(LOW))!;
    expect(textOf(alert.message)).toContain('฿491.50');
    expect(textOf(alert.message)).toContain('เติมได้อีกประมาณ 10 รายการ');
    const [row] = await listAlerts(h.db, { kind: 'balance_low' });
    expect(row!.payload).toMatchObject({ source: 'order', balanceSatang: 49_150 });
  });

  it("puts the day's orders, discount and failures in the summary, sent once per date", async () => {
    const u = `Usum${driver}${Date.now()}`;
    h.simulator.setBalance(1_000_000);
    h.simulator.setFault('reject', { times: 1, kinds: ['refill'] });
    await placeOrder(h, u, 'เติม 20 0898765432 ทรู');
    const failed = await latestOrder(h, u);
    expect(failed.status).toBe('failed');

    // Tomorrow's summary covers today; two instances racing send it once.
    const deps = { db: h.db, provider: providerFor(h), config: h.config, logger: createLogger({ level: 'silent' }), outbox: outboxFor(h.db, h.config) };
    const tomorrow = new Date(Date.now() + 24 * 60 * 60 * 1000);
    const sent = await Promise.all([dailySummaryTick(deps, tomorrow), dailySummaryTick(deps, tomorrow), dailySummaryTick(deps, tomorrow)]);
    expect(sent.filter(Boolean)).toHaveLength(1);
    await h.waitFor(configured, (m) => m.filter((x) => textOf(x.message).includes('สรุปยอดประจำวัน')).length === 2);
    const summary = h.delivered(configured).filter((x) => textOf(x.message).includes('สรุปยอดประจำวัน'))[1]!;
    const text = textOf(summary.message);
    expect(text).toContain('AIS');
    expect(text).toContain('฿1.50'); // the discount on the ฿50 top-up
    expect(text).toContain(failed.ref);
    expect(text).toContain('รายการที่ไม่สำเร็จ');
    await sleep(500);
    expect(h.delivered(configured).filter((x) => textOf(x.message).includes('สรุปยอดประจำวัน'))).toHaveLength(2);
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
    });
    let running = true;
    const loop = (async () => {
      while (running) {
        await Promise.all([module.balanceTick(), module.networkTick(), module.balanceTick(), module.networkTick()]).catch(() => {});
        await sleep(20);
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

  it('raises each alert once', async () => {
    const owners = groupChat(h, newGroupId('multi'));
    await owners.register();
    h.simulator.setBalance(30_000);
    h.simulator.setOnline('TRUE', false);
    await h.waitFor(owners.groupId, () => owners.pushes(LOW).length > 0 && owners.pushes(CLOSED).length > 0);
    await sleep(SEVERAL_POLLS_MS);
    h.simulator.setOnline('TRUE', true);
    await h.waitFor(owners.groupId, () => owners.pushes(REOPENED).length > 0);
    await sleep(SEVERAL_POLLS_MS);
    expect(owners.pushes(LOW)).toHaveLength(1);
    expect(owners.pushes(CLOSED)).toHaveLength(1);
    expect(owners.pushes(REOPENED)).toHaveLength(1);
    expect(await listAlerts(h.db, { kind: 'network_change' })).toHaveLength(2);
    expect(h.invalidPayloads()).toEqual([]);
  });
});
