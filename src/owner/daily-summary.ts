/**
 * Sends the daily summary to every owner group once per Bangkok date at DAILY_SUMMARY_TIME.
 * Every instance runs the tick; the alert's dedupe key `summary:<date>` lets one through.
 */
import { findAlert } from '../db/queries/alerts.ts';
import { translator } from '../i18n.ts';
import { lastKnownBalance, observeBalance, type MonitorDeps } from './balance-monitor.ts';
import { summaryCard } from './cards/index.ts';
import { dueDailySummary, loadSummary } from './summary.ts';

export async function dailySummaryTick(deps: MonitorDeps, now = new Date()): Promise<boolean> {
  const time = deps.config.owner.dailySummaryTime;
  if (!time) return false;
  const period = dueDailySummary(now, time);
  if (!period) return false;
  const dedupeKey = `summary:${period.date}`;
  if (await findAlert(deps.db, dedupeKey)) return false;

  let balanceSatang: number | undefined;
  try {
    ({ balanceSatang } = await deps.provider.balance());
    await observeBalance(deps, { balanceSatang, source: 'poll' });
  } catch (error) {
    deps.logger.warn({ err: error }, 'daily summary: balance unavailable; using the last known');
    balanceSatang = (await lastKnownBalance(deps.db))?.balanceSatang;
  }
  const summary = await loadSummary(deps.db, { kind: 'daily', period, balanceSatang });
  const raised = await deps.db.transaction((tx) =>
    deps.outbox.alertOwners(tx, {
      dedupeKey,
      kind: 'daily_summary',
      payload: { date: period.date, totals: summary.totals, balanceSatang: balanceSatang ?? null },
      messages: [summaryCard(translator('th'), summary)],
    }),
  );
  if (raised) {
    deps.logger.info({ date: period.date }, 'daily summary queued for the owners');
    deps.outbox.kick();
  }
  return raised;
}
