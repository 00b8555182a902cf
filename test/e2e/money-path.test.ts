/**
 * The money path over real HTTP: confirm → refill at the simulator → result → pushed card.
 * The simulator's refill count is the ground truth for "never a double top-up".
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { orders, outbox, providerOrders } from '../../src/db/schema.ts';
import { drivers } from '../support/db.ts';
import { buttonData, CALLBACK_SECRET, eventually, startHarness, textOf, type Harness } from '../support/harness.ts';

describe.each(drivers())('money path on %s', (driver) => {
  let h: Harness;
  let n = 0;
  const nextUser = () => `Umoney${driver}${++n}${Date.now()}`;

  beforeAll(async () => {
    h = await startHarness(driver, { settleAfterMs: 300 });
  });
  afterAll(() => h.stop());
  afterEach(() => {
    h.simulator.clearFault();
    expect(h.invalidPayloads()).toEqual([]);
  });

  /** Texts an order and returns the confirm button's postback data. */
  async function draft(u: string, text = 'เติม 50 0812345678 ais'): Promise<string> {
    const before = h.delivered(u).length;
    await h.text(u, text);
    // The confirm card, not a result card pushed meanwhile for an earlier order.
    const hasCard = (m: { message: Parameters<typeof buttonData>[0] }) => buttonData(m.message, 'ยืนยัน') !== undefined;
    const messages = await h.waitFor(u, (m) => m.slice(before).some(hasCard));
    return buttonData(messages.slice(before).find(hasCard)!.message, 'ยืนยัน')!;
  }

  async function orderOf(u: string) {
    const [row] = await h.db.select().from(orders).where(eq(orders.userId, u)).orderBy(orders.createdAt);
    return row!;
  }

  it('goes from text to a pushed success card', async () => {
    const u = nextUser();
    const refills = h.simulator.refillCount();
    await h.postback(u, await draft(u));
    const messages = await h.waitFor(u, (m) => m.some((x) => x.via === 'push' && textOf(x.message).includes('สำเร็จ')));
    expect(textOf(messages[1]!.message)).toContain('รับรายการแล้ว');
    const result = messages.find((x) => x.via === 'push')!;
    expect(result.message.type).toBe('flex');
    expect(textOf(result.message)).toContain('081-234-5678');
    expect(textOf(result.message)).toContain('฿50');
    expect(h.simulator.refillCount()).toBe(refills + 1);
    const order = await orderOf(u);
    expect(order.status).toBe('success');
    expect(order.providerOrderId).toBe([...h.simulator.state.orders.values()].at(-1)!.orderId);
    expect(order.discountSatang).toBe(150);
  });

  it('sends one refill for a double tap and a redelivered confirm', async () => {
    const u = nextUser();
    const data = await draft(u);
    const refills = h.simulator.refillCount();
    const [a] = await Promise.all([h.postback(u, data), h.postback(u, data)]);
    await h.postback(u, data, { eventId: a.webhookEventId });
    await h.waitFor(u, (m) => m.some((x) => x.via === 'push'));
    await h.quiet();
    expect(h.simulator.refillCount()).toBe(refills + 1);
    const texts = h.delivered(u).map((m) => textOf(m.message));
    expect(texts.filter((t) => t.includes('ได้รับการยืนยันแล้ว'))).toHaveLength(1);
    expect(h.delivered(u).filter((m) => m.via === 'push')).toHaveLength(1);
  });

  it('explains a provider rejection and offers to start again; nothing is charged', async () => {
    const u = nextUser();
    const data = await draft(u);
    h.simulator.setFault('reject', { times: 1, kinds: ['refill'] });
    await h.postback(u, data);
    const messages = await h.waitFor(u, (m) => m.length >= 2);
    const reply = messages[1]!.message;
    expect(textOf(reply)).toContain('ไม่สำเร็จ');
    expect(textOf(reply)).toContain('ไม่มีการตัดเงิน');
    expect(JSON.stringify(reply)).toContain(`action=repeat&order=${(await orderOf(u)).id}`);
    expect((await orderOf(u)).status).toBe('failed');
    // Told once, by the free reply: the fallback push is withdrawn (right after the reply).
    const held = await eventually(async () => (await h.db.select().from(outbox).where(eq(outbox.to, u)))[0]?.status, (s) => s === 'replied');
    expect(held).toBe('replied');
    expect(h.delivered(u).filter((m) => m.via === 'push')).toHaveLength(0);
  });

  it('a provider that hangs leaves the order unknown, tells the customer honestly, never resends', async () => {
    const u = nextUser();
    const data = await draft(u);
    const refills = h.simulator.refillCount();
    h.simulator.setFault('hang', { times: 1, kinds: ['refill'] });
    await h.postback(u, data);
    // Answered at once ("under way"); the honest "we are not sure" follows by push.
    const messages = await h.waitFor(u, (m) => m.length >= 3, 10_000);
    expect(messages[1]!.via).toBe('reply');
    expect(textOf(messages[1]!.message)).toContain('รับรายการแล้ว');
    expect(messages[2]!.via).toBe('push');
    expect(textOf(messages[2]!.message)).toContain('ไม่แน่ใจ');
    expect((await orderOf(u)).status).toBe('unknown');
    await h.quiet();
    expect(h.simulator.refillCount()).toBe(refills + 1);
  });

  it('a refill whose reply was lost (empty body) is unknown and never resent', async () => {
    const u = nextUser();
    const data = await draft(u);
    const refills = h.simulator.refillCount();
    h.simulator.setFault('empty', { times: 1, kinds: ['refill'] });
    await h.postback(u, data);
    await h.waitFor(u, (m) => m.length >= 2);
    expect((await orderOf(u)).status).toBe('unknown');
    await h.quiet();
    // The provider did the refill; we never learned its ORDERID, so a person must look.
    expect(h.simulator.refillCount()).toBe(refills + 1);
    expect((await orderOf(u)).status).toBe('unknown');
  });

  it('ignores forged callbacks: wrong secret → 404; right secret but provider says pending → no change', async () => {
    const u = nextUser();
    h.simulator.queueOutcome('slow');
    await h.postback(u, await draft(u));
    await h.waitFor(u, (m) => m.length >= 2);
    const order = await orderOf(u);
    expect(order.status).toBe('pending');
    const form = new URLSearchParams({ orderid: order.providerOrderId!, status_refill: '1', status_cancel: '0', realamount: '0', detail: 'ok' });
    const wrong = await fetch(`${h.bot.url}/topup/callback/not-the-secret`, { method: 'POST', body: form });
    expect(wrong.status).toBe(404);
    const forged = await fetch(`${h.bot.url}/topup/callback/${CALLBACK_SECRET}`, { method: 'POST', body: form });
    expect(forged.status).toBe(200);
    expect(await forged.text()).toBe('OK');
    await h.quiet();
    expect((await orderOf(u)).status).toBe('pending');
    expect(h.delivered(u).filter((m) => m.via === 'push')).toHaveLength(0);
  });

  it('duplicate and out-of-order callbacks change nothing once final; one result card', async () => {
    const u = nextUser();
    await h.postback(u, await draft(u));
    await h.waitFor(u, (m) => m.some((x) => x.via === 'push'));
    const order = await orderOf(u);
    const post = (fields: Record<string, string>) =>
      fetch(`${h.bot.url}/topup/callback/${CALLBACK_SECRET}`, { method: 'POST', body: new URLSearchParams({ orderid: order.providerOrderId!, ...fields }) });
    await post({ status_refill: '0', status_cancel: '1' });
    await post({ status_refill: '1', status_cancel: '0' });
    await post({ status_refill: '1', status_cancel: '0' });
    await h.quiet();
    expect((await orderOf(u)).status).toBe('success');
    expect(h.delivered(u).filter((m) => m.via === 'push')).toHaveLength(1);
  });

  it('keeps a callback for an ORDERID no order holds, asks the provider once, and marks it notFound when the provider does not know it', async () => {
    const form = { orderid: '99999999', status_refill: '1', status_cancel: '0', realamount: '12.50', detail: 'ok' };
    const response = await fetch(`${h.bot.url}/topup/callback/${CALLBACK_SECRET}`, { method: 'POST', body: new URLSearchParams(form) });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('OK');
    const [kept] = await h.db.select().from(providerOrders).where(eq(providerOrders.providerOrderId, '99999999'));
    expect(kept).toMatchObject({ fields: form, orderId: null });

    await h.bot.tick('reconciler');
    const [checked] = await h.db.select().from(providerOrders).where(eq(providerOrders.providerOrderId, '99999999'));
    expect(checked).toMatchObject({ state: 'notFound', nextCheckAt: null, alertedAt: null });
    await h.bot.tick('reconciler');
    expect(h.simulator.requests.filter((r) => r.kind === 'update' && r.fields.orderid === '99999999')).toHaveLength(1);
  });

  it('delivers exactly one push when LINE fails it with 500 and 429 first', async () => {
    const u = nextUser();
    const data = await draft(u);
    await h.postback(u, data);
    await h.waitFor(u, (m) => m.length >= 2);
    h.line.failNext(500, 1, { chat: u });
    h.line.failNext(429, 1, { retryAfter: 0, chat: u });
    await h.waitFor(u, (m) => m.some((x) => x.via === 'push'), 15_000);
    await h.quiet();
    expect(h.delivered(u).filter((m) => m.via === 'push')).toHaveLength(1);
    const [row] = await h.db.select().from(outbox).where(eq(outbox.to, u));
    expect(row!.status).toBe('sent');
    expect(row!.attempts).toBe(3);
    const pushes = h.line.calls.filter((c) => c.path === '/v2/bot/message/push' && (c.body as { to?: string }).to === u);
    expect(pushes.map((c) => [c.status, c.headers['x-line-retry-key']])).toEqual([
      [500, row!.retryKey],
      [429, row!.retryKey],
      [200, row!.retryKey],
    ]);
  });

  it('lets the customer check status and cancel a pending order', async () => {
    const u = nextUser();
    h.simulator.queueOutcome('slow');
    await h.postback(u, await draft(u, 'เติม 100 0812345678 ทรู'));
    await h.waitFor(u, (m) => m.length >= 2);
    await h.text(u, 'เช็คสถานะ');
    let messages = await h.waitFor(u, (m) => m.length >= 3);
    expect(textOf(messages[2]!.message)).toContain('กำลังเติม');
    await h.text(u, 'ยกเลิก');
    messages = await h.waitFor(u, (m) => m.length >= 4);
    expect(textOf(messages[3]!.message)).toContain('ส่งคำขอยกเลิก');
    // The provider confirms the cancel through `update`; the customer gets a calm card, not a failure.
    messages = await h.waitFor(u, (m) => m.some((x) => x.via === 'push' && textOf(x.message).includes('ยกเลิกแล้ว')));
    const card = messages.find((x) => x.via === 'push')!.message;
    expect(textOf(card)).toContain('ยกเลิกรายการนี้ตามที่แจ้งแล้ว');
    expect(textOf(card)).not.toContain('ไม่สำเร็จ');
    expect((await orderOf(u)).status).toBe('cancelled');
  });

  it('stops a customer at the per-minute limit with a clear message', async () => {
    const u = nextUser();
    for (let i = 0; i < 3; i++) {
      await h.postback(u, await draft(u, `เติม 10 081234567${i} ais`));
      await h.waitFor(u, (m) => m.filter((x) => textOf(x.message).includes('รับรายการแล้ว')).length === i + 1);
    }
    const refills = h.simulator.refillCount();
    await h.postback(u, await draft(u, 'เติม 10 0812345679 ais'));
    await h.waitFor(u, (m) => m.some((x) => textOf(x.message).includes('สั่งถี่เกินไป')));
    await h.quiet();
    expect(h.simulator.refillCount()).toBe(refills);
    const rows = await h.db.select().from(orders).where(eq(orders.userId, u)).orderBy(orders.createdAt);
    expect(rows.at(-1)!.status).toBe('draft');
    expect(rows.filter((o) => o.status !== 'draft' && o.status !== 'expired')).toHaveLength(3);
  });
});
