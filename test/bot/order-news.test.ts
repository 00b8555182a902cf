/**
 * What the customer reads about their order, for every kind of news the order service queues
 * and every outcome of the ยืนยัน tap: LINE accepts it, and it carries the facts the customer
 * needs, in their language.
 */
import { describe, expect, it } from 'vitest';
import { limitText, renderCustomerNews, renderSubmitOutcome } from '../../src/bot/order-news.ts';
import type { OrderRow } from '../../src/db/schema.ts';
import { translator } from '../../src/i18n.ts';
import type { CustomerNews } from '../../src/orders/news.ts';
import { sampleOrder } from '../support/cards.ts';
import { buttonData, textOf } from '../support/harness.ts';
import { validatePushRequest, validateReplyRequest } from '../support/line-schema.ts';

function order(over: Partial<OrderRow> = {}): OrderRow {
  const at = new Date('2026-11-27T07:05:00Z');
  return sampleOrder({
    userId: 'Ucustomer',
    chatId: 'Ucustomer',
    amountSatang: 5_000,
    providerOrderId: '00001234',
    discountSatang: 150,
    chargedSatang: 4_850,
    balanceAfterSatang: 100_000,
    createdAt: at,
    updatedAt: at,
    confirmedAt: at,
    submittedAt: at,
    finalizedAt: at,
    ...over,
  });
}

const credit = { kind: 'capture', amountSatang: 5_000, balanceSatang: 20_000 } as const;

const NEWS: [string, CustomerNews, string[]][] = [
  ['success', { kind: 'success', order: order(), credit }, ['สำเร็จ', '081-234-5678', '฿50', 'TP7K3Q9MXA', '00001234', '฿200']],
  ['failed (rejected)', { kind: 'failed', order: order({ status: 'failed' }), reason: 'rejected', detail: 'เบอร์ไม่ถูกต้อง' }, ['ไม่สำเร็จ', 'เบอร์ไม่ถูกต้อง', '081-234-5678']],
  ['failed (owner)', { kind: 'failed', order: order({ status: 'failed' }), reason: 'ownerFailed' }, ['ไม่สำเร็จ', 'TP7K3Q9MXA']],
  ['cancelled', { kind: 'cancelled', order: order({ status: 'cancelled' }), credit: { ...credit, kind: 'release' } }, ['ยกเลิกแล้ว', 'TP7K3Q9MXA', '฿200']],
  ['reversed', { kind: 'reversed', order: order({ status: 'cancelled' }), credit: { ...credit, kind: 'refund' } }, ['TP7K3Q9MXA', '฿200']],
  ['unknown', { kind: 'unknown', order: order({ status: 'unknown' }) }, ['TP7K3Q9MXA']],
  ['accepted', { kind: 'accepted', order: order({ status: 'pending' }) }, ['TP7K3Q9MXA', '081-234-5678', '฿50']],
];

describe('the customer news the order service queues', () => {
  it.each(NEWS)('%s: a valid push that says what happened', (_, news, facts) => {
    const messages = renderCustomerNews(news);
    expect(validatePushRequest({ to: 'Ucustomer', messages })).toEqual({ ok: true, errors: [] });
    const text = messages.map((m) => textOf(m as never)).join('\n');
    for (const fact of facts) expect(text).toContain(fact);
  });

  it('speaks English to a customer whose LINE is in English', () => {
    const [message] = renderCustomerNews({ kind: 'success', order: order({ language: 'en' }) });
    expect(textOf(message as never)).toContain('081-234-5678');
    expect(textOf(message as never)).not.toMatch(/[\u0E01-\u0E3A\u0E40-\u0E5B]/);
  });

  it('a failure offers the same order again in one tap', () => {
    const [message] = renderCustomerNews({ kind: 'failed', order: order({ status: 'failed' }), reason: 'providerFailed' });
    expect(buttonData(message as never, 'สั่งใหม่อีกครั้ง')).toBe(`action=repeat&order=${order().id}`);
  });

  it('a success has เติมซ้ำ on the card and the receipt one tap away', () => {
    const [message] = renderCustomerNews({ kind: 'success', order: order() });
    expect(buttonData(message as never, 'เติมซ้ำ')).toBe(`action=repeat&order=${order().id}`);
    const chips = (message as { quickReply?: { items: { action: { label: string; data?: string } }[] } }).quickReply!.items;
    expect(chips.find((c) => c.action.label === 'ใบเสร็จ')?.action.data).toBe(`action=receipt&order=${order().id}`);
  });

  it('the customer\'s own cancel is calm: ยกเลิกแล้ว in grey, not a red failure, with the credit given back', () => {
    const [message] = renderCustomerNews({ kind: 'cancelled', order: order({ status: 'cancelled' }), credit: { ...credit, kind: 'release' } });
    const text = textOf(message as never);
    expect(text).toContain('ยกเลิกแล้ว');
    expect(text).not.toContain('ไม่สำเร็จ');
    expect(text).toContain('คืนเครดิต ฿50');
    const title = (message as { contents: { header: { contents: { color: string }[] } } }).contents.header.contents[0]!;
    expect(title.color).not.toBe('#D93025');
    expect(validatePushRequest({ to: 'Ucustomer', messages: [message] })).toEqual({ ok: true, errors: [] });
  });

  it('dates are Thai (พ.ศ.) for Thai customers and Western for English ones', () => {
    const th = textOf(renderCustomerNews({ kind: 'success', order: order() })[0] as never);
    expect(th).toContain('27/11/2569 14:05 น.');
    const en = textOf(renderCustomerNews({ kind: 'success', order: order({ language: 'en' }) })[0] as never);
    expect(en).toContain('27/11/2026 14:05');
    expect(en).not.toContain('2569');
  });
});

describe('the reply to the ยืนยัน tap', () => {
  const t = translator('th');
  it.each([
    ['pending', { kind: 'pending', order: order({ status: 'pending' }) }, 'รับรายการแล้ว'],
    ['deferred', { kind: 'deferred', order: order({ status: 'submitting' }) }, 'รับรายการแล้ว'],
    ['unknown', { kind: 'unknown', order: order({ status: 'unknown' }) }, 'TP7K3Q9MXA'],
    ['failed', { kind: 'failed', order: order({ status: 'failed' }), reason: 'unreachable', credit: { ...credit, kind: 'release' } }, 'ไม่สำเร็จ'],
  ] as const)('%s: a valid reply', (_, outcome, fact) => {
    const messages = renderSubmitOutcome(t, outcome as never);
    expect(validateReplyRequest({ replyToken: 'r', messages })).toEqual({ ok: true, errors: [] });
    expect(messages.map((m) => textOf(m as never)).join('\n')).toContain(fact);
  });
});

describe('a limit at the ยืนยัน tap says which, and when to order again', () => {
  const now = new Date('2026-11-30T18:20:00Z'); // 01:20 on 1 Dec in Bangkok
  const midnight = new Date('2026-12-01T17:00:00Z'); // 00:00 on 2 Dec in Bangkok
  it.each([
    ['th', { kind: 'perMinute', count: 3, retryAt: new Date(now.getTime() + 42_000) }, ['3 รายการต่อนาที', 'อีก 42 วินาที', '01:20 น.']],
    ['en', { kind: 'perMinute', count: 3, retryAt: new Date(now.getTime() + 42_000) }, ['3 a minute', 'in 42 seconds', '01:20']],
    ['th', { kind: 'perDay', count: 30, retryAt: midnight }, ['ครบ 30 รายการ', 'ตั้งแต่ 00:00 น. วันที่ 02/12/2569']],
    ['en', { kind: 'perDay', count: 30, retryAt: midnight }, ['30 orders today', 'from 00:00 on 02/12/2026']],
    ['th', { kind: 'bahtPerDay', limitSatang: 500_000, remainingSatang: 2_000, retryAt: midnight }, ['เกิน ฿5,000', 'อีกไม่เกิน ฿20', '02/12/2569']],
    ['th', { kind: 'bahtPerDay', limitSatang: 500_000, remainingSatang: 0, retryAt: midnight }, ['ครบ ฿5,000', '02/12/2569']],
  ] as const)('%s %o', (lang, hit, facts) => {
    const text = limitText(translator(lang), hit, now);
    for (const fact of facts) expect(text).toContain(fact);
  });
});
