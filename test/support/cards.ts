/**
 * Every card the bot sends, built by the real builders from realistic (and long-ish) data:
 * the LINE-schema test and the browser layout test both go through this one list, so a new
 * card kind added here is checked for both.
 */
import type { messagingApi } from '@line/bot-sdk';
import { renderCustomerNews } from '../../src/bot/order-news.ts';
import { renderConfirmCard } from '../../src/bot/render.ts';
import type { DepositRow, OrderRow } from '../../src/db/schema.ts';
import { translator, type Language } from '../../src/i18n.ts';
import { receiptCard } from '../../src/line/messages/receipt-card.ts';
import {
  balanceCard,
  depositSlipCard,
  networkAlertCard,
  networkStatusCard,
  summaryCard,
  unknownOrderCard,
} from '../../src/owner/cards/index.ts';
import { buildSummary } from '../../src/owner/summary.ts';

export type Card = messagingApi.FlexMessage;

const AT = new Date('2026-11-30T18:20:00Z');

export function sampleOrder(over: Partial<OrderRow> = {}): OrderRow {
  return {
    id: '0b6f3c1e-9a4d-4f5e-8c2b-000000000001',
    ref: 'TP7K3Q9MXA',
    userId: 'U0123456789abcdef0123456789abcdef',
    chatId: 'U0123456789abcdef0123456789abcdef',
    number: '0812345678',
    network: 'TRUE',
    amountSatang: 100_000,
    status: 'success',
    confirmToken: 'x',
    // Providers' ids run long; leave room for one.
    providerOrderId: '261130004321',
    discountSatang: 2_800,
    chargedSatang: 97_200,
    balanceAfterSatang: 12_812_050,
    detail: null,
    language: 'th',
    createdAt: AT,
    updatedAt: AT,
    expiresAt: null,
    confirmedAt: AT,
    submittedAt: AT,
    finalizedAt: AT,
    nextCheckAt: null,
    checkAttempts: 0,
    resolvedBy: null,
    sender: null,
    draftEventId: null,
    callbackCheckedAt: null,
    ...over,
  };
}

function sampleDeposit(): DepositRow {
  return {
    id: '1c6f3c1e-9a4d-4f5e-8c2b-000000000001',
    ref: 'DP7K3Q9MXA',
    userId: 'U0123456789abcdef0123456789abcdef',
    chatId: 'U0123456789abcdef0123456789abcdef',
    amountSatang: 1_000_000,
    status: 'awaiting_approval',
    promptPayId: '0812345678',
    qrToken: 'q'.repeat(24),
    slipToken: 's'.repeat(24),
    language: 'th',
    createdAt: AT,
    expiresAt: AT,
    slipAt: AT,
    decidedAt: null,
    decidedBy: null,
  };
}

const only = (messages: unknown[]): Card => messages[0] as Card;
const credit = { kind: 'release', amountSatang: 100_000, balanceSatang: 1_250_000 } as const;

/** The customer's cards, in their language: [name, card]. */
export function customerCards(lang: Language): [string, Card][] {
  const t = translator(lang);
  const order = (over: Partial<OrderRow> = {}) => sampleOrder({ language: lang, ...over });
  const draft = { id: order().id, confirmToken: 'tok', number: '0812345678', network: 'TRUE', amountSatang: 100_000 };
  return [
    ['confirm', renderConfirmCard(t, draft, 10) as Card],
    ['confirm (wallet)', renderConfirmCard(t, draft, 10, { credit: { balanceSatang: 1_250_000 } }) as Card],
    ['confirm (credit short)', renderConfirmCard(t, draft, 10, { credit: { balanceSatang: 2_050 } }) as Card],
    [
      'confirm (corrected)',
      renderConfirmCard(t, draft, 10, { before: { number: '0899999999', network: 'PENGUIN', amount: 20 } }) as Card,
    ],
    ['success', only(renderCustomerNews({ kind: 'success', order: order(), credit: { ...credit, kind: 'capture' } }))],
    [
      'failure',
      only(renderCustomerNews({ kind: 'failed', order: order({ status: 'failed' }), reason: 'rejected', detail: 'หมายเลขไม่ถูกต้อง', credit })),
    ],
    ['reversed', only(renderCustomerNews({ kind: 'reversed', order: order({ status: 'cancelled' }), credit: { ...credit, kind: 'refund' } }))],
    ['cancelled', only(renderCustomerNews({ kind: 'cancelled', order: order({ status: 'cancelled' }), credit }))],
    ['receipt', receiptCard(t, { ...order(), at: AT })],
  ];
}

/** The owners' cards (owners read Thai; English too, for a shop that sets it). */
export function ownerCards(lang: Language = 'th'): [string, Card][] {
  const t = translator(lang);
  const networks = (['AIS', 'DTAC', 'TRUE', 'TOT', 'MY', 'FEELS', 'PENGUIN'] as const).map((network, i) => ({
    network,
    successCount: 118 - i * 9,
    successSatang: 1_242_000 - i * 97_000,
    discountSatang: 34_776,
    failedCount: 2,
    cancelledCount: 1,
    unknownCount: 1,
    inProgressCount: 1,
  }));
  const failedOrders = Array.from({ length: 7 }, (_, i) => sampleOrder({ ref: `TP4HX8M2Q${i}`, status: 'failed' }));
  const period = { date: '2026-11-30', from: new Date('2026-11-29T14:00:00Z'), to: new Date('2026-11-30T14:00:00Z') };
  const balance = { balanceSatang: 12_812_050, alertSatang: 5_000_000, criticalSatang: 1_250_000, averageSatang: 4_850, at: AT };
  return [
    ['unknown order', unknownOrderCard(t, sampleOrder({ status: 'unknown' }), 'ambiguous')],
    ['unknown order (no provider ref)', unknownOrderCard(t, sampleOrder({ status: 'unknown', providerOrderId: null }), 'interrupted')],
    ['balance', balanceCard(t, { kind: 'status', level: 'ok', ...balance })],
    ['balance low', balanceCard(t, { kind: 'low', level: 'low', ...balance, balanceSatang: 412_050 })],
    ['balance critical (stale)', balanceCard(t, { kind: 'critical', level: 'critical', ...balance, balanceSatang: 41_250, stale: true })],
    ['balance recovered', balanceCard(t, { kind: 'recovered', level: 'ok', ...balance })],
    ['network closed', networkAlertCard(t, { closed: ['TRUE', 'PENGUIN'], reopened: [], at: AT })],
    ['network reopened', networkAlertCard(t, { closed: [], reopened: ['MY'], at: AT })],
    ['network changed', networkAlertCard(t, { closed: ['FEELS'], reopened: ['TOT'], at: AT })],
    ['network status', networkStatusCard(t, { online: { DTAC: false }, at: AT, stale: true })],
    ['summary (daily)', summaryCard(t, buildSummary({ kind: 'daily', period, byNetwork: networks, failedOrders, balanceSatang: 12_812_050 }))],
    ['summary (today)', summaryCard(t, buildSummary({ kind: 'today', period: { ...period, to: AT }, byNetwork: networks.slice(0, 2), failedOrders: [] }))],
    [
      'deposit slip',
      depositSlipCard(t, sampleDeposit(), { customerName: 'คุณสมหญิง ใจดี', balanceSatang: 1_250_000, slipUrl: 'https://example.invalid/slip/s.png' }),
    ],
  ];
}
