/**
 * Pushes for every sender (orders, owners, payments, the bot's own fallbacks): queued in the
 * sender's transaction, delivered by one worker with each row's stored `X-Line-Retry-Key`.
 * Senders get an `Outbox`; the composition root starts its worker.
 */
import type { DbOrTx } from '../db/client.ts';
import { createLoop, type Loop } from '../loop.ts';
import { queueOwnerAlert, type OwnerAlert } from './alerts.ts';
import { deliverDuePushes, type DeliveryDeps } from './deliver.ts';
import { queuePush, releasePushes, withdrawPushes, type Push } from './queue.ts';

export type { OwnerAlert } from './alerts.ts';
export type { Push, PushMessage } from './queue.ts';

export interface Outbox {
  /** Queues a push inside the caller's transaction; once per key. */
  queue(tx: DbOrTx, push: Push): Promise<boolean>;
  /** Queues an alert to every owners' group, once per alert key. */
  alertOwners(tx: DbOrTx, alert: OwnerAlert): Promise<boolean>;
  /** Held pushes whose news reached the customer by reply are not sent. */
  withdraw(tx: DbOrTx, keys: string[]): Promise<void>;
  /** Held pushes go out now (and the worker is woken). */
  release(tx: DbOrTx, keys: string[]): Promise<void>;
  /** Delivers queued pushes now rather than at the next tick; call after the commit. */
  kick(): void;
}

export interface OutboxWorker extends Outbox {
  /** The delivery loop, started by the composition root. */
  readonly loop: Loop;
  /** One delivery round, for tests that step the worker themselves. */
  deliverDue(): Promise<number>;
}

export function createOutbox(deps: DeliveryDeps & { ownerGroupIds: readonly string[]; intervalMs: number }): OutboxWorker {
  const deliverDue = () => deliverDuePushes(deps);
  const loop = createLoop({ name: 'outbox', intervalMs: deps.intervalMs, logger: deps.logger, tick: deliverDue });
  return {
    loop,
    deliverDue,
    queue: queuePush,
    alertOwners: (tx, alert) => queueOwnerAlert(tx, alert, deps.ownerGroupIds),
    withdraw: withdrawPushes,
    release: async (tx, keys) => {
      await releasePushes(tx, keys);
      loop.kick();
    },
    kick: loop.kick,
  };
}
