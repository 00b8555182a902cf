/**
 * The merchant balance monitor. `decideBalanceLevel` is the pure rule: an alert when the
 * balance falls below BALANCE_ALERT_THRESHOLD, another below BALANCE_CRITICAL_THRESHOLD, and
 * one when it recovers, each once per crossing. Going back up must clear a threshold by a
 * margin (hysteresis), so a balance wobbling around it does not alert again and again.
 *
 * Observations come from the provider's `update` answers (orders keep AMOUNT as
 * `balanceAfterSatang`), from a poll every BALANCE_CHECK_INTERVAL_SECONDS that one instance
 * claims under an advisory lock, and from the `ยอดเงิน` command. Every decision runs under the
 * monitor's advisory lock with its state in `monitor_state`, so N instances alert once.
 */
import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import {
  averageRecentCharge,
  claimMonitorRun,
  databaseNow,
  findLatestOrderBalance,
  lockMonitor,
  pruneSnapshots,
  readMonitorState,
  writeMonitorState,
} from '../db/queries/owner-monitor.ts';
import { saveSnapshot } from '../db/queries/snapshots.ts';
import { translator } from '../i18n.ts';
import type { Logger } from '../log.ts';
import type { Outbox } from '../outbox/index.ts';
import type { ProviderClient } from '../provider/client.ts';
import { balanceCard } from './cards.ts';

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

export interface BalanceState {
  level: BalanceLevel;
  /** Counts alerts: each crossing's dedupe key is `balance:<seq>:<kind>`. */
  seq: number;
  balanceSatang: number;
  /** ISO time (database clock) of the observation this state reflects. */
  observedAt: string;
}

export const BALANCE_STATE = 'balance';
const BALANCE_POLL = 'balance:poll';
/** Days of successful top-ups behind "about N more top-ups". */
const AVERAGE_DAYS = 7;

export interface MonitorDeps {
  db: Db;
  provider: ProviderClient;
  config: Config;
  logger: Logger;
  outbox: Outbox;
}

export function thresholdsOf(config: Config): BalanceThresholds {
  return { alertSatang: config.owner.balanceAlertSatang, criticalSatang: config.owner.balanceCriticalSatang };
}

/**
 * Applies one balance observation: decides the level under the monitor's lock, stores it, and
 * raises the crossing's alert (queued to every owner group) in the same transaction. An
 * observation older than the stored one is ignored. `at` defaults to the database's now.
 */
export async function observeBalance(
  deps: MonitorDeps,
  observation: { balanceSatang: number; at?: Date; source: 'poll' | 'order' | 'command' },
): Promise<{ level: BalanceLevel; alert?: BalanceAlertKind }> {
  const { db, config } = deps;
  let raised = false;
  const decision = await db.transaction(async (tx) => {
    await lockMonitor(tx, BALANCE_STATE);
    const at = observation.at ?? (await databaseNow(tx));
    const previous = (await readMonitorState<BalanceState>(tx, BALANCE_STATE))?.value;
    if (previous && new Date(previous.observedAt) > at) return { level: previous.level };
    const next = decideBalanceLevel(previous?.level, observation.balanceSatang, thresholdsOf(config));
    const seq = (previous?.seq ?? 0) + (next.alert ? 1 : 0);
    const state: BalanceState = { level: next.level, seq, balanceSatang: observation.balanceSatang, observedAt: at.toISOString() };
    await writeMonitorState(tx, { name: BALANCE_STATE, value: state });
    if (observation.source !== 'order') {
      await saveSnapshot(tx, { kind: 'balance', data: { balanceSatang: observation.balanceSatang } });
      await pruneSnapshots(tx, { kind: 'balance', olderThanDays: 7 });
    }
    if (next.alert) {
      const averageSatang = await averageRecentCharge(tx, { days: AVERAGE_DAYS });
      raised = await deps.outbox.alertOwners(tx, {
        dedupeKey: `balance:${seq}:${next.alert}`,
        kind: `balance_${next.alert}`,
        payload: { balanceSatang: observation.balanceSatang, level: next.level, source: observation.source },
        messages: [
          balanceCard(translator('th'), {
            kind: next.alert,
            balanceSatang: observation.balanceSatang,
            level: next.level,
            ...thresholdsOf(config),
            averageSatang,
            at,
          }),
        ],
      });
    }
    return next;
  });
  if (raised) {
    deps.logger.warn({ alert: decision.alert, balanceSatang: observation.balanceSatang }, 'balance alert raised for the owners');
    deps.outbox.kick();
  }
  return decision;
}

/**
 * One tick of the monitor loop (every instance runs it): pick up the newest balance an order
 * result reported, then, if this instance wins this interval's claim, ask the provider.
 */
export async function balanceTick(deps: MonitorDeps): Promise<void> {
  const { db, config } = deps;
  const state = (await readMonitorState<BalanceState>(db, BALANCE_STATE))?.value;
  const fromOrder = await findLatestOrderBalance(db, { after: state ? new Date(state.observedAt) : undefined });
  if (fromOrder) await observeBalance(deps, { balanceSatang: fromOrder.balanceSatang, at: fromOrder.at, source: 'order' });

  const claimedAt = await claimMonitorRun(db, { name: BALANCE_POLL, intervalMs: config.owner.balanceCheckIntervalMs });
  if (!claimedAt) return;
  let balanceSatang: number;
  try {
    ({ balanceSatang } = await deps.provider.balance());
  } catch (error) {
    deps.logger.warn({ err: error }, 'could not read the merchant balance; will try at the next interval');
    return;
  }
  await observeBalance(deps, { balanceSatang, at: claimedAt, source: 'poll' });
}

/** The last balance we know, for answers when the provider does not answer. */
export async function lastKnownBalance(db: Db): Promise<{ balanceSatang: number; level: BalanceLevel; at: Date } | undefined> {
  const state = (await readMonitorState<BalanceState>(db, BALANCE_STATE))?.value;
  return state ? { balanceSatang: state.balanceSatang, level: state.level, at: new Date(state.observedAt) } : undefined;
}
