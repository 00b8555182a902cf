/**
 * Webhook intake (DESIGN §6): persist first, acknowledge, then process. Each event is stored
 * by `webhookEventId`; a duplicate is dropped right there. Events are processed one at a
 * time per chat (in arrival order) and each event's failure stays its own.
 *
 * The inserts of webhooks that arrive together go in one statement (group commit); each webhook
 * is acknowledged once the statement that carried its events is done.
 *
 * A bounded number of events is held in memory. Beyond that, events wait in the inbox, held by
 * no instance, and are claimed in arrival order by whichever instance has room; new events queue
 * behind them (first come, first served). Under any overload memory stays flat, and a second
 * instance shares the work. An event that waited past its reply token is answered by push
 * (respond.ts).
 *
 * In a rush (webhooks queueing to be stored) acknowledging comes first: no answer starts until it
 * is over, or until the oldest waiting event has waited too long (rush.ts).
 *
 * An event is never handled by two instances at once: the instance that holds an event renews
 * its lease while the event waits or runs there; a claim takes over only an expired lease. An
 * event handled again (after a crash) that was already answered is not answered twice, and one
 * given up on after its attempts is reported (`giveUp`), never dropped silently.
 */
import type { webhook } from '@line/bot-sdk';
import { createHash, randomUUID } from 'node:crypto';
import type { Db } from '../db/client.ts';
import { groupCommit } from '../db/group-commit.ts';
import {
  claimAbandonedWebhookEvents,
  claimWebhookEvents,
  markWebhookEventFailed,
  markWebhookEventsProcessed,
  renewWebhookEventLeases,
  storeWebhookEvents,
  type NewWebhookEvent,
  type StoredWebhookEvent,
} from '../db/queries/inbox.ts';
import type { WebhookEventRow } from '../db/schema.ts';
import type { Logger } from '../log.ts';
import type { Metrics } from '../metrics.ts';
import { createChains } from './chains.ts';
import { createRush } from './rush.ts';

/**
 * The storing instance owns an event this long, renewed at every sweep while it holds it; after
 * that any instance may take it over. Short enough that an event a crash interrupted is taken
 * over while its reply token still works (about a minute).
 */
const LEASE_MS = 30_000;
const MAX_SWEEP_ATTEMPTS = 3;
/**
 * Events in progress at once: enough that the turns of many customers reach PostgreSQL together
 * (turns.ts writes the turns ready at one moment in one statement), few enough that the
 * acknowledgements and PostgreSQL do not wait behind a crowd.
 */
const MAX_IN_FLIGHT = 32;
/** Events held in memory (queued or in progress); beyond that they wait in the inbox. Claims refill below half. */
const MAX_HELD = 256;
/** Webhooks per inbox INSERT at most. */
const MAX_BATCH = 256;

export interface Intake {
  /** Stores the events and schedules the new ones; resolves once they are durable. */
  accept(events: webhook.Event[]): Promise<void>;
  /** Takes events waiting in the inbox (held by no instance) while this instance has room. */
  claim(): Promise<number>;
  /** Renews the leases held here; claims waiting and expired events; gives up abandoned ones. */
  sweep(): Promise<number>;
  /** Resolves when every event in progress has been handled and recorded. */
  drain(): Promise<void>;
}

export function createIntake(deps: {
  db: Db;
  /** Where accept() stores events (connections of its own); default `db`. */
  inboxDb?: Db;
  logger: Logger;
  metrics: Metrics;
  handle: (event: webhook.Event) => Promise<void>;
  /** An event whose answer was on its way when its instance died: finish that answer. */
  resume: (row: WebhookEventRow) => Promise<void>;
  /** An event that failed every attempt: tell the owners and the customer. */
  giveUp: (row: WebhookEventRow) => Promise<void>;
  /** Events held in memory at most (default MAX_HELD; tests use a few). */
  maxHeld?: number;
  /** How long a rush outlasts its last crowd (rush.ts; tests use long ones). */
  rushQuietMs?: number;
}): Intake {
  const maxHeld = deps.maxHeld ?? MAX_HELD;
  const refillBelow = Math.ceil(maxHeld / 2);
  /** This process, as the owner of the leases it takes. */
  const owner = randomUUID();
  const rush = createRush({ quietMs: deps.rushQuietMs, lookAgain: () => chains.resume() });
  const chains = createChains(
    () => (!closing && rush.holdingBack() ? 0 : MAX_IN_FLIGHT),
    (error) => deps.logger.error({ err: error }, 'finishing an event failed; it will be retried'),
  );
  /** Events held here and not yet done: their leases are renewed by the sweep. */
  const held = new Set<string>();
  /** Places promised to inserts in flight. */
  let reserved = 0;
  /** The inbox may hold events no instance holds (stored here while full, or found by a claim). */
  let waiting = false;
  /** Events were left waiting since the claim under way began: its snapshot may have missed them. */
  let leftWaiting = false;
  let claiming: Promise<number> | undefined;
  /** drain() was called: finish what is held, take nothing more. */
  let closing = false;

  // One INSERT at a time: the webhooks that arrive meanwhile go in the next one, and events are
  // scheduled here in the order the inbox numbered them (seq), as a claim would take them.
  const store = groupCommit<NewWebhookEvent[], StoredWebhookEvent[]>({
    concurrency: 1,
    maxBatch: MAX_BATCH,
    async write(requests) {
      const events = requests.flat();
      // First come, first served: while events wait in the inbox, new ones queue behind them (a claim takes them in order).
      const room = waiting ? 0 : Math.min(events.length, Math.max(0, maxHeld - held.size - reserved));
      reserved += room;
      try {
        const stored = await storeWebhookEvents(deps.inboxDb ?? deps.db, { events, leaseMs: LEASE_MS, owner, room });
        for (const e of stored) if (e.held) held.add(e.id);
        return byRequest(requests, stored);
      } finally {
        reserved -= room;
      }
    },
  });
  // Nobody waits for these (the event is answered): a few milliseconds' wait gathers them.
  const markProcessed = groupCommit<string, void>({
    concurrency: 1,
    maxBatch: 1000,
    lingerMs: 10,
    write: async (ids) => {
      await markWebhookEventsProcessed(deps.db, ids);
      return ids.map(() => undefined);
    },
  });

  function done(id: string): void {
    markProcessed(id).catch((error: unknown) =>
      // Not fatal: the lease runs out, and the event, answered already, is finished once more.
      deps.logger.error({ err: error, eventId: id }, 'could not mark an event processed'),
    );
  }

  async function processOne(event: webhook.Event, id: string): Promise<void> {
    const timer = deps.metrics.eventSeconds.startTimer();
    try {
      await deps.handle(event);
      done(id);
    } catch (error) {
      deps.logger.error({ err: error, eventId: id, type: event.type }, 'event failed; it will be retried');
      await markWebhookEventFailed(deps.db, { id, error: error instanceof Error ? error.message : String(error) }).catch(() => {});
    } finally {
      timer();
    }
  }

  /** Runs the event in its chat's order; `row` when it came from the inbox (it may have been answered before a crash). */
  function schedule(id: string, event: webhook.Event, row?: WebhookEventRow): void {
    held.add(id);
    chains.add(chatKey(event) ?? 'none', async () => {
      rush.started(typeof event.timestamp === 'number' ? event.timestamp : Date.now());
      try {
        if (row?.answeredAt) {
          // Answered (or answering) before a crash: its effects are keyed by the event, so what is
          // left is to make sure the answer arrived, once.
          await deps.resume(row);
          done(id);
        } else {
          await processOne(event, id);
        }
      } finally {
        held.delete(id);
        refill();
      }
    });
  }

  function refill(): void {
    if (waiting && !closing && !claiming && held.size < refillBelow) void claim().catch((error: unknown) => deps.logger.error({ err: error }, 'claiming waiting events failed'));
  }

  function claim(): Promise<number> {
    claiming ??= (async () => {
      if (closing) return 0;
      const limit = Math.min(MAX_BATCH, maxHeld - held.size - reserved);
      if (limit <= 0) return 0;
      leftWaiting = false;
      const rows = await claimWebhookEvents(deps.db, { limit, leaseMs: LEASE_MS, maxAttempts: MAX_SWEEP_ATTEMPTS, owner });
      // A full claim may have left more behind it, and so may a store that ran meanwhile.
      waiting = rows.length === limit || leftWaiting;
      for (const row of rows) schedule(row.id, row.payload as webhook.Event, row);
      return rows.length;
    })().finally(() => {
      claiming = undefined;
    });
    return claiming;
  }

  return {
    async accept(events) {
      rush.storeBegins();
      let stored: StoredWebhookEvent[];
      try {
        stored = await store(events.map(toNewEvent));
      } finally {
        rush.storeEnds();
      }
      const fresh = new Set(stored.filter((e) => e.held).map((e) => e.id));
      deps.metrics.webhookEvents.inc({ outcome: 'stored' }, stored.length);
      deps.metrics.webhookEvents.inc({ outcome: 'duplicate' }, events.length - stored.length);
      if (stored.length > fresh.size) waiting = leftWaiting = true;
      // setImmediate: the 200 goes out before any processing starts.
      setImmediate(() => {
        for (const event of events) {
          const id = eventId(event);
          if (fresh.delete(id)) schedule(id, event);
        }
        refill();
      });
    },
    claim,
    async sweep() {
      await renewWebhookEventLeases(deps.db, { ids: [...held], leaseMs: LEASE_MS, owner });
      waiting = true;
      const claimed = await claim();
      const abandoned = await claimAbandonedWebhookEvents(deps.db, { maxAttempts: MAX_SWEEP_ATTEMPTS, limit: 20 });
      for (const row of abandoned) {
        deps.logger.error({ eventId: row.id, type: row.type, error: row.lastError }, 'event given up after its attempts; owners told');
        await deps.giveUp(row);
      }
      return claimed + abandoned.length;
    },
    async drain() {
      closing = true;
      chains.resume(); // no holding back now: finish what is held
      await claiming;
      await chains.drain();
      await Promise.all([store.idle(), markProcessed.idle()]);
    },
  };
}

/** Each request's own events from one statement's result; an id two requests carried goes to the first. */
function byRequest(requests: NewWebhookEvent[][], stored: StoredWebhookEvent[]): StoredWebhookEvent[][] {
  if (requests.length === 1) return [stored];
  const left = new Map(stored.map((e) => [e.id, e]));
  return requests.map((events) =>
    events.flatMap((e) => {
      const s = left.get(e.id);
      left.delete(e.id);
      return s ? [s] : [];
    }),
  );
}

function toNewEvent(event: webhook.Event): NewWebhookEvent {
  return { id: eventId(event), type: event.type, sourceType: event.source?.type, sourceId: chatKey(event), payload: event };
}

/** `webhookEventId` is always sent by LINE; a hand-made event without one still gets a stable id. */
function eventId(event: webhook.Event): string {
  return event.webhookEventId || createHash('sha256').update(JSON.stringify(event)).digest('hex').slice(0, 32);
}

/** The chat an event belongs to: the user in a 1:1 chat, else the group or room. */
function chatKey(event: webhook.Event): string | undefined {
  const s = event.source;
  if (!s) return undefined;
  return s.type === 'group' ? s.groupId : s.type === 'room' ? s.roomId : s.userId;
}
