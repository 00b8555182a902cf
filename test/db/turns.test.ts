/**
 * A chat turn in one statement: the conversation (compare-and-set), the draft with its
 * transitions, the answer on the event; all or nothing per turn, and turns of many chats in one
 * statement.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endConversation, readConversation } from '../../src/db/queries/conversations.ts';
import { storeWebhookEvents } from '../../src/db/queries/inbox.ts';
import { writeDraftTurn, writeTurn, writeTurns, type DraftInsert } from '../../src/db/queries/turns.ts';
import { orders, orderTransitions, webhookEvents } from '../../src/db/schema.ts';
import { createTestDatabase, drivers, type TestDatabase } from '../support/db.ts';

describe.each(drivers())('chat turns on %s', (driver) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(driver);
  });
  afterAll(() => database.close());

  let n = 0;
  const chat = () => `Uturn${driver}${++n}`;
  const storeEvent = async (chatId: string) => {
    const id = `T${driver}${++n}`;
    await storeWebhookEvents(database.db, { events: [{ id, type: 'message', sourceId: chatId, payload: {} }], leaseMs: 30_000, owner: 'A', room: 10 });
    return id;
  };
  const draftFor = (chatId: string, eventId: string): DraftInsert => ({
    id: randomUUID(),
    ref: `TP${++n}`,
    eventId,
    userId: chatId,
    chatId,
    number: '0812345678',
    network: 'AIS',
    amountSatang: 5000,
    language: 'th',
    confirmToken: 'token',
    expiresAt: new Date(Date.now() + 600_000),
  });
  const event = async (id: string) => (await database.db.select().from(webhookEvents).where(eq(webhookEvents.id, id)))[0]!;

  it('writes the conversation compare-and-set; on a conflict nothing is written and the stored one comes back', async () => {
    const c = chat();
    const e = await storeEvent(c);
    const first = await writeTurn(database.db, { chatId: c, state: { step: 1 }, expectedVersion: 0, ttlMs: 60_000 });
    expect(first).toEqual({ kind: 'written', version: 1 });
    const stale = await writeTurn(database.db, {
      chatId: c,
      state: { step: 'stale' },
      expectedVersion: 0,
      ttlMs: 60_000,
      answer: { eventId: e, messages: [{ type: 'text', text: 'stale' }] },
    });
    expect(stale.kind).toBe('conflict');
    expect(stale.kind === 'conflict' && stale.current).toMatchObject({ state: { step: 1 }, version: 1 });
    expect((await event(e)).answeredAt).toBeNull();
    const second = await writeTurn(database.db, { chatId: c, state: { step: 2 }, expectedVersion: 1, ttlMs: 60_000, answer: { eventId: e, messages: [{ type: 'text', text: 'ok' }] } });
    expect(second).toEqual({ kind: 'written', version: 2 });
    expect((await event(e)).answer).toEqual([{ type: 'text', text: 'ok' }]);
  });

  it('an ended conversation keeps counting versions, so an old version never matches again', async () => {
    const c = chat();
    await writeTurn(database.db, { chatId: c, state: { step: 1 }, expectedVersion: 0, ttlMs: 60_000 });
    expect(await writeTurn(database.db, { chatId: c, state: undefined, expectedVersion: 1, ttlMs: 60_000 })).toEqual({ kind: 'written', version: 2 });
    expect(await readConversation(database.db, c)).toEqual({ state: undefined, version: 2 });
    await endConversation(database.db, c);
    expect((await readConversation(database.db, c)).version).toBe(3);
    expect((await writeTurn(database.db, { chatId: c, state: { step: 'old' }, expectedVersion: 1, ttlMs: 60_000 })).kind).toBe('conflict');
  });

  it('a draft turn supersedes the live draft with its transitions, and an event makes one draft only', async () => {
    const c = chat();
    const e1 = await storeEvent(c);
    const d1 = draftFor(c, e1);
    expect(await writeDraftTurn(database.db, { chatId: c, state: { draftId: d1.id }, expectedVersion: 0, ttlMs: 60_000 }, d1)).toEqual({ kind: 'written', version: 1 });
    const e2 = await storeEvent(c);
    const d2 = draftFor(c, e2);
    const card = [{ type: 'text', text: 'card 2' }];
    expect(await writeDraftTurn(database.db, { chatId: c, state: { draftId: d2.id }, expectedVersion: 1, ttlMs: 60_000, answer: { eventId: e2, messages: card } }, d2)).toEqual({
      kind: 'written',
      version: 2,
    });
    const rows = await database.db.select().from(orders).where(eq(orders.chatId, c));
    expect(Object.fromEntries(rows.map((r) => [r.id, r.status]))).toEqual({ [d1.id]: 'expired', [d2.id]: 'draft' });
    const moves = await database.db.select().from(orderTransitions).where(eq(orderTransitions.orderId, d1.id));
    expect(moves.map((m) => `${m.fromStatus}→${m.toStatus} ${m.reason}`)).toEqual(['null→draft slots complete', 'draft→expired superseded']);
    expect((await event(e2)).answer).toEqual(card);

    // The same event handled again: nothing is written; it is told which draft it made.
    const again = draftFor(c, e2);
    expect(await writeDraftTurn(database.db, { chatId: c, state: { draftId: again.id }, expectedVersion: 2, ttlMs: 60_000 }, again)).toEqual({ kind: 'eventHasDraft', draftId: d2.id });
    expect((await readConversation<{ draftId: string }>(database.db, c)).state).toEqual({ draftId: d2.id });
    expect(await database.db.select().from(orders).where(eq(orders.chatId, c))).toHaveLength(2);
  });

  it('a draft turn that loses the conversation race writes no draft and no answer', async () => {
    const c = chat();
    const e = await storeEvent(c);
    await writeTurn(database.db, { chatId: c, state: { step: 1 }, expectedVersion: 0, ttlMs: 60_000 });
    const d = draftFor(c, e);
    const result = await writeDraftTurn(database.db, { chatId: c, state: { draftId: d.id }, expectedVersion: 0, ttlMs: 60_000, answer: { eventId: e, messages: [] } }, d);
    expect(result.kind).toBe('conflict');
    expect(await database.db.select().from(orders).where(eq(orders.chatId, c))).toEqual([]);
    expect((await event(e)).answeredAt).toBeNull();
  });

  it('turns of several chats written together each get their own outcome: one losing its race costs the others nothing', async () => {
    const [a, b, c] = [chat(), chat(), chat()];
    const [ea, eb, ec] = [await storeEvent(a), await storeEvent(b), await storeEvent(c)];
    await writeTurn(database.db, { chatId: b, state: { step: 1 }, expectedVersion: 0, ttlMs: 60_000 });
    const da = draftFor(a, ea);
    const results = await writeTurns(database.db, [
      { turn: { chatId: a, state: { draftId: da.id }, expectedVersion: 0, ttlMs: 60_000, answer: { eventId: ea, messages: [{ type: 'text', text: 'a' }] } }, draft: da },
      // b was written meanwhile: its turn loses, and only its.
      { turn: { chatId: b, state: { step: 'stale' }, expectedVersion: 0, ttlMs: 60_000, answer: { eventId: eb, messages: [{ type: 'text', text: 'b' }] } } },
      { turn: { chatId: c, state: undefined, expectedVersion: 0, ttlMs: 60_000, answer: { eventId: ec, messages: [{ type: 'text', text: 'c' }] } } },
    ]);
    expect(results[0]).toEqual({ kind: 'written', version: 1 });
    expect(results[1]).toMatchObject({ kind: 'conflict', current: { state: { step: 1 }, version: 1 } });
    expect(results[2]).toEqual({ kind: 'written', version: 0 });
    expect([(await event(ea)).answer, (await event(eb)).answeredAt, (await event(ec)).answer]).toEqual([[{ type: 'text', text: 'a' }], null, [{ type: 'text', text: 'c' }]]);
    expect((await database.db.select().from(orders).where(eq(orders.chatId, a))).map((o) => o.id)).toEqual([da.id]);
  });

  it("a chat's two turns sent together are written one after the other, the second seeing the first", async () => {
    const c = chat();
    const [e1, e2] = [await storeEvent(c), await storeEvent(c)];
    const [d1, d2] = [draftFor(c, e1), draftFor(c, e2)];
    const results = await Promise.all([
      writeDraftTurn(database.db, { chatId: c, state: { draftId: d1.id }, expectedVersion: 0, ttlMs: 60_000 }, d1),
      writeDraftTurn(database.db, { chatId: c, state: { draftId: d2.id }, expectedVersion: 1, ttlMs: 60_000 }, d2),
    ]);
    expect(results).toEqual([
      { kind: 'written', version: 1 },
      { kind: 'written', version: 2 },
    ]);
    const rows = await database.db.select().from(orders).where(eq(orders.chatId, c));
    expect(Object.fromEntries(rows.map((r) => [r.id, r.status]))).toEqual({ [d1.id]: 'expired', [d2.id]: 'draft' });
  });
});
