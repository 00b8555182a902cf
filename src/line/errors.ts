/**
 * The only two errors the LINE client lets out. Callers (reply path, push outbox) decide what to
 * do from these alone, never from SDK internals:
 * - LineApiError: LINE answered, with a non-2xx status.
 * - LineNetworkError: no answer at all (refused, reset, DNS, timeout). The request may or may
 *   not have reached LINE, so it is always retryable; a push is safe to retry because it carries
 *   an X-Line-Retry-Key, a reply retry may find its token already used (400).
 *
 * Neither ever carries the channel access token: messages are built from status, path and the
 * response body only, and the client redacts the token from the body snippet defensively.
 */

/** Which client call failed; part of the message so logs say what was being attempted. */
export type LineOperation =
  | 'reply'
  | 'push'
  | 'showLoading'
  | 'getProfile'
  | 'getGroupSummary'
  | 'getBotInfo'
  | 'createRichMenu'
  | 'setRichMenuImage'
  | 'setDefaultRichMenu'
  | 'getMessageContent';

/** Longest piece of the response body kept on the error: enough for LINE's JSON error. */
export const BODY_SNIPPET_MAX = 300;

export interface LineApiErrorInit {
  operation: LineOperation;
  status: number;
  /** Raw response body; shortened to BODY_SNIPPET_MAX. */
  body?: string;
  retryAfterMs?: number;
  /** `x-line-request-id` of the failed call, for LINE support. */
  requestId?: string;
  /** `x-line-accepted-request-id`: on a 409 push, the id of the request that did deliver. */
  acceptedRequestId?: string;
  /** True when the request carried an X-Line-Retry-Key (only then does 409 mean "delivered"). */
  withRetryKey?: boolean;
  /**
   * LINE's answer body before anything was redacted from it: what the error means is read from
   * it here, once (a redacted copy could hide the words, e.g. a short access token).
   */
  rawBody?: string;
  cause?: unknown;
}

export class LineApiError extends Error {
  override readonly name = 'LineApiError';
  readonly operation: LineOperation;
  readonly status: number;
  readonly bodySnippet: string;
  readonly retryAfterMs: number | undefined;
  readonly requestId: string | undefined;
  readonly acceptedRequestId: string | undefined;
  readonly withRetryKey: boolean;
  /** 400 "Invalid reply token": expired or used; the caller should fall back to push. */
  readonly invalidReplyToken: boolean;
  /**
   * 429 is also how LINE says the monthly push quota is used up; retrying will not help until
   * the quota resets, so the outbox should park rather than spin. (Still `isRetryable`: later.)
   */
  readonly quotaExceeded: boolean;

  constructor(init: LineApiErrorInit) {
    const snippet = snip(init.body ?? '');
    super(`LINE ${init.operation} failed: HTTP ${init.status}${snippet ? ` ${snippet}` : ''}`, {
      cause: init.cause,
    });
    this.operation = init.operation;
    this.status = init.status;
    this.bodySnippet = snippet;
    this.retryAfterMs = init.retryAfterMs;
    this.requestId = init.requestId;
    this.acceptedRequestId = init.acceptedRequestId;
    this.withRetryKey = init.withRetryKey ?? false;
    const body = init.rawBody ?? init.body ?? '';
    this.invalidReplyToken = init.status === 400 && /invalid reply token/i.test(body);
    this.quotaExceeded = init.status === 429 && /monthly limit/i.test(body);
  }

  /** 5xx or 429: the same request may succeed later (honour retryAfterMs when set). */
  get isRetryable(): boolean {
    return this.status >= 500 || this.status === 429;
  }

  /**
   * 409 on a push sent with a retry key: LINE already accepted a request with that key, so the
   * message was delivered and the outbox row is done.
   */
  get alreadyDelivered(): boolean {
    return this.status === 409 && this.operation === 'push' && this.withRetryKey;
  }

}

export interface LineNetworkErrorInit {
  operation: LineOperation;
  /** e.g. ECONNREFUSED, ECONNRESET, ETIMEDOUT, UND_ERR_SOCKET. */
  code?: string;
  cause?: unknown;
}

export class LineNetworkError extends Error {
  override readonly name = 'LineNetworkError';
  readonly operation: LineOperation;
  readonly code: string | undefined;

  constructor(init: LineNetworkErrorInit) {
    super(`LINE ${init.operation} failed: no answer from LINE${init.code ? ` (${init.code})` : ''}`, {
      cause: init.cause,
    });
    this.operation = init.operation;
    this.code = init.code;
  }

  /** Nothing came back, so nothing says the request was wrong: always worth another try. */
  get isRetryable(): true {
    return true;
  }
}

export function isLineError(err: unknown): err is LineApiError | LineNetworkError {
  return err instanceof LineApiError || err instanceof LineNetworkError;
}

function snip(body: string): string {
  const flat = body.replace(/\s+/g, ' ').trim();
  return flat.length > BODY_SNIPPET_MAX ? `${flat.slice(0, BODY_SNIPPET_MAX)}…` : flat;
}
