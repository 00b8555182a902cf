/** Shapes the stand-in records and emits; shared by its modules and by tests / the dev chat page. */
import type { IncomingHttpHeaders } from 'node:http';

export interface RecordedCall {
  method: string;
  /** Path without the query string, as sent (percent-encoding kept). */
  path: string;
  headers: IncomingHttpHeaders;
  /** Parsed JSON; the raw text when it is not JSON; `undefined` when empty; byte count for binary. */
  body: unknown;
  /** Status the stand-in answered with (0 when it dropped the connection). */
  status: number;
  requestId: string;
  at: number;
}

/** A LINE message object as received; the stand-in only looks at a few fields. */
export type StandinMessage = { type: string } & Record<string, unknown>;

export interface ReplyRecord {
  replyToken: string;
  messages: StandinMessage[];
  /** The chat the token was issued for via issueReplyToken(), if it was. */
  to?: string;
  notificationDisabled?: boolean;
  requestId: string;
  at: number;
}

export interface PushRecord {
  to: string;
  messages: StandinMessage[];
  retryKey?: string;
  notificationDisabled?: boolean;
  requestId: string;
  at: number;
}

/** Emitted as 'message' for every delivered reply or push: what the user would see. */
export type DeliveredEvent =
  | ({ kind: 'reply' } & ReplyRecord)
  | ({ kind: 'push' } & PushRecord);

/** Emitted as 'loading' when the bot starts the loading animation. */
export interface LoadingEvent {
  chatId: string;
  seconds: number;
  at: number;
}

export interface StandinEvents {
  message: (event: DeliveredEvent) => void;
  loading: (event: LoadingEvent) => void;
}

export interface StandinProfile {
  displayName: string;
  /** Omit to model a user whose language LINE does not disclose. */
  language?: string;
  pictureUrl?: string;
  statusMessage?: string;
}

export interface FailOptions {
  /** Seconds, sent as `Retry-After`. */
  retryAfter?: number;
  /**
   * Only calls for this chat take the failure (a push's `to`, the chat a reply token was issued
   * for): a test's fault never lands on another chat's message sent meanwhile.
   */
  chat?: string;
}

/**
 * One scripted failure, consumed by the next reply/push call it applies to. `afterDelivery`:
 * the push is delivered first (the chat sees it, its retry key is accepted), then its answer
 * is lost: the client cannot tell this from a push that never arrived.
 */
export type ScriptedFailure = ({ kind: 'status'; status: number; retryAfter?: number } | { kind: 'drop' }) & {
  chat?: string;
  afterDelivery?: boolean;
};

export interface LineStandinOptions {
  /** When set, only this bearer token is accepted; otherwise any non-empty one is. */
  channelAccessToken?: string;
  /** Bot info served at GET /v2/bot/info. */
  botDisplayName?: string;
}
