/**
 * The customer conversation over real HTTP: signed webhooks in, replies out through the
 * LINE stand-in, every payload validated against LINE's OpenAPI schemas.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { orders } from '../../src/db/schema.ts';
import { drivers } from '../support/db.ts';
import { buttonData, sign, startHarness, textOf, type Harness } from '../support/harness.ts';

describe.each(drivers())('conversation on %s', (driver) => {
  let h: Harness;
  let user = 0;
  const nextUser = () => `Uconv${driver}${++user}${Date.now()}`;

  beforeAll(async () => {
    h = await startHarness(driver, { settleAfterMs: 60_000 });
  });
  afterAll(() => h.stop());
  afterEach(() => expect(h.invalidPayloads()).toEqual([]));

  it('answers a complete order with one reply holding the confirm card', async () => {
    const u = nextUser();
    const sent = await h.text(u, 'เติม 50 บาท 0812345678 ais');
    expect(sent.status).toBe(200);
    const [card] = await h.waitFor(u, (m) => m.length > 0);
    expect(card!.via).toBe('reply');
    expect(card!.message.type).toBe('flex');
    const text = textOf(card!.message);
    expect(text).toContain('081-234-5678');
    expect(text).toContain('฿50');
    expect(text).toContain('AIS');
    const data = buttonData(card!.message, 'ยืนยัน');
    expect(new URLSearchParams(data).get('action')).toBe('confirm');
    // Exactly one reply call for the one event.
    await h.quiet();
    expect(h.delivered(u)).toHaveLength(1);
  });

  it('fills the slots one message at a time: เติมเงิน → ทรู → number → amount', async () => {
    const u = nextUser();
    await h.text(u, 'เติมเงิน');
    let messages = await h.waitFor(u, (m) => m.length === 1);
    expect(textOf(messages[0]!.message)).toContain('เครือข่ายไหน');
    // Networks offered as quick replies.
    expect(JSON.stringify(messages[0]!.message)).toContain('quickReply');

    await h.text(u, 'ทรู');
    messages = await h.waitFor(u, (m) => m.length === 2);
    expect(textOf(messages[1]!.message)).toContain('เบอร์');

    await h.text(u, '0891234567');
    messages = await h.waitFor(u, (m) => m.length === 3);
    expect(textOf(messages[2]!.message)).toContain('กี่บาท');
    expect(textOf(messages[2]!.message)).toContain('฿100');

    await h.text(u, '100');
    messages = await h.waitFor(u, (m) => m.length === 4);
    const card = messages[3]!.message;
    expect(card.type).toBe('flex');
    expect(textOf(card)).toContain('089-123-4567');
    expect(textOf(card)).toContain('TrueMove H');
    expect(textOf(card)).toContain('฿100');
  });

  it('takes a correction: "ไม่ใช่ ทรู" makes a new card and the old button only points to it', async () => {
    const u = nextUser();
    await h.text(u, 'เติม 50 0812345678 dtac');
    const [first] = await h.waitFor(u, (m) => m.length === 1);
    await h.text(u, 'ไม่ใช่ ทรู');
    const messages = await h.waitFor(u, (m) => m.length === 2);
    expect(textOf(messages[1]!.message)).toContain('TrueMove H');

    await h.postback(u, buttonData(first!.message, 'ยืนยัน')!);
    const after = await h.waitFor(u, (m) => m.length === 3);
    expect(textOf(after[2]!.message)).toContain('การ์ดล่าสุด');
    const [row] = await h.db.select().from(orders).where(eq(orders.userId, u)).orderBy(orders.createdAt);
    expect(row!.status).toBe('expired');
  });

  it('explains an invalid number and an amount the network does not sell, with a way forward', async () => {
    const u = nextUser();
    await h.text(u, 'เติม 50 ทรู 021234567');
    const messages = await h.waitFor(u, (m) => m.length >= 2);
    const all = messages.map((m) => textOf(m.message)).join('\n');
    expect(all).toContain('ไม่ใช่เบอร์มือถือ');
    expect(all).toContain('ขอเบอร์มือถือ');

    await h.text(u, '0812345678 เติม 7 บาท');
    const more = await h.waitFor(u, (m) => m.length >= 4);
    const text = more.slice(2).map((m) => textOf(m.message)).join('\n');
    expect(text).toContain('ไม่มีแบบ ฿7');
    expect(text).toContain('กี่บาท');
  });

  it('names the amounts a network sells, as buttons, when the amount asked is not one', async () => {
    const u = nextUser();
    await h.text(u, 'เติม 37 0812345678 ais');
    const messages = await h.waitFor(u, (m) => m.length >= 2);
    const [note, question] = messages.map((m) => m.message);
    // Not the min–max rule (37 lies inside it): the nearest amounts sold.
    expect(textOf(note!)).toContain('฿30 หรือ ฿40');
    expect(textOf(note!)).not.toContain('ตั้งแต่');
    const chips = (question as { quickReply?: { items: { action: { label: string; text: string } }[] } }).quickReply!.items;
    expect(chips.map((c) => c.action.label)).toEqual(expect.arrayContaining(['฿30', '฿40', '฿50']));
    await h.text(u, chips.find((c) => c.action.label === '฿40')!.action.text);
    const [card] = (await h.waitFor(u, (m) => m.length >= 3)).slice(2);
    expect(textOf(card!.message)).toContain('฿40');
    expect(buttonData(card!.message, 'ยืนยัน')).toMatch(/^action=confirm&order=[0-9a-f-]{36}&t=[\w-]+$/);
  });

  it('cancels at any time and forgets the draft', async () => {
    const u = nextUser();
    await h.text(u, 'เติม 100 0812345678 ais');
    const [card] = await h.waitFor(u, (m) => m.length === 1);
    await h.text(u, 'ยกเลิก');
    const messages = await h.waitFor(u, (m) => m.length === 2);
    expect(textOf(messages[1]!.message)).toContain('ยกเลิกรายการให้แล้ว');
    await h.postback(u, buttonData(card!.message, 'ยืนยัน')!);
    const after = await h.waitFor(u, (m) => m.length === 3);
    expect(textOf(after[2]!.message)).not.toContain('รับรายการแล้ว');
  });

  it('welcomes a new follower and helps with a greeting', async () => {
    const u = nextUser();
    const replyToken = h.line.issueReplyToken(u);
    await h.post([
      { type: 'follow', mode: 'active', timestamp: Date.now(), webhookEventId: `Efollow${u}`, deliveryContext: { isRedelivery: false }, source: { type: 'user', userId: u }, replyToken, follow: { isUnblocked: false } },
    ]);
    const [welcome] = await h.waitFor(u, (m) => m.length === 1);
    expect(textOf(welcome!.message)).toContain('ยินดีต้อนรับ');
    await h.text(u, 'สวัสดีค่ะ');
    const messages = await h.waitFor(u, (m) => m.length === 2);
    expect(JSON.stringify(messages[1]!.message)).toContain('quickReply');
  });

  it('speaks English to a customer whose LINE is in English', async () => {
    const u = nextUser();
    h.line.setProfile(u, { displayName: 'Sam', language: 'en' });
    await h.text(u, 'top up 50 0812345678 ais');
    const [card] = await h.waitFor(u, (m) => m.length === 1);
    expect(textOf(card!.message)).toContain('Confirm');
    expect(buttonData(card!.message, 'Confirm')).toContain('action=confirm');
  });

  it('treats a duplicate or redelivered event as a no-op', async () => {
    const u = nextUser();
    const first = await h.text(u, 'เติม 20 0812345678 ais', { eventId: `Edup${u}` });
    await h.waitFor(u, (m) => m.length === 1);
    const again = await h.text(u, 'เติม 20 0812345678 ais', { eventId: first.webhookEventId, redelivery: true });
    expect(again.status).toBe(200);
    await h.quiet();
    expect(h.delivered(u)).toHaveLength(1);
    const drafts = await h.db.select().from(orders).where(eq(orders.userId, u));
    expect(drafts).toHaveLength(1);
  });

  it('processes a redelivery it never saw before', async () => {
    const u = nextUser();
    await h.text(u, 'เติม 20 0812345678 ais', { redelivery: true });
    await h.waitFor(u, (m) => m.length === 1);
  });

  it('refuses a wrong signature with 401, bad JSON with 400, and answers the verify call', async () => {
    const body = JSON.stringify({ destination: 'U', events: [] });
    expect((await h.post([], { rawBody: body, signature: sign(body, 'wrong-secret') })).status).toBe(401);
    expect((await h.post([], { rawBody: '{not json', signature: sign('{not json') })).status).toBe(400);
    expect((await h.post([])).status).toBe(200);
  });

  it('refuses an unsigned webhook (401) and a signed one without an events array (400); the path is matched as LINE may write it', async () => {
    const post = (path: string, body: string, headers: Record<string, string>) =>
      fetch(`${h.bot.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
    const empty = JSON.stringify({ destination: 'U', events: [] });
    const unsigned = await post('/webhook', empty, {});
    expect([unsigned.status, await unsigned.json()]).toEqual([401, { message: 'invalid signature' }]);
    const noEvents = JSON.stringify({ destination: 'U' });
    const refused = await post('/webhook', noEvents, { 'x-line-signature': sign(noEvents) });
    expect([refused.status, await refused.json()]).toEqual([400, { message: 'events must be an array' }]);
    expect((await post('/Webhook/?from=console', empty, { 'x-line-signature': sign(empty) })).status).toBe(200);
    expect((await fetch(`${h.bot.url}/webhook`)).status).toBe(404);
  });

  it('stays silent in a group that is not an owners group', async () => {
    const before = h.line.calls.length;
    const replyToken = h.line.issueReplyToken('Cstranger');
    await h.post([
      {
        type: 'message', mode: 'active', timestamp: Date.now(), webhookEventId: 'Egroup1', deliveryContext: { isRedelivery: false },
        source: { type: 'group', groupId: 'Cstranger', userId: 'Usomeone' }, replyToken,
        message: { id: 'm1', type: 'text', text: 'เติม 50 0812345678 ais', quoteToken: 'q' },
      },
    ]);
    await h.quiet();
    expect(h.line.calls.slice(before).filter((c) => c.path.startsWith('/v2/bot/message'))).toEqual([]);
  });

  it('thanks gets a one-line thank-you, not the how-to', async () => {
    const u = nextUser();
    await h.text(u, 'ขอบใจมากนะจ๊ะ');
    const [answer] = await h.waitFor(u, (m) => m.length === 1);
    const text = textOf(answer!.message);
    expect(text).toContain('ขอบคุณ');
    expect(text.split('\n')).toHaveLength(1);
  });

  it('a typed ยืนยัน under a live card confirms it once, exactly as the button does', async () => {
    const u = nextUser();
    await h.text(u, 'เติม 50 0812345678 ais');
    await h.waitFor(u, (m) => m.length === 1);
    const refills = h.simulator.refillCount();
    await h.text(u, 'ยืนยัน');
    const [, answer] = await h.waitFor(u, (m) => m.length === 2);
    expect(textOf(answer!.message)).toContain('รับรายการแล้ว');
    // Typed again: the card is used; one refill only.
    await h.text(u, 'ok');
    const [, , again] = await h.waitFor(u, (m) => m.length === 3);
    expect(textOf(again!.message)).not.toContain('รับรายการแล้ว');
    await h.quiet();
    expect(h.simulator.refillCount()).toBe(refills + 1);
    const rows = await h.db.select().from(orders).where(eq(orders.userId, u));
    expect(rows.map((o) => o.status)).toEqual(['pending']);
  });

  it('a typed yes with no card says what it would need', async () => {
    const u = nextUser();
    await h.text(u, 'ยืนยันค่ะ');
    const [answer] = await h.waitFor(u, (m) => m.length === 1);
    expect(textOf(answer!.message)).toContain('ยังไม่มีรายการให้ยืนยัน');
  });

  it('a question about a top-up already made answers with its status', async () => {
    const u = nextUser();
    await h.text(u, 'เติม 50 0812345678 ais');
    const [card] = await h.waitFor(u, (m) => m.length === 1);
    await h.postback(u, buttonData(card!.message, 'ยืนยัน')!);
    await h.waitFor(u, (m) => m.length === 2);
    await h.text(u, 'ที่เติมไปเข้ายังคะ');
    const [, , status] = await h.waitFor(u, (m) => m.length === 3);
    expect(textOf(status!.message)).toContain('รายการล่าสุด');
    expect(textOf(status!.message)).toContain('081-234-5678');
  });
});
