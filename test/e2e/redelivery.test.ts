/**
 * Handling an event again (DESIGN §5): effects are keyed by the event, so a crash between
 * steps never makes a second draft or a second answer; an event given up on after its
 * attempts is reported to the owners and the customer is asked to send it again.
 * The crash is staged in the inbox table (the row as a killed instance leaves it).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { orders } from '../../src/db/schema.ts';
import { drivers } from '../support/db.ts';
import { startHarness, textOf, type Harness } from '../support/harness.ts';
import { asIfCrashed, eventHandled } from '../support/inbox.ts';
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

  /** The sweep takes the event over (as any instance's would, once its lease ran out). */
  const takenOver = async (eventId: string) => {
    await h.bot.tick('inbox-sweep');
    return eventHandled(h.db, eventId);
  };

  it('answered before the crash: handled again, it sends nothing and makes no second draft', async () => {
    const u = nextUser();
    const event = await h.text(u, 'เติม 50 0812345678 ais');
    await h.waitFor(u, (m) => m.length === 1);
    await asIfCrashed(h.db, event.webhookEventId, { answered: true });
    await takenOver(event.webhookEventId);
    await h.quiet();
    expect(h.delivered(u)).toHaveLength(1);
    expect(await h.db.select().from(orders).where(eq(orders.userId, u))).toHaveLength(1);
  });

  it('answered before the crash, LINE failing when asked again: it asks until LINE says the token was used, and sends nothing more', async () => {
    const u = nextUser();
    const event = await h.text(u, 'เติม 50 0812345678 ais');
    await h.waitFor(u, (m) => m.length === 1);
    await asIfCrashed(h.db, event.webhookEventId, { answered: true });
    const calls = h.line.calls.length;
    h.line.failNext(500, 1, { chat: u });
    h.line.failNext(429, 1, { chat: u });
    await takenOver(event.webhookEventId);
    await h.quiet();
    const asked = h.line.calls.slice(calls);
    expect(asked.filter((c) => c.path === '/v2/bot/message/reply').map((c) => c.status)).toEqual([500, 429, 400]);
    expect(asked.filter((c) => c.path === '/v2/bot/message/push')).toHaveLength(0);
    expect(h.delivered(u)).toHaveLength(1);
  });

  it('not answered before the crash: handled again, the same card (the same draft) is sent once, by push', async () => {
    const u = nextUser();
    const event = await h.text(u, 'เติม 50 0812345678 ais');
    const [first] = await h.waitFor(u, (m) => m.length === 1);
    await asIfCrashed(h.db, event.webhookEventId, { answered: false });
    await takenOver(event.webhookEventId);
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
    await asIfCrashed(h.db, event.webhookEventId, { answered: false, attempts: 3 });
    const row = await takenOver(event.webhookEventId);
    expect(row.gaveUpAt).not.toBeNull();
    expect(row.processedAt).toBeNull();
    await h.quiet();
    const alerts = h.delivered(owners).filter((m) => textOf(m.message).includes(u));
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.via).toBe('push');
    expect(textOf(alerts[0]!.message)).toContain('สวัสดีค่ะ');
    const customer = h.delivered(u);
    expect(customer.map((m) => m.via)).toEqual(['reply', 'push']);
    expect(textOf(customer[1]!.message)).toContain('ส่งข้อความนั้นอีกครั้ง');
  });
});
