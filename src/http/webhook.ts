/**
 * POST /webhook, served by node's http server itself rather than through express. It is the one
 * route every customer message costs, and express's own work per request (its request and
 * response prototypes, the router, `res.json`) was about a tenth of the bot's CPU per event.
 * The rules are the same: the body is read under its limit while it streams, LINE's signature is
 * checked over the raw bytes (the SDK's `validateSignature`), the JSON must carry an `events`
 * array, and the events are durable before the 200. Errors go to the app's one error handler.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { JSONParseError, SignatureValidationFailed, validateSignature, type webhook } from '@line/bot-sdk';
import { readBody } from './body.ts';
import { storable } from './storable.ts';

/** LINE sends small JSON; anything this big is not LINE. */
const MAX_WEBHOOK_BYTES = 1024 * 1024;
/** `\u0000` or a UTF-16 surrogate escape in JSON text: only then is there anything to clean. */
const MAYBE_UNSTORABLE = /\\u(?:0000|[dD][89a-fA-F])/;

export interface WebhookDeps {
  channelSecret: string;
  acceptEvents: (events: webhook.Event[]) => Promise<void>;
  /** The app's error handler: every refusal and failure is answered there. */
  onError: (error: unknown, req: IncomingMessage, res: ServerResponse) => void;
}

/** True for the requests this handler serves (express routes matched /webhook case-insensitively, with or without a trailing slash). */
export function isWebhook(req: IncomingMessage): boolean {
  if (req.method !== 'POST') return false;
  const path = pathOf(req).toLowerCase();
  return path === '/webhook' || path === '/webhook/';
}

/** The request's path, without its query. */
export function pathOf(req: IncomingMessage): string {
  const url = req.url ?? '';
  const end = url.indexOf('?');
  return end < 0 ? url : url.slice(0, end);
}

export function webhookHandler(deps: WebhookDeps): (req: IncomingMessage, res: ServerResponse) => void {
  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req, MAX_WEBHOOK_BYTES);
    const signature = req.headers['x-line-signature'];
    if (typeof signature !== 'string' || !signature) throw new SignatureValidationFailed('no signature');
    if (!validateSignature(body, deps.channelSecret, signature)) throw new SignatureValidationFailed('signature validation failed');
    const text = body.toString('utf8');
    let parsed: { events?: unknown } | null;
    try {
      parsed = JSON.parse(text) as { events?: unknown } | null;
    } catch {
      throw new JSONParseError('invalid JSON', { raw: text });
    }
    const events = parsed?.events;
    if (!Array.isArray(events)) return sendJson(res, 400, '{"message":"events must be an array"}');
    // Durable before 200: once LINE hears OK it will not send these again.
    await deps.acceptEvents((MAYBE_UNSTORABLE.test(text) ? storable(events) : events) as webhook.Event[]);
    sendJson(res, 200, '{}');
  }
  return (req, res) => {
    handle(req, res).catch((error: unknown) => deps.onError(error, req, res));
  };
}

export function sendJson(res: ServerResponse, status: number, json: string): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(json) });
  res.end(json);
}
