/**
 * When the merchant balance calls for an alert, as a pure rule: an alert when the balance falls
 * below BALANCE_ALERT_THRESHOLD, another below BALANCE_CRITICAL_THRESHOLD, and one when it
 * recovers, each once per crossing. Going back up must clear a threshold by a margin
 * (hysteresis), so a balance wobbling around it does not alert again and again.
 */

export type BalanceLevel = 'ok' | 'low' | 'critical';
export type BalanceAlertKind = 'low' | 'critical' | 'recovered';

export interface BalanceThresholds {
  alertSatang: number;
  /** 0 = no critical level. */
  criticalSatang: number;
}

/** Going up must clear a threshold by 10 % of it (at least ฿1) before the level changes. */
export function hysteresisSatang(thresholdSatang: number): number {
  return thresholdSatang > 0 ? Math.max(100, Math.round(thresholdSatang * 0.1)) : 0;
}

/**
 * The next level and the alert it calls for, if any. `previous` undefined (never looked
 * before) counts as `ok`, so a balance that is already low when the bot starts alerts once.
 */
export function decideBalanceLevel(
  previous: BalanceLevel | undefined,
  balanceSatang: number,
  thresholds: BalanceThresholds,
): { level: BalanceLevel; alert?: BalanceAlertKind } {
  const prev = previous ?? 'ok';
  const { alertSatang, criticalSatang } = thresholds;
  if (alertSatang <= 0) return { level: 'ok' }; // BALANCE_ALERT_THRESHOLD=0: the monitor is off
  // Each threshold is crossed downwards at its value and upwards only past its margin.
  const critical =
    criticalSatang > 0 &&
    balanceSatang < (prev === 'critical' ? criticalSatang + hysteresisSatang(criticalSatang) : criticalSatang);
  const low = balanceSatang < (prev === 'ok' ? alertSatang : alertSatang + hysteresisSatang(alertSatang));
  const level: BalanceLevel = critical ? 'critical' : low ? 'low' : 'ok';
  if (level === 'critical' && prev !== 'critical') return { level, alert: 'critical' };
  if (level === 'low' && prev === 'ok') return { level, alert: 'low' };
  if (level === 'ok' && prev !== 'ok') return { level, alert: 'recovered' };
  return { level };
}
