/** Raw HTTP plumbing for the stand-in: reading bodies and answering the way LINE does. */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** LINE caps request bodies well below this; the cap only protects the test process. */
const MAX_BODY_BYTES = 4 * 1024 * 1024;

export class BodyTooLarge extends Error {}

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > MAX_BODY_BYTES) throw new BodyTooLarge(`request body over ${MAX_BODY_BYTES} bytes`);
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}

export type ParsedBody =
  | { ok: true; value: unknown }
  | { ok: false; raw: string };

/** JSON when it parses; LINE answers 400 otherwise, so keep the text for the record. */
export function parseJsonBody(buf: Buffer, contentType: string | undefined): ParsedBody {
  if (buf.length === 0) return { ok: true, value: undefined };
  if (contentType && !/json/i.test(contentType)) return { ok: true, value: { bytes: buf.length } };
  const text = buf.toString('utf8');
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, raw: text };
  }
}

/** LINE request ids are 36 hex chars in practice; the exact form does not matter to clients. */
export function newRequestId(): string {
  return randomBytes(18).toString('hex');
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

export function sendBytes(res: ServerResponse, contentType: string, data: Buffer): void {
  res.writeHead(200, { 'content-type': contentType, 'content-length': data.length });
  res.end(data);
}

/** LINE's usual body for validation failures: a summary plus per-property details. */
export function validationError(details: { message: string; property: string }[]): {
  message: string;
  details: { message: string; property: string }[];
} {
  return { message: `The request body has ${details.length} error(s)`, details };
}

/** The message LINE puts in the JSON body for a given status, used by failNext(). */
export function lineErrorMessage(status: number): string {
  switch (status) {
    case 400: return 'The request body has 1 error(s)';
    case 401: return 'Authentication failed. Confirm that the access token in the authorization header is valid.';
    case 403: return 'Access to this API is not available for your account';
    case 404: return 'Not found';
    case 409: return 'The retry key is already accepted';
    case 410: return 'The content is no longer available';
    case 413: return 'Request entity too large';
    case 429: return 'The API rate limit has been exceeded. Try again later.';
    default: return status >= 500 ? 'Internal server error' : 'Request failed';
  }
}
