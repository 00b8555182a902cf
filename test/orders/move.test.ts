/**
 * The order state machine, on PGlite and PostgreSQL: every one of the 10 × 10 moves is tried
 * through the order service's `move`. The allowed ones move the order and record the
 * transition; every other one is refused and changes nothing. The expected table is written out
 * here, not read from the code, so a new transition in the code fails this test until it is
 * added on purpose.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { findOrder } from '../../src/db/queries/orders.ts';
import { orders, orderTransitions, type OrderStatus } from '../../src/db/schema.ts';
import { IllegalMove } from '../../src/orders/transitions.ts';
import type { OrderService } from '../../src/orders/service.ts';
import { createTestDatabase, drivers, type TestDatabase } from '../support/db.ts';
import { orderServiceFor } from '../support/orders.ts';

const STATUSES: OrderStatus[] = ['draft', 'confirmed', 'submitting', 'pending', 'success', 'failed', 'cancel_requested', 'cancelled', 'expired', 'unknown'];

/** DESIGN §5, as the service must enforce it. */
const ALLOWED: Record<OrderStatus, OrderStatus[]> = {
  draft: ['confirmed', 'expired'],
  confirmed: ['submitting'],
  submitting: ['pending', 'failed', 'unknown'],
  pending: ['success', 'failed', 'cancel_requested', 'unknown'],
  cancel_requested: ['pending', 'cancelled', 'success', 'failed', 'unknown'],
  unknown: ['pending', 'success', 'failed'],
  success: ['cancelled'],
  failed: [],
  cancelled: [],
  expired: [],
};

const MOVES = STATUSES.flatMap((from) => STATUSES.map((to) => ({ from, to, allowed: ALLOWED[from].includes(to) })));

describe.each(drivers())('the order state machine on %s', (driver) => {
  let database: TestDatabase;
  let service: OrderService;
  let n = 0;

  beforeAll(async () => {
    database = await createTestDatabase(driver);
    service = orderServiceFor(database.db);
  });
  afterAll(() => database.close());

  /** An order put straight into `status` (a fixture: the test needs every starting state). */
  async function orderIn(status: OrderStatus) {
    const chat = `Umove${++n}`;
    const draft = await service.createDraft({ userId: chat, chatId: chat, number: '0812345678', network: 'AIS', amountSatang: 5_000, language: 'th' });
    await database.db.update(orders).set({ status }).where(eq(orders.id, draft.id));
    return draft.id;
  }

  const transitionsOf = (id: string) => database.db.select().from(orderTransitions).where(eq(orderTransitions.orderId, id));

  it.each(MOVES.filter((m) => m.allowed))('moves $from → $to and records it', async ({ from, to }) => {
    const id = await orderIn(from);
    const result = await service.move({ id, from: [from], to, reason: 'table test' });
    expect(result.kind).toBe('moved');
    expect((await findOrder(database.db, id))!.status).toBe(to);
    const recorded = (await transitionsOf(id)).filter((t) => t.reason === 'table test');
    expect(recorded.map((t) => [t.fromStatus, t.toStatus])).toEqual([[from, to]]);
  });

  it.each(MOVES.filter((m) => !m.allowed))('refuses $from → $to and changes nothing', async ({ from, to }) => {
    const id = await orderIn(from);
    const before = await transitionsOf(id);
    await expect(service.move({ id, from: [from], to, reason: 'table test' })).rejects.toBeInstanceOf(IllegalMove);
    expect((await findOrder(database.db, id))!.status).toBe(from);
    expect(await transitionsOf(id)).toHaveLength(before.length);
  });

  it('an allowed move from a state the order is not in changes nothing', async () => {
    const id = await orderIn('pending');
    expect(await service.move({ id, from: ['confirmed'], to: 'submitting', reason: 'table test' })).toEqual({ kind: 'notMoved' });
    expect((await findOrder(database.db, id))!.status).toBe('pending');
  });

  it('of many simultaneous moves of one order, exactly one happens', async () => {
    const id = await orderIn('confirmed');
    const sends = await Promise.all(Array.from({ length: 6 }, () => service.move({ id, from: ['confirmed'], to: 'submitting', reason: 'race' })));
    expect(sends.filter((s) => s.kind === 'moved')).toHaveLength(1);
    expect((await transitionsOf(id)).filter((t) => t.toStatus === 'submitting')).toHaveLength(1);
  });
});
