/**
 * Webhook intake with a bounded memory: beyond `maxHeld` events, the rest wait in the inbox held
 * by no one, and whichever instance has room claims them; every event is handled once, and one
 * chat's events in the order they arrived, never two at once. First come, first served across
 * chats; in a rush no answer starts until it is over, unless the events have waited too long.
 */
import type { webhook } from '@line/bot-sdk';
import { and, isNotNull, isNull, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIntake, type Intake } from '../../src/bot/intake.ts';
import { webhookEvents } from '../../src/db/schema.ts';
import { createLogger } from '../../src/log.ts';
import { createMetrics } from '../../src/metrics.ts';
import { createTestDatabase, drivers, type TestDatabase } from '../support/db.ts';
import { eventually } from '../support/harness.ts';

describe.each(drivers())('webhook intake on %s', (driver) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(driver);
  });
  afterAll(() => database.close());

  let n = 0;
  const event = (chat: string): webhook.Event =>
    ({
      type: 'message',
      mode: 'active',
      timestamp: Date.now(),
      webhookEventId: `I${driver}${++n}`,
      deliveryContext: { isRedelivery: false },
      source: { type: 'user', userId: chat },
      replyToken: `r${n}`,
      message: { type: 'text', id: String(n), quoteToken: 'q', text: 'hi' },
    }) as webhook.Event;

  /** Handling that waits until `open()`; it records who handled what, and when it started and ended. */
  function world() {
    const log: { instance: string; id: string; chat: string; phase: 'start' | 'end' }[] = [];
    let open: () => void = () => {};
    const gate = new Promise<void>((r) => (open = r));
    const make = (instance: string, maxHeld: number): Intake =>
      createIntake({
        db: database.db,
        logger: createLogger({ level: 'silent' }),
        metrics: createMetrics(),
        maxHeld,
        handle: async (e) => {
          const chat = (e.source as { userId: string }).userId;
          log.push({ instance, id: e.webhookEventId, chat, phase: 'start' });
          await gate;
          log.push({ instance, id: e.webhookEventId, chat, phase: 'end' });
        },
        resume: async () => {},
        giveUp: async () => {},
      });
    return {
      log,
      make,
      open: () => open(),
    };
  }

  /**
   * Handling where each event waits for its own `release(event)`; `started` lists the events in
   * the order they started, `most` the most that were in progress at once.
   */
  function gatedWorld(options: { maxHeld?: number; rushQuietMs?: number }) {
    const started: string[] = [];
    const gates = new Map<string, () => void>();
    const opened = new Set<string>();
    const inProgress = { now: 0, most: 0 };
    const intake = createIntake({
      db: database.db,
      logger: createLogger({ level: 'silent' }),
      metrics: createMetrics(),
      ...options,
      handle: async (e) => {
        started.push(e.webhookEventId);
        inProgress.most = Math.max(inProgress.most, ++inProgress.now);
        if (!opened.has(e.webhookEventId)) await new Promise<void>((r) => gates.set(e.webhookEventId, r));
        inProgress.now--;
      },
      resume: async () => {},
      giveUp: async () => {},
    });
    const release = (...events: webhook.Event[]) => {
      for (const { webhookEventId: id } of events) {
        opened.add(id);
        gates.get(id)?.();
      }
    };
    return { intake, started, release, inProgress };
  }
  const ids = (events: webhook.Event[]) => events.map((e) => e.webhookEventId);
  const startedCount = (started: string[], n: number, what: string) => eventually(() => Promise.resolve(started.length), (l) => l === n, 5_000, what);

  const count = async (where: ReturnType<typeof and>) =>
    Number((await database.db.select({ n: sql<number>`count(*)::int` }).from(webhookEvents).where(where))[0]!.n);

  /** Each event started once, ended once, and one chat's events one after another in arrival order. */
  function expectOnceInOrder(log: ReturnType<typeof world>['log'], sent: webhook.Event[]) {
    const starts = log.filter((l) => l.phase === 'start').map((l) => l.id);
    expect(starts.sort()).toEqual(sent.map((e) => e.webhookEventId).sort());
    for (const chat of new Set(sent.map((e) => (e.source as { userId: string }).userId))) {
      const mine = log.filter((l) => l.chat === chat);
      const expected = sent.filter((e) => (e.source as { userId: string }).userId === chat).flatMap((e) => [`start ${e.webhookEventId}`, `end ${e.webhookEventId}`]);
      expect(mine.map((l) => `${l.phase} ${l.id}`)).toEqual(expected);
    }
  }

  it('holds a few events in memory; the rest wait in the inbox, held by no one, and are all handled once, in order per chat', async () => {
    const w = world();
    const intake = w.make('A', 4);
    const chats = ['Ua', 'Ub', 'Uc'].map((c) => `${c}${driver}1`);
    const sent = Array.from({ length: 15 }, (_, i) => event(chats[i % 3]!));
    for (let i = 0; i < sent.length; i += 5) await intake.accept(sent.slice(i, i + 5));
    const ours = sql`${webhookEvents.id} like ${`I${driver}%`}`;
    expect(await count(and(ours, isNull(webhookEvents.processedAt), isNotNull(webhookEvents.leaseOwner)))).toBeLessThanOrEqual(4);
    expect(await count(and(ours, isNull(webhookEvents.processedAt), isNull(webhookEvents.leaseUntil)))).toBeGreaterThanOrEqual(11);
    w.open();
    await eventually(() => count(and(ours, isNull(webhookEvents.processedAt))), (left) => left === 0, 15_000, 'every event processed');
    await intake.drain();
    expectOnceInOrder(w.log, sent);
  });

  it('a second instance takes waiting events while the first is full, never a chat the first is in the middle of', async () => {
    const w = world();
    const a = w.make('A', 2);
    const b = w.make('B', 50);
    const chats = ['Ud', 'Ue', 'Uf', 'Ug'].map((c) => `${c}${driver}2`);
    // Two events per chat, the chats taking turns; A can hold the first two only.
    const sent = [...chats.map(event), ...chats.map(event)];
    await a.accept(sent);
    await eventually(() => Promise.resolve(w.log.length), (l) => l === 2, 5_000, 'A to start its two events');
    const busy = new Set(w.log.map((l) => l.chat));
    expect(await b.claim()).toBe(sent.filter((e) => !busy.has((e.source as { userId: string }).userId)).length);
    await eventually(() => Promise.resolve(w.log.filter((l) => l.instance === 'B').length), (l) => l > 0, 5_000, 'B to start');
    expect(w.log.filter((l) => l.instance === 'B' && busy.has(l.chat))).toEqual([]);
    w.open();
    const ours = sql`${webhookEvents.id} like ${`I${driver}%`}`;
    await eventually(() => count(and(ours, isNull(webhookEvents.processedAt))), (left) => left === 0, 15_000, 'every event processed');
    await Promise.all([a.drain(), b.drain()]);
    expectOnceInOrder(w.log, sent);
  });
  it('first come, first served: while events wait in the inbox, a new one queues behind them even where there is room', async () => {
    const { intake, started, release } = gatedWorld({ maxHeld: 2 });
    const [c1, c2, c3, c4] = ['Uh', 'Ui', 'Uj', 'Uk'].map((c) => event(`${c}${driver}3`)) as [webhook.Event, webhook.Event, webhook.Event, webhook.Event];
    await intake.accept([c1, c2]);
    await startedCount(started, 2, 'the first two to start');
    await intake.accept([c3]); // no room: it waits in the inbox
    release(c1);
    await eventually(() => count(and(sql`${webhookEvents.id} = ${c1.webhookEventId}`, isNotNull(webhookEvents.processedAt))), (n) => n === 1, 5_000, 'c1 done');
    // One place is free, but c3 came first.
    await intake.accept([c4]);
    release(c2, c3, c4);
    await startedCount(started, 4, 'every event to start');
    expect(started).toEqual(ids([c1, c2, c3, c4]));
    await intake.drain();
  });

  /** Eight webhooks at once (a crowd queueing to be stored), one event each, of eight chats. */
  async function rush(intake: Intake, chats: string[], timestamp = Date.now()): Promise<webhook.Event[]> {
    const sent = chats.map((c) => ({ ...event(c), timestamp }) as webhook.Event);
    await Promise.all(sent.map((e) => intake.accept([e])));
    return sent;
  }
  /** Lets what the stored webhooks scheduled (on setImmediate) run: had an event been let start, it would have. */
  const afterScheduling = async () => {
    for (let i = 0; i < 2; i++) await new Promise((r) => setImmediate(r));
  };

  it('in a rush (webhooks queueing to be stored) no answer starts until it is over; then they all start', async () => {
    const { intake, started, release, inProgress } = gatedWorld({ rushQuietMs: 3_000 });
    const sent = await rush(intake, ['Ul', 'Um', 'Un', 'Uo', 'Up', 'Uq', 'Ur', 'Us'].map((c) => `${c}${driver}4`));
    await afterScheduling();
    expect(started).toEqual([]);
    await startedCount(started, 8, 'all eight to start once the rush is over');
    expect(inProgress.most).toBe(8);
    release(...sent);
    await intake.drain();
  });

  it('a steady stream is no rush: each event starts as soon as it is stored', async () => {
    const { intake, started, release } = gatedWorld({ rushQuietMs: 60_000 });
    const sent = ['Vb', 'Vc', 'Vd'].map((c) => event(`${c}${driver}6`));
    for (const e of sent) {
      await intake.accept([e]);
      await afterScheduling();
      expect(started.at(-1)).toBe(e.webhookEventId);
    }
    release(...sent);
    await intake.drain();
  });

  it('once the events starting were sent long ago, events start in a rush too', async () => {
    const { intake, started, release } = gatedWorld({ rushQuietMs: 60_000 });
    const sentAt = Date.now() - 15_000;
    // No rush: it starts at once, and it was sent 15 s ago.
    const first = { ...event(`Ut${driver}5`), timestamp: sentAt } as webhook.Event;
    await intake.accept([first]);
    await startedCount(started, 1, 'the first event to start');
    release(first);
    const sent = await rush(intake, ['Uu', 'Uv', 'Uw', 'Ux', 'Uy', 'Uz', 'Va', 'Vj'].map((c) => `${c}${driver}5`), sentAt);
    await startedCount(started, 9, 'all eight to start in the rush');
    release(...sent);
    await intake.drain();
  });
});
