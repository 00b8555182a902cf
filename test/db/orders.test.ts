import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  claimDueOrders,
  confirmDraftOrder,
  createDraftOrder,
  findOrder,
  transitionOrder,
} from '../../src/db/queries/orders.ts';
import { claimExpiredWebhookEvents, markWebhookEventProcessed, storeWebhookEvents } from '../../src/db/queries/inbox.ts';
import { createTestDatabase, drivers, type TestDatabase } from '../support/db.ts';

describe.each(drivers())('orders and inbox on %s', (driver) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(driver);
  });
  afterAll(() => database.close());

  const draft = (chatId: string) => ({
    userId: 'U1',
    chatId,
    number: '0812345678',
    network: 'AIS',
    amountSatang: 5000,
    language: 'th',
    ttlMs: 60_000,
  });

  it('confirms a draft exactly once, even under concurrent taps', async () => {
    const order = await createDraftOrder(database.db, draft('chat-a'));
    const taps = await Promise.all(
      Array.from({ length: 8 }, () => confirmDraftOrder(database.db, { orderId: order.id, token: order.confirmToken, chatId: order.chatId })),
    );
    expect(taps.filter(Boolean)).toHaveLength(1);
    expect((await findOrder(database.db, order.id))?.status).toBe('confirmed');
  });

  it('refuses a confirm with the wrong token or after expiry', async () => {
    const order = await createDraftOrder(database.db, draft('chat-b'));
    expect(await confirmDraftOrder(database.db, { orderId: order.id, token: 'forged', chatId: order.chatId })).toBeUndefined();
    const stale = await createDraftOrder(database.db, { ...draft('chat-b2'), ttlMs: -1 });
    expect(await confirmDraftOrder(database.db, { orderId: stale.id, token: stale.confirmToken, chatId: stale.chatId })).toBeUndefined();
  });

  it('a new draft supersedes the old one, whose button then does nothing', async () => {
    const first = await createDraftOrder(database.db, draft('chat-c'));
    const second = await createDraftOrder(database.db, { ...draft('chat-c'), network: 'TRUE' });
    expect((await findOrder(database.db, first.id))?.status).toBe('expired');
    expect(await confirmDraftOrder(database.db, { orderId: first.id, token: first.confirmToken, chatId: first.chatId })).toBeUndefined();
    expect(await confirmDraftOrder(database.db, { orderId: second.id, token: second.confirmToken, chatId: second.chatId })).toBeDefined();
  });

  it('moves an order only from an allowed state', async () => {
    const order = await createDraftOrder(database.db, draft('chat-d'));
    expect(await transitionOrder(database.db, { id: order.id, from: ['confirmed'], to: 'submitting' })).toBeUndefined();
    await confirmDraftOrder(database.db, { orderId: order.id, token: order.confirmToken, chatId: order.chatId });
    const sends = await Promise.all(
      Array.from({ length: 5 }, () => transitionOrder(database.db, { id: order.id, from: ['confirmed'], to: 'submitting' })),
    );
    expect(sends.filter(Boolean)).toHaveLength(1);
  });

  it('claims due orders once across concurrent sweeps', async () => {
    const order = await createDraftOrder(database.db, draft('chat-e'));
    await confirmDraftOrder(database.db, { orderId: order.id, token: order.confirmToken, chatId: order.chatId });
    const claims = await Promise.all(
      Array.from({ length: 4 }, () => claimDueOrders(database.db, { status: 'confirmed', limit: 50, leaseMs: 60_000 })),
    );
    const claimedIds = claims.flat().map((o) => o.id).filter((id) => id === order.id);
    expect(claimedIds).toHaveLength(1);
  });

  it('stores a webhook event once and lets a sweep take it over after its lease', async () => {
    const event = { id: 'E1', type: 'message', payload: { hello: 1 } };
    expect([...(await storeWebhookEvents(database.db, { events: [event], leaseMs: -1000 }))]).toEqual(['E1']);
    expect([...(await storeWebhookEvents(database.db, { events: [event], leaseMs: -1000 }))]).toEqual([]);
    const [a, b] = await Promise.all([
      claimExpiredWebhookEvents(database.db, { limit: 10, leaseMs: 60_000, maxAttempts: 3 }),
      claimExpiredWebhookEvents(database.db, { limit: 10, leaseMs: 60_000, maxAttempts: 3 }),
    ]);
    expect([...a!, ...b!].map((e) => e.id)).toEqual(['E1']);
    await markWebhookEventProcessed(database.db, 'E1');
  });
});
