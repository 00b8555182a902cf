/**
 * Idempotency end to end (DESIGN §5, §6), over the webhook and real HTTP in wallet mode: every
 * way a message can be handled twice — a push whose answer LINE lost, a refill whose answer the
 * provider lost, an event handled again after its lease ran out, an owner's credit command
 * handled again — moves money once and tells people once; a forged confirm does nothing.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { readWallet } from '../../src/db/queries/wallets.ts';
import { orders, outbox, providerOrders, walletLedger } from '../../src/db/schema.ts';
import { confirmData, creditWallet } from '../support/customer.ts';
import { drivers } from '../support/db.ts';
import { eventually, startHarness, textOf, type DeliveredMessage, type Harness } from '../support/harness.ts';
import { asIfCrashed, eventHandled } from '../support/inbox.ts';
import { groupChat, latestOrder, newGroupId, OWNER_ENV } from '../owner/support.ts';

/** The kind answer to a confirm that matches no card of this chat (locales/th `order.notFound`). */
const NOT_FOUND = 'ไม่พบรายการนี้ค่ะ พิมพ์สั่งเติมใหม่ได้เลยนะคะ';

/** A LINE user id of the real shape (owners' commands accept only those). */
const lineUserId = () => `U${randomBytes(16).toString('hex')}`;

describe.each(drivers())('idempotency end to end on %s', (driver) => {
  let h: Harness;
  const owners = newGroupId('idem');

  beforeAll(async () => {
    h = await startHarness(driver, {
      env: { ...OWNER_ENV, OWNER_GROUP_IDS: owners, PAYMENT_MODE: 'wallet', PROMPTPAY_ID: '0812345678' },
    });
  });
  afterAll(() => h.stop());
  afterEach(() => {
    h.simulator.clearFault();
    expect(h.invalidPayloads()).toEqual([]);
  });

  const credit = (u: string, baht: number) => creditWallet(h.db, u, baht);
  const card = (u: string, text?: string) => confirmData(h, u, text);

  const texts = (chat: string) => h.delivered(chat).map((m) => `${m.via}: ${textOf(m.message)}`);
  const ledger = async (u: string) =>
    (await h.db.select().from(walletLedger).where(eq(walletLedger.userId, u))).map((e) => [e.kind, e.amountSatang]);
  const pushCalls = (chat: string) =>
    h.line.calls.filter((c) => c.path === '/v2/bot/message/push' && (c.body as { to?: string } | undefined)?.to === chat);

  describe.each([
    ['answered 500', 500],
    ['cut off', 'drop'],
  ] as const)('a result push LINE delivered but whose answer was lost (%s)', (_how, failure) => {
    it('is retried with the same X-Line-Retry-Key, LINE answers 409, and the customer has the card once', async () => {
      const u = lineUserId();
      await credit(u, 100);
      const data = await card(u);
      h.line.deliverThenFailNext(failure, 1, { chat: u });
      await h.postback(u, data);
      const order = await eventually(() => latestOrder(h, u), (o) => o.status === 'success', 10_000, 'the order to succeed');
      const row = await eventually(
        async () => (await h.db.select().from(outbox).where(eq(outbox.dedupeKey, `order:${order.id}:success`)))[0]!,
        (r) => r?.status === 'sent',
        15_000,
        'the result push to be settled',
      );
      await h.quiet();

      expect(h.delivered(u).filter((m) => m.via === 'push').map((m) => textOf(m.message))).toEqual([
        expect.stringContaining('เติมเงินสำเร็จ'),
      ]);
      const calls = pushCalls(u);
      expect(calls.map((c) => c.headers['x-line-retry-key'])).toEqual([row.retryKey, row.retryKey]);
      expect(calls.map((c) => c.status)).toEqual([failure === 'drop' ? 0 : 500, 409]);
      expect(row.attempts).toBe(2);
      expect(await ledger(u)).toEqual([
        ['credit', 10_000],
        ['hold', 5_000],
        ['capture', 5_000],
      ]);
    });
  });

  it('a refill whose answer the provider lost (connection reset after taking it) is sent once, though the tap comes again and its event is handled again', async () => {
    const u = lineUserId();
    await credit(u, 100);
    const data = await card(u);
    const refills = h.simulator.refillCount();
    h.simulator.setFault('reset', { times: 1, kinds: ['refill'] }); // processFirst: the provider has the order
    const tap = await h.postback(u, data);
    const unknown = await eventually(() => latestOrder(h, u), (o) => o.status === 'unknown', 10_000, 'the order to be unknown');
    expect(unknown.providerOrderId).toBeNull();

    // The customer taps again; LINE redelivers the first tap; the first tap's instance "died".
    await h.postback(u, data);
    await h.postback(u, data, { eventId: tap.webhookEventId });
    await asIfCrashed(h.db, tap.webhookEventId, { answered: false });
    await h.bot.tick('inbox-sweep');
    await eventHandled(h.db, tap.webhookEventId);
    await h.quiet();

    expect(h.simulator.refillCount()).toBe(refills + 1);
    expect((await latestOrder(h, u)).status).toBe('unknown');
    // The credit stays set aside, once, until someone knows the outcome.
    expect(await ledger(u)).toEqual([
      ['credit', 10_000],
      ['hold', 5_000],
    ]);
    expect(await readWallet(h.db, u)).toEqual({ balanceSatang: 5_000, heldSatang: 5_000 });

    // The provider finishes that refill and calls back: its word is kept, checked with `update`,
    // and shown to the owners once.
    const taken = [...h.simulator.state.orders.values()].at(-1)!;
    await eventually(
      () => h.db.select().from(providerOrders).where(eq(providerOrders.providerOrderId, taken.orderId)),
      (rows) => rows.length === 1,
      10_000,
      "the provider's callback",
    );
    await h.bot.tick('reconciler');
    await h.quiet();
    const [kept] = await h.db.select().from(providerOrders).where(eq(providerOrders.providerOrderId, taken.orderId));
    expect(kept).toMatchObject({ state: 'success', orderId: null, chargedSatang: taken.chargedSatang });
    const cards = h.delivered(owners).filter((m) => JSON.stringify(m.message).includes(`porder=${taken.orderId}`));
    expect(cards).toHaveLength(1);
    expect(JSON.stringify(cards[0]!.message)).toContain(`order=${unknown.id}&porder=${taken.orderId}`);
  });

  /**
   * A confirmed top-up whose confirm tap is handled again after its lease ran out (as after a
   * crash), with its answer recorded or not; checks that the provider got one refill.
   */
  async function confirmedThenHandledAgain(changes: { answered: boolean }): Promise<{ u: string; before: string[] }> {
    const u = lineUserId();
    await credit(u, 100);
    const data = await card(u);
    const refills = h.simulator.refillCount();
    const tap = await h.postback(u, data);
    await h.waitFor(u, (m) => m.some((x) => x.via === 'push' && textOf(x.message).includes('เติมเงินสำเร็จ')));
    await h.quiet();
    const before = texts(u);

    await asIfCrashed(h.db, tap.webhookEventId, changes);
    await h.bot.tick('inbox-sweep');
    await eventHandled(h.db, tap.webhookEventId);
    await h.quiet();

    expect(h.simulator.refillCount()).toBe(refills + 1);
    return { u, before };
  }

  it('a confirm tap handled again after its lease ran out, its answer not yet recorded: one refill, one hold and capture, and one more answer saying it was already confirmed', async () => {
    const { u, before } = await confirmedThenHandledAgain({ answered: false });
    expect(await ledger(u)).toEqual([
      ['credit', 10_000],
      ['hold', 5_000],
      ['capture', 5_000],
    ]);
    expect(await readWallet(h.db, u)).toEqual({ balanceSatang: 5_000, heldSatang: 0 });
    // The reply token was used, so the second answer goes by push: it names the order as done.
    const order = await latestOrder(h, u);
    expect(texts(u).slice(0, -1)).toEqual(before);
    const again = h.delivered(u).at(-1)!;
    expect(again.via).toBe('push');
    expect(again.message.text).toBe(`รายการ ${order.ref} ได้รับการยืนยันแล้วค่ะ สถานะตอนนี้: สำเร็จ`);
  });

  it('a confirm tap handled again after its lease ran out, its answer recorded: nothing is sent or moved again', async () => {
    const { u, before } = await confirmedThenHandledAgain({ answered: true });
    expect(texts(u)).toEqual(before);
    expect(await ledger(u)).toEqual([
      ['credit', 10_000],
      ['hold', 5_000],
      ['capture', 5_000],
    ]);
  });

  it("an owner's เพิ่มเครดิต handled again after its lease ran out credits once and tells the customer once", async () => {
    const u = lineUserId();
    const g = groupChat(h, owners);
    const before = g.messages().length;
    const eventId = await g.text(`เพิ่มเครดิต ${u} 500 โอนซ้ำ`, 'Uowner1');
    const [reply] = (await h.waitFor(owners, (m) => m.slice(before).some((x) => x.via === 'reply'))).slice(before).filter((x) => x.via === 'reply');
    expect(textOf(reply!.message)).toContain('เครดิตคงเหลือ ฿500');
    await h.waitFor(u, (m) => m.some((x) => textOf(x.message).includes('ร้านเพิ่มเครดิตให้ ฿500')));
    await h.quiet();
    const answered = g.messages().length;

    await asIfCrashed(h.db, eventId, { answered: false });
    await h.bot.tick('inbox-sweep');
    await eventHandled(h.db, eventId);
    await h.quiet();

    // The command is answered again (its first answer counts as never sent), with the same balance.
    // (Only the command's answers: other tests' alerts may reach the owners' group meanwhile.)
    const again = g.messages().slice(answered).filter((m) => textOf(m.message).includes('เครดิตคงเหลือ'));
    expect(again.map((m) => m.via)).toEqual(['push']);
    expect(textOf(again[0]!.message)).toContain('เครดิตคงเหลือ ฿500');

    expect(await readWallet(h.db, u)).toEqual({ balanceSatang: 50_000, heldSatang: 0 });
    const entries = await h.db.select().from(walletLedger).where(eq(walletLedger.userId, u));
    expect(entries.map((e) => [e.kind, e.amountSatang, e.reason, e.actor])).toEqual([['credit', 50_000, 'โอนซ้ำ', 'Uowner1']]);
    expect(texts(u).filter((t) => t.includes('ร้านเพิ่มเครดิตให้'))).toHaveLength(1);
  });

  describe('a forged confirm postback through the webhook', () => {
    it('with a wrong token: no order confirmed, no refill, no hold, and a kind answer; the real card still works', async () => {
      const u = lineUserId();
      await credit(u, 100);
      const data = await card(u);
      const refills = h.simulator.refillCount();
      const forged = new URLSearchParams(data);
      forged.set('t', randomBytes(16).toString('base64url'));

      const before = h.delivered(u).length;
      await h.postback(u, forged.toString());
      const [answer] = (await h.waitFor(u, (m) => m.length > before)).slice(before);
      await h.quiet();
      expect(answer!.message.text).toBe(NOT_FOUND);
      expect((await latestOrder(h, u)).status).toBe('draft');
      expect(h.simulator.refillCount()).toBe(refills);
      expect(await ledger(u)).toEqual([['credit', 10_000]]);

      await h.postback(u, data);
      await eventually(() => latestOrder(h, u), (o) => o.status === 'success', 10_000, 'the real tap to go through');
      expect(h.simulator.refillCount()).toBe(refills + 1);
    });

    it("with another customer's order and its real token, sent from another chat: nothing moves for either, and a kind answer", async () => {
      const owner = lineUserId();
      const thief = lineUserId();
      await credit(owner, 100);
      await credit(thief, 100);
      const data = await card(owner);
      const refills = h.simulator.refillCount();

      await h.postback(thief, data);
      const [answer] = await h.waitFor(thief, (m) => m.length > 0);
      await h.quiet();
      expect(h.delivered(thief)).toHaveLength(1);
      expect(answer!.message.text).toBe(NOT_FOUND);
      expect((await latestOrder(h, owner)).status).toBe('draft');
      expect(await h.db.select().from(orders).where(eq(orders.userId, thief))).toHaveLength(0);
      expect(h.simulator.refillCount()).toBe(refills);
      expect(await ledger(owner)).toEqual([['credit', 10_000]]);
      expect(await ledger(thief)).toEqual([['credit', 10_000]]);
      expect(h.delivered(owner).filter((m: DeliveredMessage) => m.via === 'push')).toHaveLength(0);

      // Its owner's own tap is the one that counts.
      await h.postback(owner, data);
      await eventually(() => latestOrder(h, owner), (o) => o.status === 'success', 10_000, "the owner's tap to go through");
      expect(h.simulator.refillCount()).toBe(refills + 1);
      expect(
        await h.db.select().from(walletLedger).where(and(eq(walletLedger.userId, thief), eq(walletLedger.kind, 'hold'))),
      ).toHaveLength(0);
    });
  });
});
