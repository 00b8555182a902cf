/**
 * Who becomes an owners' group, over real HTTP (DESIGN §3 Owners' groups): the first group by
 * the code alone, every later one by the code and an owner's approval; a pending or rejected
 * group sees nothing of the shop; two owners deciding at once; news to the other owners' groups;
 * wrong codes limited per group, per user across groups and in all; rooms never.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { ownerGroupRequests, ownerGroups, registerAttempts } from '../../src/db/schema.ts';
import { drivers } from '../support/db.ts';
import { buttonData, newWebhookEventId, startHarness, textOf, type Harness } from '../support/harness.ts';
import { groupChat, newGroupId, OWNER_ENV, REGISTER_CODE } from './support.ts';

const LOW = 'ยอดเงินใกล้หมด';
const CRITICAL = 'ยอดเงินต่ำมาก';
const CLOSED = 'ปิดชั่วคราว';
const AWAITING = 'รอเจ้าของร้านอนุมัติ';
const NOT_OWNERS = 'ใช้ได้เฉพาะกลุ่มเจ้าของร้าน';
const ROOM = 'ห้องแชทรวม';
const UNCHANGED = 'ไม่ได้เปลี่ยนแปลงอะไร';

/** A multi-person chat that is not a group (LINE's `room`). */
function roomChat(h: Harness, roomId: string) {
  async function send(event: Record<string, unknown>, userId: string) {
    const response = await h.post([
      {
        ...event,
        mode: 'active',
        timestamp: Date.now(),
        webhookEventId: newWebhookEventId(),
        deliveryContext: { isRedelivery: false },
        source: { type: 'room', roomId, userId },
        replyToken: h.line.issueReplyToken(roomId),
      },
    ]);
    expect(response.status).toBe(200);
    const before = h.delivered(roomId).length;
    return (await h.waitFor(roomId, (m) => m.length > before))[before]!;
  }
  return {
    ask: async (text: string, userId = 'Uroomer') =>
      textOf((await send({ type: 'message', message: { id: randomUUID(), type: 'text', text, quoteToken: 'q' } }, userId)).message),
    tap: async (data: string, userId = 'Uroomer') => textOf((await send({ type: 'postback', postback: { data } }, userId)).message),
  };
}

const pushesTo = (h: Harness, groupId: string) => h.delivered(groupId).filter((m) => m.via === 'push');

describe.each(drivers())('approving owners’ groups on %s', (driver) => {
  let h: Harness;
  let first: ReturnType<typeof groupChat>;
  let second: ReturnType<typeof groupChat>;

  // A shop of its own per test: which group is "the first" is the point of these tests.
  beforeEach(async () => {
    h = await startHarness(driver, { env: OWNER_ENV });
  });
  afterEach(async () => {
    expect(h.invalidPayloads()).toEqual([]);
    await h.stop();
  });

  /** The shop's two owners' groups: the first by its code, “ร้านสาขาสอง” approved by the first. */
  async function twoOwnersGroups(): Promise<void> {
    first = groupChat(h, newGroupId('first'));
    await first.register(undefined, 'Ufounder');
    second = groupChat(h, newGroupId('second'));
    h.line.setGroupSummary(second.groupId, { groupName: 'ร้านสาขาสอง' });
    await second.register(first, 'Ubranch');
  }

  it('the first group registers by code alone; a later one waits, sees nothing, and gets alerts once approved', async () => {
    first = groupChat(h, newGroupId('first'));
    expect(textOf((await first.ask(`ลงทะเบียน ${REGISTER_CODE}`, 'Ufounder')).message)).toContain('เรียบร้อยแล้ว');
    expect(await h.db.select().from(ownerGroupRequests).where(eq(ownerGroupRequests.groupId, first.groupId))).toMatchObject([
      { status: 'approved', requestedBy: 'Ufounder', decidedBy: null },
    ]);

    second = groupChat(h, newGroupId('second'));
    h.line.setGroupSummary(second.groupId, { groupName: 'ร้านสาขาสอง' });
    expect(textOf((await second.ask(`ลงทะเบียน ${REGISTER_CODE}`, 'Ubranch')).message)).toContain('ส่งคำขอให้กลุ่มเจ้าของร้านอนุมัติแล้ว');
    expect(await h.db.select().from(ownerGroups).where(eq(ownerGroups.groupId, second.groupId))).toHaveLength(0);
    const card = await first.requestCard(second.groupId);
    expect(textOf(card.message)).toContain('ร้านสาขาสอง');
    expect(textOf(card.message)).toContain('Ubranch');
    const approve = buttonData(card.message, 'อนุมัติ')!;
    expect(approve).toMatch(/^action=group-approve&request=\d+$/);
    expect(buttonData(card.message, 'ปฏิเสธ')).toMatch(/^action=group-reject&request=\d+$/);
    expect(textOf((await second.ask(`ลงทะเบียน ${REGISTER_CODE}`, 'Ubranch')).message)).toContain('ส่งคำขอไว้แล้ว');

    // Pending: no alert, no command answer, and its own tap on the card does nothing.
    h.simulator.setBalance(40_000);
    await h.waitFor(first.groupId, () => first.pushes(LOW).length > 0);
    await h.quiet();
    expect(pushesTo(h, second.groupId)).toEqual([]);
    const balance = await second.ask('ยอดเงิน');
    expect(balance.message.type).toBe('text');
    expect(textOf(balance.message)).toContain(AWAITING);
    expect(textOf((await second.tap(approve, 'Ubranch')).message)).toContain(AWAITING);
    expect(await h.db.select().from(ownerGroups).where(eq(ownerGroups.groupId, second.groupId))).toHaveLength(0);

    // An owner approves: recorded with who did it; the group is welcomed and alerted from now on.
    expect(textOf((await first.tap(approve, 'Uowner1')).message)).toContain('อนุมัติแล้วค่ะ กลุ่ม “ร้านสาขาสอง”');
    expect(await h.db.select().from(ownerGroups).where(eq(ownerGroups.groupId, second.groupId))).toMatchObject([
      { registeredBy: 'Ubranch', approvedBy: 'Uowner1' },
    ]);
    expect(await h.db.select().from(ownerGroupRequests).where(eq(ownerGroupRequests.groupId, second.groupId))).toMatchObject([
      { status: 'approved', decidedBy: 'Uowner1' },
    ]);
    await h.waitFor(second.groupId, (m) => m.some((x) => x.via === 'push' && textOf(x.message).includes('ได้รับอนุมัติ')));
    h.simulator.setBalance(8_000);
    await h.waitFor(second.groupId, () => second.pushes(CRITICAL).length > 0);
    expect((await second.ask('ยอดเงิน')).message.type).toBe('flex');
    h.simulator.setBalance(1_000_000);
  });

  it('two owners rejecting at once: one decides, the other is told; the rejected group gets nothing', async () => {
    await twoOwnersGroups();
    const third = groupChat(h, newGroupId('third'));
    h.line.setGroupSummary(third.groupId, { groupName: 'กลุ่มแปลกหน้า' });
    await third.ask(`ลงทะเบียน ${REGISTER_CODE}`, 'Ustranger');
    const reject = buttonData((await first.requestCard(third.groupId)).message, 'ปฏิเสธ')!;
    await second.requestCard(third.groupId);

    const replies = (g: ReturnType<typeof groupChat>) => g.messages().filter((m) => m.via === 'reply');
    const before = [replies(first).length, replies(second).length];
    await Promise.all([first.postback(reject, 'UownerA'), second.postback(reject, 'UownerB')]);
    await h.waitFor(first.groupId, () => replies(first).length > before[0]! && replies(second).length > before[1]!);
    const answers = [textOf(replies(first)[before[0]!]!.message), textOf(replies(second)[before[1]!]!.message)];
    expect(answers.filter((x) => x.includes('ปฏิเสธแล้วค่ะ กลุ่ม'))).toHaveLength(1);
    expect(answers.filter((x) => x.includes(UNCHANGED))).toHaveLength(1);
    const [request] = await h.db.select().from(ownerGroupRequests).where(eq(ownerGroupRequests.groupId, third.groupId));
    // The group that did not decide is told by push, the decider's group by its reply only.
    const [decider, other] = answers[0]!.includes(UNCHANGED) ? [second, first] : [first, second];
    expect(request).toMatchObject({ status: 'rejected', decidedBy: decider === first ? 'UownerA' : 'UownerB' });
    await h.waitFor(other.groupId, () => other.pushes('📣 ปฏิเสธคำขอของกลุ่ม “กลุ่มแปลกหน้า”').length === 1);
    expect(decider.pushes('📣 ปฏิเสธคำขอ')).toEqual([]);

    // A late approve on the same card changes nothing.
    const approve = buttonData((await first.requestCard(third.groupId)).message, 'อนุมัติ')!;
    expect(textOf((await first.tap(approve, 'UownerC')).message)).toContain(UNCHANGED);

    h.simulator.setOnline('DTAC', false);
    await h.waitFor(first.groupId, () => first.pushes(CLOSED).length > 0);
    await h.quiet();
    expect(pushesTo(h, third.groupId)).toEqual([]);
    expect(textOf((await third.ask('ยอดเงิน')).message)).toContain(NOT_OWNERS);
    expect(await h.db.select().from(ownerGroups).where(eq(ownerGroups.groupId, third.groupId))).toHaveLength(0);
    h.simulator.setOnline('DTAC', true);
  });

  it('withdrawing a request and unregistering are announced to the other owners’ groups', async () => {
    await twoOwnersGroups();
    const fourth = groupChat(h, newGroupId('fourth'));
    h.line.setGroupSummary(fourth.groupId, { groupName: 'กลุ่มชั่วคราว' });
    await fourth.ask(`ลงทะเบียน ${REGISTER_CODE}`, 'Utemp');
    const approve = buttonData((await first.requestCard(fourth.groupId)).message, 'อนุมัติ')!;
    expect(textOf((await fourth.ask('ยกเลิกการลงทะเบียน', 'Utemp')).message)).toContain('ยกเลิกคำขอลงทะเบียน');
    await h.waitFor(first.groupId, () => first.pushes('📣 กลุ่ม “กลุ่มชั่วคราว” ยกเลิกคำขอ').length === 1);
    expect(textOf((await first.tap(approve)).message)).toContain('ถูกยกเลิกแล้ว');
    expect(await h.db.select().from(ownerGroups).where(eq(ownerGroups.groupId, fourth.groupId))).toHaveLength(0);

    expect(textOf((await second.ask('ยกเลิกการลงทะเบียน', 'Ubranch')).message)).toContain('ยกเลิกการลงทะเบียนกลุ่มนี้แล้ว');
    await h.waitFor(first.groupId, () => first.pushes('📣 กลุ่ม “ร้านสาขาสอง” ยกเลิกการลงทะเบียนแล้ว').length === 1);
    expect(textOf(first.pushes('📣 กลุ่ม “ร้านสาขาสอง” ยกเลิกการลงทะเบียนแล้ว')[0]!.message)).toContain('Ubranch');
    expect(textOf((await second.ask('ยอดเงิน')).message)).toContain(NOT_OWNERS);
  });

  it('a room never registers, and an owners’ button tapped in a room does nothing', async () => {
    await twoOwnersGroups();
    const roomId = `R${randomUUID().replaceAll('-', '')}`;
    const room = roomChat(h, roomId);
    expect(await room.ask(`ลงทะเบียน ${REGISTER_CODE}`)).toContain(ROOM);
    expect(await room.ask('ยอดเงิน')).toContain(ROOM);
    const fifth = groupChat(h, newGroupId('fifth'));
    await fifth.ask(`ลงทะเบียน ${REGISTER_CODE}`, 'Ufifth');
    const approve = buttonData((await first.requestCard(fifth.groupId)).message, 'อนุมัติ')!;
    expect(await room.tap(approve)).toContain(ROOM);
    expect(await h.db.select().from(ownerGroupRequests).where(eq(ownerGroupRequests.groupId, roomId))).toHaveLength(0);
    expect(await h.db.select().from(ownerGroupRequests).where(eq(ownerGroupRequests.groupId, fifth.groupId))).toMatchObject([
      { status: 'pending' },
    ]);
  });
});

describe.each(drivers())('wrong registration codes on %s', (driver) => {
  let h: Harness;
  const configured = newGroupId('cfg');
  const wrongCodes = async () => Number((await h.db.select({ n: count() }).from(registerAttempts))[0]!.n);
  const minutesToWait = (text: string) => Number(/รออีกประมาณ (\d+) นาที/.exec(text)?.[1]);

  // A shop of its own per test: the limits count every wrong code in the shop.
  beforeEach(async () => {
    h = await startHarness(driver, { env: { ...OWNER_ENV, OWNER_GROUP_IDS: configured } });
  });
  afterEach(async () => {
    expect(h.invalidPayloads()).toEqual([]);
    await h.stop();
  });

  it('a user with 5 wrong codes in 5 groups is refused in every group for the hour, the right code too', async () => {
    const answers: string[] = [];
    for (let i = 0; i < 5; i++) {
      const g = groupChat(h, newGroupId(`hop${i}`));
      answers.push(textOf((await g.ask(`ลงทะเบียน guess-${i}`, 'Uhopper')).message));
    }
    expect(answers.slice(0, 4).map((a) => /ลองได้อีก (\d) ครั้ง/.exec(a)?.[1])).toEqual(['4', '3', '2', '1']);
    expect(answers[4]).toContain('ครบจำนวนครั้งแล้ว');
    expect(minutesToWait(answers[4]!)).toBe(60);

    const fresh = groupChat(h, newGroupId('fresh'));
    const refused = textOf((await fresh.ask(`ลงทะเบียน ${REGISTER_CODE}`, 'Uhopper')).message);
    expect(refused).toContain('ผิดหลายครั้งเกินไป');
    expect(minutesToWait(refused)).toBeGreaterThanOrEqual(55);
    expect(minutesToWait(refused)).toBeLessThanOrEqual(60);
    expect(await h.db.select().from(ownerGroupRequests).where(eq(ownerGroupRequests.groupId, fresh.groupId))).toHaveLength(0);
    expect(await wrongCodes()).toBe(5);
    // Someone else in the same group is not held back by that user's guesses.
    expect(textOf((await fresh.ask(`ลงทะเบียน ${REGISTER_CODE}`, 'Uhonest')).message)).toContain('ส่งคำขอ');
  });

  it('at most 20 wrong codes an hour in all, across groups and users', async () => {
    for (let i = 0; i < 20; i++) {
      const g = groupChat(h, newGroupId(`many${i}`));
      expect(textOf((await g.ask(`ลงทะเบียน many-${i}`, `Umany${i}`)).message)).toContain('รหัสลงทะเบียนไม่ถูกต้อง');
    }
    expect(await wrongCodes()).toBe(20);
    const g = groupChat(h, newGroupId('late'));
    const right = textOf((await g.ask(`ลงทะเบียน ${REGISTER_CODE}`, 'Ulate')).message);
    expect(right).toContain('ผิดหลายครั้งเกินไป');
    expect(minutesToWait(right)).toBeGreaterThanOrEqual(55);
    expect(minutesToWait(right)).toBeLessThanOrEqual(60);
    expect(textOf((await g.ask('ลงทะเบียน another-guess', 'Ulate2')).message)).toContain('ผิดหลายครั้งเกินไป');
    expect(await wrongCodes()).toBe(20);
    expect(await h.db.select().from(ownerGroupRequests).where(eq(ownerGroupRequests.groupId, g.groupId))).toHaveLength(0);
  });
});
