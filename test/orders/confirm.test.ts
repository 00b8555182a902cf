/**
 * The confirm gate through the order service: once under concurrent taps, never with a forged
 * or stale token, never in another chat, never for a superseded card.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findOrder } from '../../src/db/queries/orders.ts';
import { loadConfig } from '../../src/config.ts';
import type { OrderService } from '../../src/orders/service.ts';
import { createTestDatabase, drivers, type TestDatabase } from '../support/db.ts';
import { orderServiceFor } from '../support/orders.ts';

describe.each(drivers())('confirming a draft on %s', (driver) => {
  let database: TestDatabase;
  let service: OrderService;
  let n = 0;
  const chat = () => `Uconfirm${++n}`;

  beforeAll(async () => {
    database = await createTestDatabase(driver);
    service = orderServiceFor(database.db, { config: loadConfig({ PAYMENT_MODE: 'open', LIMIT_ORDERS_PER_MINUTE: '1000' }) });
  });
  afterAll(() => database.close());

  const draft = (chatId: string, network = 'AIS') =>
    service.createDraft({ userId: chatId, chatId, number: '0812345678', network, amountSatang: 5_000, language: 'th' });
  const tap = (order: { id: string; confirmToken: string; chatId: string }, changes: { token?: string; chatId?: string } = {}) =>
    service.confirm({ orderId: order.id, token: changes.token ?? order.confirmToken, chatId: changes.chatId ?? order.chatId, userId: order.chatId });

  it('confirms a draft exactly once, even under concurrent taps', async () => {
    const order = await draft(chat());
    const taps = await Promise.all(Array.from({ length: 8 }, () => tap(order)));
    expect(taps.filter((t) => t.kind === 'confirmed')).toHaveLength(1);
    expect(taps.filter((t) => t.kind === 'notConfirmed')).toHaveLength(7);
    expect((await findOrder(database.db, order.id))?.status).toBe('confirmed');
  });

  it('refuses a forged token and a tap from another chat', async () => {
    const order = await draft(chat());
    expect((await tap(order, { token: 'forged' })).kind).toBe('notConfirmed');
    expect((await tap(order, { chatId: chat() })).kind).toBe('notConfirmed');
    expect((await findOrder(database.db, order.id))?.status).toBe('draft');
  });

  it('a new draft supersedes the old one, whose button then does nothing', async () => {
    const c = chat();
    const first = await draft(c);
    const second = await draft(c, 'TRUE');
    expect((await findOrder(database.db, first.id))).toMatchObject({ status: 'expired', detail: 'superseded' });
    expect((await tap(first)).kind).toBe('notConfirmed');
    expect((await tap(second)).kind).toBe('confirmed');
  });

  it('a dropped draft cannot be confirmed', async () => {
    const order = await draft(chat());
    await service.dropDraft(order.id);
    expect((await tap(order)).kind).toBe('notConfirmed');
    expect((await findOrder(database.db, order.id))?.status).toBe('expired');
  });
});
