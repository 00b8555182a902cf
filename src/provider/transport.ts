/**
 * One form POST over node:http/https, reporting failures with the one fact the money path needs:
 * had the request left (`sent`) when it failed?
 *
 * "Sent" starts when the connection is established (TCP connect for http, the TLS handshake for
 * https). Before that point nothing of the request can have reached the provider: DNS failures,
 * refused connections, connect timeouts and failed handshakes are `sent: false`. From that point
 * on we assume the provider may have received and acted on it, even if the failure came a
 * microsecond later.
 *
 * Each request uses a fresh connection (agent: false): a pooled keep-alive socket that the server
 * closed while idle fails on write in a way that is indistinguishable from a reset after sending,
 * and a top-up bot sends too few requests for pooling to matter.
 */
import http from 'node:http';
import https from 'node:https';
import type { Socket } from 'node:net';
import type { ProviderFailureReason } from './errors.ts';

export interface PostOptions {
  connectTimeoutMs: number;
  timeoutMs: number;
  maxBytes: number;
  /** DNS lookup override (node's `lookup` request option). Internal: tests use it to stall the connect phase. */
  lookup?: http.RequestOptions['lookup'];
}

export interface PostReply {
  status: number;
  contentType: string | undefined;
  body: Buffer;
}

export class TransportFailure extends Error {
  override readonly name = 'TransportFailure';
  constructor(
    readonly sent: boolean,
    readonly reason: ProviderFailureReason,
    message: string,
    readonly code?: string,
    cause?: unknown,
  ) {
    super(message, cause === undefined ? undefined : { cause });
  }
}

export function postForm(url: URL, form: string, options: PostOptions): Promise<PostReply> {
  const secure = url.protocol === 'https:';
  const payload = Buffer.from(form, 'utf8');

  return new Promise<PostReply>((resolve, reject) => {
    let connected = false;
    let settled = false;

    const req = (secure ? https : http).request(url, {
      method: 'POST',
      agent: false,
      ...(options.lookup ? { lookup: options.lookup } : {}),
      headers: {
        'content-type': 'application/x-www-form-urlencoded; charset=UTF-8',
        'content-length': payload.byteLength,
        accept: 'text/xml, application/xml, */*',
        'user-agent': 'line-topup-bot',
      },
    });

    const finish = (action: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(connectTimer);
      clearTimeout(totalTimer);
      action();
    };
    const fail = (failure: TransportFailure): void =>
      finish(() => {
        req.destroy();
        reject(failure);
      });

    const connectTimer = setTimeout(() => {
      if (!connected) fail(new TransportFailure(false, 'connect-timeout', `no connection within ${options.connectTimeoutMs} ms`));
    }, options.connectTimeoutMs);
    const totalTimer = setTimeout(() => {
      fail(
        connected
          ? new TransportFailure(true, 'timeout', `no complete reply within ${options.timeoutMs} ms`)
          : new TransportFailure(false, 'connect-timeout', `no connection within ${options.timeoutMs} ms`),
      );
    }, options.timeoutMs);

    req.on('socket', (socket: Socket) => {
      const markConnected = (): void => {
        connected = true;
        clearTimeout(connectTimer);
      };
      if (secure) socket.once('secureConnect', markConnected);
      else if (socket.connecting) socket.once('connect', markConnected);
      else markConnected();
    });

    req.on('error', (err: NodeJS.ErrnoException) => fail(classifyNodeError(err, connected)));

    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.byteLength;
        if (size > options.maxBytes) {
          fail(new TransportFailure(true, 'too-large', `reply larger than ${options.maxBytes} bytes`));
        } else {
          chunks.push(chunk);
        }
      });
      res.on('end', () =>
        finish(() =>
          resolve({
            status: res.statusCode ?? 0,
            contentType: res.headers['content-type'],
            body: Buffer.concat(chunks),
          }),
        ),
      );
      res.on('error', (err: NodeJS.ErrnoException) => fail(classifyNodeError(err, true)));
      res.on('close', () => {
        if (!res.complete) fail(new TransportFailure(true, 'reset', 'connection closed before the reply was complete'));
      });
    });

    req.end(payload);
  });
}

/** By phase first (connected or not), then by Node error code for the reason label. */
function classifyNodeError(err: NodeJS.ErrnoException, connected: boolean): TransportFailure {
  const code = typeof err.code === 'string' ? err.code : undefined;
  // Node's own messages for these errors name the host and port at most, never the payload.
  const message = `${code ?? 'network error'}`;
  if (!connected) {
    const reason: ProviderFailureReason =
      code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_FAIL' || code === 'EAI_NONAME'
        ? 'dns'
        : code === 'ECONNREFUSED'
          ? 'refused'
          : code === 'ETIMEDOUT'
            ? 'connect-timeout'
            : 'connect-error';
    return new TransportFailure(false, reason, message, code, err);
  }
  const reason: ProviderFailureReason = code === 'ETIMEDOUT' ? 'timeout' : 'reset';
  return new TransportFailure(true, reason, message, code, err);
}
