/**
 * The webhook inbox: events stored once, held by one instance at most, and claimed back in
 * arrival order per chat by whichever instance has room.
 */
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  claimWebhookEvents,
  markWebhookEventsProcessed,
  storeWebhookEvents,
  type NewWebhookEvent,
} from '../../src/db/queries/inbox.ts';
import { webhookEvents } from '../../src/db/schema.ts';
import { createTestDatabase, drivers, type TestDatabase } from '../support/db.ts';

describe.each(drivers())('the webhook inbox on %s', (driver) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(driver);
  });
  afterAll(() => database.close());

  let n = 0;
  const event = (chat: string): NewWebhookEvent => {
    const id = `E${driver}${++n}`;
    return { id, type: 'message', sourceType: 'user', sourceId: chat, payload: { webhookEventId: id, text: `message ${n}` } };
  };
  const store = (events: NewWebhookEvent[], options: { owner?: string; room?: number; leaseMs?: number } = {}) =>
    storeWebhookEvents(database.db, { events, leaseMs: options.leaseMs ?? 30_000, owner: options.owner ?? 'A', room: options.room ?? 1000 });
  const claim = (owner: string, limit = 100) => claimWebhookEvents(database.db, { limit, leaseMs: 30_000, maxAttempts: 3, owner });
  const row = async (id: string) => (await database.db.select().from(webhookEvents).where(eq(webhookEvents.id, id)))[0]!;

  it('stores an event once, even when one statement carries it twice', async () => {
    const e = event('chat-once');
    expect(await store([e, e])).toEqual([{ id: e.id, held: true }]);
    expect(await store([e])).toEqual([]);
    await markWebhookEventsProcessed(database.db, [e.id]);
    expect((await row(e.id)).processedAt).not.toBeNull();
  });

  it('holds at most `room` events; the rest wait, held by no one, and a chat waiting stays behind its first event', async () => {
    const [a1, b1, a2, c1] = [event('chat-a'), event('chat-b'), event('chat-a'), event('chat-c')];
    const stored = await store([a1, b1, a2, c1], { room: 2 });
    expect(stored).toEqual([
      { id: a1.id, held: true },
      { id: b1.id, held: true },
      { id: a2.id, held: false },
      { id: c1.id, held: false },
    ]);
    // Room again, but chat-c's first event waits in the inbox: its next one must wait behind it.
    const [c2] = await store([event('chat-c')], { room: 10 });
    expect(c2!.held).toBe(false);
    const w = await row(c2!.id);
    expect([w.leaseUntil, w.leaseOwner]).toEqual([null, null]);
    await markWebhookEventsProcessed(database.db, [a1.id, b1.id]);
    // Claimed in arrival order, without counting an attempt (they were never started).
    const claimed = await claim('B');
    expect(claimed.map((r) => r.id)).toEqual([a2.id, c1.id, c2!.id]);
    expect(claimed.map((r) => [r.leaseOwner, r.attempts])).toEqual([
      ['B', 0],
      ['B', 0],
      ['B', 0],
    ]);
    expect(await claim('A')).toEqual([]);
    await markWebhookEventsProcessed(database.db, claimed.map((r) => r.id));
  });

  it('never takes a chat\'s later event while another instance holds an earlier one; the holder may take it', async () => {
    const [first] = await store([event('chat-d')], { owner: 'A' });
    const [second] = await store([event('chat-d')], { owner: 'A', room: 0 });
    expect([first!.held, second!.held]).toEqual([true, false]);
    expect(await claim('B')).toEqual([]);
    expect((await claim('A')).map((r) => r.id)).toEqual([second!.id]);
    // And a later one arriving at the holder is held at once, behind the first.
    const [third] = await store([event('chat-d')], { owner: 'A' });
    expect(third!.held).toBe(true);
    await markWebhookEventsProcessed(database.db, [first!.id, second!.id, third!.id]);
  });

  it('takes over an expired lease as a new attempt, once across concurrent claims, and the chat\'s next event with it', async () => {
    const [crashed] = await store([event('chat-e')], { owner: 'A', leaseMs: -1000 });
    const [next] = await store([event('chat-e')], { owner: 'A', room: 0 });
    const claims = await Promise.all([claim('B'), claim('C'), claim('D')]);
    const taken = claims.flat();
    expect(taken.map((r) => r.id)).toEqual([crashed!.id, next!.id]);
    expect(taken.map((r) => r.attempts)).toEqual([1, 0]);
    expect(new Set(taken.map((r) => r.leaseOwner)).size).toBe(1);
    await markWebhookEventsProcessed(database.db, [crashed!.id, next!.id]);
  });

  it('leaves alone an event that used its attempts (it is given up on) but keeps its chat\'s next one waiting until then', async () => {
    const [dead] = await store([event('chat-f')], { owner: 'A', leaseMs: -1000 });
    await database.db.update(webhookEvents).set({ attempts: 3 }).where(eq(webhookEvents.id, dead!.id));
    const [next] = await store([event('chat-f')], { room: 0 });
    expect(await claim('B')).toEqual([]);
    await database.db.update(webhookEvents).set({ gaveUpAt: sql`now()` }).where(eq(webhookEvents.id, dead!.id));
    expect((await claim('B')).map((r) => r.id)).toEqual([next!.id]);
    await markWebhookEventsProcessed(database.db, [next!.id]);
  });
});
