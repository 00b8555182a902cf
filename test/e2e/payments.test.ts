/**
 * Payments over real HTTP (signed webhooks, LINE stand-in, provider simulator), in wallet mode:
 * เติมเครดิต → PromptPay QR → slip photo → owners' card → อนุมัติ (once, whoever taps first) →
 * credit; the confirm card with the credit; a short credit offering a deposit; holds captured on
 * success and released on failure; owners' credit/debit commands; เช็คยอด.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { readWallet } from '../../src/db/queries/wallets.ts';
import { deposits, orders, walletLedger } from '../../src/db/schema.ts';
import { drivers } from '../support/db.ts';
import { decodeQrPng, promptPayPhone, readPromptPay } from '../support/promptpay.ts';
import { buttonData, eventually, sendUserEvent, startHarness, textOf, type DeliveredMessage, type Harness } from '../support/harness.ts';
import { groupChat, newGroupId, OWNER_ENV } from '../owner/support.ts';

/** A tiny valid JPEG header is all the bot looks at; the rest is the "photo". */
const SLIP = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('a transfer slip, pretend', 'utf8')]);

describe.each(drivers())('payments (wallet mode) on %s', (driver) => {
  let h: Harness;
  const owners = newGroupId('pay');
  let n = 0;
  const nextUser = () => `Upay${driver}${++n}${Date.now()}`;

  beforeAll(async () => {
    h = await startHarness(driver, {
      settleAfterMs: 300,
      env: { ...OWNER_ENV, OWNER_GROUP_IDS: owners, PAYMENT_MODE: 'wallet', PROMPTPAY_ID: '081-234-5678' },
    });
  });
  afterAll(() => h.stop());
  afterEach(() => {
    h.simulator.clearFault();
    expect(h.invalidPayloads()).toEqual([]);
  });

  const group = () => groupChat(h, owners);

  /** Sends text and waits for the next `count` messages to the customer. */
  async function say(u: string, text: string, count = 1): Promise<DeliveredMessage[]> {
    const before = h.delivered(u).length;
    await h.text(u, text);
    const messages = await h.waitFor(u, (m) => m.length >= before + count);
    return messages.slice(before);
  }

  async function tap(u: string, data: string, count = 1): Promise<DeliveredMessage[]> {
    const before = h.delivered(u).length;
    await h.postback(u, data);
    const messages = await h.waitFor(u, (m) => m.length >= before + count);
    return messages.slice(before);
  }

  async function sendPhoto(u: string): Promise<DeliveredMessage> {
    const messageId = String(Date.now()) + String(Math.floor(Math.random() * 1e6));
    h.line.setContent(messageId, SLIP, 'image/jpeg');
    const before = h.delivered(u).length;
    await sendUserEvent(h.bot.url, h.line, u, {
      type: 'message',
      message: { id: messageId, type: 'image', contentProvider: { type: 'line' }, quoteToken: 'q' },
    });
    return (await h.waitFor(u, (m) => m.length > before))[before]!;
  }

  /** The owners' group's newest message containing `needle`. */
  async function ownersGet(needle: string): Promise<DeliveredMessage> {
    const messages = await h.waitFor(owners, (m) => m.some((x) => textOf(x.message).includes(needle)));
    return messages.filter((x) => textOf(x.message).includes(needle)).at(-1)!;
  }

  /** A deposit from request to approval; returns the customer's approval message. */
  async function deposit(u: string, baht: number): Promise<void> {
    await say(u, `เติมเครดิต ${baht}`, 2);
    await sendPhoto(u);
    const [row] = await h.db.select().from(deposits).where(eq(deposits.userId, u));
    const card = await ownersGet(row!.ref);
    const before = h.delivered(u).length;
    await group().tap(buttonData(card.message, 'อนุมัติ')!, 'Uowner1');
    await h.waitFor(u, (m) => m.length > before);
  }

  it('เติมเครดิต 500 → a PromptPay QR for ฿500 → slip → owners approve (two at once) → credited once', async () => {
    const u = nextUser();
    const [qr, instructions] = await say(u, 'เติมเครดิต 500', 2);
    expect(qr!.via).toBe('reply');
    expect(qr!.message.type).toBe('image');
    const url = qr!.message.originalContentUrl as string;
    expect(url).toMatch(/\/qr\/[A-Za-z0-9_-]{20,}\.png$/);
    expect(qr!.message.previewImageUrl).toBe(url);
    expect(textOf(instructions!.message)).toContain('฿500');
    expect(textOf(instructions!.message)).toContain('081-234-5678');
    expect(textOf(instructions!.message)).toContain('สลิป');

    // The QR the bot serves, read as a banking app reads it: the deposit's amount, to the shop.
    const [pending] = await h.db.select().from(deposits).where(eq(deposits.userId, u));
    expect(pending!.amountSatang).toBe(50_000);
    const image = await fetch(url.replace(/^https?:\/\/[^/]+/, h.bot.url));
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/png');
    const scanned = readPromptPay(decodeQrPng(Buffer.from(await image.arrayBuffer())));
    expect(scanned).toEqual({
      promptPayId: promptPayPhone(h.config.payments.promptPayId!), // PROMPTPAY_ID 081-234-5678 → 0066812345678
      amount: (pending!.amountSatang / 100).toFixed(2),
      currency: '764',
      country: 'TH',
      checksumValid: true,
    });
    expect(scanned.promptPayId).toBe('0066812345678');
    expect((await fetch(`${h.bot.url}/qr/not-a-real-token-at-all.png`)).status).toBe(404);

    // The slip: stored, acknowledged, and on its way to the owners with the photo.
    const received = await sendPhoto(u);
    expect(textOf(received.message)).toContain('ได้รับสลิปแล้ว');
    const [row] = await h.db.select().from(deposits).where(eq(deposits.userId, u));
    expect(row!.status).toBe('awaiting_approval');
    const card = await ownersGet(row!.ref);
    expect(card.via).toBe('push');
    expect(card.message.type).toBe('flex');
    expect(textOf(card.message)).toContain('฿500');
    expect(textOf(card.message)).toContain(u);
    const hero = (card.message as unknown as { contents: { hero: { url: string } } }).contents.hero.url;
    const slip = await fetch(hero.replace(/^https?:\/\/[^/]+/, h.bot.url));
    expect(slip.status).toBe(200);
    expect(Buffer.from(await slip.arrayBuffer()).equals(SLIP)).toBe(true);
    // Another photo now does not start anything new.
    expect(textOf((await sendPhoto(u)).message)).toContain('ไม่ต้องส่งซ้ำ');

    // Two owners tap อนุมัติ at the same moment: one credit.
    const approve = buttonData(card.message, 'อนุมัติ')!;
    const g = group();
    const before = g.messages().length;
    await Promise.all([g.postback(approve, 'Uowner1'), g.postback(approve, 'Uowner2')]);
    const replies = (m: DeliveredMessage[]) => m.slice(before).filter((x) => x.via === 'reply');
    const answers = replies(await h.waitFor(owners, (m) => replies(m).length >= 2)).map((m) => textOf(m.message));
    expect(answers.filter((a) => a.startsWith('✅ อนุมัติแล้วค่ะ'))).toHaveLength(1);
    expect(answers.filter((a) => a.includes('ไม่ได้เปลี่ยนแปลงอะไร'))).toHaveLength(1);
    // A late tap on the card, too, changes nothing.
    expect(textOf((await g.tap(approve, 'Uowner3')).message)).toContain('ไม่ได้เปลี่ยนแปลงอะไร');

    const told = await h.waitFor(u, (m) => m.some((x) => x.via === 'push' && textOf(x.message).includes('เรียบร้อยแล้ว')));
    expect(told.filter((x) => x.via === 'push')).toHaveLength(1);
    expect(await readWallet(h.db, u)).toEqual({ balanceSatang: 50_000, heldSatang: 0 });
    expect(await h.db.select().from(walletLedger).where(eq(walletLedger.userId, u))).toHaveLength(1);

    const [balance] = await say(u, 'เช็คยอด');
    expect(textOf(balance!.message)).toContain('เครดิตคงเหลือ ฿500');
    expect(textOf(balance!.message)).toContain(`เติมเครดิต ${row!.ref} +฿500`);
  });

  it('the confirm card shows the price and the credit; short → a deposit offer, and the tap confirms nothing', async () => {
    const u = nextUser();
    const [card, offer] = await say(u, 'เติม 50 0812345678 ais', 2);
    expect(card!.message.type).toBe('flex');
    expect(textOf(card!.message)).toContain('฿50');
    expect(textOf(card!.message)).toContain('เครดิตคงเหลือ | ฿0');
    expect(textOf(card!.message)).toContain('ขาดอีก');
    expect(textOf(offer!.message)).toContain('เครดิตคงเหลือ ฿0 ยังไม่พอ');
    expect(JSON.stringify(offer!.message)).toContain('เติมเครดิต 100');

    const refills = h.simulator.refillCount();
    const confirm = buttonData(card!.message, 'ยืนยัน')!;
    const [short] = await tap(u, confirm);
    expect(textOf(short!.message)).toContain('เครดิตไม่พอ');
    expect(textOf(short!.message)).toContain('ขาดอีก ฿50');
    const [order] = await h.db.select().from(orders).where(eq(orders.userId, u));
    expect(order!.status).toBe('draft');
    expect(h.simulator.refillCount()).toBe(refills);

    // Deposit, then tap the same card: confirmed, held, sent, captured.
    await deposit(u, 100);
    const [accepted] = await tap(u, confirm);
    expect(textOf(accepted!.message)).toContain('รับรายการแล้ว');
    expect(textOf(accepted!.message)).toContain('กันเครดิต ฿50');
    await h.waitFor(u, (m) => m.some((x) => x.via === 'push' && textOf(x.message).includes('ใช้เครดิต ฿50')));
    await h.quiet();
    expect(h.delivered(u).filter((x) => x.via === 'push' && textOf(x.message).includes('ใช้เครดิต ฿50'))).toHaveLength(1);
    expect(await readWallet(h.db, u)).toEqual({ balanceSatang: 5_000, heldSatang: 0 });
    const kinds = (await h.db.select().from(walletLedger).where(eq(walletLedger.userId, u))).map((r) => r.kind);
    expect(kinds).toEqual(['deposit', 'hold', 'capture']);
    expect(h.simulator.refillCount()).toBe(refills + 1);
  });

  it('a refill the provider refuses releases the hold, and the reply says so', async () => {
    const u = nextUser();
    await deposit(u, 100);
    const [card] = await say(u, 'เติม 50 0812345678 ais');
    expect(textOf(card!.message)).toContain('เหลือหลังเติม | ฿50');
    h.simulator.setFault('reject', { times: 1, kinds: ['refill'] });
    // The outcome comes in the reply, or (on a slow machine) by push right after an "under way" reply.
    const before = h.delivered(u).length;
    await h.postback(u, buttonData(card!.message, 'ยืนยัน')!);
    const messages = await h.waitFor(u, (m) => m.slice(before).some((x) => textOf(x.message).includes('ไม่สำเร็จ')));
    const outcome = messages.slice(before).find((x) => textOf(x.message).includes('ไม่สำเร็จ'))!;
    expect(textOf(outcome.message)).toContain('คืนเครดิต ฿50');
    expect(await readWallet(h.db, u)).toEqual({ balanceSatang: 10_000, heldSatang: 0 });
    const kinds = (await h.db.select().from(walletLedger).where(eq(walletLedger.userId, u))).map((r) => r.kind);
    expect(kinds).toEqual(['deposit', 'hold', 'release']);
  });

  it('a cancel the customer asked for ends in a calm ยกเลิกแล้ว card that gives the credit back', async () => {
    const u = nextUser();
    await deposit(u, 100);
    h.simulator.queueOutcome('slow');
    const [card] = await say(u, 'เติม 50 0812345678 ais');
    await tap(u, buttonData(card!.message, 'ยืนยัน')!);
    expect(textOf((await say(u, 'ยกเลิก'))[0]!.message)).toContain('ส่งคำขอยกเลิก');
    const messages = await h.waitFor(u, (m) => m.some((x) => x.via === 'push' && textOf(x.message).includes('ยกเลิกแล้ว')), 20_000);
    const cancelled = textOf(messages.find((x) => x.via === 'push' && textOf(x.message).includes('ยกเลิกแล้ว'))!.message);
    expect(cancelled).toContain('คืนเครดิต ฿50');
    expect(cancelled).not.toContain('ไม่สำเร็จ');
    expect(await readWallet(h.db, u)).toEqual({ balanceSatang: 10_000, heldSatang: 0 });
  });

  it('an unknown order keeps its hold until the owners settle it as failed, which releases it', async () => {
    const u = nextUser();
    await deposit(u, 100);
    const [card] = await say(u, 'เติม 50 0812345678 ais');
    // The request hangs before the provider processes it: nothing happened there, and we cannot know.
    h.simulator.setFault('hang', { times: 1, kinds: ['refill'], processFirst: false });
    await tap(u, buttonData(card!.message, 'ยืนยัน')!);
    const order = await eventually(async () => (await h.db.select().from(orders).where(eq(orders.userId, u)))[0]!, (o) => o.status === 'unknown');
    expect(await readWallet(h.db, u)).toEqual({ balanceSatang: 5_000, heldSatang: 5_000 });

    const alert = await ownersGet(order!.ref);
    const answer = await group().tap(buttonData(alert.message, 'ไม่สำเร็จ')!, 'Uowner1');
    expect(textOf(answer.message)).toContain('เติมไม่สำเร็จ');
    await h.waitFor(u, (m) => m.some((x) => x.via === 'push' && textOf(x.message).includes('คืนเครดิต ฿50')));
    expect(await readWallet(h.db, u)).toEqual({ balanceSatang: 10_000, heldSatang: 0 });
  });

  it('a photo with no deposit waiting gets a kind answer; a rejected slip credits nothing', async () => {
    const u = nextUser();
    expect(textOf((await sendPhoto(u)).message)).toContain('ไม่ต้องส่งรูป');
    await say(u, 'เติมเครดิต 300', 2);
    await sendPhoto(u);
    const [row] = await h.db.select().from(deposits).where(eq(deposits.userId, u));
    const card = await ownersGet(row!.ref);
    expect(textOf((await group().tap(buttonData(card.message, 'ปฏิเสธ')!, 'Uowner1')).message)).toContain('ปฏิเสธแล้ว');
    await h.waitFor(u, (m) => m.some((x) => x.via === 'push' && textOf(x.message).includes('ยังไม่พบยอดโอน')));
    expect(await readWallet(h.db, u)).toEqual({ balanceSatang: 0, heldSatang: 0 });
    // Approving after the rejection does nothing.
    expect(textOf((await group().tap(buttonData(card.message, 'อนุมัติ')!, 'Uowner2')).message)).toContain('ไม่ได้เปลี่ยนแปลงอะไร');
    expect(await readWallet(h.db, u)).toEqual({ balanceSatang: 0, heldSatang: 0 });
  });

  it('asks again for a slip whose photo LINE no longer has, or that is not a photo', async () => {
    const u = nextUser();
    await say(u, 'เติมเครดิต 100', 2);
    const before = h.delivered(u).length;
    await sendUserEvent(h.bot.url, h.line, u, {
      type: 'message',
      message: { id: 'gone-1', type: 'image', contentProvider: { type: 'line' }, quoteToken: 'q' },
    });
    const [gone] = (await h.waitFor(u, (m) => m.length > before)).slice(before);
    expect(textOf(gone!.message)).toContain('ส่งสลิปเป็นรูปภาพ');
    h.line.setContent('gif-1', Buffer.from('GIF89a....'), 'image/gif');
    await sendUserEvent(h.bot.url, h.line, u, {
      type: 'message',
      message: { id: 'gif-1', type: 'image', contentProvider: { type: 'line' }, quoteToken: 'q' },
    });
    const [gif] = (await h.waitFor(u, (m) => m.length > before + 1)).slice(before + 1);
    expect(textOf(gif!.message)).toContain('ส่งสลิปเป็นรูปภาพ');
    const [row] = await h.db.select().from(deposits).where(eq(deposits.userId, u));
    expect(row!.status).toBe('awaiting_slip');
    // The real photo still goes through.
    expect(textOf((await sendPhoto(u)).message)).toContain('ได้รับสลิปแล้ว');
  });

  it('refuses deposits outside DEPOSIT_MIN/MAX and asks for an amount when none is given', async () => {
    const u = nextUser();
    expect(textOf((await say(u, 'เติมเครดิต'))[0]!.message)).toContain('กี่บาท');
    expect(textOf((await say(u, 'เติมเครดิต 5'))[0]!.message)).toContain('฿20 ถึง ฿10,000');
    expect(textOf((await say(u, 'เติมเครดิต 50000'))[0]!.message)).toContain('฿20 ถึง ฿10,000');
    expect(await h.db.select().from(deposits).where(eq(deposits.userId, u))).toHaveLength(0);
  });

  it('owners credit and debit a customer by command, with a reason; the customer is told', async () => {
    const u = nextUser();
    await deposit(u, 100);
    const [row] = await h.db.select().from(deposits).where(eq(deposits.userId, u));
    const g = group();
    expect(textOf((await g.ask(`เพิ่มเครดิต ${row!.ref} 250 โอนซ้ำ`)).message)).toContain('เครดิตคงเหลือ ฿350');
    await h.waitFor(u, (m) => m.some((x) => textOf(x.message).includes('ร้านเพิ่มเครดิตให้ ฿250 ค่ะ (โอนซ้ำ)')));
    expect(textOf((await g.ask(`หักเครดิต ${row!.ref} 1000 ทดสอบ`)).message)).toContain('หักไม่ได้');
    expect(textOf((await g.ask(`หักเครดิต ${row!.ref} 50 บาท ค่าธรรมเนียม`)).message)).toContain('เครดิตคงเหลือ ฿300');
    expect(textOf((await g.ask('เพิ่มเครดิต 500')).message)).toContain('พิมพ์แบบนี้');
    expect(textOf((await g.ask('เพิ่มเครดิต TPNOTAREF 500 x')).message)).toContain('ไม่พบลูกค้า');
    expect(await readWallet(h.db, u)).toEqual({ balanceSatang: 30_000, heldSatang: 0 });
    const entries = await h.db.select().from(walletLedger).where(eq(walletLedger.userId, u));
    expect(entries.map((e) => [e.kind, e.amountSatang, e.reason])).toEqual([
      ['deposit', 10_000, null],
      ['credit', 25_000, 'โอนซ้ำ'],
      ['debit', 5_000, 'ค่าธรรมเนียม'],
    ]);
    const [balance] = await say(u, 'เช็คยอด');
    expect(textOf(balance!.message)).toContain('ร้านหัก (ค่าธรรมเนียม) −฿50');
  });

  it('lists slips waiting for approval under รายการค้าง', async () => {
    const u = nextUser();
    await say(u, 'เติมเครดิต 200', 2);
    await sendPhoto(u);
    const [row] = await h.db.select().from(deposits).where(eq(deposits.userId, u));
    await ownersGet(row!.ref);
    const g = group();
    const before = g.messages().length;
    await g.text('รายการค้าง');
    // The list is the last message of the reply (other tests' alerts may arrive meanwhile).
    const answer = (await h.waitFor(owners, (m) => m.slice(before).some((x) => x.via === 'reply' && textOf(x.message).includes(row!.ref)))).slice(before).filter((x) => x.via === 'reply');
    expect(textOf(answer.at(-1)!.message)).toContain(row!.ref);
    const approve = `action=depositApprove&deposit=${row!.id}`;
    expect(JSON.stringify(answer.at(-1)!.message)).toContain(approve);
    expect(textOf((await g.tap(approve, 'Uowner1')).message)).toContain('อนุมัติแล้ว');
    expect(await readWallet(h.db, u)).toEqual({ balanceSatang: 20_000, heldSatang: 0 });
  });
});

describe.each(drivers())('payments (trusted mode) on %s', (driver) => {
  let h: Harness;
  const owners = newGroupId('trust');
  const staff = `U${randomUUID().replaceAll('-', '')}`;
  const stranger = `U${randomUUID().replaceAll('-', '')}`;

  beforeAll(async () => {
    h = await startHarness(driver, {
      settleAfterMs: 300,
      env: { ...OWNER_ENV, OWNER_GROUP_IDS: owners, PAYMENT_MODE: 'trusted', TRUSTED_USER_IDS: staff, LIMIT_ORDERS_PER_MINUTE: '100' },
    });
    h.line.setProfile(staff, { displayName: 'น้องมิว หน้าร้าน', language: 'th' });
    h.line.setProfile(stranger, { displayName: 'Stranger', language: 'th' });
  });
  afterAll(() => h.stop());
  afterEach(() => expect(h.invalidPayloads()).toEqual([]));

  async function order(u: string): Promise<DeliveredMessage[]> {
    const before = h.delivered(u).length;
    await h.text(u, 'เติม 50 0812345678 ais');
    return (await h.waitFor(u, (m) => m.length > before)).slice(before);
  }

  it('refuses a stranger up front, with the id the owner needs; nothing is drafted or sent', async () => {
    // A stranger of its own (another test makes `stranger` staff for a while).
    const passerby = `U${randomUUID().replaceAll('-', '')}`;
    const refills = h.simulator.refillCount();
    const [answer] = await order(passerby);
    expect(textOf(answer!.message)).toContain('เฉพาะพนักงาน');
    expect(textOf(answer!.message)).toContain(passerby);
    expect(await h.db.select().from(orders).where(eq(orders.userId, passerby))).toHaveLength(0);
    // Half an order ("เติมเงิน") is refused as well, but asking for help is fine.
    await h.text(passerby, 'เติมเงิน');
    await h.waitFor(passerby, (m) => m.length >= 2);
    expect(textOf(h.delivered(passerby)[1]!.message)).toContain('เฉพาะพนักงาน');
    await h.text(passerby, 'วิธีใช้');
    await h.waitFor(passerby, (m) => m.length >= 3);
    expect(textOf(h.delivered(passerby)[2]!.message)).toContain('วิธีสั่งเติมเงิน');
    expect(h.simulator.refillCount()).toBe(refills);
  });

  it('lets a trusted user order; their name goes in the refill as the sender', async () => {
    const [card] = await order(staff);
    await h.postback(staff, buttonData(card!.message, 'ยืนยัน')!);
    await h.waitFor(staff, (m) => m.some((x) => x.via === 'push' && textOf(x.message).includes('สำเร็จ')));
    const [row] = await h.db.select().from(orders).where(eq(orders.userId, staff));
    expect(row!.sender).toBe('น้องมิว หน้าร้าน');
    const sent = h.simulator.state.orders.get(row!.providerOrderId!);
    expect(sent!.users).toBe('น้องมิว หน้าร้าน');
  });

  it('owners add and remove staff by command', async () => {
    const g = groupChat(h, owners);
    const [card] = await order(stranger);
    expect(textOf(card!.message)).toContain('เฉพาะพนักงาน');
    expect(textOf((await g.ask(`เพิ่มพนักงาน ${stranger} พี่บอย`)).message)).toContain('พี่บอย');
    const [allowed] = await order(stranger);
    expect(allowed!.message.type).toBe('flex');
    // Removed between the card and the tap: the tap is refused too.
    expect(textOf((await g.ask(`ลบพนักงาน ${stranger}`)).message)).toContain('ลบ');
    const before = h.delivered(stranger).length;
    await h.postback(stranger, buttonData(allowed!.message, 'ยืนยัน')!);
    const [refused] = (await h.waitFor(stranger, (m) => m.length > before)).slice(before);
    expect(textOf(refused!.message)).toContain('เฉพาะพนักงาน');
    const rows = await h.db.select().from(orders).where(eq(orders.userId, stranger));
    expect(rows.map((r) => r.status)).toEqual(['draft']);
    expect(textOf((await g.ask('พนักงาน')).message)).toContain(staff);
    expect(textOf((await g.ask(`ลบพนักงาน ${staff}`)).message)).toContain('TRUSTED_USER_IDS');
  });

  it('answers เช็คยอด and a photo without talking about credit', async () => {
    const before = h.delivered(staff).length;
    await h.text(staff, 'เช็คยอด');
    const [answer] = (await h.waitFor(staff, (m) => m.length > before)).slice(before);
    expect(textOf(answer!.message)).toContain('ไม่ใช้เครดิต');
    h.line.setContent('photo-1', SLIP, 'image/jpeg');
    await sendUserEvent(h.bot.url, h.line, staff, {
      type: 'message',
      message: { id: 'photo-1', type: 'image', contentProvider: { type: 'line' }, quoteToken: 'q' },
    });
    const [photo] = (await h.waitFor(staff, (m) => m.length > before + 1)).slice(before + 1);
    expect(textOf(photo!.message)).toContain('ไม่ต้องส่งรูป');
  });
});
