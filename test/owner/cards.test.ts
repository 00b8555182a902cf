/** Every owner card, as built, must pass LINE's schema and limits in a push and a reply. */
import { describe, expect, it } from 'vitest';
import type { DepositRow, OrderRow } from '../../src/db/schema.ts';
import { translator } from '../../src/i18n.ts';
import { renderOwnerNews } from '../../src/owner/index.ts';
import {
  balanceCard,
  depositsCarousel,
  depositSlipCard,
  networkAlertCard,
  networkStatusCard,
  ownerChips,
  summaryCard,
  unknownOrderCard,
  unknownOrdersCarousel,
  unknownReason,
} from '../../src/owner/cards/index.ts';
import { buildSummary } from '../../src/owner/summary.ts';
import { textOf } from '../support/harness.ts';
import { sampleOrder } from '../support/cards.ts';
import { validatePushRequest, validateReplyRequest } from '../support/line-schema.ts';

const t = translator('th');
const en = translator('en');

/** An `unknown` order of a customer, the i-th of a list. */
function order(i: number, over: Partial<OrderRow> = {}): OrderRow {
  const at = new Date('2026-11-27T07:05:00Z');
  return sampleOrder({
    id: `0b6f3c1e-9a4d-4f5e-8c2b-${String(i).padStart(12, '0')}`,
    ref: `TP7K3Q9M${i}`.slice(0, 10),
    userId: 'Ucustomer',
    chatId: 'Ucustomer',
    amountSatang: 5_000,
    status: 'unknown',
    providerOrderId: null,
    discountSatang: null,
    chargedSatang: null,
    balanceAfterSatang: null,
    detail: 'provider reply unusable (timeout)',
    createdAt: at,
    updatedAt: at,
    confirmedAt: at,
    submittedAt: at,
    finalizedAt: at,
    ...over,
  });
}

function expectValid(message: unknown) {
  const push = validatePushRequest({ to: 'Cgroup', messages: [message] });
  expect(push.errors).toEqual([]);
  const reply = validateReplyRequest({ replyToken: 'r', messages: [message] });
  expect(reply.errors).toEqual([]);
}

const summary = buildSummary({
  kind: 'daily',
  period: { date: '2026-11-27', from: new Date('2026-11-26T14:00:00Z'), to: new Date('2026-11-27T14:00:00Z') },
  byNetwork: (['AIS', 'DTAC', 'TRUE', 'TOT', 'MY', 'FEELS', 'PENGUIN'] as const).map((network) => ({
    network,
    successCount: 12,
    successSatang: 123_400,
    discountSatang: 3_702,
    failedCount: 2,
    cancelledCount: 1,
    unknownCount: 1,
    inProgressCount: 1,
  })),
  failedOrders: Array.from({ length: 9 }, (_, i) => order(i, { status: 'failed' })),
  balanceSatang: 812_050,
});

function deposit(i: number): DepositRow {
  const at = new Date('2026-11-27T07:05:00Z');
  return {
    id: `1c6f3c1e-9a4d-4f5e-8c2b-${String(i).padStart(12, '0')}`,
    ref: `DP7K3Q9M${i}`.slice(0, 10),
    userId: 'U0123456789abcdef0123456789abcdef',
    chatId: 'U0123456789abcdef0123456789abcdef',
    amountSatang: 50_000,
    status: 'awaiting_approval',
    promptPayId: '0812345678',
    qrToken: 'q'.repeat(24),
    slipToken: 's'.repeat(24),
    language: 'th',
    createdAt: at,
    expiresAt: at,
    slipAt: at,
    decidedAt: null,
    decidedBy: null,
  };
}

describe('owner cards', () => {
  for (const [lang, tr] of [['th', t], ['en', en]] as const) {
    it(`validate against LINE's schema (${lang})`, () => {
      expectValid(unknownOrderCard(tr, order(1), 'provider reply unusable (timeout)'));
      expectValid(unknownOrderCard(tr, order(2, { providerOrderId: '00001234' }), 'no result from the provider within 24 hours'));
      expectValid(unknownOrdersCarousel(tr, Array.from({ length: 14 }, (_, i) => order(i))));
      for (const kind of ['low', 'critical', 'recovered', 'status'] as const) {
        expectValid(
          balanceCard(tr, { kind, balanceSatang: 41_250, level: 'low', alertSatang: 50_000, criticalSatang: 12_500, averageSatang: 4_850, at: new Date() }),
        );
      }
      expectValid(balanceCard(tr, { kind: 'status', balanceSatang: 0, level: 'critical', alertSatang: 50_000, criticalSatang: 0, at: new Date(), stale: true }));
      expectValid(networkAlertCard(tr, { closed: ['DTAC', 'TRUE'], reopened: [], at: new Date() }));
      expectValid(networkAlertCard(tr, { closed: [], reopened: ['DTAC'], at: new Date() }));
      expectValid(networkAlertCard(tr, { closed: ['AIS'], reopened: ['TOT'], at: new Date() }));
      expectValid(networkStatusCard(tr, { online: { DTAC: false }, at: new Date(), stale: true }));
      expectValid(summaryCard(tr, summary));
      expectValid(summaryCard(tr, { ...summary, kind: 'today', byNetwork: [], failedOrders: [] }));
      expectValid({ type: 'text', text: 'x', quickReply: { items: ownerChips(tr) } });
      const input = { customerName: 'ลูกค้า ทดสอบ', balanceSatang: 12_050, slipUrl: 'https://topup.example.com/slip/abcdefghijklmnopqrstuvwx' };
      expectValid(depositSlipCard(tr, deposit(1), input));
      expectValid(depositSlipCard(tr, deposit(2), { ...input, customerName: undefined }));
      expectValid(depositsCarousel(tr, Array.from({ length: 14 }, (_, i) => ({ deposit: deposit(i), input }))));
    });
  }

  it('puts the three buttons on the unknown-order card with order ids in the data', () => {
    const [card] = renderOwnerNews({ kind: 'orderUnknown', order: order(1), why: 'ambiguous', candidates: [] });
    const json = JSON.stringify(card);
    for (const label of ['สำเร็จแล้ว', 'ไม่สำเร็จ', 'ตรวจสอบอีกครั้ง']) expect(json).toContain(`"label":"${label}"`);
    expect(json).toContain(`action=ownerSuccess&order=${order(1).id}`);
    expect(textOf(card as never)).toContain('081-234-5678');
    expect(textOf(card as never)).toContain('ระบบเติมเงินตอบกลับไม่ชัดเจน');
  });

  it('puts the slip, the amount, the customer and อนุมัติ / ปฏิเสธ on the deposit card', () => {
    const card = depositSlipCard(t, deposit(1), { customerName: 'คุณสมหญิง', balanceSatang: 0, slipUrl: 'https://x.example/slip/tok' });
    const json = JSON.stringify(card);
    expect(json).toContain('"url":"https://x.example/slip/tok"');
    expect(json).toContain(`action=depositApprove&deposit=${deposit(1).id}`);
    expect(json).toContain(`action=depositReject&deposit=${deposit(1).id}`);
    expect(textOf(card as never)).toContain('คุณสมหญิง');
    expect(textOf(card as never)).toContain('฿500');
  });

  it('lists failures by name and counts the rest', () => {
    const text = textOf(summaryCard(t, summary) as never);
    expect(text).toContain('รายการที่ไม่สำเร็จ');
    expect(text).toContain('และอีก 9 รายการ');
    expect(text).toContain('฿8,120.50');
  });

  it('translates the service reasons and keeps unknown ones', () => {
    expect(unknownReason(t, 'interrupted')).toContain('หยุดทำงาน');
    expect(unknownReason(t, 'something new')).toBe('something new');
  });
});
