/**
 * Demo mode only: the local LINE chat emulator at `/dev` and its API.
 *
 * The page never talks to the bot directly. It asks this router to send an event; the router
 * builds a LINE webhook event (fresh `webhookEventId`, a reply token tied to the chat), signs
 * the body with the channel secret and POSTs it to the real `/webhook` over HTTP, so the
 * signature check, the inbox and the whole bot run exactly as with LINE. What the bot sends
 * back reaches the in-process LINE stand-in, which this router relays to the page as
 * Server-Sent Events.
 *
 *   GET  /dev/                 the chat page (page.html)
 *   GET  /dev/flex-render.js   the Flex renderer the page uses, and its modules (page/)
 *   GET  /dev/richmenu.png     the rich menu image `npm run setup:line` installs, and
 *   GET  /dev/richmenu.json    its areas, so the page shows the same menu
 *   GET  /dev/events           SSE: every delivered reply/push, loading animation, the user's
 *                              own messages and notices; history replayed on connect
 *                              (honours Last-Event-ID)
 *   POST /dev/api/send         { chat: 'user' | 'group', userId, kind: 'text' | 'postback' |
 *                                'follow' | 'unfollow' | 'join' | 'leave' | 'image', text?, data?,
 *                                displayText?, params?, image? (a data: URL, PNG or JPEG) }
 *                                → { status, webhookEventId }
 *   POST /dev/api/profile      { userId, displayName, language } (the stand-in's getProfile)
 *   GET  /dev/simulator        the provider simulator's state (balance in baht, networks, …)
 *   POST /dev/simulator        { online?: { AIS: false }, balanceBaht?, outcome?, times?,
 *                                fault?: mode | null, settle?: { orderId, result } }
 */
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { IncomingMessage } from 'node:http';
import type { Server } from 'node:net';
import express, { type Request, type Response, type Router } from 'express';
import { richMenuImage, richMenuRequest } from '../../line/richmenu/index.ts';
import type { DeliveredEvent, LineStandin } from '../line-standin/index.ts';
import { applyControl, ControlError } from '../simulator/control.ts';
import type { Simulator } from '../simulator/index.ts';

import { DEMO_OWNER_GROUP_ID } from '../../config.ts';

/** The demo owners' group: registered from the start in demo mode (config). */
export const DEMO_GROUP_ID = DEMO_OWNER_GROUP_ID;
export const DEMO_GROUP_NAME = 'เจ้าของร้าน (เดโม)';
/** The bot's own user id as `destination` in webhook bodies. */
const DEMO_BOT_ID = 'U0123456789abcdef0123456789abcdef';
/** How many events the page gets replayed when it (re)connects. */
const HISTORY_LIMIT = 500;

export interface DevRoutesOptions {
  lineStandin: LineStandin;
  simulator: Simulator;
  channelSecret: string;
  /** Where LINE would deliver: `http://127.0.0.1:PORT/webhook`. */
  webhookUrl: string;
}

/** One entry of the page's event stream. */
export type DevEvent = { seq: number; at: number } & (
  | { kind: 'bot'; chatId: string; via: 'reply' | 'push'; messages: unknown[] }
  | { kind: 'user'; chatId: string; userId: string; text: string }
  | { kind: 'system'; chatId: string; text: string; level?: 'info' | 'error' }
  | { kind: 'loading'; chatId: string; seconds: number }
);

type NewDevEvent = DevEvent extends infer E ? (E extends DevEvent ? Omit<E, 'seq' | 'at'> : never) : never;

const SEND_KINDS = ['text', 'postback', 'follow', 'unfollow', 'join', 'leave', 'image'] as const;
/** A photo sent from the page (e.g. a transfer slip), as LINE would serve it from its data API. */
const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
type SendKind = (typeof SEND_KINDS)[number];

export interface SendRequest {
  chat: 'user' | 'group';
  userId: string;
  kind: SendKind;
  text?: string;
  data?: string;
  displayText?: string;
  params?: Record<string, string>;
  /** kind 'image': the photo, decoded from the page's data: URL. */
  image?: { contentType: string; data: Buffer };
}

/** What the browser loads: page.html, flex-render.js and its modules. */
const pageDir = new URL('./page/', import.meta.url);
const pageFile = new URL('page.html', pageDir);

export function devRoutes(options: DevRoutesOptions): Router {
  const { lineStandin, simulator } = options;
  const router = express.Router();
  const history: DevEvent[] = [];
  const listeners = new Set<(event: DevEvent) => void>();
  let seq = 0;

  function publish(event: NewDevEvent): DevEvent {
    const full = { ...event, seq: ++seq, at: Date.now() } as DevEvent;
    history.push(full);
    if (history.length > HISTORY_LIMIT) history.splice(0, history.length - HISTORY_LIMIT);
    for (const listener of listeners) listener(full);
    return full;
  }

  lineStandin.setGroupSummary(DEMO_GROUP_ID, { groupName: DEMO_GROUP_NAME });
  lineStandin.on('message', (delivered: DeliveredEvent) => {
    const chatId = delivered.to;
    if (!chatId) return; // a reply to a token this router did not issue: not one of our chats
    publish({ kind: 'bot', chatId, via: delivered.kind, messages: delivered.messages });
  });
  lineStandin.on('loading', (loading) => {
    publish({ kind: 'loading', chatId: loading.chatId, seconds: loading.seconds });
  });

  // Read on each request: editing the page or the renderer needs no restart (they are tiny).
  router.get('/', (req, res) => {
    if (!req.originalUrl.split('?')[0]!.endsWith('/')) {
      // Relative links in the page assume /dev/.
      res.redirect(301, `${req.baseUrl}/`);
      return;
    }
    res.set('cache-control', 'no-store').type('html').send(readFileSync(pageFile, 'utf8'));
  });
  router.use(
    express.static(fileURLToPath(pageDir), {
      index: false,
      cacheControl: false,
      setHeaders: (res) => res.setHeader('cache-control', 'no-store'),
    }),
  );

  let richMenuPng: Buffer | undefined;
  router.get('/richmenu.png', (_req, res) => {
    richMenuPng ??= richMenuImage();
    res.set('cache-control', 'public, max-age=300').type('png').send(richMenuPng);
  });
  router.get('/richmenu.json', (_req, res) => {
    res.json(richMenuRequest());
  });

  router.get('/events', (req, res) => {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    const write = (event: DevEvent) => res.write(`id: ${event.seq}\ndata: ${JSON.stringify(event)}\n\n`);
    const lastId = Number(req.get('last-event-id') ?? req.query['since'] ?? 0) || 0;
    res.write('retry: 1000\n\n');
    for (const event of history) if (event.seq > lastId) write(event);
    listeners.add(write);

    // The bot's close() waits for open connections; an event stream never goes idle on its
    // own, so end it as soon as the server stops listening (and keep proxies awake meanwhile).
    const server = (req.socket as IncomingMessage['socket'] & { server?: Server }).server;
    let ticks = 0;
    const timer = setInterval(() => {
      // End and drop the socket: an ended keep-alive connection would still hold close() for
      // the keep-alive timeout.
      if (server && !server.listening) return res.end(() => req.socket.destroy());
      if (++ticks % 30 === 0) res.write(': keep-alive\n\n');
    }, 500);
    const stop = () => {
      clearInterval(timer);
      listeners.delete(write);
    };
    res.on('close', stop);
    res.on('finish', stop);
  });

  router.post('/api/send', express.json({ limit: '8mb' }), async (req, res) => {
    const parsed = parseSend(req.body);
    if (typeof parsed === 'string') {
      res.status(400).json({ error: parsed });
      return;
    }
    const chatId = parsed.chat === 'group' ? DEMO_GROUP_ID : parsed.userId;
    const shown = shownText(parsed);
    if (shown !== undefined) publish({ kind: 'user', chatId, userId: parsed.userId, text: shown });
    const notice = noticeFor(parsed);
    if (notice) publish({ kind: 'system', chatId, text: notice });

    const event = buildEvent(parsed, lineStandin);
    if (parsed.image) {
      // The bot downloads the photo from the LINE stand-in, exactly as from LINE's data API.
      const messageId = (event['message'] as { id: string }).id;
      lineStandin.setContent(messageId, parsed.image.data, parsed.image.contentType);
    }
    try {
      const status = await postWebhook(options, [event]);
      if (status !== 200) publish({ kind: 'system', chatId, text: `/webhook answered ${status}`, level: 'error' });
      res.json({ status, webhookEventId: event['webhookEventId'] });
    } catch (error) {
      publish({ kind: 'system', chatId, text: `/webhook could not be reached: ${String(error)}`, level: 'error' });
      res.status(502).json({ error: String(error) });
    }
  });

  router.post('/api/profile', express.json({ limit: '16kb' }), (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const { userId, displayName, language } = body;
    if (typeof userId !== 'string' || !/^U[0-9A-Za-z-]{4,64}$/.test(userId)) {
      res.status(400).json({ error: 'userId must look like a LINE user id (U…)' });
      return;
    }
    const name = typeof displayName === 'string' && displayName.trim() ? displayName.trim().slice(0, 40) : 'ลูกค้าเดโม';
    lineStandin.setProfile(userId, { displayName: name, ...(typeof language === 'string' && language ? { language } : {}) });
    res.json({ ok: true });
  });

  router.get('/simulator', (_req, res) => {
    res.set('cache-control', 'no-store').json(simulatorView(simulator));
  });

  router.post('/simulator', express.json({ limit: '16kb' }), (req: Request, res: Response) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const payload: Record<string, unknown> = { ...body };
    delete payload['balanceBaht'];
    if (body['balanceBaht'] !== undefined) {
      const baht = Number(body['balanceBaht']);
      if (!Number.isFinite(baht) || baht < 0 || baht > 100_000_000) {
        res.status(400).json({ error: 'balanceBaht must be a number of baht ≥ 0' });
        return;
      }
      payload['balanceSatang'] = Math.round(baht * 100);
    }
    try {
      applyControl({ ...simulator, hasOrder: (id) => simulator.state.orders.has(id) }, payload);
    } catch (error) {
      if (error instanceof ControlError) {
        res.status(error.status).json({ error: error.message });
        return;
      }
      throw error;
    }
    res.json(simulatorView(simulator));
  });

  return router;
}

function parseSend(body: unknown): SendRequest | string {
  if (typeof body !== 'object' || body === null) return 'expected a JSON object';
  const b = body as Record<string, unknown>;
  const chat = b['chat'] ?? 'user';
  if (chat !== 'user' && chat !== 'group') return 'chat must be "user" or "group"';
  const userId = b['userId'];
  if (typeof userId !== 'string' || !/^U[0-9A-Za-z-]{4,64}$/.test(userId)) return 'userId must look like a LINE user id (U…)';
  const kind = b['kind'];
  if (!(SEND_KINDS as readonly unknown[]).includes(kind)) return `kind must be one of ${SEND_KINDS.join(', ')}`;
  if ((kind === 'join' || kind === 'leave') && chat !== 'group') return `${String(kind)} is a group event`;
  if ((kind === 'follow' || kind === 'unfollow') && chat !== 'user') return `${String(kind)} is a 1:1 event`;
  const text = b['text'];
  if (kind === 'text' && (typeof text !== 'string' || text.trim() === '' || text.length > 5000)) return 'text must be 1..5000 characters';
  const data = b['data'];
  if (kind === 'postback' && (typeof data !== 'string' || data === '' || data.length > 300)) return 'data must be 1..300 characters';
  const displayText = b['displayText'];
  if (displayText !== undefined && typeof displayText !== 'string') return 'displayText must be a string';
  const params = b['params'];
  if (params !== undefined && (typeof params !== 'object' || params === null)) return 'params must be an object';
  let image: SendRequest['image'];
  if (kind === 'image') {
    if (chat !== 'user') return 'image is a 1:1 event here';
    const m = typeof b['image'] === 'string' ? /^data:(image\/(?:png|jpeg));base64,([A-Za-z0-9+/=]+)$/.exec(b['image']) : null;
    if (!m) return 'image must be a data: URL of a PNG or JPEG';
    const data = Buffer.from(m[2]!, 'base64');
    if (data.length === 0 || data.length > MAX_IMAGE_BYTES) return 'image must be 1 byte to 5 MB';
    image = { contentType: m[1]!, data };
  }
  return {
    chat,
    userId,
    kind: kind as SendKind,
    ...(typeof text === 'string' ? { text } : {}),
    ...(typeof data === 'string' ? { data } : {}),
    ...(typeof displayText === 'string' && displayText !== '' ? { displayText } : {}),
    ...(params ? { params: params as Record<string, string> } : {}),
    ...(image ? { image } : {}),
  };
}

/** What the chat shows as the user's own bubble: the text, or a postback's displayText. */
function shownText(req: SendRequest): string | undefined {
  if (req.kind === 'text') return req.text;
  if (req.kind === 'postback') return req.displayText;
  if (req.kind === 'image') return '📷 รูปภาพ';
  return undefined;
}

function noticeFor(req: SendRequest): string | undefined {
  switch (req.kind) {
    case 'follow':
      return 'คุณเพิ่มบอทเป็นเพื่อนแล้ว (follow)';
    case 'unfollow':
      return 'คุณบล็อกบอทแล้ว (unfollow)';
    case 'join':
      return 'บอทเข้าร่วมกลุ่มแล้ว (join)';
    case 'leave':
      return 'บอทออกจากกลุ่มแล้ว (leave)';
    default:
      return undefined;
  }
}

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

async function postWebhook(options: DevRoutesOptions, events: Record<string, unknown>[]): Promise<number> {
  const body = JSON.stringify({ destination: DEMO_BOT_ID, events });
  const res = await fetch(options.webhookUrl, {
    method: 'POST',
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'x-line-signature': signBody(options.channelSecret, body),
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

function simulatorView(simulator: Simulator): Record<string, unknown> {
  const snap = simulator.snapshot();
  const orders = [...simulator.state.orders.values()].slice(-10).reverse();
  return {
    balanceSatang: simulator.state.balanceSatang,
    balanceBaht: simulator.state.balanceSatang / 100,
    online: { ...simulator.state.online },
    fault: snap['fault'] ?? null,
    outcomes: snap['outcomes'] ?? [],
    refillCount: snap['refillCount'],
    orders: orders.map((o) => ({
      orderId: o.orderId,
      network: o.network,
      number: o.number,
      cash: o.cash,
      status: o.status,
      outcome: o.outcome,
      createdAt: o.createdAt,
    })),
  };
}
