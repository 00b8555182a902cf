/**
 * Text PostgreSQL cannot store (NUL, lone surrogates), made storable on the way in: a batch over
 * real HTTP on both databases stores and answers every event, and a callback with `%00` is kept.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import { providerOrders, webhookEvents } from '../../src/db/schema.ts';
import { storable, storableText } from '../../src/http/storable.ts';
import { drivers } from '../support/db.ts';
import { CALLBACK_SECRET, newWebhookEventId, startHarness, textEvent, textOf, type Harness } from '../support/harness.ts';

describe('storableText', () => {
  it.each([
    ['NUL', 'เติม\u000050', 'เติม\uFFFD50'],
    ['a lone high surrogate', 'a\uD800b', 'a\uFFFDb'],
    ['a lone low surrogate', '\uDC00x', '\uFFFDx'],
    ['a high surrogate at the end', 'x\uD83D', 'x\uFFFD'],
    ['emoji (a proper pair) unchanged', 'เติม 50 😀', 'เติม 50 😀'],
    ['Thai unchanged', 'ทรูมูฟเอช', 'ทรูมูฟเอช'],
  ])('%s', (_, input, output) => {
    expect(storableText(input)).toBe(output);
  });

  it('cleans every string of a value, keys too, and leaves the rest as it was', () => {
    expect(storable({ a: ['x\u0000', 1, null, true], 'k\u0000': { t: '\uD800' } })).toEqual({ a: ['x\uFFFD', 1, null, true], 'k\uFFFD': { t: '\uFFFD' } });
  });
});

describe.each(drivers())('unstorable text over HTTP on %s', (driver) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(driver);
  });
  afterAll(() => h.stop());
  afterEach(() => expect(h.invalidPayloads()).toEqual([]));

  const userEvent = (userId: string, text: string) => ({
    ...textEvent(text),
    mode: 'active',
    timestamp: Date.now(),
    webhookEventId: newWebhookEventId(),
    deliveryContext: { isRedelivery: false },
    source: { type: 'user', userId },
    replyToken: h.line.issueReplyToken(userId),
  });

  it('a batch with NUL and a lone surrogate in one event: every event stored, the order answered', async () => {
    const odd = userEvent(`Unul${driver}${Date.now()}`, 'สวัสดี\u0000ค่ะ \uD800');
    const order = userEvent(`Uorder${driver}${Date.now()}`, 'เติม 50 0812345678 ais');
    // JSON.stringify writes both as \u escapes, exactly as LINE would send them.
    expect(JSON.stringify(odd)).toContain('\\u0000');
    expect(JSON.stringify(odd)).toContain('\\ud800');

    expect((await h.post([odd, order])).status).toBe(200);
    const stored = await h.db.select().from(webhookEvents).where(inArray(webhookEvents.id, [odd.webhookEventId, order.webhookEventId]));
    expect(stored).toHaveLength(2);
    const oddText = (stored.find((e) => e.id === odd.webhookEventId)!.payload as { message: { text: string } }).message.text;
    expect(oddText).toBe('สวัสดี\uFFFDค่ะ \uFFFD');

    const [card] = await h.waitFor(order.source.userId, (m) => m.length >= 1);
    expect(card!.message.type).toBe('flex');
    expect(textOf(card!.message)).toContain('081-234-5678');
    await h.waitFor(odd.source.userId, (m) => m.length >= 1);
    await h.quiet();
  });

  it('a callback with %00 in its fields is kept for the owners and answered OK', async () => {
    const res = await fetch(`${h.bot.url}/topup/callback/${CALLBACK_SECRET}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'orderid=77%0077&status_refill=1&status_cancel=0&realamount=10&detail=%00%ED%A0%80',
    });
    expect(res.status).toBe(200);
    const [row] = await h.db.select().from(providerOrders).where(eq(providerOrders.providerOrderId, '77\uFFFD77'));
    expect(row).toBeDefined();
    expect((row!.fields as Record<string, string>).detail).not.toContain('\u0000');
  });
});
