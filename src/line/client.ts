/**
 * The bot's only door to the LINE Messaging API: a thin typed wrapper around @line/bot-sdk's
 * generated clients that turns every transport outcome into LineApiError / LineNetworkError
 * (failures.ts).
 *
 * Transport: reply and push, the calls on the webhook's hot path, go over a keep-alive
 * http.Agent (post-json.ts), which costs about half the CPU of the SDK's fetch path; every other
 * call goes through the SDK.
 */
import { messagingApi } from '@line/bot-sdk';
import type { LineOperation } from './errors.ts';
import { toLineError, withDeadline } from './failures.ts';
import { postJson } from './post-json.ts';

export { parseRetryAfter, toLineError } from './failures.ts';

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
