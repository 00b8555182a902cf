/**
 * Owners' actions that move money record who did it, and what the customer reads never shows
 * that owner (over real HTTP, wallet mode): a slip approved and one rejected, credit added and
 * taken, an `unknown` order settled as success and one as failed, a group approved.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { deposits, ownerGroupRequests, ownerGroups, walletLedger } from '../../src/db/schema.ts';
import { drivers } from '../support/db.ts';
import { buttonData, sendUserEvent, startHarness, textOf, type Harness } from '../support/harness.ts';
import { groupChat, latestOrder, newGroupId, OWNER_ENV, placeOrder, REGISTER_CODE } from './support.ts';

const SLIP = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('a transfer slip', 'utf8')]);
const hex = () => randomUUID().replaceAll('-', '');

describe.each(drivers())('who did it, on %s', (driver) => {
  let h: Harness;
  const owners = newGroupId('who');
  // An owner the bot knows by name: they once chatted with the shop themselves.
  const owner = `U${hex()}`;
  const ownerName = 'เจ๊ใหญ่ เจ้าของร้าน';
  const customer = `U${hex()}`;

  beforeAll(async () => {
    h = await startHarness(driver, { env: { ...OWNER_ENV, OWNER_GROUP_IDS: owners, PAYMENT_MODE: 'wallet', PROMPTPAY_ID: '081-234-5678' } });
    h.line.setProfile(owner, { displayName: ownerName, language: 'th' });
    await h.text(owner, 'สวัสดีค่ะ');
    await h.waitFor(owner, (m) => m.length > 0);
  });
  afterAll(() => h.stop());

  const group = () => groupChat(h, owners);

  async function ownersCard(needle: string) {
    const messages = await h.waitFor(owners, (m) => m.some((x) => x.message.type === 'flex' && textOf(x.message).includes(needle)));
    return messages.filter((x) => x.message.type === 'flex' && textOf(x.message).includes(needle)).at(-1)!;
  }

  async function depositAndDecide(baht: number, label: 'อนุมัติ' | 'ปฏิเสธ') {
    const before = h.delivered(customer).length;
    await h.text(customer, `เติมเครดิต ${baht}`);
    await h.waitFor(customer, (m) => m.length >= before + 2);
    const messageId = `${Date.now()}${Math.floor(Math.random() * 1e6)}`;
    h.line.setContent(messageId, SLIP, 'image/jpeg');
    await sendUserEvent(h.bot.url, h.line, customer, {
      type: 'message',
      message: { id: messageId, type: 'image', contentProvider: { type: 'line' }, quoteToken: 'q' },
    });
    await h.waitFor(customer, (m) => m.length >= before + 3);
    const [row] = await h.db
      .select()
      .from(deposits)
      .where(and(eq(deposits.userId, customer), eq(deposits.status, 'awaiting_approval')));
    await group().tap(buttonData((await ownersCard(row!.ref)).message, label)!, owner);
    await h.waitFor(customer, (m) => m.length >= before + 4);
    return row!.id;
  }

  it('records the owner with every decision and keeps them out of every customer message', async () => {
    // Slips: one approved, one rejected.
    const approved = await depositAndDecide(500, 'อนุมัติ');
    const rejected = await depositAndDecide(300, 'ปฏิเสธ');
    expect(await h.db.select().from(deposits).where(eq(deposits.userId, customer))).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: approved, status: 'approved', decidedBy: owner }),
        expect.objectContaining({ id: rejected, status: 'rejected', decidedBy: owner }),
      ]),
    );

    // Credit by command, both ways.
    for (const command of [`เพิ่มเครดิต ${customer} 100 ลูกค้าประจำ`, `หักเครดิต ${customer} 50 ค่าธรรมเนียม`]) {
      const before = h.delivered(customer).length;
      await group().ask(command, owner);
      await h.waitFor(customer, (m) => m.length > before);
    }

    // Two unknown orders, settled by the owner from the card.
    for (const label of ['สำเร็จแล้ว', 'ไม่สำเร็จ'] as const) {
      h.simulator.setFault('empty', { times: 1, kinds: ['refill'] });
      await placeOrder(h, customer);
      const order = await latestOrder(h, customer);
      expect(order.status).toBe('unknown');
      const before = h.delivered(customer).length;
      await group().tap(buttonData((await ownersCard(order.ref)).message, label)!, owner);
      await h.waitFor(customer, (m) => m.length > before);
      expect(await latestOrder(h, customer)).toMatchObject({ status: label === 'สำเร็จแล้ว' ? 'success' : 'failed', resolvedBy: owner });
    }
    await h.quiet();

    const ledger = await h.db.select().from(walletLedger).where(eq(walletLedger.userId, customer));
    expect(ledger.filter((e) => e.kind === 'deposit' || e.kind === 'credit' || e.kind === 'debit').map((e) => [e.kind, e.actor])).toEqual([
      ['deposit', owner],
      ['credit', owner],
      ['debit', owner],
    ]);

    // Everything the customer was sent: about their money, never about who decided.
    const seen = h.delivered(customer);
    expect(seen.length).toBeGreaterThanOrEqual(12);
    for (const m of seen) {
      const text = JSON.stringify(m.message);
      expect(text).not.toContain(owner);
      expect(text).not.toContain(ownerName);
      expect(m.message).not.toHaveProperty('sender');
    }
    expect(seen.some((m) => textOf(m.message).includes('เติมเครดิต ฿500 เรียบร้อยแล้ว'))).toBe(true);
  });

  it('records who approved a group, with the request and the new owners’ group', async () => {
    const asking = groupChat(h, newGroupId('asking'));
    await asking.ask(`ลงทะเบียน ${REGISTER_CODE}`, 'Uasker');
    await group().approve(asking.groupId, owner);
    expect(await h.db.select().from(ownerGroupRequests).where(eq(ownerGroupRequests.groupId, asking.groupId))).toMatchObject([
      { status: 'approved', requestedBy: 'Uasker', decidedBy: owner },
    ]);
    expect(await h.db.select().from(ownerGroups).where(eq(ownerGroups.groupId, asking.groupId))).toMatchObject([
      { registeredBy: 'Uasker', approvedBy: owner },
    ]);
    const [answer] = (await h.waitFor(owners, (m) => m.some((x) => textOf(x.message).includes('อนุมัติแล้วค่ะ กลุ่ม')))).filter((x) =>
      textOf(x.message).includes('อนุมัติแล้วค่ะ กลุ่ม'),
    );
    expect(answer!.via).toBe('reply');
  });
});
