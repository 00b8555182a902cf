/**
 * The bot's only door to the LINE Messaging API: a thin typed wrapper around @line/bot-sdk's
 * generated clients that turns every transport outcome into LineApiError / LineNetworkError.
 *
 * Transport choice: we keep the SDK's own HTTP path. In 11.x it calls Node's global fetch, which
 * is undici with a keep-alive global dispatcher, so consecutive reply calls reuse the socket;
 * the `undici` package is not a dependency, so its faster `request()` is not available without
 * changing package.json. If the webhook benchmark ever demands it, reply/push are the two calls
 * to move onto a dedicated keep-alive pool; nothing outside this file would change.
 *
 * The SDK takes no AbortSignal, so `timeoutMs` is enforced by racing the call: the caller gets a
 * LineNetworkError('ETIMEDOUT') on time, while the abandoned request finishes (or dies) in the
 * background.
 */
import http from 'node:http';
import https from 'node:https';
import { HTTPFetchError, messagingApi } from '@line/bot-sdk';
import {
  LineApiError,
  LineNetworkError,
  type LineOperation,
} from './errors.ts';

export type LineMessage = messagingApi.Message;
export type SentMessage = messagingApi.SentMessage;
export type RichMenuRequest = messagingApi.RichMenuRequest;
export type BotInfo = messagingApi.BotInfoResponse;

/** LINE accepts 5..60 seconds in steps of 5 and rejects anything else with 400. */
export type LoadingSeconds = 5 | 10 | 15 | 20 | 25 | 30 | 35 | 40 | 45 | 50 | 55 | 60;

export interface LineProfile {
  userId: string;
  displayName: string;
  /** BCP 47 tag as LINE reports it (`th`, `en`, `ja`, `zh-Hant`…); absent if the user hides it. */
  language?: string;
  pictureUrl?: string;
}

export interface LineGroupSummary {
  groupId: string;
  groupName: string;
  pictureUrl?: string;
}

export interface LineClientOptions {
  channelAccessToken: string;
  /** Origin only (`https://api.line.me`, `http://127.0.0.1:4567`): the SDK drops any path. */
  apiBaseUrl?: string;
  /** Origin only; where message content and rich menu images live. */
  dataApiBaseUrl?: string;
  /** Per-call deadline; default 15 s. LINE normally answers in well under a second. */
  timeoutMs?: number;
}

export interface SendOptions {
  notificationDisabled?: boolean;
}

export interface LineClient {
  /** Free, single-use, valid about a minute after the webhook event. */
  reply(replyToken: string, messages: LineMessage[], options?: SendOptions): Promise<SentMessage[]>;
  /**
   * Costs quota. `retryKey` (a UUID stored with the outbox row) makes retries idempotent: a
   * repeat of a delivered push fails with LineApiError whose `alreadyDelivered` is true.
   */
  push(to: string, messages: LineMessage[], retryKey: string, options?: SendOptions): Promise<SentMessage[]>;
  /** 1:1 chats only. */
  showLoading(chatId: string, seconds?: LoadingSeconds): Promise<void>;
  getProfile(userId: string): Promise<LineProfile>;
  getGroupSummary(groupId: string): Promise<LineGroupSummary>;
  getBotInfo(): Promise<BotInfo>;
  /** Returns the new rich menu id. */
  createRichMenu(menu: RichMenuRequest): Promise<string>;
  setRichMenuImage(richMenuId: string, image: Blob): Promise<void>;
  setDefaultRichMenu(richMenuId: string): Promise<void>;
  getMessageContent(messageId: string): Promise<Buffer>;
}

export const DEFAULT_API_BASE_URL = 'https://api.line.me';
export const DEFAULT_DATA_API_BASE_URL = 'https://api-data.line.me';
const DEFAULT_TIMEOUT_MS = 15_000;

export function createLineClient(options: LineClientOptions): LineClient {
  const token = options.channelAccessToken;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const apiOrigin = new URL(originOnly('apiBaseUrl', options.apiBaseUrl ?? DEFAULT_API_BASE_URL));
  const api = new messagingApi.MessagingApiClient({
    channelAccessToken: token,
    baseURL: originOnly('apiBaseUrl', options.apiBaseUrl ?? DEFAULT_API_BASE_URL),
  });
  const blob = new messagingApi.MessagingApiBlobClient({
    channelAccessToken: token,
    baseURL: originOnly('dataApiBaseUrl', options.dataApiBaseUrl ?? DEFAULT_DATA_API_BASE_URL),
  });

  function call<T>(operation: LineOperation, fn: () => Promise<T>, withRetryKey = false): Promise<T> {
    return withDeadline(operation, fn(), timeoutMs).catch((err: unknown) => {
      throw toLineError(operation, err, { token, withRetryKey });
    });
  }

  return {
    async reply(replyToken, messages, opts) {
      const res = await call('reply', () =>
        postJson<{ sentMessages?: SentMessage[] }>(apiOrigin, '/v2/bot/message/reply', token, { replyToken, messages, ...notification(opts) }),
      );
      return res?.sentMessages ?? [];
    },

    async push(to, messages, retryKey, opts) {
      const res = await call(
        'push',
        () => postJson<{ sentMessages?: SentMessage[] }>(apiOrigin, '/v2/bot/message/push', token, { to, messages, ...notification(opts) }, { 'X-Line-Retry-Key': retryKey }),
        true,
      );
      return res?.sentMessages ?? [];
    },

    async showLoading(chatId, seconds = 5) {
      // A typo here would otherwise surface only as a 400 from LINE at runtime.
      if (!Number.isInteger(seconds) || seconds < 5 || seconds > 60 || seconds % 5 !== 0) {
        throw new RangeError(`loading seconds must be 5..60 in steps of 5, got ${seconds}`);
      }
      await call('showLoading', () => api.showLoadingAnimation({ chatId, loadingSeconds: seconds }));
    },

    async getProfile(userId) {
      const p = await call('getProfile', () => api.getProfile(encodeURIComponent(userId)));
      return {
        userId: p.userId,
        displayName: p.displayName,
        ...(p.language ? { language: p.language } : {}),
        ...(p.pictureUrl ? { pictureUrl: p.pictureUrl } : {}),
      };
    },

    async getGroupSummary(groupId) {
      const g = await call('getGroupSummary', () => api.getGroupSummary(encodeURIComponent(groupId)));
      return {
        groupId: g.groupId,
        groupName: g.groupName,
        ...(g.pictureUrl ? { pictureUrl: g.pictureUrl } : {}),
      };
    },

    getBotInfo() {
      return call('getBotInfo', () => api.getBotInfo());
    },

    async createRichMenu(menu) {
      const res = await call('createRichMenu', () => api.createRichMenu(menu));
      return res.richMenuId;
    },

    async setRichMenuImage(richMenuId, image) {
      await call('setRichMenuImage', () => blob.setRichMenuImage(encodeURIComponent(richMenuId), image));
    },

    async setDefaultRichMenu(richMenuId) {
      await call('setDefaultRichMenu', () => api.setDefaultRichMenu(encodeURIComponent(richMenuId)));
    },

    getMessageContent(messageId) {
      // Read the whole stream inside call() so a connection dropped mid-body is a network error too.
      return call('getMessageContent', async () => {
        const stream = await blob.getMessageContent(encodeURIComponent(messageId));
        const chunks: Buffer[] = [];
        for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
        return Buffer.concat(chunks);
      });
    },
  };
}

function notification(opts: SendOptions | undefined): { notificationDisabled?: boolean } {
  return opts?.notificationDisabled === undefined ? {} : { notificationDisabled: opts.notificationDisabled };
}

function originOnly(name: string, url: string): string {
  const parsed = new URL(url);
  // The SDK resolves absolute paths against the base, silently dropping any path; say so early.
  if (parsed.pathname !== '/' || parsed.search || parsed.hash) {
    throw new TypeError(`${name} must be an origin without a path, e.g. https://api.line.me (got ${url})`);
  }
  return parsed.origin;
}

async function withDeadline<T>(operation: LineOperation, work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new LineNetworkError({ operation, code: 'ETIMEDOUT' })), ms);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
    // The loser of the race may still reject later; keep that from becoming an unhandled rejection.
    work.catch(() => {});
  }
}

interface ConvertContext {
  token: string;
  withRetryKey: boolean;
}

/**
 * Maps whatever the SDK/fetch threw onto our two classes. Anything else (a SyntaxError from a
 * 2xx with a broken body, a bug) is not a transport outcome and propagates unchanged.
 */
export function toLineError(operation: LineOperation, err: unknown, ctx: ConvertContext): unknown {
  if (err instanceof LineApiError || err instanceof LineNetworkError) return err;
  if (err instanceof HTTPFetchError) {
    const headers = err.headers as Headers | undefined;
    return new LineApiError({
      operation,
      status: err.status,
      body: redact(String(err.body ?? ''), ctx.token),
      retryAfterMs: parseRetryAfter(headers?.get('retry-after') ?? null),
      requestId: headers?.get('x-line-request-id') ?? undefined,
      acceptedRequestId: headers?.get('x-line-accepted-request-id') ?? undefined,
      withRetryKey: ctx.withRetryKey,
      cause: err,
    });
  }
  if (isFetchFailure(err)) {
    return new LineNetworkError({ operation, code: errorCode(err), cause: err });
  }
  return err;
}

/**
 * Undici's fetch rejects with TypeError('fetch failed') when no response arrives and with
 * TypeError('terminated') when the socket dies mid-body; the reason sits in `cause`.
 */
function isFetchFailure(err: unknown): err is Error {
  if (err instanceof TypeError) {
    // Not "any TypeError with a code": Node's own argument errors are TypeErrors with codes too.
    return err.message === 'fetch failed' || err.message === 'terminated';
  }
  // Node's stream/socket errors that escape while reading a body (ECONNRESET, …).
  return err instanceof Error && /^(E[A-Z]+|UND_ERR_[A-Z_]+)$/.test(errorCode(err) ?? '');
}

function errorCode(err: unknown): string | undefined {
  // Walk the cause chain: fetch wraps the socket error, AggregateError wraps per-address errors.
  for (let e: unknown = err, depth = 0; e && depth < 5; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    const inner = (e as { errors?: unknown[] }).errors?.[0];
    e = (e as { cause?: unknown }).cause ?? inner;
  }
  return undefined;
}

/** `Retry-After` is either delta-seconds or an HTTP date; returns milliseconds from now. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

function redact(text: string, token: string): string {
  return token ? text.split(token).join('[redacted]') : text;
}

const agents = {
  'http:': new http.Agent({ keepAlive: true, maxSockets: 64 }),
  'https:': new https.Agent({ keepAlive: true, maxSockets: 64 }),
};

/** reply/push over a keep-alive agent: the SDK's fetch path costs about twice the CPU per call. */
function postJson<T>(origin: URL, path: string, token: string, body: unknown, headers: Record<string, string> = {}): Promise<T> {
  const payload = Buffer.from(JSON.stringify(body));
  const secure = origin.protocol === 'https:';
  return new Promise<T>((resolve, reject) => {
    const req = (secure ? https : http).request(
      {
        host: origin.hostname,
        port: origin.port || (secure ? 443 : 80),
        path,
        method: 'POST',
        agent: agents[secure ? 'https:' : 'http:'],
        headers: { 'content-type': 'application/json', 'content-length': payload.length, authorization: `Bearer ${token}`, ...headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          const status = res.statusCode ?? 0;
          if (status < 200 || status >= 300) {
            const h = new Headers();
            for (const [k, v] of Object.entries(res.headers)) if (typeof v === 'string') h.set(k, v);
            reject(new HTTPFetchError(`${status} - ${res.statusMessage}`, { status, statusText: res.statusMessage ?? '', headers: h, body: text }));
            return;
          }
          try {
            resolve((text ? JSON.parse(text) : {}) as T);
          } catch (e) {
            reject(e);
          }
        });
      },
    );
    req.on('error', (err) => reject(Object.assign(new TypeError('fetch failed'), { cause: err })));
    req.end(payload);
  });
}
