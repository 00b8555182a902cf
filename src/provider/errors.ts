/**
 * The provider's error classes. Callers decide by class (instanceof), never by message text:
 *
 * - ProviderRejected:    the provider answered STATUS=0. Nothing happened.
 * - ProviderUnreachable: the request never left (DNS, refused, connect timeout, TLS handshake).
 *                        Safe to retry.
 * - ProviderAmbiguous:   the request was sent but no usable reply came back. For a refill this
 *                        means the top-up MAY have happened: never resend it (DESIGN §5).
 *
 * Messages and fields never contain the request body, the username or the password; the reply
 * excerpt (`snippet`) is redacted and capped at 200 characters (see redact.ts).
 */

export type ProviderCall = 'refill' | 'update' | 'cancel' | 'balance' | 'networkStatus';

/** Why an Unreachable/Ambiguous error happened: for logs and metrics, not for control flow. */
export type ProviderFailureReason =
  // the request never left
  | 'dns'
  | 'refused'
  | 'connect-timeout'
  | 'connect-error'
  // sent, no usable reply
  | 'timeout'
  | 'reset'
  | 'http-status'
  | 'too-large'
  | 'empty'
  | 'unparseable'
  | 'missing-status'
  | 'bad-status'
  | 'missing-field'
  | 'bad-field';

export interface ProviderErrorOptions {
  call: ProviderCall;
  snippet?: string;
  httpStatus?: number;
  code?: string;
  cause?: unknown;
}

export class ProviderError extends Error {
  override readonly name: string = 'ProviderError';
  readonly call: ProviderCall;
  /** A redacted excerpt (≤ 200 chars) of the reply body, '' when there was none. */
  readonly snippet: string;
  readonly httpStatus: number | undefined;
  /** The Node error code of the underlying failure (ECONNREFUSED, ENOTFOUND…), if any. */
  readonly code: string | undefined;

  constructor(message: string, options: ProviderErrorOptions) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.call = options.call;
    this.snippet = options.snippet ?? '';
    this.httpStatus = options.httpStatus;
    this.code = options.code;
  }
}

/** STATUS=0: the provider refused the request and did nothing. `detail` is its (Thai) DETAIL. */
export class ProviderRejected extends ProviderError {
  override readonly name = 'ProviderRejected';
  readonly detail: string;

  constructor(detail: string, options: ProviderErrorOptions) {
    super(`provider rejected ${options.call}: ${detail || '(no detail)'}`, options);
    this.detail = detail;
  }
}

/** The request never reached the provider: safe to retry. */
export class ProviderUnreachable extends ProviderError {
  override readonly name = 'ProviderUnreachable';
  readonly reason: ProviderFailureReason;

  constructor(reason: ProviderFailureReason, message: string, options: ProviderErrorOptions) {
    super(`provider unreachable (${options.call}, ${reason}): ${message}`, options);
    this.reason = reason;
  }
}

/** The request was sent but the reply is missing or unusable: the effect is unknown. */
export class ProviderAmbiguous extends ProviderError {
  override readonly name = 'ProviderAmbiguous';
  readonly reason: ProviderFailureReason;

  constructor(reason: ProviderFailureReason, message: string, options: ProviderErrorOptions) {
    super(`provider reply unusable (${options.call}, ${reason}): ${message}`, options);
    this.reason = reason;
  }
}
