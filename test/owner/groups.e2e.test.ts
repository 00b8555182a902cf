/**
 * The owners' group over real HTTP: join → register (right and wrong code, rate limit, approval
 * by an owners' group) → commands; an `unknown` order's card resolved from the group;
 * unregistered groups refused. Approval, limits across groups and users, and rooms in depth:
 * registration.e2e.test.ts.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { ownerGroups, providerOrders, registerAttempts } from '../../src/db/schema.ts';
import { testClock } from '../support/clock.ts';
import { formatBaht } from '../../src/format.ts';
import { drivers } from '../support/db.ts';
import { orderServiceFor } from '../support/orders.ts';
import { buttonData, eventually, startHarness, textOf, type Harness } from '../support/harness.ts';
import { groupChat, latestOrder, newGroupId, OWNER_ENV, placeOrder, REGISTER_CODE } from './support.ts';

describe.each(drivers())('owners group on %s', (driver) => {
  let h: Harness;
  const configured = newGroupId('cfg');
  /** The owners' group from OWNER_GROUP_IDS: it approves every group that registers here. */
  let cfg: ReturnType<typeof groupChat>;
  let n = 0;
  const nextUser = () => `Ucust${driver}${++n}${Date.now()}`;
  /** สรุปวันนี้ reads this calendar. */
  const clock = testClock();

  beforeAll(async () => {
    h = await startHarness(driver, { env: { ...OWNER_ENV, OWNER_GROUP_IDS: configured }, clock });
    cfg = groupChat(h, configured);
  });
  afterAll(() => h.stop());
  afterEach(() => {
    h.simulator.clearFault();
    expect(h.invalidPayloads()).toEqual([]);
  });

  it('explains registration on join, refuses a wrong code; the right one asks the owners, who approve', async () => {
    const g = groupChat(h, newGroupId('reg'));
    await g.join();
    const [hello] = await h.waitFor(g.groupId, (m) => m.length >= 1);
    expect(hello!.via).toBe('reply');
    expect(textOf(hello!.message)).toContain('ลงทะเบียน');

    expect(textOf((await g.ask('ยอดเงิน')).message)).toContain('ใช้ได้เฉพาะกลุ่มเจ้าของร้านที่ลงทะเบียนแล้ว');
    expect(textOf((await g.ask('ลงทะเบียน wrong-code', 'Uguess')).message)).toContain('ลองได้อีก 4 ครั้ง');
    expect(await h.db.select().from(ownerGroups).where(eq(ownerGroups.groupId, g.groupId))).toHaveLength(0);

    expect(textOf((await g.ask(`ลงทะเบียน ${REGISTER_CODE}`, 'Uboss')).message)).toContain('ส่งคำขอให้กลุ่มเจ้าของร้านอนุมัติแล้ว');
    expect(await h.db.select().from(ownerGroups).where(eq(ownerGroups.groupId, g.groupId))).toHaveLength(0);
    expect(textOf((await cfg.approve(g.groupId, 'Uowner1')).message)).toContain('อนุมัติแล้ว');
    await h.waitFor(g.groupId, (m) => m.some((x) => x.via === 'push' && textOf(x.message).includes('ได้รับอนุมัติ')));
    const [row] = await h.db.select().from(ownerGroups).where(eq(ownerGroups.groupId, g.groupId));
    expect(row).toMatchObject({ source: 'command', registeredBy: 'Uboss', approvedBy: 'Uowner1' });
    expect(textOf((await g.ask(`ลงทะเบียน ${REGISTER_CODE}`)).message)).toContain('ลงทะเบียนเป็นกลุ่มเจ้าของร้านไว้แล้ว');

    const balance = await g.ask('ยอดเงิน');
    expect(balance.via).toBe('reply');
    expect(balance.message.type).toBe('flex');
    // The provider's balance as it is now (other tests' orders spend from it).
    expect(textOf(balance.message)).toContain(formatBaht(h.simulator.state.balanceSatang));
  });

  it('allows at most 5 wrong codes per group per hour, then refuses even the right one', async () => {
    const g = groupChat(h, newGroupId('brute'));
    const answers: string[] = [];
    // Five different people, so only the group's limit is reached.
    for (let i = 0; i < 5; i++) answers.push(textOf((await g.ask(`ลงทะเบียน guess-${i}`, `Uguesser${i}`)).message));
    expect(answers[0]).toContain('ลองได้อีก 4 ครั้ง');
    expect(answers[4]).toContain('ครบจำนวนครั้งแล้ว');
    expect(textOf((await g.ask(`ลงทะเบียน ${REGISTER_CODE}`, 'Uboss')).message)).toMatch(/ผิดหลายครั้งเกินไป.*รออีกประมาณ (5[5-9]|60) นาที/);
    expect(await h.db.select().from(ownerGroups).where(eq(ownerGroups.groupId, g.groupId))).toHaveLength(0);
    expect(await h.db.select().from(registerAttempts).where(eq(registerAttempts.groupId, g.groupId))).toHaveLength(5);
    // Another group is not affected by this one's guesses.
    const other = groupChat(h, newGroupId('fine'));
    await other.register(cfg);
  });

  it('counts simultaneous wrong codes exactly', async () => {
    const g = groupChat(h, newGroupId('burst'));
    await Promise.all(Array.from({ length: 8 }, (_, i) => g.text(`ลงทะเบียน burst-${i}`, `Uburst${i}`)));
    await h.waitFor(g.groupId, (m) => m.length >= 8);
    expect(await h.db.select().from(registerAttempts).where(eq(registerAttempts.groupId, g.groupId))).toHaveLength(5);
    expect(g.texts().filter((t) => t.includes('ผิดหลายครั้งเกินไป'))).toHaveLength(3);
  });

  it('answers the commands in a registered group and ignores chatter', async () => {
    const g = groupChat(h, newGroupId('cmd'));
    await g.register(cfg);
    await g.text('วันนี้ฝนตกไหมคะ');
    const network = await g.ask('สถานะเครือข่าย');
    expect(network.message.type).toBe('flex');
    expect(textOf(network.message)).toContain('TrueMove H');
    const summary = await g.ask('สรุปวันนี้');
    expect(textOf(summary.message)).toContain('สรุปยอดวันนี้');
    const help = await g.ask('ช่วยเหลือ');
    expect(textOf(help.message)).toContain('รายการค้าง');
    const chips = (help.message.quickReply as { items: { action: { label: string } }[] }).items.map((i) => i.action.label);
    expect(chips).toEqual(['ยอดเงิน', 'สถานะเครือข่าย', 'สรุปวันนี้', 'รายการค้าง', 'ช่วยเหลือ']);
    const mentioned = await g.ask('@ร้านเติมเงิน ยอดเงิน', 'Uowner1', { index: 0, length: 13 });
    expect(mentioned.message.type).toBe('flex');
    // Chatter got no answer: the group's replies are the registration request's and one per
    // command. (Pushes are not counted: other tests' alerts reach every registered group.)
    await h.quiet();
    expect(g.messages().filter((m) => m.via === 'reply')).toHaveLength(5);
  });

  it('works in a group listed in OWNER_GROUP_IDS without registering; that group cannot unregister', async () => {
    const g = groupChat(h, configured);
    // Earlier tests' news about other groups reached this group by push; the join is answered by reply.
    const replies = () => g.messages().filter((m) => m.via === 'reply');
    const before = replies().length;
    await g.join();
    await h.waitFor(configured, () => replies().length > before);
    expect(textOf(replies()[before]!.message)).toContain('กลุ่มนี้เป็นกลุ่มเจ้าของร้านแล้ว');
    expect(textOf((await g.ask('ยกเลิกการลงทะเบียน')).message)).toContain('OWNER_GROUP_IDS');
    expect((await g.ask('ยอดเงิน')).message.type).toBe('flex');
  });

  it('unregisters by command and when the bot is removed from the group', async () => {
    const a = groupChat(h, newGroupId('unreg'));
    await a.register(cfg);
    expect(textOf((await a.ask('ยกเลิกการลงทะเบียน')).message)).toContain('ยกเลิกการลงทะเบียนกลุ่มนี้แล้ว');
    expect(textOf((await a.ask('ยอดเงิน')).message)).toContain('ใช้ได้เฉพาะกลุ่มเจ้าของร้าน');

    const b = groupChat(h, newGroupId('kicked'));
    await b.register(cfg);
    await b.leave();
    await expect.poll(async () => (await h.db.select().from(ownerGroups).where(eq(ownerGroups.groupId, b.groupId))).length).toBe(0);
  });

  it('turns an unknown order into a card; one tap resolves it once and the customer is told', async () => {
    const owners = groupChat(h, newGroupId('own'));
    await owners.register(cfg);
    const stranger = groupChat(h, newGroupId('strange'));
    await stranger.join();
    await h.waitFor(stranger.groupId, (m) => m.length >= 1);

    const u = nextUser();
    h.simulator.setFault('empty', { times: 1, kinds: ['refill'] });
    await placeOrder(h, u);
    const order = await eventually(() => latestOrder(h, u), (o) => o.status === 'unknown', 10_000, 'the order to be unknown');

    await h.waitFor(owners.groupId, (m) => m.some((x) => x.via === 'push' && textOf(x.message).includes(order.ref)));
    await h.quiet();
    // This order's card, once (other tests' alerts reach every registered group).
    const pushed = owners.messages().filter((m) => m.via === 'push' && m.message.type === 'flex' && textOf(m.message).includes(order.ref));
    expect(pushed).toHaveLength(1);
    const flex = pushed[0]!.message;
    expect(textOf(flex)).toContain(order.ref);
    expect(textOf(flex)).toContain('081-234-5678');
    // The configured group gets it too; a group that is not registered does not.
    await h.waitFor(configured, (m) => m.some((x) => x.via === 'push' && textOf(x.message).includes(order.ref)));
    expect(stranger.messages().filter((m) => m.via === 'push')).toHaveLength(0);

    // A stranger group cannot press the button.
    const success = buttonData(flex, 'สำเร็จแล้ว')!;
    expect(success).toBe(`action=ownerSuccess&order=${order.id}`);
    expect(textOf((await stranger.tap(success, 'Uintruder')).message)).toContain('ใช้ได้เฉพาะกลุ่มเจ้าของร้าน');
    expect((await latestOrder(h, u)).status).toBe('unknown');

    // Two owners tap at once: one resolution, one customer message.
    // Two owners, each in an owners' group, tap at once: one tap resolves it, the other is told.
    const ownersBefore = owners.messages().length;
    const configuredBefore = groupChat(h, configured).messages().length;
    const answers = () => {
      const replies = [...owners.messages().slice(ownersBefore), ...groupChat(h, configured).messages().slice(configuredBefore)].filter((m) => m.via === 'reply');
      return replies.map((m) => textOf(m.message)).filter((t) => t.includes('บันทึกแล้ว') || t.includes('มีผลแล้ว'));
    };
    await Promise.all([owners.postback(success, 'Uowner1'), groupChat(h, configured).postback(success, 'Uowner2')]);
    await h.quiet();
    expect(answers()).toHaveLength(2);
    expect(answers().filter((t) => t.includes('บันทึกแล้ว'))).toHaveLength(1);
    expect(answers().filter((t) => t.includes('มีผลแล้ว'))).toHaveLength(1);

    const resolved = await latestOrder(h, u);
    expect(resolved.status).toBe('success');
    // The owner whose tap counted is the one whose group was told "recorded".
    const winner = owners.texts().some((t) => t.includes('บันทึกแล้ว')) ? 'Uowner1' : 'Uowner2';
    expect(resolved.resolvedBy).toBe(winner);
    expect(h.delivered(u).filter((x) => x.via === 'push' && textOf(x.message).includes('เติมเงินสำเร็จ'))).toHaveLength(1);

    // A late tap on "ไม่สำเร็จ" changes nothing.
    const failed = buttonData(flex, 'ไม่สำเร็จ')!;
    expect(textOf((await owners.tap(failed)).message)).toContain('มีผลแล้ว');
    expect((await latestOrder(h, u)).status).toBe('success');
  });

  it('"ไม่สำเร็จ" fails the order and tells the customer the shop checked', async () => {
    const owners = groupChat(h, newGroupId('fail'));
    await owners.register(cfg);
    // A provider success heard after this order was sent, tied to no order, could be this order's
    // and would rightly make the bot ask once more (failure-paths tests that). So earlier tests'
    // refills settle and are heard first, and this refill's answer is lost but the provider really
    // failed it, heard and checked before the owner taps.
    await eventually(() => [...h.simulator.state.orders.values()].filter((o) => o.status === 'pending').length, (n) => n === 0, 10_000, 'earlier refills settled');
    await h.simulator.callbacksIdle();
    const u = nextUser();
    h.simulator.setFault('empty', { times: 1, kinds: ['refill'] });
    h.simulator.queueOutcome('fail');
    await placeOrder(h, u, 'เติม 100 0899999999 ทรู');
    const order = await latestOrder(h, u);
    const [card] = (await h.waitFor(owners.groupId, (m) => m.some((x) => textOf(x.message).includes(order.ref)))).filter((m) =>
      textOf(m.message).includes(order.ref),
    );
    const refill = [...h.simulator.state.orders.values()].filter((o) => o.number === '0899999999').at(-1)!;
    await eventually(
      () => h.db.select().from(providerOrders).where(eq(providerOrders.providerOrderId, refill.orderId)),
      (rows) => rows[0]?.state === 'failed',
      10_000,
      "the provider's failure heard and checked",
    );
    const reply = await owners.tap(buttonData(card!.message, 'ไม่สำเร็จ')!, 'Uowner9');
    expect(textOf(reply.message)).toContain('เติมไม่สำเร็จ');
    const failed = await latestOrder(h, u);
    expect(failed).toMatchObject({ status: 'failed', resolvedBy: 'Uowner9' });
    await h.waitFor(u, (m) => m.some((x) => x.via === 'push' && textOf(x.message).includes('ทางร้านตรวจสอบแล้วว่าเติมไม่สำเร็จ')));

    // The failure shows in today's summary (asked the same Bangkok day, whenever the test runs).
    clock.set(new Date(failed.confirmedAt!.getTime() + 1));
    const summary = await owners.ask('สรุปวันนี้');
    expect(textOf(summary.message)).toContain(order.ref);
    expect(textOf(summary.message)).toContain('รายการที่ไม่สำเร็จ');
  });

  it('"ตรวจสอบอีกครั้ง" asks the provider: still pending, then success settles it', async () => {
    const owners = groupChat(h, newGroupId('recheck'));
    await owners.register(cfg);
    const u = nextUser();
    h.simulator.queueOutcome('slow');
    await placeOrder(h, u);
    const pending = await latestOrder(h, u);
    expect(pending.status).toBe('pending');
    // As if the reconciler gave up after 24 h: unknown, but with the provider's ORDERID.
    const moved = await orderServiceFor(h.db, { config: h.config }).move({
      id: pending.id,
      from: ['pending'],
      to: 'unknown',
      reason: 'test',
      changes: { nextCheckInMs: null, detail: 'noResult' },
    });
    expect(moved.kind).toBe('moved');

    const list = await owners.ask('รายการค้าง');
    expect(textOf(list.message)).toContain('รอร้านตรวจสอบ');
    const recheck = `action=ownerRecheck&order=${pending.id}`;
    const carousel = owners.messages().find((m) => JSON.stringify(m.message).includes(recheck))!.message;
    expect(carousel.type).toBe('flex');
    expect(textOf(carousel)).toContain(pending.ref);

    expect(textOf((await owners.tap(recheck)).message)).toContain('ยังไม่มีผล');
    expect((await latestOrder(h, u)).status).toBe('unknown');

    // The provider finishes the order (without a callback this time).
    h.simulator.state.orders.get(pending.providerOrderId!)!.status = 'success';
    expect(textOf((await owners.tap(recheck)).message)).toContain('ยืนยันว่ารายการ');
    const done = await latestOrder(h, u);
    expect(done.status).toBe('success');
    expect(done.balanceAfterSatang).toBe(h.simulator.state.balanceSatang);
    await h.waitFor(u, (m) => m.some((x) => x.via === 'push' && textOf(x.message).includes('เติมเงินสำเร็จ')));
  });
});

describe.each(drivers())('รายการค้าง in a shop of its own on %s', (driver) => {
  let h: Harness;
  const owners = newGroupId('own');

  beforeAll(async () => {
    h = await startHarness(driver, { env: { ...OWNER_ENV, OWNER_GROUP_IDS: owners } });
  });
  afterAll(() => h.stop());

  it('says there is nothing waiting, then lists the order that needs a person', async () => {
    const g = groupChat(h, owners);
    expect(textOf((await g.ask('รายการค้าง')).message)).toContain('ไม่มีรายการค้าง');

    // A refill that hangs before the provider processes it: unknown, and nothing at the provider.
    const u = `Uquiet${driver}${Date.now()}`;
    h.simulator.setFault('hang', { times: 1, kinds: ['refill'], processFirst: false });
    await placeOrder(h, u);
    await eventually(() => latestOrder(h, u), (o) => o.status === 'unknown');
    const reply = await g.ask('รายการค้าง');
    expect(textOf(reply.message)).toContain('รอร้านตรวจสอบ 1 รายการ');
    expect(h.invalidPayloads()).toEqual([]);
  });
});
