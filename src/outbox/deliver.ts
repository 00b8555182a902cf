/**
 * Delivers queued pushes. Each row carries its own `X-Line-Retry-Key`, so a retry after a
 * lost answer is never delivered twice (LINE answers 409). Rows are leased with SKIP LOCKED:
 * any number of instances may run this.
 */
import type { Db } from '../db/client.ts';
import { claimDueMessages, markMessageFailed, markMessageRetry, markMessageSent } from '../db/queries/outbox.ts';
import type { OutboxRow } from '../db/schema.ts';
import type { LineClient, LineMessage } from '../line/client.ts';
import { LineApiError, LineNetworkError } from '../line/errors.ts';
import type { Logger } from '../log.ts';
import type { Metrics } from '../metrics.ts';

/** A message undelivered after this many tries is parked for a person to look at. */
const MAX_ATTEMPTS = 12;
const LEASE_MS = 30_000;

/** 2 s, 4 s, 8 s … capped at 5 minutes; LINE's Retry-After wins when it is longer. */
export function retryDelayMs(attempts: number, retryAfterMs?: number): number {
  return Math.max(Math.min(1000 * 2 ** attempts, 5 * 60_000), retryAfterMs ?? 0);
}

export interface DeliveryDeps {
  db: Db;
  line: LineClient;
  logger: Logger;
  metrics: Metrics;
}

/** One round: claims the due pushes and sends them; returns how many it claimed. */
export async function deliverDuePushes(deps: DeliveryDeps): Promise<number> {
  const rows = await claimDueMessages(deps.db, { limit: 20, leaseMs: LEASE_MS });
  await Promise.all(rows.map((row) => deliver(deps, row)));
  return rows.length;
}

async function deliver(deps: DeliveryDeps, row: OutboxRow): Promise<void> {
  const { db, line, logger, metrics } = deps;
  try {
    await line.push(row.to, row.messages as LineMessage[], row.retryKey);
    metrics.pushes.inc({ outcome: 'sent' });
    await markMessageSent(db, row.id);
  } catch (error) {
    if (error instanceof LineApiError && error.alreadyDelivered) {
      metrics.pushes.inc({ outcome: 'duplicate' });
      await markMessageSent(db, row.id);
      return;
    }
    const retryable = (error instanceof LineApiError && error.isRetryable) || error instanceof LineNetworkError;
    const message = error instanceof Error ? error.message : String(error);
    if (retryable && row.attempts < MAX_ATTEMPTS) {
      metrics.pushes.inc({ outcome: 'retry' });
      const retryAfterMs = error instanceof LineApiError ? error.retryAfterMs : undefined;
      await markMessageRetry(db, { id: row.id, delayMs: retryDelayMs(row.attempts, retryAfterMs), error: message });
      return;
    }
    metrics.pushes.inc({ outcome: 'failed' });
    logger.error({ err: error, outboxId: row.id, dedupeKey: row.dedupeKey }, 'push failed for good');
    await markMessageFailed(db, { id: row.id, error: message });
  }
}
