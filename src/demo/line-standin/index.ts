/**
 * An in-process stand-in for the LINE Messaging API over real HTTP, for tests and demo mode.
 * Point the real client at `await standin.listen()` and everything between the bot and "LINE"
 * (SDK, fetch, headers, status codes) runs exactly as in production.
 *
 *   const line = createLineStandin();
 *   const origin = await line.listen();
 *   const client = createLineClient({ channelAccessToken: 't', apiBaseUrl: origin, dataApiBaseUrl: origin });
 */
import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { BodyTooLarge, lineErrorMessage, newRequestId, parseJsonBody, readBody, sendBytes, sendJson } from './http.ts';
import { matchRoute, type Answer } from './routes.ts';
import { StandinState } from './state.ts';
import type {
  FailOptions,
  LineStandinOptions,
  PushRecord,
  RecordedCall,
  ReplyRecord,
  ScriptedFailure,
  StandinEvents,
  StandinProfile,
} from './types.ts';

export type * from './types.ts';

export interface LineStandin {
  /** Starts serving; resolves to the origin (`http://127.0.0.1:PORT`). Port 0 = any free port. */
  listen(port?: number, host?: string): Promise<string>;
  close(): Promise<void>;
  /** The Node request listener, for mounting on a server of your own. */
  readonly handler: (req: IncomingMessage, res: ServerResponse) => void;
  /** Every request received, in order, including failed ones. Live array; reset() empties it. */
  readonly calls: RecordedCall[];
  /** Delivered replies / pushes only (what a user would see). */
  replies(): ReplyRecord[];
  pushes(): PushRecord[];
  /** The next `times` reply/push calls answer `status` with a LINE-style JSON error. */
  failNext(status: number, times?: number, opts?: FailOptions): void;
  /** The next `times` reply/push calls get their connection destroyed with no answer. */
  dropNext(times?: number, opts?: Pick<FailOptions, 'chat'>): void;
  /**
   * The next `times` pushes are delivered and then their answer is lost: answered `status`
   * (a 500), or with `'drop'` the connection cut. A client that retries with the same
   * X-Line-Retry-Key gets 409 and the chat no second copy; a new key delivers it again.
   */
  deliverThenFailNext(failure: number | 'drop', times?: number, opts?: Pick<FailOptions, 'chat'>): void;
  /** 'message': a reply/push was delivered; 'loading': the loading animation was started. */
  on<E extends keyof StandinEvents>(event: E, listener: StandinEvents[E]): () => void;
  /** A fresh reply token tied to a chat, so replies to it are reported with `to: chatId`. */
  issueReplyToken(chatId: string): string;
  /** `null` makes the profile answer 404 (user blocked the bot). */
  setProfile(userId: string, profile: StandinProfile | null): void;
  setGroupSummary(groupId: string, summary: { groupName: string; pictureUrl?: string }): void;
  /** Content served at GET /v2/bot/message/{id}/content (the data API). */
  setContent(messageId: string, data: Buffer, contentType?: string): void;
  /** Rich menu set with POST /v2/bot/user/all/richmenu/{id}, if any. */
  defaultRichMenuId(): string | undefined;
  /** Forgets calls, tokens, retry keys, scripted failures, profiles, rich menus. */
  reset(): void;
}

export function createLineStandin(options: LineStandinOptions = {}): LineStandin {
  const state = new StandinState();
  const events = new EventEmitter();
  const botDisplayName = options.botDisplayName ?? 'Topup Bot (stand-in)';
  let server: Server | undefined;

  function authorized(req: IncomingMessage): boolean {
    const m = /^Bearer (.+)$/.exec(req.headers.authorization ?? '');
    if (!m?.[1]) return false;
    return options.channelAccessToken === undefined || m[1] === options.channelAccessToken;
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const requestId = newRequestId();
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const method = req.method ?? 'GET';
    const call: RecordedCall = { method, path, headers: req.headers, body: undefined, status: 0, requestId, at: Date.now() };
    state.calls.push(call);

    const answer = (a: Answer): void => {
      call.status = a.status;
      const headers = { 'x-line-request-id': requestId, ...a.headers };
      if (a.bytes) {
        res.setHeader('x-line-request-id', requestId);
        sendBytes(res, a.bytes.contentType, a.bytes.data);
      } else {
        sendJson(res, a.status, a.json ?? {}, headers);
      }
      if (a.delivered) events.emit('message', a.delivered);
      if (a.loading) events.emit('loading', a.loading);
    };

    let raw: Buffer;
    try {
      raw = await readBody(req);
    } catch (err) {
      if (err instanceof BodyTooLarge) return answer({ status: 413, json: { message: lineErrorMessage(413) } });
      throw err;
    }
    const parsed = parseJsonBody(raw, req.headers['content-type']);
    call.body = parsed.ok ? parsed.value : parsed.raw;

    const match = matchRoute(method, path);
    if (!match) return answer({ status: 404, json: { message: 'Not found' } });
    if (!authorized(req)) {
      return answer({
        status: 401,
        json: { message: "Authorization header required. Must follow the scheme, 'Authorization: Bearer <ACCESS TOKEN>'" },
      });
    }
    const chat = match.route.isMessageCall ? chatOf(state, parsed.ok ? parsed.value : undefined) : undefined;
    if (match.route.isMessageCall) {
      const failure = state.takeFailure({ chat, afterDelivery: false });
      if (failure) return fail(failure);
    }
    if (!parsed.ok) return answer({ status: 400, json: { message: 'The request body could not be parsed as JSON' } });
    const handled = match.route.handle({
      state,
      params: match.params,
      body: parsed.value,
      headers: req.headers,
      requestId,
      botDisplayName,
      now: call.at,
    });
    const lost = handled.delivered?.kind === 'push' ? state.takeFailure({ chat, afterDelivery: true }) : undefined;
    if (!lost) return answer(handled);
    // Delivered: the chat has it and its retry key is taken. Only the answer goes missing.
    events.emit('message', handled.delivered);
    fail(lost);

    function fail(failure: ScriptedFailure): void {
      if (failure.kind === 'drop') {
        call.status = 0;
        req.socket.destroy();
        return;
      }
      answer({
        status: failure.status,
        json: { message: lineErrorMessage(failure.status) },
        ...(failure.retryAfter !== undefined ? { headers: { 'retry-after': String(failure.retryAfter) } } : {}),
      });
    }
  }

  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    handle(req, res).catch((err: unknown) => {
      // A bug in the stand-in must show up as a 500, not as a hung test.
      if (!res.headersSent) sendJson(res, 500, { message: `stand-in error: ${String(err)}` });
      else res.destroy();
    });
  };

  return {
    handler,
    get calls() {
      return state.calls;
    },
    replies: () => [...state.replies],
    pushes: () => [...state.pushes],

    async listen(port = 0, host = '127.0.0.1') {
      if (server) throw new Error('LINE stand-in is already listening');
      const s = createServer(handler);
      server = s;
      await new Promise<void>((resolve, reject) => {
        s.once('error', reject);
        s.listen(port, host, () => resolve());
      });
      const { port: actual } = s.address() as AddressInfo;
      return `http://${host.includes(':') ? `[${host}]` : host}:${actual}`;
    },

    async close() {
      const s = server;
      server = undefined;
      if (!s) return;
      // fetch keeps sockets alive; without this, close() waits for them to time out.
      s.closeAllConnections();
      await new Promise<void>((resolve, reject) => s.close((err) => (err ? reject(err) : resolve())));
    },

    failNext(status, times = 1, opts = {}) {
      for (let i = 0; i < times; i++) {
        state.failures.push({
          kind: 'status',
          status,
          ...(opts.retryAfter !== undefined ? { retryAfter: opts.retryAfter } : {}),
          ...forChat(opts),
        });
      }
    },

    dropNext(times = 1, opts = {}) {
      for (let i = 0; i < times; i++) state.failures.push({ kind: 'drop', ...forChat(opts) });
    },

    deliverThenFailNext(failure, times = 1, opts = {}) {
      const lost = failure === 'drop' ? { kind: 'drop' as const } : { kind: 'status' as const, status: failure };
      for (let i = 0; i < times; i++) {
        state.failures.push({ ...lost, afterDelivery: true, ...forChat(opts) });
      }
    },

    on(event, listener) {
      events.on(event, listener);
      return () => {
        events.off(event, listener);
      };
    },

    issueReplyToken(chatId) {
      const token = randomBytes(16).toString('hex');
      state.replyTokenChats.set(token, chatId);
      return token;
    },

    setProfile(userId, profile) {
      state.profiles.set(userId, profile);
    },

    setGroupSummary(groupId, summary) {
      state.groups.set(groupId, summary);
    },

    setContent(messageId, data, contentType = 'image/jpeg') {
      state.contents.set(messageId, { contentType, data });
    },

    defaultRichMenuId: () => state.defaultRichMenuId,

    reset() {
      state.reset();
    },
  };
}

/** The chat a reply/push is for: a push's `to`, or the chat its reply token was issued for. */
function chatOf(state: StandinState, body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const { to, replyToken } = body as { to?: unknown; replyToken?: unknown };
  if (typeof to === 'string') return to;
  return typeof replyToken === 'string' ? state.replyTokenChats.get(replyToken) : undefined;
}

/** A failure scoped to one chat when the test named one. */
function forChat(opts: Pick<FailOptions, 'chat'>): Pick<ScriptedFailure, 'chat'> {
  return opts.chat !== undefined ? { chat: opts.chat } : {};
}
