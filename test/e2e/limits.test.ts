/**
 * The shop's per-customer limits, over real HTTP: each says which limit it is and when the
 * customer may order again, in its own sentence. The card stays a draft, so the customer can
 * tap it again later.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, isNotNull, sql } from 'drizzle-orm';
import { orders } from '../../src/db/schema.ts';
import { formatDate } from '../../src/format.ts';
import { startOfBangkokDay } from '../../src/orders/limits.ts';
import { drivers } from '../support/db.ts';
import { buttonData, startHarness, textOf, type Harness } from '../support/harness.ts';

describe.each(drivers())('limits say when, on %s', (driver) => {
  let perMinute: Harness;
  let perDay: Harness;
  let n = 0;
  const nextUser = () => `Ulimit${driver}${++n}${Date.now()}`;

  beforeAll(async () => {
    [perMinute, perDay] = await Promise.all([
      startHarness(driver, { settleAfterMs: 60_000, env: { LIMIT_ORDERS_PER_MINUTE: '2' } }),
      startHarness(driver, { settleAfterMs: 60_000, env: { LIMIT_ORDERS_PER_MINUTE: '100', LIMIT_ORDERS_PER_DAY: '3', LIMIT_BAHT_PER_DAY: '150' } }),
    ]);
  });
  afterAll(async () => {
    await perMinute?.stop();
    await perDay?.stop();
  });
  afterEach(() => {
    expect(perMinute.invalidPayloads()).toEqual([]);
    expect(perDay.invalidPayloads()).toEqual([]);
  });

  /** Orders by text, taps ยืนยัน and returns the answer to the tap. */
  async function order(h: Harness, u: string, text: string): Promise<string> {
    let before = h.delivered(u).length;
    await h.text(u, text);
    const [card] = (await h.waitFor(u, (m) => m.length > before)).slice(before);
    before = h.delivered(u).length;
    await h.postback(u, buttonData(card!.message, 'ยืนยัน')!);
    const [answer] = (await h.waitFor(u, (m) => m.length > before)).slice(before);
    return textOf(answer!.message);
  }

  /** Tomorrow's date in Bangkok, as a Thai customer reads it. */
  const tomorrow = () => formatDate(new Date(startOfBangkokDay(new Date()).getTime() + 86_400_000), 'th');

  it('per minute: how many a minute, and in how many seconds the same card may be tapped again', async () => {
    const u = nextUser();
    expect(await order(perMinute, u, 'เติม 10 0812345670 ais')).toContain('รับรายการแล้ว');
    expect(await order(perMinute, u, 'เติม 10 0812345671 ais')).toContain('รับรายการแล้ว');
    const answer = await order(perMinute, u, 'เติม 10 0812345672 ais');
    expect(answer).toContain('ไม่เกิน 2 รายการต่อนาที');
    const seconds = Number(/อีก (\d+) วินาที/.exec(answer)?.[1]);
    expect(seconds).toBeGreaterThanOrEqual(1);
    expect(seconds).toBeLessThanOrEqual(60);
    expect(answer).toMatch(/ตั้งแต่ \d{2}:\d{2} น\./);
    const [row] = await perMinute.db.select().from(orders).where(and(eq(orders.userId, u), eq(orders.number, '0812345672')));
    expect(row!.status).toBe('draft');
  });

  it('per day: the count, and that ordering opens again at midnight, with tomorrow’s Thai date', async () => {
    const u = nextUser();
    for (let i = 0; i < 3; i++) expect(await order(perDay, u, `เติม 10 081234567${i} ais`)).toContain('รับรายการแล้ว');
    const answer = await order(perDay, u, 'เติม 10 0812345679 ais');
    expect(answer).toContain('วันนี้สั่งครบ 3 รายการ');
    expect(answer).toContain(`ตั้งแต่ 00:00 น. วันที่ ${tomorrow()}`);
  });

  it('baht per day: what is left today, or, once it is all used, when the next day starts', async () => {
    const u = nextUser();
    expect(await order(perDay, u, 'เติม 100 0812345678 ais')).toContain('รับรายการแล้ว');
    const over = await order(perDay, u, 'เติม 100 0812345678 ais');
    expect(over).toContain('เกิน ฿150');
    expect(over).toContain('เติมได้อีกไม่เกิน ฿50');
    expect(await order(perDay, u, 'เติม 50 0812345678 ais')).toContain('รับรายการแล้ว');
    const full = await order(perDay, u, 'เติม 10 0812345678 ais');
    expect(full).toContain('ยอดเติมรวมครบ ฿150');
    expect(full).toContain(`ตั้งแต่ 00:00 น. วันที่ ${tomorrow()}`);
    const confirmed = await perDay.db
      .select({ n: sql<number>`count(*)::int` })
      .from(orders)
      .where(and(eq(orders.userId, u), isNotNull(orders.confirmedAt)));
    expect(Number(confirmed[0]!.n)).toBe(2);
  });
});
