/**
 * Request bodies read under a limit while they stream (DESIGN §3 Body limits): a declared
 * `Content-Length` over the limit is refused before a byte is read, a chunked body as soon as
 * it passes the limit; nothing past the limit is kept. Runs before the signature check, so an
 * unsigned flood costs at most one limit of memory per request.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';

/** The body passed its route's limit (→ 413). */
export class BodyTooLarge extends Error {
  readonly status = 413;
  constructor(readonly limitBytes: number) {
    super(`request body over ${limitBytes} bytes`);
    this.name = 'BodyTooLarge';
  }
}

/** The client stopped sending before the body was complete. */
export class BodyAborted extends Error {
  readonly status = 400;
  constructor(options?: { cause?: unknown }) {
    super('request body aborted', options);
    this.name = 'BodyAborted';
  }
}

export function readBody(req: IncomingMessage, limitBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = req.headers['content-length'];
    if (declared !== undefined && Number(declared) > limitBytes) return reject(new BodyTooLarge(limitBytes));
    const chunks: Buffer[] = [];
    let received = 0;
    const finish = (error?: Error) => {
      req.off('data', onData).off('end', onEnd).off('error', onError).off('aborted', onAborted);
      if (error) reject(error);
      else resolve(Buffer.concat(chunks, received));
    };
    const onData = (chunk: Buffer) => {
      received += chunk.length;
      if (received > limitBytes) {
        req.pause();
        chunks.length = 0;
        return finish(new BodyTooLarge(limitBytes));
      }
      chunks.push(chunk);
    };
    const onEnd = () => finish();
    const onError = (cause: Error) => finish(new BodyAborted({ cause }));
    const onAborted = () => finish(new BodyAborted());
    req.on('data', onData).on('end', onEnd).on('error', onError).on('aborted', onAborted);
  });
}

/** Middleware: `req.body` becomes the raw body (a Buffer) read under `limitBytes`. */
export function rawBody(limitBytes: number): RequestHandler {
  return (req, _res, next) => {
    readBody(req, limitBytes).then((body) => {
      req.body = body;
      next();
    }, next);
  };
}

/** A body that is not the JSON its Content-Type says (→ 400). */
export class MalformedJson extends Error {
  readonly status = 400;
  constructor(options?: { cause?: unknown }) {
    super('request body is not valid JSON', options);
    this.name = 'MalformedJson';
  }
}

/**
 * Middleware for routers that parse JSON themselves (the /dev emulator's express.json): a JSON
 * body is read under the limit and parsed here first. Body parsers skip a request already read
 * to its end, so theirs never buffers a flood (body-parser drains a body over its limit before
 * it answers, so its 413 would come only after the last byte).
 */
export function jsonBody(limitBytes: number): RequestHandler {
  return (req, _res, next) => {
    if (!req.is('application/json')) return next();
    readBody(req, limitBytes).then((body) => {
      try {
        req.body = JSON.parse(body.toString('utf8'));
      } catch (cause) {
        return next(new MalformedJson({ cause }));
      }
      next();
    }, next);
  };
}

/** How long a refused upload keeps its connection after the answer. */
const LINGER_MS = 2_000;

/**
 * Answers 413 without reading on. The connection is half-closed after the answer (the client
 * sees its end) and cut LINGER_MS later: cutting at once, while the client is still sending,
 * can make its side drop the answer on the reset; draining the rest instead would let a slow
 * client miss the answer until everything was sent. Meanwhile the client's bytes wait in the
 * kernel's buffers, not in this process.
 */
export function refuseTooLarge(req: IncomingMessage, res: ServerResponse, body: string): void {
  res.statusCode = 413;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(body);
  const socket = req.socket;
  res.once('finish', () => {
    // Node starts draining an unread body once the answer is out; stop it.
    req.pause();
    socket.end();
    setTimeout(() => socket.destroy(), LINGER_MS).unref();
  });
}
