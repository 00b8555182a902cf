/**
 * The failure paths of DESIGN §5, over real HTTP with the provider simulator and the LINE
 * stand-in misbehaving on purpose, on PGlite and PostgreSQL: what the customer and the owners
 * see when the provider hangs, when a reply fails, when a refill's answer is lost, when the
 * shop's balance runs out.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { orders, providerOrders, walletLedger } from '../../src/db/schema.ts';
import { confirmData, creditWallet } from '../support/customer.ts';
import { drivers } from '../support/db.ts';
import { buttonData, eventually, startHarness, textOf, type DeliveredMessage, type Harness } from '../support/harness.ts';
import { groupChat, latestOrder, newGroupId, OWNER_ENV } from '../owner/support.ts';

describe.each(drivers())('failure paths on %s', (driver) => {
  let h: Harness;
  const owners = newGroupId('fail');
  let n = 0;
  const nextUser = () => `Ufail${driver}${++n}${Date.now()}`;

  beforeAll(async () => {
    h = await startHarness(driver, {
      // A provider timeout far longer than any answer the customer should wait for.
      env: { ...OWNER_ENV, OWNER_GROUP_IDS: owners, PAYMENT_MODE: 'wallet', PROMPTPAY_ID: '0812345678', TOPUP_TIMEOUT_MS: '60000' },
    });
  });
  afterAll(() => h.stop());
  afterEach(() => {
    h.simulator.clearFault();
    h.line.reset();
    expect(h.invalidPayloads()).toEqual([]);
  });

  const credit = (u: string, baht: number) => creditWallet(h.db, u, baht);
  const card = (u: string, text?: string) => confirmData(h, u, text);

  const after = (u: string, before: number) => h.delivered(u).slice(before);
  const waitText = (u: string, before: number, needle: string) =>
    h.waitFor(u, (m) => m.slice(before).some((x) => textOf(x.message).includes(needle))).then(
      (m) => m.slice(before).find((x) => textOf(x.message).includes(needle)) as DeliveredMessage,
    );

  it('a provider that hangs: the tap and a status question are answered while the refill is still in flight; one refill', async () => {
    const u = nextUser();
    await credit(u, 100);
    const data = await card(u);
    const refills = h.simulator.refillCount();
    h.simulator.setFault('hang', { times: 1, kinds: ['refill'] });

    const before = h.delivered(u).length;
    await h.postback(u, data);
    const accepted = await waitText(u, before, 'รับรายการแล้ว');
    expect(accepted.via).toBe('reply');
    await h.text(u, 'เช็คสถานะ');
    const status = await waitText(u, before, 'รายการล่าสุด');
    expect(status.via).toBe('reply');
    // Both answers came while the provider still holds the refill.
    expect(h.simulator.hungCount()).toBe(1);
    expect((await latestOrder(h, u)).status).toBe('submitting');

    // The connection drops: the refill may have happened, so the order is unknown, never resent.
    h.simulator.dropHung();
    await waitText(u, before, 'ไม่แน่ใจ');
    await h.quiet();
    expect(h.simulator.refillCount()).toBe(refills + 1);
    expect((await latestOrder(h, u)).status).toBe('unknown');
  });

  it('a reply LINE answers 500 reaches the customer by push, once, with one card and one draft', async () => {
    const u = nextUser();
    await credit(u, 100);
    h.line.failNext(500, 1);
    const before = h.delivered(u).length;
    await h.text(u, 'เติม 50 0812345678 ais');
    const pushed = await h.waitFor(u, (m) => m.slice(before).some((x) => x.via === 'push'));
    await h.quiet();
    const cards = after(u, before);
    expect(cards).toHaveLength(1);
    expect(pushed.slice(before)[0]!.message.type).toBe('flex');
    expect(await h.db.select().from(orders).where(eq(orders.userId, u))).toHaveLength(1);
    // And the card works.
    const tapBefore = h.delivered(u).length;
    await h.postback(u, buttonData(cards[0]!.message, 'ยืนยัน')!);
    await waitText(u, tapBefore, 'สำเร็จ');
  });

  it('a message LINE delivers a minute late (a redelivery after an outage) is answered by push with a retry key; its stale reply token is never tried', async () => {
    const u = nextUser();
    await credit(u, 100);
    const calls = h.line.calls.length;
    const before = h.delivered(u).length;
    await h.text(u, 'เติม 50 0812345678 ais', { redelivery: true, sentAt: Date.now() - 60_000 });
    await h.waitFor(u, (m) => m.length > before);
    await h.quiet();
    const answers = h.delivered(u).slice(before);
    expect(answers.map((a) => a.via)).toEqual(['push']);
    expect(answers[0]!.message.type).toBe('flex');
    const attempts = h.line.calls.slice(calls);
    expect(attempts.filter((c) => c.path === '/v2/bot/message/reply')).toHaveLength(0);
    const pushes = attempts.filter((c) => c.path === '/v2/bot/message/push');
    expect(pushes).toHaveLength(1);
    expect(pushes[0]!.headers['x-line-retry-key']).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    // And the card it carries works.
    const tapBefore = h.delivered(u).length;
    await h.postback(u, buttonData(answers[0]!.message, 'ยืนยัน')!);
    await waitText(u, tapBefore, 'สำเร็จ');
  });

  it('a refill whose answer was lost, then the provider calls back: one owner tap settles it as success, no refund', async () => {
    const u = nextUser();
    await credit(u, 100);
    const data = await card(u);
    // The provider takes the refill and its answer is lost (an empty reply): ORDERID unknown.
    h.simulator.setFault('empty', { times: 1, kinds: ['refill'] });
    const before = h.delivered(u).length;
    await h.postback(u, data);
    await waitText(u, before, 'ไม่แน่ใจ');
    const order = await eventually(() => latestOrder(h, u), (o) => o.status === 'unknown');
    expect(order.providerOrderId).toBeNull();

    // The provider finishes and calls back with an ORDERID none of our orders holds: the owners
    // get its card, naming our unknown order as what it may be.
    const g = groupChat(h, owners);
    const linkCard = await eventually(
      () => h.delivered(owners).find((m) => JSON.stringify(m.message).includes(`order=${order.id}&porder=`)),
      (m) => m !== undefined,
      15_000,
      'the provider order card',
    );
    expect(textOf(linkCard!.message)).toContain('สำเร็จ');

    const answer = await g.tap(buttonData(linkCard!.message, `ผูกกับ ${order.ref}`)!, 'Uowner1');
    expect(textOf(answer.message)).toContain('เติมสำเร็จ');
    await waitText(u, before, 'เติมเงินสำเร็จ');
    const settled = await latestOrder(h, u);
    const [tied] = await h.db.select().from(providerOrders).where(eq(providerOrders.orderId, order.id));
    expect(tied).toMatchObject({ state: 'success', linkedBy: 'Uowner1' });
    expect(settled).toMatchObject({ status: 'success', providerOrderId: tied!.providerOrderId });
    const kinds = (await h.db.select().from(walletLedger).where(eq(walletLedger.userId, u))).map((r) => r.kind);
    expect(kinds).toEqual(['credit', 'hold', 'capture']);
    // A late tap on the same button changes nothing.
    expect(textOf((await g.tap(buttonData(linkCard!.message, `ผูกกับ ${order.ref}`)!, 'Uowner2')).message)).toContain('ผูกไว้แล้ว');
  });

  it('"failed" on an unknown order while the provider reported a success asks the owner once more', async () => {
    const u = nextUser();
    await credit(u, 100);
    const data = await card(u);
    h.simulator.setFault('empty', { times: 1, kinds: ['refill'] });
    const before = h.delivered(u).length;
    await h.postback(u, data);
    const order = await eventually(() => latestOrder(h, u), (o) => o.status === 'unknown');
    // The provider's success callback for it has been checked (received after our order was sent).
    await eventually(
      () => h.db.select().from(providerOrders).where(eq(providerOrders.state, 'success')),
      (rows) => rows.some((r) => r.orderId === null && r.receivedAt >= order.submittedAt!),
    );

    const g = groupChat(h, owners);
    const asked = await g.tap(`action=ownerFailed&order=${order.id}`, 'Uowner1');
    expect(textOf(asked.message)).toContain('ผู้ให้บริการเพิ่งแจ้งผล');
    expect((await latestOrder(h, u)).status).toBe('unknown');
    // The owner is sure: failed, and the credit comes back.
    const sure = await g.tap(`action=ownerFailed&order=${order.id}&sure=1`, 'Uowner1');
    expect(textOf(sure.message)).toContain('เติมไม่สำเร็จ');
    await waitText(u, before, 'คืนเครดิต ฿50');
  });

  it("the shop's own balance running out is told as the shop's, the hold is released, and the owners hear at once", async () => {
    const u = nextUser();
    await credit(u, 100);
    const data = await card(u);
    h.simulator.setBalance(1_000); // ฿10 at the provider: a ฿50 refill is refused
    try {
      const before = h.delivered(u).length;
      await h.postback(u, data);
      const told = await waitText(u, before, 'ร้านยังเติมเงินให้ไม่ได้');
      expect(textOf(told.message)).not.toContain('ยอดเงินคงเหลือไม่เพียงพอ');
      expect(JSON.stringify(told.message)).not.toContain('เติม 50 081-234-5678'); // no "order again" button
      expect((await latestOrder(h, u)).status).toBe('failed');
      const kinds = (await h.db.select().from(walletLedger).where(eq(walletLedger.userId, u))).map((r) => r.kind);
      expect(kinds).toEqual(['credit', 'hold', 'release']);
      const alert = await eventually(
        () => h.delivered(owners).find((m) => textOf(m.message).includes('ยอดเงินร้านไม่พอ')),
        (m) => m !== undefined,
      );
      expect(textOf(alert!.message)).toContain('฿10');
    } finally {
      h.simulator.setBalance(1_000_000);
    }
  });

  it('a callback replayed twenty times asks the provider once', async () => {
    const u = nextUser();
    await credit(u, 100);
    const data = await card(u);
    h.simulator.queueOutcome('slow');
    await h.postback(u, data);
    const order = await eventually(() => latestOrder(h, u), (o) => o.status === 'pending');
    const updates = () => h.simulator.requests.filter((r) => r.kind === 'update' && r.fields.orderid === order.providerOrderId).length;
    const before = updates();
    const form = new URLSearchParams({ orderid: order.providerOrderId!, status_refill: '1', status_cancel: '0', realamount: '0', detail: 'ok' });
    const replies = await Promise.all(
      Array.from({ length: 20 }, () => fetch(`${h.bot.url}/topup/callback/test-callback-secret-123`, { method: 'POST', body: form })),
    );
    expect(replies.every((r) => r.status === 200)).toBe(true);
    expect(updates() - before).toBe(1);
  });
});
