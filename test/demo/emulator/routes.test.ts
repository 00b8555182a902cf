/**
 * The emulator's API without a browser: what it POSTs to /webhook (signed, shaped like LINE's
 * events), that the real bot answers through the stand-in, the event stream, and the
 * simulator controls.
 */
import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.ts';
import type { DevEvent } from '../../../src/demo/emulator/feed.ts';
import { devRoutes } from '../../../src/demo/emulator/routes.ts';
import { buildEvent, DEMO_GROUP_ID, signBody } from '../../../src/demo/emulator/webhook.ts';
import { createLineStandin } from '../../../src/demo/line-standin/index.ts';
import { createLogger } from '../../../src/log.ts';
import { createSimulator } from '../../../src/demo/simulator/index.ts';
import { startBot, type RunningBot } from '../../../src/start.ts';
import { checkAgainst } from './webhook-schema.ts';

const SECRET = 'demo-channel-secret';

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** The first bytes of a PNG: enough for a photo the bot accepts. */
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);

async function post(url: string, body: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

/** Reads SSE events until `until` holds or the time runs out. */
function readEvents(url: string, until: (events: DevEvent[]) => boolean, timeoutMs = 10_000, headers: Record<string, string> = {}): Promise<DevEvent[]> {
  return new Promise((resolve, reject) => {
    const events: DevEvent[] = [];
    const req = request(url, { headers }, (res) => {
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = block.split('\n').find((l) => l.startsWith('data: '));
          // Named events (`replayed`) are the stream's own signals, not chat events.
          if (data && !block.startsWith('event: ')) events.push(JSON.parse(data.slice(6)) as DevEvent);
        }
        if (until(events)) {
          clearTimeout(timer);
          req.destroy();
          resolve(events);
        }
      });
    });
    const timer = setTimeout(() => {
      req.destroy();
      reject(new Error(`timed out; got ${JSON.stringify(events).slice(0, 2000)}`));
    }, timeoutMs);
    req.on('error', (error) => {
      if (!(error as NodeJS.ErrnoException).code?.includes('ECONNRESET')) reject(error);
    });
    req.end();
  });
}

describe('dev API → a capturing webhook (what exactly is sent)', () => {
  const received: { signature: string | undefined; raw: string }[] = [];
  let webhook: Server;
  let dev: Server;
  let devUrl: string;
  let answer = 200;
  const standin = createLineStandin();
  const simulator = createSimulator({ settleAfterMs: Infinity });

  beforeAll(async () => {
    webhook = createServer((req, res) => {
      let raw = '';
      req.setEncoding('utf8');
      req.on('data', (c: string) => (raw += c));
      req.on('end', () => {
        received.push({ signature: req.headers['x-line-signature'] as string | undefined, raw });
        res.writeHead(answer, { 'content-type': 'application/json' }).end('{}');
      });
    });
    const webhookUrl = `${await listen(webhook)}/webhook`;
    const app = express();
    app.use('/dev', devRoutes({ lineStandin: standin, simulator, channelSecret: SECRET, webhookUrl }));
    dev = createServer(app);
    devUrl = `${await listen(dev)}/dev`;
  });

  afterAll(async () => {
    dev.closeAllConnections();
    webhook.closeAllConnections();
    await new Promise((r) => dev.close(r));
    await new Promise((r) => webhook.close(r));
    await simulator.close();
  });

  const last = () => {
    const r = received.at(-1)!;
    return { ...r, body: JSON.parse(r.raw) as { destination: string; events: Record<string, unknown>[] } };
  };

  it('signs the raw body with the channel secret (base64 HMAC-SHA256 in x-line-signature)', async () => {
    const res = await post(`${devUrl}/api/send`, { chat: 'user', userId: 'Udemo0001', kind: 'text', text: 'เติม 50 0812345678 ais' });
    expect(res.status).toBe(200);
    expect(res.json['status']).toBe(200);
    const { signature, raw, body } = last();
    expect(signature).toBe(createHmac('sha256', SECRET).update(raw).digest('base64'));
    expect(signature).toBe(signBody(SECRET, raw));
    expect(checkAgainst('CallbackRequest', body)).toEqual([]);
    const [event] = body.events;
    expect(event).toMatchObject({
      type: 'message',
      mode: 'active',
      deliveryContext: { isRedelivery: false },
      source: { type: 'user', userId: 'Udemo0001' },
      message: { type: 'text', text: 'เติม 50 0812345678 ais' },
    });
    expect(res.json['webhookEventId']).toBe(event!['webhookEventId']);
  });

  it('sends every kind of event in LINE’s shape, each with a fresh event id and reply token', async () => {
    const sends = [
      { chat: 'user', kind: 'postback', data: 'action=confirm&order=1&t=x', displayText: 'ยืนยัน' },
      { chat: 'user', kind: 'postback', data: 'action=pick', params: { date: '2025-01-31' } },
      { chat: 'user', kind: 'follow' },
      { chat: 'user', kind: 'unfollow' },
      { chat: 'user', kind: 'image', image: `data:image/png;base64,${PNG.toString('base64')}` },
      { chat: 'user', kind: 'sticker', packageId: '446', stickerId: '1988', keywords: ['Happy', 'Smile'] },
      { chat: 'group', kind: 'text', text: 'ลงทะเบียน 1234' },
      { chat: 'group', kind: 'postback', data: 'action=resolve&order=1' },
      { chat: 'group', kind: 'join' },
      { chat: 'group', kind: 'leave' },
    ];
    const ids = new Set<string>();
    const tokens = new Set<string>();
    for (const send of sends) {
      const res = await post(`${devUrl}/api/send`, { userId: 'Udemo0002', ...send });
      expect(res.status, JSON.stringify(send)).toBe(200);
      const [event] = last().body.events;
      expect(checkAgainst('Event', event), JSON.stringify(event)).toEqual([]);
      expect(event!['type']).toBe(['text', 'image', 'sticker'].includes(send.kind) ? 'message' : send.kind);
      if (send.kind === 'sticker') {
        expect(event!['message']).toMatchObject({ type: 'sticker', packageId: '446', stickerId: '1988', stickerResourceType: 'STATIC', keywords: ['Happy', 'Smile'] });
      }
      ids.add(String(event!['webhookEventId']));
      if (event!['replyToken']) tokens.add(String(event!['replyToken']));
      if (send.chat === 'group') expect(event!['source']).toMatchObject({ type: 'group', groupId: DEMO_GROUP_ID });
    }
    expect(ids.size).toBe(sends.length);
    expect(tokens.size).toBe(8); // unfollow and leave carry no reply token
    expect(last().body.events[0]!['source']).toEqual({ type: 'group', groupId: DEMO_GROUP_ID });
  });

  it('refuses malformed requests', async () => {
    for (const bad of [
      { chat: 'user', userId: 'not-a-user', kind: 'text', text: 'hi' },
      { chat: 'user', userId: 'Udemo0003', kind: 'text', text: '' },
      { chat: 'user', userId: 'Udemo0003', kind: 'postback' },
      { chat: 'user', userId: 'Udemo0003', kind: 'join' },
      { chat: 'group', userId: 'Udemo0003', kind: 'follow' },
      { chat: 'room', userId: 'Udemo0003', kind: 'text', text: 'hi' },
      { chat: 'user', userId: 'Udemo0003', kind: 'sticker' },
      { chat: 'user', userId: 'Udemo0003', kind: 'sticker', packageId: 'moon', stickerId: '1988' },
      { chat: 'user', userId: 'Udemo0003', kind: 'image', image: 'data:image/gif;base64,R0lGODlh' },
      { chat: 'group', userId: 'Udemo0003', kind: 'image', image: `data:image/png;base64,${PNG.toString('base64')}` },
    ]) {
      const res = await post(`${devUrl}/api/send`, bad);
      expect(res.status, JSON.stringify(bad)).toBe(400);
    }
  });

  it('streams the user’s bubble, the webhook failure, and what the stand-in delivers, in order; Last-Event-ID resumes after it', async () => {
    answer = 401;
    await post(`${devUrl}/api/send`, { chat: 'user', userId: 'Udemo0004', kind: 'text', text: 'สวัสดี' });
    answer = 200;
    // A reply through the stand-in to a token the router issued is routed to that chat.
    const token = buildEvent({ chat: 'user', userId: 'Udemo0004', kind: 'text', text: 'x' }, standin)['replyToken'] as string;
    const origin = await standin.listen();
    try {
      const res = await fetch(`${origin}/v2/bot/message/reply`, {
        method: 'POST',
        headers: { authorization: 'Bearer t', 'content-type': 'application/json' },
        body: JSON.stringify({ replyToken: token, messages: [{ type: 'text', text: 'สวัสดีค่ะ' }] }),
      });
      expect(res.status).toBe(200);
    } finally {
      await standin.close();
    }
    const events = await readEvents(`${devUrl}/events`, (e) => e.some((x) => x.kind === 'bot' && x.chatId === 'Udemo0004'));
    const mine = events.filter((e) => e.chatId === 'Udemo0004');
    expect(mine.map((e) => e.kind)).toEqual(['user', 'system', 'bot']);
    expect(mine[0]).toMatchObject({ kind: 'user', text: 'สวัสดี' });
    expect(mine[1]).toMatchObject({ kind: 'system', level: 'error', text: '/webhook answered 401' });
    expect(mine[2]).toMatchObject({ kind: 'bot', via: 'reply', messages: [{ type: 'text', text: 'สวัสดีค่ะ' }] });
    const seqs = events.map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    // Last-Event-ID resumes after what the page already has: the user's bubble is not sent again.
    const resumed = await readEvents(`${devUrl}/events`, (e) => e.some((x) => x.kind === 'bot' && x.chatId === 'Udemo0004'), 10_000, {
      'last-event-id': String(mine[0]!.seq),
    });
    expect(resumed.every((e) => e.seq > mine[0]!.seq)).toBe(true);
    expect(resumed.filter((e) => e.chatId === 'Udemo0004').map((e) => e.kind)).toEqual(['system', 'bot']);
  });

  it('ends the replayed history with `replayed` and the newest seq, so the page knows what is new', async () => {
    await post(`${devUrl}/api/send`, { chat: 'user', userId: 'Udemo0007', kind: 'sticker', packageId: '446', stickerId: '1989' });
    const raw = await new Promise<string>((resolve, reject) => {
      const req = request(`${devUrl}/events`, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          text += chunk;
          if (text.includes('event: replayed')) {
            req.destroy();
            resolve(text);
          }
        });
      });
      req.on('error', (error) => (error as NodeJS.ErrnoException).code?.includes('ECONNRESET') || reject(error));
      req.end();
    });
    const blocks = raw.split('\n\n').filter((b) => b.includes('data: '));
    const last = blocks.at(-1)!;
    expect(last.startsWith('event: replayed')).toBe(true);
    const history = blocks.slice(0, -1).map((b) => JSON.parse(b.slice(b.indexOf('data: ') + 6)) as DevEvent);
    expect(JSON.parse(last.slice(last.indexOf('data: ') + 6))).toEqual({ seq: history.at(-1)!.seq });
    // The user's sticker is in the history with its ids, for the page to draw.
    expect(history.filter((e) => e.chatId === 'Udemo0007')[0]).toMatchObject({ kind: 'user', sticker: { packageId: '446', stickerId: '1989' } });
  });

  it('drives the simulator: balance in baht, networks, next outcomes, faults', async () => {
    let res = await post(`${devUrl}/simulator`, { balanceBaht: 123.45, online: { DTAC: false }, outcome: 'fail', times: 2 });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ balanceBaht: 123.45, balanceSatang: 12345, online: { DTAC: false, AIS: true }, outcomes: ['fail', 'fail'] });
    expect(simulator.state.balanceSatang).toBe(12345);
    expect(simulator.state.online.DTAC).toBe(false);

    res = await post(`${devUrl}/simulator`, { fault: 'reject', times: 1 });
    expect(res.json['fault']).toMatchObject({ mode: 'reject', remaining: 1 });
    res = await post(`${devUrl}/simulator`, { fault: null, online: { DTAC: true } });
    expect(res.json['fault']).toBeNull();

    expect((await post(`${devUrl}/simulator`, { balanceBaht: -1 })).status).toBe(400);
    expect((await post(`${devUrl}/simulator`, { outcome: 'maybe' })).status).toBe(400);
    expect((await post(`${devUrl}/simulator`, { settle: { orderId: 'nope', result: 'success' } })).status).toBe(404);

    const state = (await (await fetch(`${devUrl}/simulator`)).json()) as Record<string, unknown>;
    expect(state).toMatchObject({ balanceBaht: 123.45, outcomes: ['fail', 'fail'], orders: [] });
  });

  it('sets the stand-in profile the bot reads the customer’s language from', async () => {
    expect((await post(`${devUrl}/api/profile`, { userId: 'Udemo0005', displayName: 'Somchai', language: 'en' })).status).toBe(200);
    const origin = await standin.listen();
    try {
      const res = await fetch(`${origin}/v2/bot/profile/Udemo0005`, { headers: { authorization: 'Bearer t' } });
      expect(await res.json()).toMatchObject({ userId: 'Udemo0005', displayName: 'Somchai', language: 'en' });
    } finally {
      await standin.close();
    }
  });

  it('serves the page and its renderer', async () => {
    const page = await fetch(`${devUrl}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    const html = await page.text();
    expect(html).toContain('/dev/flex-render.js');
    expect(html).not.toMatch(/<script[^>]+src="https?:/); // nothing from a CDN
    const redirect = await fetch(devUrl, { redirect: 'manual' });
    expect(redirect.status).toBe(301);
    expect(redirect.headers.get('location')).toBe('/dev/');
    const js = await fetch(`${devUrl}/flex-render.js`);
    expect(js.headers.get('content-type')).toMatch(/javascript/);
  });
});

describe('dev API → the real bot in demo mode', () => {
  let bot: RunningBot;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'dev-routes-'));
    bot = await startBot(loadConfig({ DATA_DIR: dataDir }), { logger: createLogger({ level: 'silent' }), port: 0, sweepIntervalMs: 200 });
  }, 30_000);

  afterAll(async () => {
    await bot?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('a text sent through /dev/api/send passes the signature check and gets the bot’s reply', async () => {
    const userId = `Udemo${Date.now().toString(16)}`;
    const res = await post(`${bot.url}/dev/api/send`, { chat: 'user', userId, kind: 'text', text: 'เติม 50 0812345678 ais' });
    expect(res).toMatchObject({ status: 200, json: { status: 200 } });
    await expect.poll(() => bot.lineStandin!.replies().filter((r) => r.to === userId).length, { timeout: 10_000 }).toBe(1);
    const [reply] = bot.lineStandin!.replies().filter((r) => r.to === userId);
    expect(reply!.messages[0]!.type).toBe('flex');
    expect(JSON.stringify(reply!.messages)).toContain('action=confirm');
  });

  it('the event stream ends when the bot shuts down, so close() does not hang', async () => {
    // A bot of its own to shut down; the page is still open while the operator presses Ctrl-C.
    const ownDir = mkdtempSync(join(tmpdir(), 'dev-routes-close-'));
    const bot = await startBot(loadConfig({ DATA_DIR: ownDir }), { logger: createLogger({ level: 'silent' }), port: 0, workers: false });
    let opened!: () => void;
    const open = new Promise<void>((resolve) => (opened = resolve));
    const stream = new Promise<void>((resolve) => {
      const req = request(`${bot.url}/dev/events`, (res) => {
        opened();
        res.resume();
        res.on('end', () => resolve());
        res.on('close', () => resolve());
      });
      req.on('error', () => resolve());
      req.end();
    });
    await open;
    // Both end: a stream that kept close() waiting would fail this test by its time limit.
    await bot.close();
    await stream;
    rmSync(ownDir, { recursive: true, force: true });
  });
});

describe('outside demo mode', () => {
  it('serves no /dev', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'dev-routes-prod-'));
    const config = loadConfig({
      DATA_DIR: dataDir,
      LINE_CHANNEL_SECRET: 's',
      LINE_CHANNEL_ACCESS_TOKEN: 't',
      TOPUP_API_URL: 'http://127.0.0.1:9/api',
      TOPUP_USERNAME: 'u',
      TOPUP_PASSWORD: 'p',
      TOPUP_CALLBACK_SECRET: 'callback-secret',
    });
    expect(config.demo).toBe(false);
    const bot = await startBot(config, { logger: createLogger({ level: 'silent' }), port: 0, workers: false });
    try {
      expect((await fetch(`${bot.url}/dev/`)).status).toBe(404);
      expect((await fetch(`${bot.url}/dev/api/send`, { method: 'POST' })).status).toBe(404);
    } finally {
      await bot.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('dev API → a demo in wallet mode (PAYMENT_MODE=wallet, PROMPTPAY_ID set)', () => {
  let bot: RunningBot;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'dev-wallet-'));
    const config = loadConfig({ DATA_DIR: dataDir, PAYMENT_MODE: 'wallet', PROMPTPAY_ID: '0812345678' });
    bot = await startBot(config, { logger: createLogger({ level: 'silent' }), port: 0, sweepIntervalMs: 200 });
  }, 30_000);

  afterAll(async () => {
    await bot?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('shows the QR, takes a photo as the slip and lets the owners’ view approve it', async () => {
    const userId = `Udemo${Date.now().toString(16)}`;
    const standin = bot.lineStandin!;
    const to = (chatId: string) => [...standin.replies(), ...standin.pushes()].filter((r) => r.to === chatId).flatMap((r) => r.messages);
    await post(`${bot.url}/dev/api/send`, { chat: 'user', userId, kind: 'text', text: 'เติมเครดิต 100' });
    await expect.poll(() => to(userId).length, { timeout: 10_000 }).toBe(2);
    const qr = to(userId)[0] as { type: string; originalContentUrl: string };
    expect(qr.type).toBe('image');
    expect(qr.originalContentUrl).toMatch(/^http:\/\/localhost:\d+\/qr\//);
    expect((await fetch(qr.originalContentUrl.replace('localhost', '127.0.0.1'))).headers.get('content-type')).toBe('image/png');

    await post(`${bot.url}/dev/api/send`, { chat: 'user', userId, kind: 'image', image: `data:image/png;base64,${PNG.toString('base64')}` });
    await expect.poll(() => JSON.stringify(to(userId)), { timeout: 10_000 }).toContain('ได้รับสลิปแล้ว');
    await expect.poll(() => JSON.stringify(to(DEMO_GROUP_ID)), { timeout: 10_000 }).toContain('depositApprove');
    const data = /action=depositApprove&deposit=[0-9a-f-]+/.exec(JSON.stringify(to(DEMO_GROUP_ID)))![0];
    await post(`${bot.url}/dev/api/send`, { chat: 'group', userId: 'Udemoowner', kind: 'postback', data, displayText: 'อนุมัติ' });
    await expect.poll(() => JSON.stringify(to(userId)), { timeout: 10_000 }).toContain('เครดิตคงเหลือ ฿100');
  });
});
