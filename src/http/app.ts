/**
 * The HTTP app: routes only. Business logic lives in bot/ and orders/.
 *
 * Every body is read under its route's limit while it streams (body.ts) before anything else
 * looks at it: `/webhook` (served without express: webhook.ts) then checks LINE's signature over
 * the raw bytes, the provider callback is form-encoded on a secret path, compared in constant
 * time. Text PostgreSQL cannot store is made storable before it is handed on (storable.ts).
 */
import { timingSafeEqual, createHash } from 'node:crypto';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { JSONParseError, SignatureValidationFailed, type webhook } from '@line/bot-sdk';
import express, { type Router } from 'express';
import type { MetricsAccess } from '../config.ts';
import type { Logger } from '../log.ts';
import type { Metrics } from '../metrics.ts';
import { BodyTooLarge, jsonBody, rawBody, refuseTooLarge } from './body.ts';
import { parseForm } from './form.ts';
import { healthRoutes } from './health.ts';
import { metricsRoutes } from './metrics.ts';
import { storable } from './storable.ts';
import { isWebhook, pathOf, sendJson, webhookHandler } from './webhook.ts';

/** The provider's callback is five short fields. */
const MAX_CALLBACK_BYTES = 16 * 1024;
/** The emulator's largest body: a photo as a data URL. */
const MAX_DEV_BYTES = 8 * 1024 * 1024;

export interface HttpDeps {
  logger: Logger;
  metrics: Metrics;
  /** Who may read /metrics (config decides: DESIGN §3 Metrics). */
  metricsAccess: MetricsAccess;
  channelSecret: string;
  callbackSecret: string;
  isReady: () => boolean;
  ping: () => Promise<boolean>;
  acceptEvents: (events: webhook.Event[]) => Promise<void>;
  /** Returns false for a callback that carries no order id. */
  acceptCallback: (form: Record<string, unknown>) => Promise<boolean>;
  /** Images the bot serves by unguessable token (deposit QR codes, transfer slips). */
  images?: {
    qr(token: string): Promise<{ contentType: string; data: Buffer } | undefined>;
    slip(token: string): Promise<{ contentType: string; data: Buffer } | undefined>;
  };
  /** Demo only: the LINE chat emulator and its API. */
  dev?: Router;
}

export function createHttpApp(deps: HttpDeps): RequestListener {
  const onError = errorHandler(deps.logger);
  const serveWebhook = webhookHandler({ channelSecret: deps.channelSecret, acceptEvents: deps.acceptEvents, onError });
  const app = expressApp(deps, onError);
  return (req, res) => (isWebhook(req) ? serveWebhook(req, res) : app(req, res));
}

function expressApp(deps: HttpDeps, onError: ErrorAnswer): express.Express {
  const app = express();
  app.disable('x-powered-by');
  // No caching of API answers: hashing every body for an ETag is work nobody uses.
  app.set('etag', false);
  app.set('trust proxy', true);

  app.use(healthRoutes({ isReady: deps.isReady, ping: deps.ping }));
  app.use(metricsRoutes({ metrics: deps.metrics, access: deps.metricsAccess }));

  const secretDigest = digest(deps.callbackSecret);
  app.post('/topup/callback/:secret', rawBody(MAX_CALLBACK_BYTES), async (req, res) => {
    // Compare digests: equal length whatever was sent, so timing says nothing about the secret.
    if (!timingSafeEqual(digest(String(req.params.secret)), secretDigest)) {
      res.status(404).type('text/plain').send('Not Found');
      return;
    }
    const accepted = await deps.acceptCallback(storable(parseForm(req.body as Buffer, req.headers['content-type'])));
    if (!accepted) {
      res.status(400).type('text/plain').send('missing orderid');
      return;
    }
    res.status(200).type('text/plain').send('OK');
  });

  const images = deps.images;
  if (images) {
    const serve = (kind: 'qr' | 'slip', cache: string): express.RequestHandler =>
      async (req, res) => {
        const image = await images[kind](String(req.params.token));
        if (!image) {
          res.status(404).type('text/plain').send('Not Found');
          return;
        }
        res
          .status(200)
          .set({ 'content-type': image.contentType, 'cache-control': cache, 'x-robots-tag': 'noindex', 'referrer-policy': 'no-referrer' })
          .send(image.data);
      };
    // A QR never changes; a slip is private to the owners (LINE's servers fetch it once).
    app.get('/qr/:token.png', serve('qr', 'public, max-age=86400, immutable'));
    app.get('/slip/:token', serve('slip', 'private, max-age=3600'));
  }

  if (deps.dev) app.use('/dev', jsonBody(MAX_DEV_BYTES), deps.dev);

  app.use((error: unknown, req: express.Request, res: express.Response, _next: express.NextFunction) => onError(error, req, res));
  return app;
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

type ErrorAnswer = (error: unknown, req: IncomingMessage, res: ServerResponse) => void;

/** The one place HTTP errors become status codes, for express's routes and the webhook alike; decided by error class. */
function errorHandler(logger: Logger): ErrorAnswer {
  return (error, req, res) => {
    const path = pathOf(req);
    if (res.headersSent) {
      // Too late for a status: cut the answer short so the client sees it failed.
      logger.error({ err: error, path }, 'request failed after its answer began');
      res.destroy();
      return;
    }
    if (error instanceof BodyTooLarge) {
      logger.warn({ path }, 'request body over its limit refused');
      refuseTooLarge(req, res, JSON.stringify({ message: 'payload too large' }));
      return;
    }
    if (error instanceof SignatureValidationFailed) {
      logger.warn({ path }, 'webhook with a bad signature refused');
      sendJson(res, 401, JSON.stringify({ message: 'invalid signature' }));
      return;
    }
    if (error instanceof JSONParseError) {
      sendJson(res, 400, JSON.stringify({ message: 'invalid JSON' }));
      return;
    }
    const declared = (error as { status?: unknown } | null)?.status;
    const status = typeof declared === 'number' && declared >= 400 && declared < 500 ? declared : 500;
    if (status === 500) logger.error({ err: error, path }, 'request failed');
    sendJson(res, status, JSON.stringify({ message: status === 500 ? 'internal error' : 'bad request' }));
  };
}
