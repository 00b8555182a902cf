/**
 * Cards that lead on, over real HTTP: a superseded card's ยืนยัน shows the current card again;
 * a corrected card marks what changed; an expired card offers a new one; แก้ไข on a finished
 * order starts from its details; เติมซ้ำ goes straight to a confirm card; ใบเสร็จ gives a
 * receipt to forward. Nothing here acts on another chat's order.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { orders } from '../../src/db/schema.ts';
import { drivers } from '../support/db.ts';
import { buttonData, startHarness, textOf, type DeliveredMessage, type Harness } from '../support/harness.ts';

type Message = DeliveredMessage['message'];

/** The postback data of a quick-reply chip, by its label. */
function chipData(message: Message, label: string): string | undefined {
  const items = (message as { quickReply?: { items: { action: { label: string; data?: string } }[] } }).quickReply?.items ?? [];
  return items.find((i) => i.action.label === label)?.action.data;
}

describe.each(drivers())('cards that lead on, on %s', (driver) => {
  let h: Harness;
  let n = 0;
  const nextUser = () => `Uagain${driver}${++n}${Date.now()}`;

  beforeAll(async () => {
    h = await startHarness(driver, { settleAfterMs: 200 });
  });
  afterAll(() => h.stop());
  afterEach(() => expect(h.invalidPayloads()).toEqual([]));

  /** Sends text (or a postback) and returns the messages that answer it. */
  async function say(u: string, text: string, count = 1): Promise<Message[]> {
    const before = h.delivered(u).length;
    await h.text(u, text);
    return (await h.waitFor(u, (m) => m.length >= before + count)).slice(before).map((m) => m.message);
  }
  async function tap(u: string, data: string, count = 1): Promise<Message[]> {
    const before = h.delivered(u).length;
    await h.postback(u, data);
    return (await h.waitFor(u, (m) => m.length >= before + count)).slice(before).map((m) => m.message);
  }
  /** An order confirmed and settled: its pushed result card. */
  async function toppedUp(u: string, text = 'เติม 50 0812345678 ais'): Promise<Message> {
    const [card] = await say(u, text);
    const before = h.delivered(u).length;
    await h.postback(u, buttonData(card!, 'ยืนยัน')!);
    const messages = await h.waitFor(u, (m) => m.slice(before).some((x) => x.via === 'push'));
    return messages.slice(before).find((x) => x.via === 'push')!.message;
  }

  it('a superseded card offers the current card again; the corrected card marks what changed', async () => {
    const u = nextUser();
    const [first] = await say(u, 'เติม 50 0812345678 dtac');
    const [second] = await say(u, 'ไม่ใช่ ทรู');
    expect(textOf(second!)).toContain('TrueMove H');
    expect(textOf(second!)).toContain('เปลี่ยนจาก dtac');
    expect(textOf(second!)).not.toContain('เปลี่ยนจาก 081');

    const [answer] = await tap(u, buttonData(first!, 'ยืนยัน')!);
    expect(textOf(answer!)).toContain('การ์ดนี้ไม่ใช้แล้ว');
    const [again] = await tap(u, chipData(answer!, 'ดูการ์ดล่าสุด')!);
    // The same live card, which still confirms.
    expect(buttonData(again!, 'ยืนยัน')).toBe(buttonData(second!, 'ยืนยัน'));
    const [pending] = await tap(u, buttonData(again!, 'ยืนยัน')!);
    expect(textOf(pending!)).toContain('รับรายการแล้ว');
    const rows = await h.db.select().from(orders).where(eq(orders.userId, u)).orderBy(orders.createdAt);
    expect(rows.map((r) => [r.network, r.status === 'expired'])).toEqual([
      ['DTAC', true],
      ['TRUE', false],
    ]);
  });

  it('a superseded card whose successor is gone, and an expired card, offer a new card with their details', async () => {
    const u = nextUser();
    const [first] = await say(u, 'เติม 20 0899999999 ais');
    await say(u, 'ไม่ใช่ 100 บาท');
    await say(u, 'ยกเลิก');
    const [gone] = await tap(u, buttonData(first!, 'ยืนยัน')!);
    expect(textOf(gone!)).toContain('การ์ดนี้ไม่ใช้แล้ว');
    const [fresh] = await tap(u, chipData(gone!, 'ขอการ์ดใหม่')!);
    expect(textOf(fresh!)).toContain('089-999-9999');
    expect(textOf(fresh!)).toContain('฿20');

    // The fresh card runs out of time (its expiry moved into the past): tapping it offers another.
    await h.db
      .update(orders)
      .set({ expiresAt: sql`now() - interval '1 second'` })
      .where(and(eq(orders.userId, u), eq(orders.status, 'draft')));
    const [expired] = await tap(u, buttonData(fresh!, 'ยืนยัน')!);
    expect(textOf(expired!)).toContain('หมดเวลา');
    const [another] = await tap(u, chipData(expired!, 'ขอการ์ดใหม่')!);
    expect(buttonData(another!, 'ยืนยัน')).toMatch(/^action=confirm&order=[0-9a-f-]{36}&t=[\w-]+$/);
    expect(textOf(another!)).toContain('฿20');
  });

  it('แก้ไข on a finished order starts a new order from its details and asks what to change', async () => {
    const u = nextUser();
    const [card] = await say(u, 'เติม 50 0812345678 ais');
    await h.postback(u, buttonData(card!, 'ยืนยัน')!);
    await h.waitFor(u, (m) => m.some((x) => x.via === 'push' && textOf(x.message).includes('สำเร็จ')));

    const [question] = await tap(u, buttonData(card!, 'แก้ไข')!);
    expect(textOf(question!)).toContain('ต้องการแก้ไขส่วนไหน');
    expect(textOf(question!)).toContain('081-234-5678 · AIS · ฿50');
    const [ask] = await tap(u, chipData(question!, 'เปลี่ยนจำนวนเงิน')!);
    expect(textOf(ask!)).toContain('กี่บาท');
    const [corrected] = await say(u, '100');
    expect(textOf(corrected!)).toContain('฿100');
    expect(textOf(corrected!)).toContain('เปลี่ยนจาก ฿50');
    expect(textOf(corrected!)).toContain('081-234-5678');
  });

  it('เติมซ้ำ on the result card: the same order straight to a confirm card, which tops up again', async () => {
    const u = nextUser();
    const result = await toppedUp(u, 'เติม 100 0891234567 ทรู');
    const refills = h.simulator.refillCount();
    const [card] = await tap(u, buttonData(result, 'เติมซ้ำ')!);
    expect(card!.type).toBe('flex');
    for (const fact of ['089-123-4567', 'TrueMove H', '฿100']) expect(textOf(card!)).toContain(fact);
    await tap(u, buttonData(card!, 'ยืนยัน')!);
    await h.waitFor(u, (m) => m.filter((x) => x.via === 'push' && textOf(x.message).includes('สำเร็จ')).length === 2);
    expect(h.simulator.refillCount()).toBe(refills + 1);
  });

  it('ใบเสร็จ under the result: a compact receipt with nothing to tap, in Thai dates', async () => {
    const u = nextUser();
    const result = await toppedUp(u);
    const [order] = await h.db.select().from(orders).where(eq(orders.userId, u));
    const [receipt] = await tap(u, chipData(result, 'ใบเสร็จ')!);
    const text = textOf(receipt!);
    for (const fact of [order!.ref, '081-234-5678', 'AIS', '฿50', order!.providerOrderId!]) expect(text).toContain(fact);
    expect(text).toMatch(/\d{2}\/\d{2}\/25\d{2} \d{2}:\d{2} น\./);
    // Forwarded, a button would act in someone else's chat: there is none.
    expect(JSON.stringify(receipt)).not.toContain('"action"');
    // Its alt text carries every fact too (chat list, notification, forward preview).
    expect(receipt!['altText']).toContain(order!.providerOrderId!);
  });

  it('a receipt for an order that has not succeeded says why; another chat’s order is not found', async () => {
    const u = nextUser();
    const result = await toppedUp(u);
    const receiptData = chipData(result, 'ใบเสร็จ')!;
    const [order] = await h.db.select().from(orders).where(eq(orders.userId, u));
    await h.db.update(orders).set({ status: 'failed' }).where(eq(orders.id, order!.id));
    const [notYet] = await tap(u, receiptData);
    expect(textOf(notYet!)).toContain('ยังออกใบเสร็จไม่ได้');

    const stranger = nextUser();
    const [none] = await tap(stranger, receiptData);
    expect(textOf(none!)).toContain('ไม่พบรายการนี้');
    const [noRepeat] = await tap(stranger, buttonData(result, 'เติมซ้ำ')!);
    expect(textOf(noRepeat!)).toContain('ไม่พบรายการนี้');
  });
});
