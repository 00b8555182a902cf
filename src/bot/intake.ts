/**
 * Webhook intake (DESIGN §6): persist first, acknowledge, then process. Each event is stored
 * by `webhookEventId`; a duplicate is dropped right there. Events are processed one at a
 * time per chat (in arrival order) and each event's failure stays its own.
 *
 * An event is never handled by two instances at once: the storing instance holds a lease and
 * renews it while the event waits or runs here; a sweep takes over only an expired lease. An
 * event handled again (after a crash) that was already answered is not answered twice, and one
 * given up on after its attempts is reported (`giveUp`), never dropped silently.
 */
import type { webhook } from '@line/bot-sdk';
import { createHash } from 'node:crypto';
import type { Db } from '../db/client.ts';
import {
  claimAbandonedWebhookEvents,
  claimExpiredWebhookEvents,
  markWebhookEventFailed,
  markWebhookEventProcessed,
  renewWebhookEventLeases,
  storeWebhookEvents,
} from '../db/queries/inbox.ts';
import type { WebhookEventRow } from '../db/schema.ts';
import type { Logger } from '../log.ts';
import type { Metrics } from '../metrics.ts';

/**
 * The storing instance owns an event this long, renewed at every sweep while it holds it; after
 * that any instance's sweep may take it over. Short enough that an event a crash interrupted is
 * taken over while its reply token still works (about a minute).
 */
const LEASE_MS = 30_000;
const MAX_SWEEP_ATTEMPTS = 3;
/**
 * At most this many events in progress at once: beyond that, more concurrency only queues
 * more queries in front of the next webhook's INSERT (the acknowledgement waits behind them).
 */
const MAX_IN_FLIGHT = 16;

export interface Intake {
  /** Stores the events and schedules the new ones; resolves once they are durable. */
  accept(events: webhook.Event[]): Promise<void>;
  /** Processes events whose lease ran out (crashes, failures). */
  sweep(): Promise<number>;
  /** Resolves when every event in progress has been handled. */
  drain(): Promise<void>;
}

export function createIntake(deps: {
  db: Db;
  /** Where accept() stores events; default `db`. */
  inboxDb?: Db;
  logger: Logger;
  metrics: Metrics;
  handle: (event: webhook.Event) => Promise<void>;
  /** An event whose answer was on its way when its instance died: finish that answer. */
  resume: (row: WebhookEventRow) => Promise<void>;
  /** An event that failed every attempt: tell the owners and the customer. */
  giveUp: (row: WebhookEventRow) => Promise<void>;
}): Intake {
  const chains = new Map<string, Promise<void>>();
  /** Events stored or claimed here and not yet done: their leases are renewed by the sweep. */
  const held = new Set<string>();

  async function processOne(event: webhook.Event): Promise<void> {
    const id = eventId(event);
    const timer = deps.metrics.eventSeconds.startTimer();
    try {
      await deps.handle(event);
      await markWebhookEventProcessed(deps.db, id);
    } catch (error) {
      deps.logger.error({ err: error, eventId: id, type: event.type }, 'event failed; it will be retried');
      await markWebhookEventFailed(deps.db, { id, error: error instanceof Error ? error.message : String(error) }).catch(() => {});
    } finally {
      held.delete(id);
      timer();
    }
  }

  let inFlight = 0;
  const waiting: (() => void)[] = [];
  const slot = (): Promise<void> =>
    inFlight < MAX_IN_FLIGHT ? (inFlight++, Promise.resolve()) : new Promise<void>((r) => waiting.push(r));
  const release = (): void => {
    const next = waiting.shift();
    if (next) next();
    else inFlight--;
  };

  /** Events of one chat run in order; different chats run side by side. */
  function schedule(event: webhook.Event): void {
    held.add(eventId(event));
    const key = chatKey(event);
    const previous = chains.get(key) ?? Promise.resolve();
    const next = previous.then(async () => {
      await slot();
      try {
        await processOne(event);
      } finally {
        release();
      }
    });
    chains.set(key, next);
    void next.finally(() => {
      if (chains.get(key) === next) chains.delete(key);
    });
  }

  return {
    async accept(events) {
      const rows = events.map((event) => ({
        id: eventId(event),
        type: event.type,
        sourceType: event.source?.type,
        sourceId: event.source && ('groupId' in event.source ? event.source.groupId : 'userId' in event.source ? event.source.userId : undefined),
        payload: event,
      }));
      const fresh = await storeWebhookEvents(deps.inboxDb ?? deps.db, { events: rows, leaseMs: LEASE_MS });
      deps.metrics.webhookEvents.inc({ outcome: 'stored' }, fresh.size);
      deps.metrics.webhookEvents.inc({ outcome: 'duplicate' }, events.length - fresh.size);
      // setImmediate: the 200 goes out before any processing starts.
      setImmediate(() => {
        for (const event of events) if (fresh.has(eventId(event))) schedule(event);
      });
    },
    async sweep() {
      await renewWebhookEventLeases(deps.db, { ids: [...held], leaseMs: LEASE_MS });
      const claimed = await claimExpiredWebhookEvents(deps.db, { limit: 20, leaseMs: LEASE_MS, maxAttempts: MAX_SWEEP_ATTEMPTS });
      for (const row of claimed) {
        // Answered (or answering) before the crash: its effects are keyed by the event, so what is
        // left is to make sure the answer arrived, once.
        if (row.answeredAt) {
          await deps.resume(row);
          await markWebhookEventProcessed(deps.db, row.id);
        } else {
          schedule(row.payload as webhook.Event);
        }
      }
      const abandoned = await claimAbandonedWebhookEvents(deps.db, { maxAttempts: MAX_SWEEP_ATTEMPTS, limit: 20 });
      for (const row of abandoned) {
        deps.logger.error({ eventId: row.id, type: row.type, error: row.lastError }, 'event given up after its attempts; owners told');
        await deps.giveUp(row);
      }
      return claimed.length + abandoned.length;
    },
    async drain() {
      while (chains.size > 0) await Promise.allSettled([...chains.values()]);
    },
  };
}

/** `webhookEventId` is always sent by LINE; a hand-made event without one still gets a stable id. */
function eventId(event: webhook.Event): string {
  return event.webhookEventId || createHash('sha256').update(JSON.stringify(event)).digest('hex').slice(0, 32);
}

function chatKey(event: webhook.Event): string {
  const s = event.source;
  if (!s) return 'none';
  return s.type === 'group' ? s.groupId : s.type === 'room' ? s.roomId : (s.userId ?? 'none');
}
