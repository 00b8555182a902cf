/**
 * The emulator as LINE's webhook sender: builds the event LINE would send for what the page
 * did (a fresh `webhookEventId`, a reply token tied to the chat), signs the body with the
 * channel secret and POSTs it to the bot's real `/webhook`.
 */
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { DEMO_OWNER_GROUP_ID } from '../../config.ts';
import type { LineStandin } from '../line-standin/index.ts';
import type { SendRequest } from './send.ts';

/** The demo owners' group: registered from the start in demo mode (config). */
export const DEMO_GROUP_ID = DEMO_OWNER_GROUP_ID;
export const DEMO_GROUP_NAME = 'เจ้าของร้าน (เดโม)';
/** The bot's own user id as `destination` in webhook bodies. */
const DEMO_BOT_ID = 'U0123456789abcdef0123456789abcdef';

/** A webhook event as LINE sends it (test/fixtures/line-openapi/webhook.yml). */
export function buildEvent(req: SendRequest, lineStandin: Pick<LineStandin, 'issueReplyToken'>): Record<string, unknown> {
  const chatId = req.chat === 'group' ? DEMO_GROUP_ID : req.userId;
  const source = req.chat === 'group' ? { type: 'group', groupId: DEMO_GROUP_ID, userId: req.userId } : { type: 'user', userId: req.userId };
  const base = {
    mode: 'active',
    timestamp: Date.now(),
    webhookEventId: newWebhookEventId(),
    deliveryContext: { isRedelivery: false },
    source,
  };
  const replyToken = () => lineStandin.issueReplyToken(chatId);
  switch (req.kind) {
    case 'text':
      return {
        type: 'message',
        ...base,
        replyToken: replyToken(),
        message: { id: newMessageId(), type: 'text', text: req.text ?? '', quoteToken: randomBytes(24).toString('base64url') },
      };
    case 'postback':
      return {
        type: 'postback',
        ...base,
        replyToken: replyToken(),
        postback: { data: req.data ?? '', ...(req.params ? { params: req.params } : {}) },
      };
    case 'image':
      return {
        type: 'message',
        ...base,
        replyToken: replyToken(),
        message: { id: newMessageId(), type: 'image', contentProvider: { type: 'line' }, quoteToken: randomBytes(24).toString('base64url') },
      };
    case 'sticker':
      return {
        type: 'message',
        ...base,
        replyToken: replyToken(),
        message: {
          id: newMessageId(),
          type: 'sticker',
          packageId: req.sticker?.packageId ?? '',
          stickerId: req.sticker?.stickerId ?? '',
          stickerResourceType: 'STATIC',
          ...(req.sticker?.keywords ? { keywords: req.sticker.keywords } : {}),
          quoteToken: randomBytes(24).toString('base64url'),
        },
      };
    case 'follow':
      return { type: 'follow', ...base, replyToken: replyToken(), follow: { isUnblocked: false } };
    case 'join':
      return { type: 'join', ...base, source: { type: 'group', groupId: DEMO_GROUP_ID }, replyToken: replyToken() };
    case 'unfollow':
      return { type: 'unfollow', ...base };
    case 'leave':
      return { type: 'leave', ...base, source: { type: 'group', groupId: DEMO_GROUP_ID } };
  }
}

/** `x-line-signature`: base64 HMAC-SHA256 of the raw body with the channel secret. */
export function signBody(channelSecret: string, body: string): string {
  return createHmac('sha256', channelSecret).update(body).digest('base64');
}

/** POSTs the events, signed, as LINE would; resolves to the HTTP status the bot answered. */
export async function postWebhook(target: { webhookUrl: string; channelSecret: string }, events: Record<string, unknown>[]): Promise<number> {
  const body = JSON.stringify({ destination: DEMO_BOT_ID, events });
  const res = await fetch(target.webhookUrl, {
    method: 'POST',
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'x-line-signature': signBody(target.channelSecret, body),
      'user-agent': 'LineBotWebhook/2.0 (dev emulator)',
    },
    body,
    signal: AbortSignal.timeout(10_000),
  });
  await res.arrayBuffer();
  return res.status;
}

/** LINE's look: a ULID-like 26-character id. */
function newWebhookEventId(): string {
  return `01${randomUUID().replace(/-/g, '').slice(0, 24).toUpperCase()}`;
}

function newMessageId(): string {
  return String(BigInt(Date.now()) * 1000n + BigInt(randomBytes(2).readUInt16BE() % 1000));
}
