/**
 * What a failed LINE call becomes: LineApiError when LINE answered with a non-2xx status,
 * LineNetworkError when no answer came (refused, reset, DNS, or our own deadline).
 *
 * The SDK takes no AbortSignal, so a call's deadline is enforced by racing it: the caller gets
 * a LineNetworkError('ETIMEDOUT') on time, while the abandoned request finishes (or dies) in the
 * background.
 */
import { HTTPFetchError } from '@line/bot-sdk';
import { LineApiError, LineNetworkError, type LineOperation } from './errors.ts';

/** `work`, or a LineNetworkError('ETIMEDOUT') after `ms`, whichever comes first. */
export async function withDeadline<T>(operation: LineOperation, work: Promise<T>, ms: number): Promise<T> {
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
      rawBody: String(err.body ?? ''),
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
