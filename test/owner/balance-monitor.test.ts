import { describe, expect, it } from 'vitest';
import { decideBalanceLevel, hysteresisSatang, type BalanceLevel } from '../../src/owner/balance-monitor.ts';
import { topupsLeft } from '../../src/owner/cards/index.ts';

const th = { alertSatang: 50_000, criticalSatang: 12_500 }; // ฿500 / ฿125; margins ฿50 / ฿12.50

/** Feeds balances (baht) through the rule from `start`; returns the alerts in order. */
function run(balancesBaht: number[], start?: BalanceLevel) {
  let level = start;
  const alerts: string[] = [];
  for (const baht of balancesBaht) {
    const d = decideBalanceLevel(level, baht * 100, th);
    if (d.alert) alerts.push(`${d.alert}@${baht}`);
    level = d.level;
  }
  return { alerts, level };
}

describe('decideBalanceLevel', () => {
  it('alerts once when the balance falls below the threshold, not on every low reading', () => {
    expect(run([1000, 800, 499, 450, 300, 200])).toEqual({ alerts: ['low@499'], level: 'low' });
  });

  it('alerts again at the critical level, once', () => {
    expect(run([1000, 400, 124, 100, 50])).toEqual({ alerts: ['low@400', 'critical@124'], level: 'critical' });
  });

  it('goes straight to critical with one alert', () => {
    expect(run([100])).toEqual({ alerts: ['critical@100'], level: 'critical' });
  });

  it('alerts when the balance recovers past the margin, not when it wobbles around the threshold', () => {
    expect(run([1000, 490, 510, 495, 540, 549, 550])).toEqual({ alerts: ['low@490', 'recovered@550'], level: 'ok' });
  });

  it('re-arms the critical alert only after the balance clears it by the margin', () => {
    expect(run([120, 130, 120, 140, 120])).toEqual({ alerts: ['critical@120', 'critical@120'], level: 'critical' });
    // 130 < 125 + 12.50: still critical, no new alert at 120.
    expect(run([120, 130, 120]).alerts).toEqual(['critical@120']);
  });

  it('recovers from critical to ok with one alert', () => {
    expect(run([100, 2000])).toEqual({ alerts: ['critical@100', 'recovered@2000'], level: 'ok' });
  });

  it('treats a first reading as coming from ok', () => {
    expect(decideBalanceLevel(undefined, 40_000, th)).toEqual({ level: 'low', alert: 'low' });
    expect(decideBalanceLevel(undefined, 90_000, th)).toEqual({ level: 'ok' });
  });

  it('is off when the alert threshold is 0', () => {
    expect(decideBalanceLevel('ok', 0, { alertSatang: 0, criticalSatang: 0 })).toEqual({ level: 'ok' });
  });

  it('has no critical level when the critical threshold is 0', () => {
    expect(decideBalanceLevel('low', 0, { alertSatang: 50_000, criticalSatang: 0 })).toEqual({ level: 'low' });
  });

  it('uses a margin of 10 %, at least ฿1', () => {
    expect(hysteresisSatang(50_000)).toBe(5_000);
    expect(hysteresisSatang(500)).toBe(100);
    expect(hysteresisSatang(0)).toBe(0);
  });

  it('estimates the top-ups left at the average', () => {
    expect(topupsLeft(100_000, 4_850)).toBe(20);
    expect(topupsLeft(100_000, undefined)).toBeUndefined();
    expect(topupsLeft(-500, 4_850)).toBe(0);
  });
});
