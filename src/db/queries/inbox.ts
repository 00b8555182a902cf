/**
 * The webhook inbox: events stored by `webhookEventId` before anything acts on them.
 *
 * An event is held by one instance (a lease, renewed while it waits or runs there) or waits
 * here held by no one until an instance with room claims it. Events of one chat are handled in
 * arrival order (`seq`): an event is held only when every earlier unfinished event of its chat
 * is held by the same instance. If an instance crashes, its leases run out and any instance
 * claims the events again.
 */
import { and, eq, gte, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../client.ts';
import { webhookEvents, type WebhookEventRow } from '../schema.ts';
import { run, statement } from '../statements.ts';

export interface NewWebhookEvent {
  id: string;
  type: string;
  sourceType?: string;
  /** The chat (user, group or room id): events of one chat are handled in order. */
  sourceId?: string;
  payload: unknown;
}

export interface StoredWebhookEvent {
  id: string;
  /** Held by the storing instance (it handles the event now); false: it waits in the inbox. */
  held: boolean;
}

const STORE = statement(`
  with input as (
    select x.* from jsonb_to_recordset(:events::text::jsonb)
      as x(ord int, id text, type text, source_type text, source_id text, payload jsonb)
  ),
  first_in_line as materialized (
    -- Per event, one look at its chat (LATERAL … LIMIT 1: an index probe, never a scan of
    -- every unfinished event, however long the backlog).
    select i.*, b.blocked is null as free
    from input i left join lateral (
      select true as blocked from webhook_events w
      where w.source_id = i.source_id and w.processed_at is null and w.gave_up_at is null
        and (w.lease_owner is distinct from :owner or w.lease_until is null or w.lease_until < now())
      limit 1
    ) b on true
  ),
  ranked as (
    select f.*, f.free and sum(f.free::int) over (order by f.ord) <= :room as held from first_in_line f
  )
  insert into webhook_events (id, type, source_type, source_id, payload, lease_until, lease_owner)
  select id, type, source_type, source_id, payload,
    case when held then now() + make_interval(secs => :leaseSeconds) end, case when held then :owner end
  from ranked order by ord
  on conflict (id) do nothing
  returning id, lease_owner is not null as held`);

/**
 * Stores the events (one statement for any number); returns the new ones (duplicates are left
 * out). At most `room` of them are held by `owner`, in order, and only those first in line in
 * their chat; the rest wait in the inbox for a claim.
 */
export async function storeWebhookEvents(
  db: Db,
  options: { events: NewWebhookEvent[]; leaseMs: number; owner: string; room: number },
): Promise<StoredWebhookEvent[]> {
  if (options.events.length === 0) return [];
  const input = options.events.map((e, ord) => ({
    ord,
    id: e.id,
    type: e.type,
    source_type: e.sourceType ?? null,
    source_id: e.sourceId ?? null,
    payload: e.payload,
  }));
  return run<StoredWebhookEvent>(db, STORE, { events: JSON.stringify(input), leaseSeconds: options.leaseMs / 1000, owner: options.owner, room: options.room });
}

export async function findWebhookEvent(db: DbOrTx, id: string): Promise<WebhookEventRow | undefined> {
  const [row] = await db.select().from(webhookEvents).where(eq(webhookEvents.id, id));
  return row;
}

/** Any constant: it only has to be the same for every instance. */
const CLAIM_LOCK = 7_262_538;

/**
 * Claims events no instance holds, in arrival order: waiting ones (stored while every instance
 * was full) and ones whose lease ran out (a crash, a failure: counted as an attempt). An event is
 * taken only when every earlier unfinished event of its chat is taken with it or already held by
 * `owner`, so a chat's events are never handled out of order or by two instances at once.
 * Instances claim one at a time (an advisory lock): with SKIP LOCKED, one could take a chat's
 * second event while another takes its first.
 */
export async function claimWebhookEvents(
  db: Db,
  options: { limit: number; leaseMs: number; maxAttempts: number; owner: string },
): Promise<WebhookEventRow[]> {
  const { limit, maxAttempts, owner } = options;
  const claimable = sql`(
    with candidates as (
      (select id, seq, source_id from webhook_events
        where processed_at is null and gave_up_at is null and lease_until is null
        order by seq limit ${limit})
      union all
      (select id, seq, source_id from webhook_events
        where processed_at is null and gave_up_at is null and lease_until is not null and lease_until < now() and attempts < ${maxAttempts}
        order by lease_until limit ${limit})
    )
    select c.id from candidates c
    left join lateral (
      -- An earlier unfinished event of the chat that is neither taken now nor held by the claimer.
      select true as blocked from webhook_events e
      where e.source_id = c.source_id and e.seq < c.seq and e.processed_at is null and e.gave_up_at is null
        and e.id not in (select id from candidates)
        and not (e.lease_owner = ${owner} and e.lease_until >= now())
      limit 1
    ) b on true
    where b.blocked is null
    order by c.seq limit ${limit})`;
  const rows = await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${CLAIM_LOCK})`);
    return tx
      .update(webhookEvents)
      .set({
        leaseUntil: sql`now() + make_interval(secs => ${options.leaseMs / 1000})`,
        leaseOwner: owner,
        // Waiting events were never started: only a lease that ran out counts as an attempt.
        attempts: sql`${webhookEvents.attempts} + (${webhookEvents.leaseUntil} is not null)::int`,
      })
      .where(and(inArray(webhookEvents.id, claimable), isNull(webhookEvents.processedAt)))
      .returning();
  });
  return rows.sort((a, b) => a.seq - b.seq);
}

/** Records the event's answer just before it goes out (`messages` when it goes by reply). */
export async function recordWebhookEventAnswer(db: DbOrTx, options: { id: string; messages?: unknown[] }): Promise<void> {
  await db
    .update(webhookEvents)
    .set({ answeredAt: sql`now()`, ...(options.messages ? { answer: options.messages } : {}) })
    .where(eq(webhookEvents.id, options.id));
}

/** Keeps the events this instance still holds (queued or in progress) from being claimed by another. */
export async function renewWebhookEventLeases(db: DbOrTx, options: { ids: string[]; leaseMs: number; owner: string }): Promise<void> {
  if (options.ids.length === 0) return;
  await db
    .update(webhookEvents)
    .set({ leaseUntil: sql`now() + make_interval(secs => ${options.leaseMs / 1000})` })
    .where(and(inArray(webhookEvents.id, options.ids), eq(webhookEvents.leaseOwner, options.owner), isNull(webhookEvents.processedAt)));
}

/**
 * Claims events that used up their attempts and were never processed: each is given up once
 * (and reported by the caller).
 */
export async function claimAbandonedWebhookEvents(db: DbOrTx, options: { maxAttempts: number; limit: number }): Promise<WebhookEventRow[]> {
  const due = db
    .select({ id: webhookEvents.id })
    .from(webhookEvents)
    .where(
      and(
        isNull(webhookEvents.processedAt),
        isNull(webhookEvents.gaveUpAt),
        gte(webhookEvents.attempts, options.maxAttempts),
        lt(webhookEvents.leaseUntil, sql`now()`),
      ),
    )
    .limit(options.limit)
    .for('update', { skipLocked: true });
  return db.update(webhookEvents).set({ gaveUpAt: sql`now()` }).where(inArray(webhookEvents.id, due)).returning();
}

const MARK_PROCESSED = statement(`
  update webhook_events set processed_at = now(), last_error = null
  where id = any(array(select jsonb_array_elements_text(:ids::text::jsonb)))`);

/** Marks events processed, any number in one statement. */
export async function markWebhookEventsProcessed(db: Db, ids: string[]): Promise<void> {
  if (ids.length > 0) await run(db, MARK_PROCESSED, { ids: JSON.stringify(ids) });
}

/** Records a failure; the event is retried once its lease runs out. */
export async function markWebhookEventFailed(db: DbOrTx, options: { id: string; error: string }): Promise<void> {
  await db
    .update(webhookEvents)
    .set({ lastError: options.error.slice(0, 500) })
    .where(eq(webhookEvents.id, options.id));
}
