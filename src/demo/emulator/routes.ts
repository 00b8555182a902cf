/**
 * Demo mode only: the local LINE chat emulator at `/dev` and its API.
 *
 * The page never talks to the bot directly. It asks this router to send an event; the router
 * builds a LINE webhook event, signs it and POSTs it to the real `/webhook` over HTTP
 * (webhook.ts), so the signature check, the inbox and the whole bot run exactly as with LINE.
 * What the bot sends back reaches the in-process LINE stand-in, which this router relays to
 * the page as Server-Sent Events (feed.ts).
 *
 *   GET  /dev/                 the chat page (page/page.html)
 *   GET  /dev/flex-render.js   the Flex renderer the page uses, and its modules (page/)
 *   GET  /dev/richmenu.png     the rich menu image `npm run setup:line` installs, and
 *   GET  /dev/richmenu.json    its areas, so the page shows the same menu
 *   GET  /dev/events           SSE: every delivered reply/push, loading animation, the user's
 *                              own messages and notices; history replayed on connect
 *                              (honours Last-Event-ID), then `event: replayed` { seq }
 *   POST /dev/api/send         { chat: 'user' | 'group', userId, kind: 'text' | 'postback' |
 *                                'follow' | 'unfollow' | 'join' | 'leave' | 'image' | 'sticker',
 *                                text?, data?, displayText?, params?, image? (a data: URL, PNG or
 *                                JPEG), packageId?, stickerId?, keywords? }
 *                                → { status, webhookEventId }
 *   POST /dev/api/profile      { userId, displayName, language } (the stand-in's getProfile)
 *   GET  /dev/simulator        the provider simulator's state (balance in baht, networks, …)
 *   POST /dev/simulator        { online?: { AIS: false }, balanceBaht?, outcome?, times?,
 *                                fault?: mode | null, settle?: { orderId, result } }
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import express, { type Router } from 'express';
import { richMenuImage, richMenuRequest } from '../../line/richmenu/index.ts';
import type { LineStandin } from '../line-standin/index.ts';
import { ControlError } from '../simulator/control.ts';
import type { Simulator } from '../simulator/index.ts';
import { jsonFile } from '../persisted.ts';
import { createFeed, type DevEvent } from './feed.ts';
import { DEMO_USER_ID, noticeFor, parseSend, shownText } from './send.ts';
import { applyPanelChange, simulatorView } from './simulator-panel.ts';
import { buildEvent, DEMO_GROUP_ID, DEMO_GROUP_NAME, postWebhook } from './webhook.ts';

export interface DevRoutesOptions {
  lineStandin: LineStandin;
  simulator: Simulator;
  channelSecret: string;
  /** Where LINE would deliver: `http://127.0.0.1:PORT/webhook`. */
  webhookUrl: string;
  /** Where the chat history is kept across restarts (demo mode: in DATA_DIR). */
  historyFile?: string;
}

/** What the browser loads: page.html, flex-render.js and its modules. */
const pageDir = new URL('./page/', import.meta.url);
const pageFile = new URL('page.html', pageDir);

export function devRoutes(options: DevRoutesOptions): Router {
  const { lineStandin, simulator } = options;
  const router = express.Router();
  const feed = createFeed(options.historyFile ? jsonFile<DevEvent[]>(options.historyFile) : undefined);

  lineStandin.setGroupSummary(DEMO_GROUP_ID, { groupName: DEMO_GROUP_NAME });
  lineStandin.on('message', (delivered) => {
    const chatId = delivered.to;
    if (!chatId) return; // a reply to a token this router did not issue: not one of our chats
    feed.publish({ kind: 'bot', chatId, via: delivered.kind, messages: delivered.messages });
  });
  lineStandin.on('loading', (loading) => {
    feed.publish({ kind: 'loading', chatId: loading.chatId, seconds: loading.seconds });
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

  router.get('/events', (req, res) => feed.stream(req, res));

  router.post('/api/send', express.json({ limit: '8mb' }), async (req, res) => {
    const parsed = parseSend(req.body);
    if (typeof parsed === 'string') {
      res.status(400).json({ error: parsed });
      return;
    }
    const chatId = parsed.chat === 'group' ? DEMO_GROUP_ID : parsed.userId;
    const shown = shownText(parsed);
    if (shown !== undefined) {
      const sticker = parsed.sticker && { packageId: parsed.sticker.packageId, stickerId: parsed.sticker.stickerId };
      feed.publish({ kind: 'user', chatId, userId: parsed.userId, text: shown, ...(sticker ? { sticker } : {}) });
    }
    const notice = noticeFor(parsed);
    if (notice) feed.publish({ kind: 'system', chatId, text: notice });

    const event = buildEvent(parsed, lineStandin);
    if (parsed.image) {
      // The bot downloads the photo from the LINE stand-in, exactly as from LINE's data API.
      const messageId = (event['message'] as { id: string }).id;
      lineStandin.setContent(messageId, parsed.image.data, parsed.image.contentType);
    }
    try {
      const status = await postWebhook(options, [event]);
      if (status !== 200) feed.publish({ kind: 'system', chatId, text: `/webhook answered ${status}`, level: 'error' });
      res.json({ status, webhookEventId: event['webhookEventId'] });
    } catch (error) {
      feed.publish({ kind: 'system', chatId, text: `/webhook could not be reached: ${String(error)}`, level: 'error' });
      res.status(502).json({ error: String(error) });
    }
  });

  router.post('/api/profile', express.json({ limit: '16kb' }), (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const { userId, displayName, language } = body;
    if (typeof userId !== 'string' || !DEMO_USER_ID.test(userId)) {
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

  router.post('/simulator', express.json({ limit: '16kb' }), (req, res) => {
    try {
      applyPanelChange(simulator, (req.body ?? {}) as Record<string, unknown>);
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
