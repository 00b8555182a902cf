/**
 * Handling an event again (DESIGN §5): effects are keyed by the event, so a crash between
 * steps never makes a second draft or a second answer; an event given up on after its
 * attempts is reported to the owners and the customer is asked to send it again.
 * The crash is staged in the inbox table (the row as a killed instance leaves it).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { orders, webhookEvents } from '../../src/db/schema.ts';
import { drivers } from '../support/db.ts';
import { eventually, startHarness, textOf, type Harness } from '../support/harness.ts';
import { newGroupId, OWNER_ENV } from '../owner/support.ts';

describe.each(drivers())('an event handled again on %s', (driver) => {
  let h: Harness;
  const owners = newGroupId('redo');
  let n = 0;
  const nextUser = () => `Uredo${driver}${++n}${Date.now()}`;

  beforeAll(async () => {
    h = await startHarness(driver, { env: { ...OWNER_ENV, OWNER_GROUP_IDS: owners } });
  });
  afterAll(() => h.stop());
  afterEach(() => expect(h.invalidPayloads()).toEqual([]));

  /** The row as an instance that died mid-event leaves it: not processed, lease run out. */
  async function asIfCrashed(eventId: string, changes: { answered: boolean; attempts?: number }) {
    // The living bot's own bookkeeping (its processed mark, written in batches) lands first.
    await processed(eventId);
    await h.db
      .update(webhookEvents)
      .set({
        processedAt: null,
        leaseUntil: sql`now() - interval '1 second'`,
        ...(changes.answered ? {} : { answeredAt: null }),
        ...(changes.attempts === undefined ? {} : { attempts: changes.attempts }),
      })
      .where(eq(webhookEvents.id, eventId));
  }
  const processed = (eventId: string) =>
    eventually(async () => (await h.db.select().from(webhookEvents).where(eq(webhookEvents.id, eventId)))[0]!, (row) => row.processedAt !== null);

  it('answered before the crash: handled again, it sends nothing and makes no second draft', async () => {
    const u = nextUser();
    const event = await h.text(u, 'เติม 50 0812345678 ais');
    await h.waitFor(u, (m) => m.length === 1);
    await asIfCrashed(event.webhookEventId, { answered: true });
    await processed(event.webhookEventId);
    await h.quiet();
    expect(h.delivered(u)).toHaveLength(1);
    expect(await h.db.select().from(orders).where(eq(orders.userId, u))).toHaveLength(1);
  });

  it('not answered before the crash: handled again, the same card (the same draft) is sent once, by push', async () => {
    const u = nextUser();
    const event = await h.text(u, 'เติม 50 0812345678 ais');
    const [first] = await h.waitFor(u, (m) => m.length === 1);
    await asIfCrashed(event.webhookEventId, { answered: false });
    await processed(event.webhookEventId);
    const messages = await h.waitFor(u, (m) => m.length === 2);
    await h.quiet();
    expect(h.delivered(u)).toHaveLength(2);
    expect(messages[1]!.via).toBe('push');
    const drafts = await h.db.select().from(orders).where(eq(orders.userId, u));
    expect(drafts).toHaveLength(1);
    expect(drafts[0]!.status).toBe('draft');
    // Both copies carry the same live card.
    expect(messages[1]!.message).toEqual(first!.message);
  });

  it('given up after its attempts: the owners are told and the customer is asked to send it again', async () => {
    const u = nextUser();
    const event = await h.text(u, 'สวัสดีค่ะ');
    await h.waitFor(u, (m) => m.length === 1);
    await asIfCrashed(event.webhookEventId, { answered: false, attempts: 3 });
    const alert = await eventually(
      () => h.delivered(owners).find((m) => textOf(m.message).includes(u)),
      (m) => m !== undefined,
      10_000,
      'the owners alert',
    );
    expect(textOf(alert!.message)).toContain('สวัสดีค่ะ');
    await h.waitFor(u, (m) => m.some((x) => x.via === 'push' && textOf(x.message).includes('ส่งข้อความนั้นอีกครั้ง')));
    const [row] = await h.db.select().from(webhookEvents).where(eq(webhookEvents.id, event.webhookEventId));
    expect(row!.gaveUpAt).not.toBeNull();
    await h.quiet();
    expect(h.delivered(owners).filter((m) => textOf(m.message).includes(u))).toHaveLength(1);
  });
});
