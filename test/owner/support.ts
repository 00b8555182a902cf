/** Group-side webhook events for the owners' e2e tests, signed and posted like LINE does. */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { orders } from '../../src/db/schema.ts';
import { buttonData, newWebhookEventId, textOf, type DeliveredMessage, type Harness } from '../support/harness.ts';

export const REGISTER_CODE = 'sesame-4821';

/** Env for a harness where the monitors look every second and nothing else surprises a test. */
export const OWNER_ENV = {
  OWNER_REGISTER_CODE: REGISTER_CODE,
  BALANCE_ALERT_THRESHOLD: '500',
  BALANCE_CRITICAL_THRESHOLD: '100',
  BALANCE_CHECK_INTERVAL_SECONDS: '1',
  NETWORK_CHECK_INTERVAL_SECONDS: '1',
  DAILY_SUMMARY_TIME: 'off',
};

let counter = 0;
export const newGroupId = (tag: string) => `C${tag}${++counter}${randomUUID().replaceAll('-', '').slice(0, 16)}`;

export function groupChat(h: Harness, groupId: string) {
  /** Posts the event as LINE would; returns its webhookEventId. */
  async function send(event: Record<string, unknown>, options: { userId?: string; reply?: boolean } = {}): Promise<string> {
    const webhookEventId = newWebhookEventId();
    const response = await h.post([
      {
        ...event,
        mode: 'active',
        timestamp: Date.now(),
        webhookEventId,
        deliveryContext: { isRedelivery: false },
        source: { type: 'group', groupId, ...(options.userId ? { userId: options.userId } : {}) },
        ...(options.reply === false ? {} : { replyToken: h.line.issueReplyToken(groupId) }),
      },
    ]);
    if (response.status !== 200) throw new Error(`webhook answered ${response.status}`);
    return webhookEventId;
  }

  const firstReply = async (before: number) => {
    const messages = await h.waitFor(groupId, (m) => m.slice(before).some((x) => x.via === 'reply'));
    return messages.slice(before).find((x) => x.via === 'reply')!;
  };
  const chat = {
    groupId,
    join: () => send({ type: 'join' }),
    leave: () => send({ type: 'leave' }, { reply: false }),
    text: (text: string, userId = 'Uowner1', mention?: { index: number; length: number }) =>
      send(
        {
          type: 'message',
          message: {
            id: randomUUID(),
            type: 'text',
            text,
            quoteToken: 'q',
            ...(mention ? { mention: { mentionees: [{ type: 'user', isSelf: true, ...mention }] } } : {}),
          },
        },
        { userId },
      ),
    postback: (data: string, userId = 'Uowner1') => send({ type: 'postback', postback: { data } }, { userId }),
    messages: () => h.delivered(groupId),
    texts: () => h.delivered(groupId).map((m) => textOf(m.message)),
    /** Sends and waits for the next message in the group; returns its text. */
    /** The bot's reply to `text` (alerts pushed to the group meanwhile are not it). */
    async ask(text: string, userId?: string, mention?: { index: number; length: number }): Promise<DeliveredMessage> {
      const before = h.delivered(groupId).length;
      await chat.text(text, userId, mention);
      return firstReply(before);
    },
    /** The bot's reply to a button tap. */
    async tap(data: string, userId?: string): Promise<DeliveredMessage> {
      const before = h.delivered(groupId).length;
      await chat.postback(data, userId);
      return firstReply(before);
    },
    /**
     * The right code: the first owners' group is registered at once; any later one asks, and
     * `approver` (an owners' group) approves it.
     */
    async register(approver?: { approve(groupId: string, userId?: string): Promise<DeliveredMessage> }, userId?: string): Promise<void> {
      const reply = textOf((await chat.ask(`ลงทะเบียน ${REGISTER_CODE}`, userId)).message);
      if (reply.includes('เรียบร้อย')) return;
      if (!reply.includes('ส่งคำขอ') || !approver) throw new Error(`registration failed: ${reply}`);
      const answer = textOf((await approver.approve(groupId)).message);
      if (!answer.includes('อนุมัติแล้ว')) throw new Error(`approval failed: ${answer}`);
      await h.waitFor(groupId, (m) => m.some((x) => x.via === 'push' && textOf(x.message).includes('ได้รับอนุมัติ')));
    },
    /** The card asking about `requester`, as this (owners') group received it. */
    async requestCard(requester: string): Promise<DeliveredMessage> {
      const isCard = (x: DeliveredMessage) => x.via === 'push' && x.message.type === 'flex' && textOf(x.message).includes(requester);
      const messages = await h.waitFor(groupId, (m) => m.some(isCard));
      return messages.filter(isCard).at(-1)!;
    },
    /** Taps อนุมัติ (or ปฏิเสธ) on the card about `requester`; returns the answer. */
    async approve(requester: string, userId = 'Uowner1', label: 'อนุมัติ' | 'ปฏิเสธ' = 'อนุมัติ'): Promise<DeliveredMessage> {
      const data = buttonData((await chat.requestCard(requester)).message, label);
      if (!data) throw new Error(`no ${label} button on the card about ${requester}`);
      return chat.tap(data, userId);
    },
    /** Pushed messages whose text contains `needle`. */
    pushes: (needle: string) => h.delivered(groupId).filter((m) => m.via === 'push' && textOf(m.message).includes(needle)),
  };
  return chat;
}

/** A customer order, confirmed; resolves once the customer has the bot's answer to the tap. */
export async function placeOrder(h: Harness, userId: string, text = 'เติม 50 0812345678 ais'): Promise<void> {
  const before = h.delivered(userId).length;
  await h.text(userId, text);
  // The new card (a late push about an earlier order may arrive in between).
  const card = (m: DeliveredMessage[]) => m.slice(before).find((x) => buttonData(x.message, 'ยืนยัน') !== undefined);
  const data = buttonData(card(await h.waitFor(userId, (m) => card(m) !== undefined))!.message, 'ยืนยัน')!;
  const count = h.delivered(userId).length;
  await h.postback(userId, data);
  await h.waitFor(userId, (m) => m.slice(count).some((x) => x.via === 'reply'));
}

export async function latestOrder(h: Harness, userId: string) {
  const rows = await h.db.select().from(orders).where(eq(orders.userId, userId)).orderBy(orders.createdAt);
  return rows.at(-1)!;
}

