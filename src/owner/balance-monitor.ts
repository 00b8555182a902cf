/**
 * The merchant balance monitor; the pure rule of when to alert is in balance-level.ts.
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
import { decideBalanceLevel, type BalanceAlertKind, type BalanceLevel, type BalanceThresholds } from './balance-level.ts';
import { balanceCard } from './cards/index.ts';

export { decideBalanceLevel, hysteresisSatang, type BalanceAlertKind, type BalanceLevel, type BalanceThresholds } from './balance-level.ts';

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
