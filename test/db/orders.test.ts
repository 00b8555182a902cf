import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { claimDueOrders } from '../../src/db/queries/orders.ts';
import { createTestDatabase, drivers, type TestDatabase } from '../support/db.ts';
import { orderServiceFor } from '../support/orders.ts';

describe.each(drivers())('orders on %s', (driver) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(driver);
  });
  afterAll(() => database.close());

  const draft = (chatId: string) => ({ userId: 'U1', chatId, number: '0812345678', network: 'AIS', amountSatang: 5000, language: 'th' });

  it('claims due orders once across concurrent sweeps', async () => {
    const service = orderServiceFor(database.db, { config: loadConfig({ PAYMENT_MODE: 'open' }) });
    const order = await service.createDraft(draft('chat-e'));
    expect((await service.confirm({ orderId: order.id, token: order.confirmToken, chatId: order.chatId, userId: 'U1' })).kind).toBe('confirmed');
    const claims = await Promise.all(
      Array.from({ length: 4 }, () => claimDueOrders(database.db, { status: 'confirmed', limit: 50, leaseMs: 60_000 })),
    );
    const claimedIds = claims.flat().map((o) => o.id).filter((id) => id === order.id);
    expect(claimedIds).toHaveLength(1);
  });
});
