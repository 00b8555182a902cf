/**
 * The express app: routes only. Business logic lives in bot/ and orders/.
 *
 * Every body is read under its route's limit while it streams (body.ts) before anything else
 * looks at it: `/webhook` then gets LINE's signature middleware (which takes the raw bytes from
 * `req.body`), the provider callback is form-encoded on a secret path, compared in constant
 * time. Text PostgreSQL cannot store is made storable before it is handed on (storable.ts).
 */
import { timingSafeEqual, createHash } from 'node:crypto';
import { JSONParseError, SignatureValidationFailed, middleware, type webhook } from '@line/bot-sdk';
import express, { type ErrorRequestHandler, type Router } from 'express';
import type { MetricsAccess } from '../config.ts';
import type { Logger } from '../log.ts';
import type { Metrics } from '../metrics.ts';
import { BodyTooLarge, jsonBody, rawBody, refuseTooLarge } from './body.ts';
import { parseForm } from './form.ts';
import { healthRoutes } from './health.ts';
import { metricsRoutes } from './metrics.ts';
import { storable } from './storable.ts';

/** LINE sends small JSON; anything this big is not LINE. */
const MAX_WEBHOOK_BYTES = 1024 * 1024;
/** The provider's callback is five short fields. */
const MAX_CALLBACK_BYTES = 16 * 1024;
/** The emulator's largest body: a photo as a data URL. */
const MAX_DEV_BYTES = 8 * 1024 * 1024;
/** `\u0000` or a UTF-16 surrogate escape in JSON text: only then is there anything to clean. */
const MAYBE_UNSTORABLE = /\\u(?:0000|[dD][89a-fA-F])/;

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

export function createHttpApp(deps: HttpDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  // No caching of API answers: hashing every body for an ETag is work nobody uses.
  app.set('etag', false);
  app.set('trust proxy', true);

  app.use(healthRoutes({ isReady: deps.isReady, ping: deps.ping }));
  app.use(metricsRoutes({ metrics: deps.metrics, access: deps.metricsAccess }));

  app.post(
    '/webhook',
    rawBody(MAX_WEBHOOK_BYTES),
    (req, res, next) => {
      res.locals.maybeUnstorable = MAYBE_UNSTORABLE.test((req.body as Buffer).toString('latin1'));
      next();
    },
    middleware({ channelSecret: deps.channelSecret }),
    async (req, res) => {
      const events: unknown = (req.body as { events?: unknown })?.events;
      if (!Array.isArray(events)) {
        res.status(400).json({ message: 'events must be an array' });
        return;
      }
      // Durable before 200: once LINE hears OK it will not send these again.
      await deps.acceptEvents((res.locals.maybeUnstorable ? storable(events) : events) as webhook.Event[]);
      res.status(200).json({});
    },
  );

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

  app.use(errorHandler(deps.logger));
  return app;
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

/** The one place HTTP errors become status codes; decided by error class. */
function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error, req, res, _next) => {
    if (error instanceof BodyTooLarge) {
      logger.warn({ path: req.path }, 'request body over its limit refused');
      refuseTooLarge(req, res, JSON.stringify({ message: 'payload too large' }));
      return;
    }
    if (error instanceof SignatureValidationFailed) {
      logger.warn({ path: req.path }, 'webhook with a bad signature refused');
      res.status(401).json({ message: 'invalid signature' });
      return;
    }
    if (error instanceof JSONParseError) {
      res.status(400).json({ message: 'invalid JSON' });
      return;
    }
    const status = typeof error?.status === 'number' && error.status >= 400 && error.status < 500 ? error.status : 500;
    if (status === 500) logger.error({ err: error, path: req.path }, 'request failed');
    res.status(status).json({ message: status === 500 ? 'internal error' : 'bad request' });
  };
}
