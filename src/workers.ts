/**
 * The background workers every instance runs. Each claims its rows with SKIP LOCKED or an
 * advisory lock, so any number of instances may run them side by side.
 */
import type { Config } from './config.ts';
import type { Logger } from './log.ts';
import { createLoop, type Loop } from './loop.ts';
import type { OrderService } from './orders/service.ts';
import type { OwnerModule } from './owner/index.ts';

/** Every background worker by name (the outbox's loop is built by the outbox). */
export type WorkerName = 'outbox' | 'reconciler' | 'inbox-sweep' | 'inbox-claim' | 'network-monitor' | 'balance-monitor' | 'daily-summary';

export function createWorkers(options: {
  config: Config;
  logger: Logger;
  /** The base cadence; tests shorten it. */
  intervalMs: number;
  orders: OrderService;
  owner: OwnerModule;
  sweepInbox: () => Promise<number>;
  /** Takes events waiting in the inbox (stored while every instance was full) when this one has room. */
  claimInbox: () => Promise<number>;
}): Loop[] {
  const { config, logger, intervalMs } = options;
  const loop = (name: WorkerName, everyMs: number, tick: () => Promise<unknown>) => createLoop({ name, intervalMs: everyMs, logger, tick });
  return [
    loop('reconciler', intervalMs, options.orders.reconcile),
    loop('inbox-sweep', intervalMs * 5, options.sweepInbox),
    loop('inbox-claim', intervalMs, options.claimInbox),
    // The owners' monitors: every instance ticks; one per interval asks the provider (advisory lock).
    loop('network-monitor', Math.min(config.owner.networkCheckIntervalMs, intervalMs * 5), options.owner.networkTick),
    loop('balance-monitor', Math.min(config.owner.balanceCheckIntervalMs, intervalMs * 5), options.owner.balanceTick),
    loop('daily-summary', intervalMs * 15, options.owner.summaryTick),
  ];
}
