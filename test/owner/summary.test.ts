import { describe, expect, it } from 'vitest';
import { bangkokDate, bangkokMidnight, buildSummary, dueDailySummary, todaySoFar } from '../../src/owner/summary.ts';

const totals = (network: string, o: Partial<Record<string, number>> = {}) => ({
  network,
  successCount: 0,
  successSatang: 0,
  discountSatang: 0,
  failedCount: 0,
  cancelledCount: 0,
  unknownCount: 0,
  inProgressCount: 0,
  ...o,
});

describe('Bangkok days', () => {
  it('knows the Bangkok date and midnight (UTC+7)', () => {
    const at = new Date('2026-11-26T18:30:00Z'); // 01:30 on the 27th in Bangkok
    expect(bangkokDate(at)).toBe('2026-11-27');
    expect(bangkokMidnight(at).toISOString()).toBe('2026-11-26T17:00:00.000Z');
  });

  it('is due from the configured time on, covering the 24 hours before it', () => {
    expect(dueDailySummary(new Date('2026-11-27T13:59:00Z'), '21:00')).toBeUndefined(); // 20:59 Bangkok
    const due = dueDailySummary(new Date('2026-11-27T14:00:00Z'), '21:00');
    expect(due).toEqual({ date: '2026-11-27', from: new Date('2026-11-26T14:00:00Z'), to: new Date('2026-11-27T14:00:00Z') });
    // Later the same Bangkok day: still the same summary (its dedupe key lets it out once).
    expect(dueDailySummary(new Date('2026-11-27T16:59:00Z'), '21:00')?.date).toBe('2026-11-27');
    // 00:00 is yesterday's calendar day, keyed by the date it ends on.
    expect(dueDailySummary(new Date('2026-11-27T02:00:00Z'), '00:00')).toEqual({
      date: '2026-11-27',
      from: new Date('2026-11-25T17:00:00Z'),
      to: new Date('2026-11-26T17:00:00Z'),
    });
  });

  it('gives today so far from Bangkok midnight', () => {
    const now = new Date('2026-11-27T07:05:00Z');
    expect(todaySoFar(now)).toEqual({ date: '2026-11-27', from: new Date('2026-11-26T17:00:00Z'), to: now });
  });
});

describe('buildSummary', () => {
  it('adds up the networks in the usual order and drops empty ones', () => {
    const summary = buildSummary({
      kind: 'daily',
      period: { date: '2026-11-27', from: new Date(0), to: new Date(1) },
      byNetwork: [
        totals('TRUE', { successCount: 2, successSatang: 15_000, discountSatang: 450, failedCount: 1 }),
        totals('AIS', { successCount: 3, successSatang: 30_000, discountSatang: 900, unknownCount: 1 }),
        totals('MY'),
      ],
      failedOrders: [],
      balanceSatang: 812_000,
    });
    expect(summary.byNetwork.map((n) => n.network)).toEqual(['AIS', 'TRUE']);
    expect(summary.totals).toEqual({
      successCount: 5,
      successSatang: 45_000,
      discountSatang: 1_350,
      failedCount: 1,
      cancelledCount: 0,
      unknownCount: 1,
      inProgressCount: 0,
    });
    expect(summary.balanceSatang).toBe(812_000);
  });
});
